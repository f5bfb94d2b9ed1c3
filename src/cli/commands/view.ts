/** `chancery view --as SECRET/POL FILE`: the cable as one reader may see it, or nothing at all. */
import type { Command } from 'commander';
import { directory } from '../../directory/directory.ts';
import { markingRules } from '../../directory/marking-rules.ts';
import { parseCable } from '../../format/parse-cable.ts';
import { renderCable } from '../../format/render-cable.ts';
import { parseReaderSpec } from '../../model/reader-spec.ts';
import { redactForReader } from '../../model/redact.ts';
import { readInputs } from '../read-inputs.ts';

export function registerView(program: Command): void {
  program
    .command('view')
    .description('print the redacted view of a cable for a reader: only the portions they may see')
    .requiredOption(
      '--as <reader>',
      'CLEARANCE/NATIONALITY[/ACCESS,ACCESS], e.g. SECRET/POL or TOP SECRET/USA/NODIS',
    )
    .argument('<file>', 'a cable file, or - for standard input')
    .action((file: string, options: { as: string }) => {
      const rules = markingRules();
      const spec = parseReaderSpec(options.as, rules);
      if ('issue' in spec) {
        process.stderr.write(`chancery view: ${spec.issue.message}\n`);
        process.exitCode = 2;
        return;
      }
      const [input] = readInputs([file]);
      const view =
        input && 'text' in input
          ? redactForReader(
              parseCable(input.text, { reference: directory() }).cable,
              spec.reader,
              rules,
            )
          : null;
      if (view === null) {
        // The same words for a missing file and a cable the reader may not see: they learn nothing.
        process.stderr.write(`chancery view: ${file}: no such cable\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(renderCable(view.cable));
    });
}
