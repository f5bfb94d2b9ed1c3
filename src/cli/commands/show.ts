/** `chancery show ID [--as READER] [--version N]`: prints a stored cable as the reader may see it. */
import type { Command } from 'commander';
import { withArchiveReader } from '../with-archive-reader.ts';
import { showCable } from '../../service/show-cable.ts';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description(
      'print a stored cable: its original text when the reader may see all of it, else the ' +
        'redacted view. Without --as the reader is the local operator (TOP SECRET, USA, every caption access).',
    )
    .argument('<id>', 'cable id, e.g. 08STATE98975')
    .option('--as <reader>', 'read as CLEARANCE/NATIONALITY[/ACCESSES], e.g. SECRET/POL')
    .option('--version <n>', 'an older version (1 is the first imported)')
    .action(async (id: string, options: { as?: string; version?: string }) => {
      const version =
        options.version === undefined ? undefined : Number.parseInt(options.version, 10);
      if (version !== undefined && !(version >= 1)) {
        process.stderr.write(`chancery show: --version must be a positive integer\n`);
        process.exitCode = 2;
        return;
      }
      await withArchiveReader('show', options.as, async (store, reader) => {
        const shown = await showCable(store, id, reader, version);
        if (shown.kind === 'not-found') {
          process.stderr.write(`chancery show: ${shown.message}\n`);
          process.exitCode = 1;
          return;
        }
        if (shown.kind === 'redacted')
          process.stderr.write(
            `chancery show: ${shown.id} version ${shown.version} redacted for ${options.as ?? 'operator'}: only portions you may see (${shown.banner})\n`,
          );
        process.stdout.write(shown.text);
      });
    });
}
