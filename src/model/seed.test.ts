// The seed 08STATE98975 as parsed from its file: the expectations issue 3 states for it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseCable } from '../format/parse-cable.ts';
import { noSharedReason, seedPath } from '../../test/support/shared.ts';
import { rules } from '../../test/support/marking-rules.ts';
import { rollUpBanner } from './banner.ts';
import { cablePortions } from './cable-portions.ts';
import { releasableExtract } from './extract.ts';
import { formatBanner, formatPortionMark } from './format-marking.ts';
import { parseReaderSpec } from './reader-spec.ts';
import type { Reader } from './reader.ts';
import { redactForReader } from './redact.ts';
import { validateCable } from './validate.ts';

const skip = seedPath === undefined ? noSharedReason : false;
const seed = () => parseCable(readFileSync(seedPath!, 'utf8')).cable;
const reader = (spec: string): Reader => {
  const r = parseReaderSpec(spec, rules);
  assert.ok('reader' in r);
  return r.reader;
};

describe('the seed cable', { skip }, () => {
  it('rolls up to SECRET with no REL TO, paragraphs 3 and 4 normalised to the canonical REL TO', () => {
    const cable = seed();
    const portions = cablePortions(cable, rules).portions.filter((p) => p.index >= 0);
    assert.deepEqual(
      portions.map((p) => p.marking && formatPortionMark(p.marking)),
      [
        '(U)',
        '(S)',
        '(S//REL TO USA, BGR, CZE, ESP, ITA, POL, ROU, SVK, SVN)',
        '(S//REL TO USA, BGR, CZE, ESP, ITA, POL, ROU, SVK, SVN)',
        '(U)',
        '(U)',
        '(U)',
      ],
    );
    assert.equal(
      formatBanner(
        rollUpBanner(
          portions.map((p) => p.marking!),
          cable.captions,
        ),
      ),
      'SECRET',
    );
  });

  it('has one defect: no TAGS', () => {
    assert.deepEqual(
      validateCable(seed(), rules).map((i) => i.code),
      ['tags.missing'],
    );
  });

  it('extracts paragraphs 3 and 4 for Bulgaria under SECRET//REL TO USA, BGR', () => {
    const extract = releasableExtract(seed(), 'BGR', rules)!;
    assert.deepEqual(
      extract.portions.map((p) => p.number),
      ['3', '4'],
    );
    assert.equal(formatBanner(extract.banner), 'SECRET//REL TO USA, BGR');
  });

  it('shows each reader what they may see', () => {
    const numbers = (spec: string) =>
      redactForReader(seed(), reader(spec), rules)?.cable.paragraphs.map((p) => p.number) ?? null;
    assert.deepEqual(numbers('SECRET/POL'), ['3', '4']);
    assert.deepEqual(numbers('CONFIDENTIAL/USA'), ['1', '5', '6', '7']);
    assert.equal(
      formatBanner(redactForReader(seed(), reader('CONFIDENTIAL/USA'), rules)!.banner),
      'UNCLASSIFIED',
    );
    assert.equal(numbers('CONFIDENTIAL/FRA'), null);
  });
});
