// The CLI as two plain-JS bundles in dist/, so a command starts in one Node process without
// compiling TypeScript first (docs/architecture.md, "Decisions taken"):
//   dist/chancery.mjs        src/cli/main.ts and everything it imports
//   dist/prepare-worker.mjs  the import's preparing thread (src/service/import/prepare-worker.ts)
//   dist/bundle.json         the fingerprint of the sources they were built from
// bin/chancery.js rebuilds them whenever a file under src/ was added, removed or changed (its
// size or modification time differs, older or newer), so they never run stale code.
// `node scripts/bundle.mjs` builds them by hand. Packages stay external: node_modules is loaded
// as it is (better-sqlite3 is a native module).
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const distDir = join(root, 'dist');
export const srcDir = join(root, 'src');
const ENTRIES = {
  'prepare-worker': join(srcDir, 'service', 'import', 'prepare-worker.ts'),
  chancery: join(srcDir, 'cli', 'main.ts'),
};
const STAMP = 'bundle.json';

/**
 * The sources as they are now: every file under `dir` with its size and modification time, one
 * line each, in path order. Any edit, addition, removal or rename changes it, and so does a file
 * put back with an older time (a restore, `cp -p`), which a newest-time rule would miss.
 */
export function sourceFingerprint(dir = srcDir) {
  const lines = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const info = statSync(path);
        lines.push(`${relative(dir, path)}\t${info.size}\t${info.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return lines.sort().join('\n');
}

/** True when `dist` holds both bundles, built from the sources now in `src`. */
export function bundleIsFresh(dist = distDir, src = srcDir) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dist, STAMP), 'utf8'));
    for (const name of Object.keys(ENTRIES)) statSync(join(dist, `${name}.mjs`));
  } catch {
    return false;
  }
  return typeof stamp.sources === 'string' && stamp.sources === sourceFingerprint(src);
}

/**
 * Builds both bundles into `dist`. Each file is written beside its place and renamed over it, the
 * stamp last, so a command started meanwhile (or a second build racing this one) never loads a
 * half-written file. Throws esbuild's error when the sources do not build.
 */
export async function buildBundle(dist = distDir, src = srcDir) {
  const sources = sourceFingerprint(src); // taken first: an edit during the build re-triggers it
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    outdir: dist,
    outExtension: { '.js': '.mjs' },
    logLevel: 'silent',
  });
  mkdirSync(dist, { recursive: true });
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  // The worker first: a new chancery.mjs must never start an old worker.
  const files = [...result.outputFiles].sort((a, b) =>
    a.path.endsWith('prepare-worker.mjs') ? -1 : b.path.endsWith('prepare-worker.mjs') ? 1 : 0,
  );
  for (const file of files) {
    writeFileSync(file.path + suffix, file.contents);
    renameSync(file.path + suffix, file.path);
  }
  const stamp = join(dist, STAMP);
  writeFileSync(stamp + suffix, `${JSON.stringify({ sources })}\n`);
  renameSync(stamp + suffix, stamp);
}

/**
 * The path of a fresh dist/chancery.mjs, building it first when it is stale or missing; null when
 * it cannot be built (esbuild not installed, or the sources do not build), so the caller can run
 * the sources through tsx instead and show their error as tsx reports it.
 */
export async function ensureBundle() {
  if (!bundleIsFresh()) {
    try {
      await buildBundle();
    } catch {
      return null;
    }
  }
  return join(distDir, 'chancery.mjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildBundle();
  console.log(`bundled the CLI into ${distDir}`);
}
