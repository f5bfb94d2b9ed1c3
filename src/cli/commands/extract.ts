/** `chancery extract` — placeholder until its owner lands it. */
import type { Command } from 'commander';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('chancery extract: not implemented yet\n');
      process.exitCode = 2;
    });
}
