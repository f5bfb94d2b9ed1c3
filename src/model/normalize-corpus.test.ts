// Every portion mark written in the corpus normalises, and normalising its canonical form again changes nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { it } from 'node:test';
import { parsePortionMarking } from '../format/portion-mark.ts';
import { corpusFiles, noSharedReason } from '../../test/support/shared.ts';
import { rules } from '../../test/support/marking-rules.ts';
import { formatPortionMark } from './format-marking.ts';
import { normalizeMarking } from './normalize-marking.ts';

const files = corpusFiles();

it(
  'normalises every corpus portion mark idempotently',
  { skip: files.length === 0 ? noSharedReason : false },
  () => {
    const marks = new Map<string, string>(); // distinct (mark, year) → file, for messages
    for (const file of files) {
      const year = basename(file).slice(0, 2);
      const asOf = `${Number(year) > 50 ? '19' : '20'}${year}-06-30`;
      for (const m of readFileSync(file, 'utf8').matchAll(
        /^\s*¶?\s*\d{1,2}\s*\.\s*(\([^()\n]{1,120}\))/gm,
      ))
        marks.set(`${m[1]!}\t${asOf}`, basename(file));
    }
    let normalised = 0;
    for (const [key, file] of marks) {
      const [raw, asOf] = key.split('\t') as [string, string];
      const parsed = parsePortionMarking(raw);
      if (parsed === null) continue;
      const once = normalizeMarking(parsed, rules, { asOf }).marking;
      if (once === null) continue;
      normalised++;
      const canonical = formatPortionMark(once);
      const again = parsePortionMarking(canonical);
      assert.ok(again, `${canonical} (from ${raw} in ${file}) parses`);
      assert.deepEqual(normalizeMarking(again, rules, { asOf }).marking, once, `${raw} in ${file}`);
    }
    assert.ok(normalised > 100, `only ${normalised} distinct marks normalised`);
  },
);
