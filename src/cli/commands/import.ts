/** `chancery import` — placeholder until its owner lands it. */
import type { Command } from 'commander';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('chancery import: not implemented yet\n');
      process.exitCode = 2;
    });
}
