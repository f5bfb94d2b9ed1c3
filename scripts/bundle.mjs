// The CLI as two plain-JS bundles in dist/, so a command starts in one Node process without
// compiling TypeScript first (docs/architecture.md, "Running the CLI"):
//   dist/chancery.mjs        src/cli/main.ts and everything it imports
//   dist/prepare-worker.mjs  the import's preparing thread (src/service/import/prepare-worker.ts)
//   dist/bundle.json         the newest source time the bundles were built from
// bin/chancery.js rebuilds them when a file under src/ is newer (or was added or removed), so
// they never run stale code. `node scripts/bundle.mjs` builds them (npm ci does, via "prepare").
// Packages stay external: node_modules is loaded as it is (better-sqlite3 is a native module).
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
 * The newest modification time (ms) of any file or folder under `dir`: a folder's time changes
 * when an entry is added, removed or renamed in it, so deletions count too.
 */
export function newestSourceTime(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs,
    );
  }
  return newest;
}

/** True when `dist` holds both bundles, built from sources no older than those now in `src`. */
export function bundleIsFresh(dist = distDir, src = srcDir) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dist, STAMP), 'utf8'));
    for (const name of Object.keys(ENTRIES)) statSync(join(dist, `${name}.mjs`));
  } catch {
    return false;
  }
  return typeof stamp.sourcesMtimeMs === 'number' && newestSourceTime(src) <= stamp.sourcesMtimeMs;
}

/**
 * Builds both bundles into `dist`. Each file is written beside its place and renamed over it, the
 * stamp last, so a command started meanwhile (or a second build racing this one) never loads a
 * half-written file. Throws esbuild's error when the sources do not build.
 */
export async function buildBundle(dist = distDir, src = srcDir) {
  const sourcesMtimeMs = newestSourceTime(src); // read first: an edit during the build re-triggers it
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
  writeFileSync(stamp + suffix, `${JSON.stringify({ sourcesMtimeMs })}\n`);
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
