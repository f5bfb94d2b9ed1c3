// renderText: canonical drafts, the property round trip render → parse → same fields, and layout hints failing closed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Cable } from '../cable.ts';
import { emptyCable } from '../parse-cable.ts';
import type { ParseContext } from '../parse-context.ts';
import { parsePortionMarking } from '../portion-mark.ts';
import { findTextStart, parseText, type TextFields } from './parse-text.ts';
import { renderText } from './render-text.ts';
import {
  draftedTextArb as drafted,
  testReference as reference,
} from '../../../test/support/arbitrary-cable.ts';

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
