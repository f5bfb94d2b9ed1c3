/** `chancery extract --country BGR FILE`: the portions of a cable releasable to one country, banner recomputed. */
import type { Command } from 'commander';
import { directory } from '../../directory/directory.ts';
import { markingRules } from '../../directory/marking-rules.ts';
import { parseCable } from '../../format/parse-cable.ts';
import { type ReleasableExtract, releasableExtract } from '../../model/extract.ts';
import { formatBanner, formatPortionMark } from '../../model/format-marking.ts';
import { readInputs } from '../read-inputs.ts';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description(
      'print the portions of a cable releasable to one country, with the banner recomputed',
    )
    .requiredOption('--country <code>', 'trigraph or country name, e.g. BGR or Bulgaria')
    .argument('<file>', 'a cable file, or - for standard input')
    .action((file: string, options: { country: string }) => {
      const rules = markingRules();
      const code = rules.relToCode(options.country);
      if (code === undefined || !rules.isCountry(code) || code === 'USA') {
        process.stderr.write(
          `chancery extract: --country ${options.country} is not a foreign country (use a trigraph such as BGR)\n`,
        );
        process.exitCode = 2;
        return;
      }
      const [input] = readInputs([file]);
      if (!input || 'error' in input) {
        process.stderr.write(
          `chancery extract: ${file}: ${input && 'error' in input ? input.error : 'unreadable'}\n`,
        );
        process.exitCode = 1;
        return;
      }
      const { cable } = parseCable(input.text, { reference: directory() });
      const extract = releasableExtract(cable, code, rules);
      if (extract === null) {
        process.stderr.write(
          `chancery extract: ${file}: no portion of this cable is releasable to ${code}\n`,
        );
        process.exitCode = 1;
        return;
      }
      process.stdout.write(presentExtract(extract));
    });
}

/**
 * The extract as telegram-like text: banner, parent reference, released portions with canonical
 * marks, banner again.
 *
 * @example presentExtract(x).split('\n')[1] // 'Extract of STATE 098975 (08STATE98975) releasable to BGR'
 */
export function presentExtract(extract: ReleasableExtract): string {
  const banner = formatBanner(extract.banner);
  const { id, messageReference } = extract.parent;
  const parent = [messageReference, id && (messageReference ? `(${id})` : id)]
    .filter(Boolean)
    .join(' ');
  const lines = [
    banner,
    `Extract of ${parent || 'an unidentified cable'} releasable to ${extract.country}`,
    '',
  ];
  for (const p of extract.portions) {
    const mark = formatPortionMark(p.marking);
    lines.push(
      p.field === 'subject'
        ? `SUBJECT: ${mark} ${p.text}`
        : `${p.number === null ? '' : `${p.number}. `}${mark} ${p.text}`,
      '',
    );
  }
  lines.push(banner, '');
  return lines.join('\n');
}
