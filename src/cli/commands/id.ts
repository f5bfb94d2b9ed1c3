/** `chancery id` — placeholder until its owner lands it. */
import type { Command } from 'commander';

export function registerId(program: Command): void {
  program
    .command('id')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('chancery id: not implemented yet\n');
      process.exitCode = 2;
    });
}
