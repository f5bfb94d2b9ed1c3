/** Loads the reference tables in reference/*.csv (verbatim copies of shared/reference) once. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './csv.ts';
import { packageRoot } from './package-root.ts';

/** Folder of the vendored reference tables. */
export const referenceDir = join(packageRoot(), 'reference') + '/';

const cache = new Map<string, Record<string, string>[]>();

/** Rows of one reference table, e.g. `referenceTable('countries')`. */
export function referenceTable(name: string): readonly Record<string, string>[] {
  let rows = cache.get(name);
  if (!rows) {
    const file = `${referenceDir}${name}.csv`;
    rows = parseCsv(readFileSync(file, 'utf8'), file);
    cache.set(name, rows);
  }
  return rows;
}
