// Property tests (fast-check) over generated marks, cables and readers: the rules hold for every input, not just the seed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Level, Paragraph } from '../format/cable.ts';
import { parsePortionMarking } from '../format/portion-mark.ts';
import { buildCable } from '../../test/support/build-cable.ts';
import { rules } from '../../test/support/marking-rules.ts';
import { rollUpBanner } from './banner.ts';
import { classificationLineFor } from './banner-text.ts';
import { releasableExtract } from './extract.ts';
import { formatPortionMark, toPortionMarking } from './format-marking.ts';
import { LEVELS, levelRank } from './levels.ts';
import type { Marking } from './marking.ts';
import { normalizeMarking } from './normalize-marking.ts';
import type { Reader } from './reader.ts';
import { redactForReader } from './redact.ts';

const COUNTRIES = ['BGR', 'POL', 'FRA', 'GBR', 'CAN', 'DEU'];
const AS_OF = '2008-09-16';

const level = fc.constantFrom(...LEVELS);
const marking: fc.Arbitrary<Marking> = fc
  .record({
    level,
    sbu: fc.boolean(),
    noforn: fc.boolean(),
    rel: fc.subarray(COUNTRIES),
    other: fc.subarray(['ORCON', 'FGI']),
  })
  .map(({ level, sbu, noforn, rel, other }) => ({
    kind: 'marking',
    level,
    sbu: sbu && level === 'UNCLASSIFIED',
    noforn,
    relTo: noforn || rel.length === 0 ? [] : ['USA', ...[...rel].sort()],
    other: [...other].sort(),
  }));

/** A paragraph with a canonical mark, a mark written State-style, or no mark at all. */
const paragraphs: fc.Arbitrary<Paragraph[]> = fc
  .array(fc.option(marking, { nil: null, freq: 5 }), { minLength: 1, maxLength: 8 })
  .map((marks) =>
    marks.map((m, i) => ({
      heading: null,
      number: String(i + 1),
      marking: m && toPortionMarking(m),
      text: `paragraph ${i + 1}`,
    })),
  );

const cable = fc
  .record({
    paragraphs,
    banner: level,
    captions: fc.subarray(['SIPDIS', 'NOFORN', 'NODIS', 'EXDIS', 'LIMDIS']),
  })
  .map(({ paragraphs, banner, captions }) =>
    buildCable({
      paragraphs,
      captions,
      classificationLine: classificationLineFor(banner),
      archive: null,
    }),
  );

const reader: fc.Arbitrary<Reader> = fc.record({
  kind: fc.constant('reader' as const),
  id: fc.constant('generated'),
  clearance: level,
  nationality: fc.constantFrom('USA', ...COUNTRIES),
  accesses: fc.subarray(['NODIS', 'EXDIS', 'LIMDIS']),
  organisation: fc.constant(null),
});

/** The normalised mark of an original paragraph, recomputed independently of the code under test. */
function original(p: Paragraph): Marking | null {
  return p.marking && normalizeMarking(p.marking, rules, { asOf: AS_OF }).marking;
}

const foreignBlocking = (captions: readonly string[]) =>
  captions.some((c) => ['NOFORN', 'NODIS', 'EXDIS'].includes(c));

describe('marking properties', () => {
  it('an extract never holds a portion not released to its country', () => {
    fc.assert(
      fc.property(cable, fc.constantFrom(...COUNTRIES), (c, country) => {
        const extract = releasableExtract(c, country, rules);
        if (extract === null) return;
        assert.deepEqual(extract.banner.relTo, ['USA', country]);
        for (const p of extract.portions) {
          const index = Number(/\[(\d+)\]/.exec(p.field)?.[1]);
          const m = original(c.paragraphs[index]!);
          assert.ok(m, 'unmarked portions are never released');
          assert.ok(m.relTo.includes(country) && !m.noforn && m.other.length === 0);
          assert.ok(!foreignBlocking(c.captions) && !c.captions.includes('LIMDIS'));
          assert.ok(levelRank(extract.banner.level) >= levelRank(m.level));
        }
      }),
    );
  });

  it('a redacted view never holds a portion its reader may not see', () => {
    fc.assert(
      fc.property(cable, reader, (c, r) => {
        const view = redactForReader(c, r, rules);
        if (view === null) return;
        assert.equal(view.cable.paragraphs.length, view.shown.length);
        for (const index of view.shown) {
          const p = c.paragraphs[index]!;
          const m = original(p);
          const required = c.captions.filter((x) => x !== 'SIPDIS' && x !== 'NOFORN');
          assert.ok(
            required.every((x) => r.accesses.includes(x)),
            'caption access held',
          );
          if (m) assert.ok(levelRank(m.level) <= levelRank(r.clearance), 'cleared for the mark');
          else
            assert.ok(
              levelRank(view.banner.level) <= levelRank(r.clearance),
              'cleared for unmarked text',
            );
          if (r.nationality !== 'USA') {
            assert.ok(m !== null, 'a foreigner never sees unmarked text');
            assert.ok(m.relTo.includes(r.nationality) && !m.noforn && !foreignBlocking(c.captions));
          }
        }
      }),
    );
  });

  it('the banner always dominates every portion', () => {
    fc.assert(
      fc.property(
        fc.array(marking, { maxLength: 8 }),
        fc.subarray(['SIPDIS', 'NOFORN', 'NODIS']),
        (ms, captions) => {
          const b = rollUpBanner(ms, captions);
          for (const m of ms) {
            assert.ok(levelRank(b.level) >= levelRank(m.level));
            if (m.noforn) assert.ok(b.noforn);
            if (m.level !== 'UNCLASSIFIED') for (const c of b.relTo) assert.ok(m.relTo.includes(c));
            for (const o of m.other) assert.ok(b.other.includes(o));
          }
          if (b.noforn) assert.deepEqual(b.relTo, []);
        },
      ),
    );
  });

  it('normalising a mark twice changes nothing', () => {
    const head = fc.constantFrom(
      'S',
      'SECRET',
      's',
      'C',
      'CONFIDENTIAL',
      'U',
      'TS',
      'SBU',
      'TOP SECRET',
    );
    const names = fc.subarray(
      ['BULGARIA', 'CZECH REPUBLIC', 'UK', 'GBR', 'NATO', 'FVEY', 'EU', 'GM', 'ATLANTIS', 'USA'],
      { minLength: 1 },
    );
    const tail = fc.oneof(
      fc.constant(''),
      fc.constantFrom('/NF', '//NF', '-NF', '//NOFORN', '//FGI//NF', '//ORCON'),
      fc
        .tuple(
          fc.constantFrom('/REL ', '//REL TO ', '/Rel to '),
          names,
          fc.constantFrom(', ', ' and '),
        )
        .map(([rel, list, sep]) => `${rel}${list.join(sep)}`),
    );
    fc.assert(
      fc.property(head, tail, (h, t) => {
        const parsed = parsePortionMarking(`(${h}${t})`);
        fc.pre(parsed !== null);
        const once = normalizeMarking(parsed, rules, { asOf: AS_OF }).marking;
        fc.pre(once !== null);
        const again = parsePortionMarking(formatPortionMark(once));
        assert.ok(again, `${formatPortionMark(once)} parses`);
        assert.deepEqual(normalizeMarking(again, rules, { asOf: AS_OF }).marking, once);
      }),
    );
  });

  it('levels are totally ordered', () => {
    fc.assert(
      fc.property(level, level, (a: Level, b: Level) => {
        assert.equal(levelRank(a) <= levelRank(b) || levelRank(b) <= levelRank(a), true);
      }),
    );
  });
});
