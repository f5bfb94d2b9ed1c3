// Tests of validateCable: each rule fires on a cable built to break it, and the valid seed build is clean.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cable } from '../format/cable.ts';
import { buildCable, mark, paragraph, seedParagraphs } from '../../test/support/build-cable.ts';
import { rules } from '../../test/support/marking-rules.ts';
import { validateCable } from './validate.ts';

const base = buildCable();
const codes = (overrides: Partial<Cable>) =>
  validateCable(buildCable(overrides), rules).map((i) => i.code);
const issueOf = (overrides: Partial<Cable>, code: string) => {
  const found = validateCable(buildCable(overrides), rules).find((i) => i.code === code);
  assert.ok(found, `expected ${code}`);
  return found;
};

describe('validateCable', () => {
  it('finds nothing wrong with the valid seed build', () => {
    assert.deepEqual(validateCable(base, rules), []);
  });

  it('flags an unmarked paragraph in a classified cable, with its location', () => {
    const i = issueOf(
      { paragraphs: [...seedParagraphs, paragraph('8', null, 'x')] },
      'marking.portion.unmarked',
    );
    assert.equal(i.severity, 'error');
    assert.equal(i.field, 'paragraphs[7].marking');
    assert.match(i.message, /paragraph 8/);
    const unclas = buildCable({
      classificationLine: 'UNCLAS',
      archive: null,
      header: { ...base.header, securityWarning: 'ZNR UUUUU ZZH' },
      classifiedBy: null,
      eo: { ...base.eo!, declassifyOn: null, notApplicable: true },
      paragraphs: [paragraph('1', null, 'x')],
    });
    assert.deepEqual(validateCable(unclas, rules), []);
  });

  it('flags a portion above the banner and a banner above every portion', () => {
    const above = issueOf(
      { classificationLine: 'C O N F I D E N T I A L' },
      'marking.portion.above-banner',
    );
    assert.equal(above.field, 'paragraphs[1].marking');
    const over = issueOf(
      {
        classificationLine: 'T O P S E C R E T',
        archive: null,
        header: { ...base.header, securityWarning: 'ZNY TTTTT ZZH' },
      },
      'marking.banner.over-classified',
    );
    assert.equal(over.severity, 'warning');
  });

  it('flags a banner REL TO that some portion does not allow', () => {
    const i = issueOf(
      { classificationLine: 'SECRET//REL TO USA, BGR', archive: null },
      'marking.banner.rel-to',
    );
    assert.equal(i.field, 'paragraphs[1].marking'); // paragraph 2 is (S) alone
    const ok = buildCable({
      classificationLine: 'SECRET//REL TO USA, BGR',
      archive: null,
      subjectMarking: mark('(S//REL TO USA, BGR)'),
      paragraphs: seedParagraphs.filter((p) => p.marking?.relTo.length),
    });
    assert.deepEqual(
      validateCable(ok, rules).map((x) => x.code),
      [],
    );
  });

  it('flags NOFORN portions under a banner without NOFORN', () => {
    assert.ok(
      codes({ paragraphs: [...seedParagraphs, paragraph('8', '(S//NF)', 'x')] }).includes(
        'marking.banner.noforn-missing',
      ),
    );
    assert.ok(
      !codes({
        captions: ['SIPDIS', 'NOFORN'],
        archive: { ...base.archive!, classification: 'SECRET//NOFORN' },
        paragraphs: [...seedParagraphs, paragraph('8', '(S//NF)', 'x')],
      }).includes('marking.banner.noforn-missing'),
    );
  });

  it('reports unknown REL TO countries', () => {
    assert.ok(
      codes({ paragraphs: [paragraph('1', '(S/REL ATLANTIS)', 'x')] }).includes(
        'marking.rel-to.unknown-country',
      ),
    );
  });

  it('checks the Classified By line and its reasons against the date', () => {
    assert.ok(codes({ classifiedBy: null }).includes('classified-by.missing'));
    const by = base.classifiedBy!;
    assert.ok(
      codes({ classifiedBy: { ...by, reasons: ['1.4(x)'] } }).includes(
        'classified-by.reason.invalid',
      ),
    );
    assert.ok(
      codes({ classifiedBy: { ...by, reasons: [] } }).includes('classified-by.reason.missing'),
    );
    assert.ok(
      codes({ classifiedBy: { ...by, reasons: ['1.5(b)'] } }).includes(
        'classified-by.reason.outdated',
      ),
    );
    const old = {
      header: { ...base.header, dtg: '2002-05-01T10:00Z' },
      archive: null,
      eo: { ...base.eo!, declassifyOn: '2012-05-01' },
    };
    assert.ok(
      codes({ ...old, classifiedBy: { ...by, reasons: ['1.4(b)'] } }).includes(
        'classified-by.reason.outdated',
      ),
    );
    assert.ok(
      codes({ ...old, classifiedBy: { ...by, reasons: ['1.5(h)'] } }).includes(
        'classified-by.reason.invalid',
      ),
    );
    assert.ok(
      !codes({ ...old, classifiedBy: { ...by, reasons: ['1.5 (d)'] } }).some((c) =>
        c.startsWith('classified-by'),
      ),
    );
  });

  it('checks the declassification date against the cable date', () => {
    const eo = base.eo!;
    assert.ok(
      codes({ eo: { ...eo, declassifyOn: '2008-01-01' } }).includes('eo.declassify.before-date'),
    );
    assert.ok(
      codes({ eo: { ...eo, declassifyOn: '2033-09-17' } }).includes(
        'eo.declassify.beyond-25-years',
      ),
    );
    assert.ok(
      !codes({ eo: { ...eo, declassifyOn: '2033-09-16' } }).includes(
        'eo.declassify.beyond-25-years',
      ),
    );
    assert.ok(
      !codes({
        eo: { ...eo, declassifyOn: '2058-09-16', text: 'E.O. 12958: DECL: 25X1' },
      }).includes('eo.declassify.beyond-25-years'),
    );
    assert.ok(codes({ eo: null }).includes('eo.missing'));
    assert.ok(
      codes({ eo: { ...eo, declassifyOn: null, notApplicable: true } }).includes(
        'eo.declassify.missing',
      ),
    );
  });

  it('checks the E.O. order against the date, accepting either order during the changeover', () => {
    const at = (dtg: string, order: string) =>
      codes({
        header: { ...base.header, dtg },
        archive: null,
        eo: { ...base.eo!, order, declassifyOn: `${String(Number(dtg.slice(0, 4)) + 10)}-01-01` },
      });
    assert.ok(at('2008-09-16T00:00Z', '13526').includes('eo.order.date-mismatch'));
    assert.ok(!at('2010-03-01T00:00Z', '13526').includes('eo.order.date-mismatch'));
    assert.ok(!at('2010-03-01T00:00Z', '12958').includes('eo.order.date-mismatch'));
    assert.ok(at('2010-08-01T00:00Z', '12958').includes('eo.order.date-mismatch'));
  });

  it('checks TAGS', () => {
    assert.deepEqual(codes({ tags: [] }), ['tags.missing']);
    assert.ok(
      codes({ tags: [...base.tags, { code: 'ZZZZ', kind: 'unknown', raw: 'ZZZZ' }] }).includes(
        'tags.unknown',
      ),
    );
    assert.deepEqual(codes({ tags: [{ code: 'CH', kind: 'country', raw: 'CH' }] }), [
      'tags.subject.missing',
    ]);
  });

  it('checks FL4 and the classification line against the banner', () => {
    assert.deepEqual(codes({ header: { ...base.header, securityWarning: 'ZNY CCCCC ZZH' } }), [
      'header.security-warning.mismatch',
    ]);
    assert.deepEqual(codes({ header: { ...base.header, securityWarning: 'ZNR SSSSS ZZH' } }), [
      'header.security-warning.mismatch',
    ]);
    assert.deepEqual(codes({ archive: { ...base.archive!, classification: 'CONFIDENTIAL' } }), [
      'text.classification-line.mismatch',
    ]);
  });

  it('checks the FL2 prosign against the highest addressee precedence', () => {
    const i = issueOf(
      { header: { ...base.header, precedence: 'PP' } },
      'header.precedence.mismatch',
    );
    assert.match(i.message, /OO/);
    const flash = [{ ...base.to[0]!, precedence: 'FLASH' as const }, ...base.to.slice(1)];
    assert.ok(codes({ to: flash }).includes('header.precedence.mismatch'));
  });

  it('asks for a NIACT justification in paragraph 1', () => {
    const niact = [{ ...base.to[0]!, precedence: 'NIACT IMMEDIATE' as const }, ...base.to.slice(1)];
    assert.deepEqual(codes({ to: niact }), ['niact.justification.missing']);
    const justified = [
      paragraph('1', '(U)', 'This message is NIACT due to potential fast-breaking events.'),
      ...seedParagraphs.slice(1),
    ];
    assert.deepEqual(codes({ to: niact, paragraphs: justified }), []);
  });
});
