// Types of scripts/bundle.mjs (plain JS: bin/chancery.js loads it before anything is built).
export declare const distDir: string;
export declare const srcDir: string;
export declare function sourceFingerprint(dir?: string): string;
export declare function bundleIsFresh(dist?: string, src?: string): boolean;
export declare function buildBundle(dist?: string, src?: string): Promise<void>;
export declare function ensureBundle(): Promise<string | null>;
