/** `chancery render` — placeholder until its owner lands it. */
import type { Command } from 'commander';

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('chancery render: not implemented yet\n');
      process.exitCode = 2;
    });
}
