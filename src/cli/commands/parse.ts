/** `chancery parse [--json] FILE…|-`: prints each cable's fields. */
import type { Command } from 'commander';
import { directory } from '../../directory/directory.ts';
import { cableToJson } from '../../format/cable-json.ts';
import { parseCable } from '../../format/parse-cable.ts';
import { presentCableText } from '../presenters/cable-text.ts';
import { readInputs } from '../read-inputs.ts';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('print the fields of each cable (a bare telegram or an archive record)')
    .argument('<files...>', 'cable files, or - for standard input')
    .option('--json', 'one JSON object per input, one per line')
    .action((files: string[], options: { json?: boolean }) => {
      const reference = directory();
      for (const input of readInputs(files)) {
        if ('error' in input) {
          process.stderr.write(`chancery parse: ${input.name}: ${input.error}\n`);
          process.exitCode = 1;
          if (options.json)
            process.stdout.write(`${JSON.stringify({ file: input.name, error: input.error })}\n`);
          continue;
        }
        const { cable, issues } = parseCable(input.text, { reference });
        process.stdout.write(
          options.json
            ? `${JSON.stringify(cableToJson(cable, issues, input.name))}\n`
            : `${presentCableText(cable, issues, input.name)}\n\n`,
        );
      }
    });
}
