/** Locates ../shared (the corpus and seed) for tests and benchmarks, which skip when it is absent. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCableFiles } from '../../src/service/synth/corpus-files.ts';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The shared folder beside the repository, or undefined (override with CHANCERY_SHARED). */
export const sharedDir: string | undefined = [
  process.env.CHANCERY_SHARED,
  join(repoRoot, '..', 'shared'),
].find((d): d is string => d !== undefined && d !== '' && existsSync(join(d, 'examples')));

/** Reason passed to `skip` when ../shared is absent. */
export const noSharedReason = `../shared not found beside ${repoRoot} (set CHANCERY_SHARED): corpus tests skipped`;

/** Path of the seed cable 08STATE98975, if present. */
export const seedPath = sharedDir && join(sharedDir, 'examples', '08STATE98975.txt');

/** Every corpus file path, sorted; empty when the corpus is absent. */
export function corpusFiles(): string[] {
  if (!sharedDir) return [];
  const root = join(sharedDir, 'corpus', 'cablegate');
  return existsSync(root) ? listCableFiles(root) : [];
}
