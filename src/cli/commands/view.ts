/** `chancery view` — placeholder until its owner lands it. */
import type { Command } from 'commander';

export function registerView(program: Command): void {
  program
    .command('view')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('chancery view: not implemented yet\n');
      process.exitCode = 2;
    });
}
