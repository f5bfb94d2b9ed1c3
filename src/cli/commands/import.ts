/** `chancery import PATH… [--batch N] [--json]`: imports archive-format cables into the archive. */
import type { Command } from 'commander';
import { importCables, type ImportReport } from '../../service/import-cables.ts';
import { storeLocation } from '../../service/open-store.ts';
import { progressText } from '../presenters/progress-text.ts';
import { withArchive } from '../with-archive.ts';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'import archive-format cable files and folders (recursively, *.txt) into the archive ' +
        '(SQLite at $CHANCERY_DB, default ./data/chancery.db; PostgreSQL when $DATABASE_URL is set). ' +
        'Idempotent: unchanged cables are skipped, changed ones kept as a new version.',
    )
    .argument('<paths...>', 'files or folders')
    .option('--batch <n>', 'cables per transaction', '500')
    .option('--json', 'print the final report as JSON')
    .action(async (paths: string[], options: { batch: string; json?: boolean }) => {
      const batchSize = Number.parseInt(options.batch, 10);
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        process.stderr.write(
          `chancery import: --batch must be a positive integer, not "${options.batch}"\n`,
        );
        process.exitCode = 2;
        return;
      }
      const where = storeLocation();
      await withArchive('import', {}, async (store) => {
        const progress = progressReporter();
        const report = await importCables(store, paths, { batchSize, onProgress: progress.update });
        progress.done();
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ store: where, ...report })}\n`
            : presentReport(report, `${where.kind} ${where.where}`),
        );
        if (report.rejected.length > 0) process.exitCode = 1;
      });
    });
}

/**
 * The final report: the files read, then what became of them, then each rejected file with its
 * reason. The first line counts files read, not imported: an import that rejected everything must
 * not open with "Imported".
 */
export function presentReport(report: ImportReport, where: string): string {
  const rate = report.seconds > 0 ? Math.round(report.files / report.seconds) : report.files;
  const lines = [
    `Import into ${where}: ${report.files} files read in ${report.seconds.toFixed(1)} s (${rate} files/s)`,
    `  imported  ${report.imported}`,
    `  unchanged ${report.unchanged}`,
    `  updated   ${report.updated}`,
    `  rejected  ${report.rejected.length}`,
    ...report.rejected.map((r) => `    ${r.file}: ${r.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** A progress bar on a terminal (count/total, rate, time left); a line every 10 s otherwise. */
function progressReporter(): { update: (done: number, total: number) => void; done: () => void } {
  const tty = process.stderr.isTTY;
  const started = performance.now();
  let lastLine = 0;
  let drawn = false;
  return {
    update: (done, total) => {
      const seconds = (performance.now() - started) / 1000;
      const text = progressText(done, total, seconds, 'cables');
      if (tty) {
        const width = 30;
        const filled = total > 0 ? Math.round((done / total) * width) : width;
        process.stderr.write(
          `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`,
        );
        drawn = true;
      } else if (seconds - lastLine >= 10) {
        lastLine = seconds;
        process.stderr.write(`chancery import: ${text}\n`);
      }
    },
    done: () => {
      if (drawn) process.stderr.write('\n');
    },
  };
}
