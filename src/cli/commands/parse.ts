/** `chancery parse` — placeholder until its owner lands it. */
import type { Command } from 'commander';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('chancery parse: not implemented yet\n');
      process.exitCode = 2;
    });
}
