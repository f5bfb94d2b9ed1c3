/** `chancery refs` — placeholder until its owner lands it. */
import type { Command } from 'commander';

export function registerRefs(program: Command): void {
  program
    .command('refs')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('chancery refs: not implemented yet\n');
      process.exitCode = 2;
    });
}
