/** `chancery show` — placeholder until its owner lands it. */
import type { Command } from 'commander';

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('chancery show: not implemented yet\n');
      process.exitCode = 2;
    });
}
