/** `chancery render FILE.json`: writes the telegram of a cable given in its JSON form. */
import type { Command } from 'commander';
import { cableFromJson } from '../../format/cable-json.ts';
import { renderCable } from '../../format/render-cable.ts';
import { formatIssue } from '../presenters/issue-text.ts';
import { readInputs } from '../read-inputs.ts';

export function registerRender(program: Command): void {
  program
    .command('render')
    .description(
      'write the telegram text of a cable from its JSON form (as printed by parse --json)',
    )
    .argument('<file>', 'a JSON file (one object, or the first line of parse --json output), or -')
    .action((file: string) => {
      const [input] = readInputs([file]);
      if (!input || 'error' in input) {
        process.stderr.write(
          `chancery render: ${file}: ${input && 'error' in input ? input.error : 'unreadable'}\n`,
        );
        process.exitCode = 1;
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(input.text.trim().split('\n')[0] ?? '');
      } catch (error) {
        process.stderr.write(
          `chancery render: ${file}: not JSON (${error instanceof Error ? error.message : String(error)})\n`,
        );
        process.exitCode = 1;
        return;
      }
      const { cable, issues } = cableFromJson(value);
      for (const i of issues) process.stderr.write(`${formatIssue(file, i)}\n`);
      if (!cable) {
        process.exitCode = 1;
        return;
      }
      process.stdout.write(renderCable(cable));
    });
}
