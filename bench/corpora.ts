/** The corpora the benchmark runs on: the real Cablegate files and cached synthetic ones under the work dir. */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { directory } from '../src/directory/directory.ts';
import { defaultCorpusDir, listCableFiles } from '../src/service/synth/corpus-files.ts';
import { createSynthWorld, writeSynthCorpus } from '../src/service/synth/synth-corpus.ts';

/** Bump when the synthetic generator's output changes. */
export const SYNTH_VERSION = 2;

/** Where generated corpora and databases live (outside the repository, kept between runs). */
export const workDir = process.env.CHANCERY_BENCH_DIR ?? '/tmp/chancery-bench';

export interface Corpus {
  readonly name: string; // "real-6k", "synth-256k"
  readonly files: readonly string[];
  readonly bytes: number;
}

/** The real corpus, or undefined when ../shared is absent. */
export function realCorpus(): Corpus | undefined {
  const dir = defaultCorpusDir();
  if (!dir) return undefined;
  return withBytes('real-6k', listCableFiles(dir));
}

/**
 * The synthetic corpus of `count` cables for `seed`, generated once into the work dir and reused
 * (a `.complete` marker records that a run finished; an interrupted one is regenerated).
 */
export function synthCorpus(
  count: number,
  seed = '1',
  log: (s: string) => void = () => {},
): Corpus {
  // The generator's version is part of the cache key: a changed generator never reuses old files.
  const dir = join(workDir, `synth-${count}-${seed}-v${SYNTH_VERSION}`);
  const marker = join(dir, '.complete');
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true });
    const corpusDir = defaultCorpusDir();
    const world = createSynthWorld(directory(), corpusDir ? listCableFiles(corpusDir) : []);
    const started = performance.now();
    const report = writeSynthCorpus({
      world,
      count,
      seed,
      out: dir,
      onProgress: (n) => {
        if (n % 20000 === 0)
          log(`synth ${n}/${count} ${((performance.now() - started) / 1000).toFixed(0)} s`);
      },
    });
    writeFileSync(
      marker,
      JSON.stringify({ ...report, seconds: (performance.now() - started) / 1000 }),
    );
  }
  const files = listCableFiles(dir);
  const info = JSON.parse(readFileSync(marker, 'utf8')) as { bytes: number };
  return { name: `synth-${label(count)}`, files, bytes: info.bytes };
}

function withBytes(name: string, files: string[]): Corpus {
  let bytes = 0;
  for (const f of files) bytes += readFileSync(f).length;
  return { name, files, bytes };
}

/** 6412 → "6k", 256000 → "256k", 1000000 → "1M". */
export function label(count: number): string {
  return count >= 1e6
    ? `${count / 1e6}M`
    : count >= 1000
      ? `${Math.round(count / 1000)}k`
      : String(count);
}
