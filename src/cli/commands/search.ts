/** `chancery search` — placeholder until its owner lands it. */
import type { Command } from 'commander';

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('chancery search: not implemented yet\n');
      process.exitCode = 2;
    });
}
