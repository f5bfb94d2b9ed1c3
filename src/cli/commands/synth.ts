/** `chancery synth` — writes a deterministic synthetic corpus of archive-format cables for scale tests. */
import type { Command } from 'commander';
import { directory } from '../../directory/directory.ts';
import { defaultCorpusDir, listCableFiles } from '../../service/synth/corpus-files.ts';
import { createSynthWorld, writeSynthCorpus } from '../../service/synth/synth-corpus.ts';
import { progressText } from '../presenters/progress-text.ts';

export function registerSynth(program: Command): void {
  program
    .command('synth')
    .description(
      'write N synthetic archive-format cables to DIR/<YEAR>/<ID>.txt (same seed, same bytes)',
    )
    .requiredOption('--count <n>', 'number of cables', (v) => Number.parseInt(v, 10))
    .option('--seed <s>', 'seed', '1')
    .option('--out <dir>', 'output folder', 'synth')
    .option(
      '--corpus <dir>',
      'real corpus to learn words and sizes from (default ../shared/corpus/cablegate)',
    )
    .option('--no-corpus', 'use the built-in vocabulary even when the corpus is present')
    .action((options: { count: number; seed: string; out: string; corpus?: string | false }) => {
      if (!Number.isInteger(options.count) || options.count < 0) {
        process.stderr.write('chancery synth: --count must be a non-negative integer\n');
        process.exitCode = 2;
        return;
      }
      const corpusDir =
        options.corpus === false ? undefined : (options.corpus ?? defaultCorpusDir());
      const world = createSynthWorld(directory(), corpusDir ? listCableFiles(corpusDir) : []);
      const started = performance.now();
      const tty = process.stderr.isTTY;
      const report = writeSynthCorpus({
        world,
        count: options.count,
        seed: options.seed,
        out: options.out,
        onProgress: (written, bytes) => {
          if (!tty && written % 10000 !== 0) return;
          const seconds = (performance.now() - started) / 1000;
          const text = progressText(written, options.count, seconds, 'cables');
          process.stderr.write(
            `${tty ? '\r' : ''}synth ${text}, ${(bytes / 1e6).toFixed(0)} MB${tty ? '\x1b[K' : '\n'}`,
          );
        },
      });
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(tty ? '\n' : '');
      process.stdout.write(
        `wrote ${report.written} cables, ${(report.bytes / 1e6).toFixed(1)} MB to ${options.out} in ${seconds.toFixed(1)} s (words: ${report.source})\n`,
      );
    });
}
