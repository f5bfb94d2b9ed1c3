/** `chancery id [--year YY] RAW…`: the canonical cable id of each raw id or reference, one per line. */
import type { Command } from 'commander';
import { canonicalCableId } from '../../format/cable-id.ts';

/**
 * Registers `chancery id`. Each RAW is one argument (quote spaced forms: `"07 PARIS 123"`).
 * A RAW that is not a cable id is named on stderr; the others are still printed, then the
 * command exits 1.
 *
 * @example chancery id 08SECSTATE98975 "TEL AVIV 004462" --year 06  → 08STATE98975, 06TELAVIV4462
 */
export function registerId(program: Command): void {
  program
    .command('id')
    .description(
      'print the canonical cable id of each raw id or reference (07 PARIS 123 → 07PARIS123)',
    )
    .argument('<raw...>', 'raw ids or references; quote those with spaces')
    .option(
      '--year <yy>',
      'year (YY or YYYY) for references written without one, as in STATE 12345',
    )
    .action((raws: string[], options: { year?: string }) => {
      if (options.year !== undefined && !/^(\d{2}|\d{4})$/.test(options.year)) {
        process.stderr.write(`chancery id: --year "${options.year}" is not YY or YYYY\n`);
        process.exitCode = 2;
        return;
      }
      for (const raw of raws) {
        const id = canonicalCableId(raw, options.year ?? null);
        if (id !== null) process.stdout.write(`${id}\n`);
        else {
          const hint =
            options.year === undefined && canonicalCableId(raw, '00') !== null
              ? ' (it has no year: give one with --year)'
              : '';
          process.stderr.write(`chancery id: "${raw}" is not a cable id${hint}\n`);
          process.exitCode = 1;
        }
      }
    });
}
