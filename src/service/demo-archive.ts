/** Use case behind `chancery demo`: fill the archive with the best data at hand, idempotently. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { directory } from '../directory/directory.ts';
import { packageRoot } from '../directory/package-root.ts';
import type { Store } from '../store/store.ts';
import { scenarioReplies } from './demo-replies.ts';
import { importCables, type ImportReport } from './import-cables.ts';
import { createSynthWorld, writeSynthCorpus } from './synth/synth-corpus.ts';

const repoRoot = packageRoot();

export type DemoSource = 'corpus' | 'synthetic' | 'seed';

export interface DemoReport {
  readonly source: DemoSource;
  /** What was imported, in words, for the summary. */
  readonly description: string;
  readonly report: ImportReport;
  readonly cables: number;
  readonly versions: number;
}

/** The shared folder: $CHANCERY_SHARED when set, else ../shared beside the repository; undefined when absent. */
export function sharedFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  // An explicit CHANCERY_SHARED wins, even when it names no shared folder (to try the demo without).
  const candidates =
    env.CHANCERY_SHARED !== undefined && env.CHANCERY_SHARED !== ''
      ? [env.CHANCERY_SHARED]
      : [join(repoRoot, '..', 'shared')];
  return candidates.find((d) => existsSync(join(d, 'examples')));
}

/**
 * Imports the seed and the real corpus when ../shared is present; otherwise a few thousand
 * synthetic cables (written once under `workDir/synth`); the seed alone as a last resort (it
 * ships only with ../shared, so then nothing). Running it again imports nothing new.
 *
 * @example const demo = await fillDemoArchive(store, './data') // { source: 'corpus', ... }
 */
export async function fillDemoArchive(
  store: Store,
  workDir: string,
  options: {
    readonly synthCount?: number;
    readonly onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<DemoReport> {
  const shared = sharedFolder();
  let source: DemoSource;
  let paths: string[];
  let description: string;
  if (shared !== undefined && existsSync(join(shared, 'corpus', 'cablegate'))) {
    source = 'corpus';
    // The seed first, then the corpus: its copy of the seed (with TAGS) becomes version 2.
    paths = [join(shared, 'examples', '08STATE98975.txt'), join(shared, 'corpus', 'cablegate')];
    description = `the seed and the real Cablegate corpus from ${shared}`;
  } else {
    const count = options.synthCount ?? 3000;
    const out = join(workDir, 'synth');
    source = 'synthetic';
    if (!existsSync(out))
      writeSynthCorpus({ world: createSynthWorld(directory(), []), count, seed: 'demo', out });
    paths = [out, ...(shared === undefined ? [] : [join(shared, 'examples', '08STATE98975.txt')])];
    description = `${count} synthetic cables (../shared/corpus not found) written to ${out}`;
  }
  // The scenario's replies to the seed, so `refs 08STATE98975` lists them under cited-by.
  const replies = join(workDir, 'scenario');
  for (const f of scenarioReplies()) {
    const file = join(replies, f.path);
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, f.text);
    }
  }
  paths.push(replies);
  description += ", and the scenario's two replies from Prague and Warsaw";
  const report = await importCables(store, paths, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const counts = await store.counts();
  return { source, description, report, ...counts };
}
