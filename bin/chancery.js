#!/usr/bin/env node
// Runs the CLI from its bundle, dist/chancery.mjs, in this process: rebuilt first whenever a file
// under src/ changed (scripts/bundle.mjs), so it never runs stale code. Where it cannot be built
// (esbuild absent, or sources that do not build), the TypeScript sources run through tsx instead,
// in a second process, as before the bundle: slower to start, same behaviour.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBundle } from '../scripts/bundle.mjs';

const bundle = await ensureBundle();
if (bundle !== null) {
  await import(pathToFileURL(bundle).href);
} else {
  const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  const result = spawnSync(process.execPath, ['--import', 'tsx', main, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
