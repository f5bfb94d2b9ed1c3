/** Finds the real corpus the synthetic word model is trained on (../shared/corpus/cablegate by default). */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../directory/package-root.ts';

const repoRoot = packageRoot();

/** The default corpus folder: $CHANCERY_SHARED/corpus/cablegate or ../shared beside the repository. */
export function defaultCorpusDir(): string | undefined {
  const candidates = [
    process.env.CHANCERY_SHARED && join(process.env.CHANCERY_SHARED, 'corpus', 'cablegate'),
    join(repoRoot, '..', 'shared', 'corpus', 'cablegate'),
  ];
  return candidates.find((d): d is string => typeof d === 'string' && d !== '' && existsSync(d));
}

/**
 * Every *.txt under `dir`, sorted, so the word model is the same on every run.
 *
 * @example listCableFiles('/work/shared/corpus/cablegate').length // 6412
 */
export function listCableFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path).sort()) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.txt')) out.push(full);
    }
  };
  walk(dir);
  return out;
}
