/**
 * The folder of Chancery's package.json, found by walking up from this module: the same answer
 * whether the code runs from src/ (through tsx) or from the bundle in dist/ (bin/chancery.js),
 * where module-relative paths such as '../../reference/' would point elsewhere.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

/**
 * The package's root folder (holds package.json, reference/, and ../shared beside it).
 * Throws when no folder above this module holds Chancery's package.json: an install that broken
 * cannot read its reference data either, and saying so beats a missing-file error later.
 *
 * @example join(packageRoot(), 'reference') // '/work/main/reference'
 */
export function packageRoot(): string {
  if (found !== undefined) return found;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (isChanceryPackage(join(dir, 'package.json'))) return (found = dir);
    if (dirname(dir) === dir)
      throw new Error(`Chancery's package.json was not found in any folder above ${start}`);
  }
}

/** True when `file` is Chancery's package.json; false when it is absent, unreadable or another package's. */
function isChanceryPackage(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'chancery';
  } catch {
    return false;
  }
}
