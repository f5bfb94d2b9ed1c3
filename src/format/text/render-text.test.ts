// renderText: canonical drafts, the property round trip render → parse → same fields, and layout hints failing closed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Cable, ClassifiedBy, EoLine, Paragraph, TagKind } from '../cable.ts';
import { emptyCable } from '../parse-cable.ts';
import type { ParseContext } from '../parse-context.ts';
import { parsePortionMarking } from '../portion-mark.ts';
import type { FormatReference } from '../reference.ts';
import { parseReferences } from '../references.ts';
import { renderClassifiedBy } from './classified-by.ts';
import { renderEoLine } from './eo-line.ts';
import { findTextStart, parseText, type TextFields } from './parse-text.ts';
import { renderText } from './render-text.ts';

const kinds: Record<string, TagKind> = {
  PREL: 'subject',
  PGOV: 'subject',
  PARM: 'subject',
  MNUC: 'subject',
  KNNP: 'program',
  CH: 'country',
  IR: 'country',
  RS: 'country',
};
const reference: FormatReference = {
  tagKind: (code) => kinds[code],
  tagCodes: new Set(Object.keys(kinds)),
  relToCode: (name) => ({ UK: 'GBR', USA: 'USA', NATO: 'NATO', BULGARIA: 'BGR' })[name],
};

function parseLines(lines: readonly string[]): { fields: TextFields; ctx: ParseContext } {
  const ctx: ParseContext = { lines, issues: [], reference };
  const start = findTextStart(ctx, 0);
  assert.equal(start, 0, 'the rendered text starts at its first line');
  return { fields: parseText(ctx, start, lines.length, { year: '08' }), ctx };
}

const fieldsOf = (c: Cable | TextFields) => ({
  classificationLine: c.classificationLine,
  messageReference: c.messageReference,
  section: c.section,
  captions: c.captions,
  passingLines: c.passingLines,
  eo: c.eo,
  tags: c.tags,
  subject: c.subject,
  subjectMarking: c.subjectMarking,
  references: c.references,
  classifiedBy: c.classifiedBy,
  summary: c.summary,
  paragraphs: c.paragraphs,
  signers: c.signers,
});

const mark = (raw: string) => parsePortionMarking(raw, reference)!;
const word = fc.constantFrom(
  'the',
  'embassy',
  'minister',
  'said',
  'talks',
  'on',
  'iran',
  'would',
  'resume',
  'soon',
);
const sentence = fc
  .array(word, { minLength: 2, maxLength: 12 })
  .map((ws) => `${ws[0]!.charAt(0).toUpperCase()}${ws.join(' ').slice(1)}.`);
/** Paragraph text: sentences on one or more lines, maybe with blank lines between blocks. */
const paragraphText = fc
  .array(fc.array(sentence, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
  .chain((blocks) =>
    fc.constantFrom('\n', '\n\n').map((sep) => blocks.map((b) => b.join(' ')).join(sep)),
  );
const upperWords = fc
  .array(fc.constantFrom('URGING', 'ALLIES', 'TO', 'APPROACH', 'BEIJING', 'ON', 'TRADE', 'IRAN:'), {
    minLength: 1,
    maxLength: 14,
  })
  .map((ws) => ws.join(' '));
const date = fc
  .record({
    y: fc.integer({ min: 2000, max: 2040 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const eoLine: fc.Arbitrary<EoLine> = fc
  .oneof(
    date.map((d) => ({
      order: '12958',
      declassifyOn: d,
      event: null,
      notApplicable: false,
      text: '',
    })),
    fc.constant({ order: '13526', declassifyOn: null, event: null, notApplicable: true, text: '' }),
    fc.constantFrom('1.6X1', 'OADR').map((e) => ({
      order: '12958',
      declassifyOn: null,
      event: e,
      notApplicable: false,
      text: '',
    })),
  )
  .map((eo) => ({ ...eo, text: renderEoLine(eo) }));
const classifiedBy: fc.Arbitrary<ClassifiedBy> = fc
  .record({
    position: fc.constantFrom('ISN', 'POLOFF', 'DCM', 'Ambassador', 'Political Counselor'),
    name: fc.constantFrom('Patricia A. McNerney', 'John Doe', 'Carol Urban'),
    letters: fc.subarray(['a', 'b', 'c', 'd', 'e', 'g', 'h'], { minLength: 1 }),
  })
  .map(({ position, name, letters }) => {
    const c = { names: [name], position, reasons: letters.map((l) => `1.4(${l})`), text: '' };
    return { ...c, text: renderClassifiedBy(c).join('\n') };
  });
const marking = fc.constantFrom(
  '(U)',
  '(C)',
  '(S)',
  '(S//NF)',
  '(C/REL UK)',
  '(SBU)',
  '(S//REL TO USA, NATO)',
);
const heading = fc.option(
  fc.constantFrom(
    '------ SUMMARY/BACKGROUND ------',
    '---------------- POINT OF CONTACT ----------------',
    'BEGIN POINTS',
  ),
  { nil: null },
);

const drafted: fc.Arbitrary<Cable> = fc
  .record({
    banner: fc.constantFrom(
      'S E C R E T',
      'C O N F I D E N T I A L',
      'UNCLAS',
      'T O P S E C R E T',
    ),
    station: fc.constantFrom('STATE', 'PARIS', 'SAN JOSE', 'TEL AVIV'),
    serial: fc.integer({ min: 1, max: 999999 }),
    section: fc.option(
      fc
        .integer({ min: 1, max: 9 })
        .chain((of) => fc.integer({ min: 1, max: of }).map((n) => ({ number: n, of }))),
      { nil: null },
    ),
    captions: fc.subarray(['SIPDIS', 'NODIS', 'EXDIS', 'NOFORN', 'SENSITIVE']),
    passing: fc.subarray([
      'DEPT FOR EUR/RUS',
      'STATE FOR NEA/ELA (SMITH)',
      'USDOC FOR 4231/ITA/MAC',
    ]),
    eo: fc.option(eoLine, { nil: null }),
    tags: fc.subarray(['PREL', 'PGOV', 'KNNP', 'CH', 'IR', 'OVIP (STEINBERG, JAMES B.)']),
    subject: upperWords,
    subjectMarking: fc.option(fc.constantFrom('(C)', '(SBU)', '(S//NF)'), { nil: null }),
    refs: fc.constantFrom('', 'STATE 12345', 'A. STATE 12345\nB. 07 PARIS 123'),
    classifiedBy: fc.option(classifiedBy, { nil: null }),
    numbered: fc.boolean(),
    summary: fc.option(sentence, { nil: null }),
    paragraphs: fc.array(
      fc.record({ heading, marking: fc.option(marking, { nil: null }), text: paragraphText }),
      { minLength: 1, maxLength: 6 },
    ),
    signers: fc.subarray(['RICE'], { minLength: 0 }),
  })
  .map((g) => {
    const paragraphs: Paragraph[] = g.paragraphs.map((p, i) => ({
      // Unnumbered drafts: one block each, no headings (a blank line would start a new paragraph).
      heading: g.numbered && i > 0 ? p.heading : null,
      number: g.numbered ? String(i + 1) : null,
      marking: p.marking === null ? null : mark(p.marking),
      text: g.numbered ? p.text : p.text.replace(/\n+/g, ' '),
    }));
    if (g.summary !== null)
      paragraphs[0] = { ...paragraphs[0]!, text: `SUMMARY: ${g.summary} END SUMMARY.` };
    const ctx: ParseContext = { lines: [], issues: [], reference };
    return {
      ...emptyCable(null),
      classificationLine: g.banner,
      messageReference: `${g.station} ${String(g.serial).padStart(6, '0')}`,
      section: g.section,
      captions: g.captions,
      passingLines: g.passing,
      eo: g.eo,
      tags: g.tags.map((code) => ({
        code,
        kind: code.startsWith('OVIP') ? 'person' : (kinds[code] ?? 'unknown'),
        raw: code,
      })),
      subject: g.subject,
      subjectMarking: g.subjectMarking === null ? null : mark(g.subjectMarking),
      references: g.refs === '' ? [] : parseReferences(ctx, g.refs, 1, '08'),
      classifiedBy: g.classifiedBy,
      summary: g.summary,
      paragraphs,
      signers: g.signers,
    };
  });

describe('renderText', () => {
  it('renders a drafted cable canonically', () => {
    const cable: Cable = {
      ...emptyCable(null),
      classificationLine: 'S E C R E T',
      messageReference: 'STATE 098975',
      captions: ['SIPDIS'],
      eo: {
        order: '12958',
        declassifyOn: '2033-09-16',
        event: null,
        notApplicable: false,
        text: '',
      },
      tags: [
        { code: 'PARM', kind: 'subject', raw: 'PARM' },
        { code: 'PREL', kind: 'subject', raw: 'PREL' },
      ],
      subject: 'URGING ALLIES',
      classifiedBy: {
        names: ['Patricia A. McNerney'],
        position: 'ISN',
        reasons: ['1.4(b)', '1.4(d)'],
        text: '',
      },
      paragraphs: [
        { heading: null, number: '1', marking: mark('(U)'), text: 'First.' },
        { heading: '---- NEXT ----', number: '2', marking: mark('(S)'), text: 'Second.' },
      ],
      signers: ['RICE'],
    };
    assert.deepEqual(renderText(cable), [
      'S E C R E T STATE 098975',
      '',
      'SIPDIS',
      'E.O. 12958: DECL: 09/16/2033',
      'TAGS: PARM, PREL',
      'SUBJECT: URGING ALLIES',
      '',
      'Classified By: ISN Patricia A. McNerney for reasons 1.4 (b) and (d).',
      '',
      '1. (U) First.',
      '',
      '---- NEXT ----',
      '',
      '2. (S) Second.',
      '',
      'RICE',
      '',
      '',
    ]);
  });

  it('round trip: drafted text fields → renderText → parseText give the same fields', () => {
    fc.assert(
      fc.property(drafted, (cable) => {
        const lines = renderText(cable);
        const { fields, ctx } = parseLines(lines);
        assert.deepEqual(fieldsOf(fields), fieldsOf(cable), lines.join('\n'));
        assert.deepEqual(
          ctx.issues.filter((i) => i.severity === 'error'),
          [],
        );
        // The parsed layout reproduces the same lines.
        assert.deepEqual(
          renderText({ ...cable, ...fields, layout: { text: fields.layout ?? {} } }),
          lines,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('ignores layout hints that are not spacing (fail closed to canonical)', () => {
    const cable: Cable = {
      ...emptyCable(null),
      classificationLine: 'UNCLAS',
      messageReference: 'STATE 000001',
      subject: 'X',
      paragraphs: [{ heading: null, number: '1', marking: mark('(U)'), text: 'Text.' }],
      layout: {
        text: {
          bannerTail: ' SECRET',
          tagsPad: 'EVIL',
          blank: 'x',
          paragraphs: [['INJECT', ' ', ' ']],
          gaps: 'no',
        },
      },
    };
    assert.deepEqual(renderText(cable), [
      'UNCLAS STATE 000001',
      '',
      'SUBJECT: X',
      '',
      '1. (U) Text.',
      '',
      '',
    ]);
  });

  it('uses the written E.O. and Classified By text only while it still says what the fields say', () => {
    const base: Cable = {
      ...emptyCable(null),
      classificationLine: 'S E C R E T',
      messageReference: 'STATE 000001',
      eo: {
        order: '12958',
        declassifyOn: '2033-09-16',
        event: null,
        notApplicable: false,
        text: 'E.O. 12958: DECL: 09/16/2033 ',
      },
      classifiedBy: {
        names: ['John Doe'],
        position: 'DCM',
        reasons: ['1.4(b)'],
        text: 'Classified by DCM John Doe, Reason 1.4 (b)',
      },
    };
    const lines = renderText(base);
    assert.ok(lines.includes('E.O. 12958: DECL: 09/16/2033 '));
    assert.ok(lines.includes('Classified by DCM John Doe, Reason 1.4 (b)'));
    const edited = renderText({
      ...base,
      eo: { ...base.eo!, declassifyOn: '2034-01-01' },
      classifiedBy: { ...base.classifiedBy!, reasons: ['1.4(d)'] },
    });
    assert.ok(edited.includes('E.O. 12958: DECL: 01/01/2034'));
    assert.ok(edited.includes('Classified By: DCM John Doe for reason 1.4 (d).'));
  });
});
