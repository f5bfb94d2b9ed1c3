/** `chancery synth` — placeholder until its owner lands it. */
import type { Command } from 'commander';

export function registerSynth(program: Command): void {
  program
    .command('synth')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('chancery synth: not implemented yet\n');
      process.exitCode = 2;
    });
}
