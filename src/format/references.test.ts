import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Reference } from './cable.ts';
import { KNOWN_STATIONS } from './cable-id.ts';
import type { ParseContext } from './parse-context.ts';
import type { FormatReference } from './reference.ts';
import { parseReferences, renderReferences } from './references.ts';

const ctxWith = (reference?: FormatReference): ParseContext => ({
  lines: [],
  issues: [],
  reference,
});
const parse = (text: string, year: string | null = '08', ctx = ctxWith()) =>
  parseReferences(ctx, text, 20, year);
const ids = (refs: readonly Reference[]) => refs.map((r) => [r.label, r.id]);

test('lettered references in every written form', () => {
  const expected = [
    ['A', '08STATE12345'],
    ['B', '07PARIS123'],
  ];
  assert.deepEqual(ids(parse('A. STATE 12345 B. 07 PARIS 123')), expected);
  assert.deepEqual(ids(parse('A) STATE 12345\n     B) 2007 PARIS 123')), expected);
  assert.deepEqual(ids(parse(' (A) STATE 12345, (B) 07 PARIS 00123')), expected);
  assert.deepEqual(ids(parse('A. STATE 012345\n   ¶B. 07 PARIS 123')), expected);
  assert.deepEqual(ids(parse('A)STATE 12345 B)07 PARIS 123')), expected);
  assert.deepEqual(ids(parse('A. A) STATE 12345  B. B) 07 PARIS 123')), expected);
  assert.deepEqual(ids(parse('A. A: STATE 12345\n¶B. B: 07 PARIS 123')), expected);
});

test('a single unlettered reference, and unlettered lists', () => {
  assert.deepEqual(parse('STATE 111637'), [
    { label: null, id: '08STATE111637', kind: 'cable', text: 'STATE 111637', captions: [] },
  ]);
  assert.deepEqual(ids(parse('10 CARACAS 9; 10 CARACAS 11; 09 CARACAS 137\n 10 CARACAS 193')), [
    [null, '10CARACAS9'],
    [null, '10CARACAS11'],
    [null, '09CARACAS137'],
    [null, '10CARACAS193'],
  ]);
  assert.deepEqual(ids(parse('MADRID 1 AND MADRID 2')), [
    [null, '08MADRID1'],
    [null, '08MADRID2'],
  ]);
  assert.deepEqual(ids(parse('Moscow 2522 (NOTAL)')), [[null, '08MOSCOW2522']]);
  assert.deepEqual(ids(parse('PANAMA 00933/07')), [[null, '07PANAMA933']]);
});

test('captions, trailing words and the citing year', () => {
  const [a, b, c] = parse(
    'A. 05 REYKJAVIK 95 (NOTAL) B. MANAMA 420 AND PREVIOUS C. STATE 5 (EXDIS) NOTAL',
    '06',
  );
  assert.deepEqual(a, {
    label: 'A',
    id: '05REYKJAVIK95',
    kind: 'cable',
    text: '05 REYKJAVIK 95 (NOTAL)',
    captions: ['NOTAL'],
  });
  assert.equal(b?.id, '06MANAMA420');
  assert.deepEqual(b?.captions, []);
  assert.deepEqual(c?.captions, ['EXDIS', 'NOTAL']);
});

test('references that are not cables are kept as text, with an info issue on their line', () => {
  const ctx = ctxWith();
  const refs = parse('STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966', '66', ctx);
  assert.deepEqual(ids(refs), [
    [null, '66STATE106206'],
    [null, null],
  ]);
  assert.equal(refs[1]?.kind, 'other');
  assert.equal(refs[1]?.text, 'STATE CA-3400 NOV 2, 1966');
  const more = ctxWith();
  const other = parse(
    'A. BRASILIA 142\nB. BRASILIA - WHA EMAIL 2 MAY 2006\nC. E-MAIL FROM J. SMITH 3/4/08\nD. PARA 5',
    '06',
    more,
  );
  assert.deepEqual(
    other.map((r) => r.kind),
    ['cable', 'other', 'other', 'other'],
  );
  assert.deepEqual(
    more.issues.map((i) => `${i.code}@${i.line}`),
    ['ref.not-cable@21', 'ref.not-cable@22', 'ref.not-cable@23'],
  );
});

test('a station known only to the directory counts, an unknown year is a warning', () => {
  const stations = new Set(['ATLANTIS']);
  const reference: FormatReference = {
    tagKind: () => undefined,
    tagCodes: new Set(),
    relToCode: () => undefined,
    stations,
  };
  assert.equal(parse('ATLANTIS 12', '08', ctxWith(reference))[0]?.id, '08ATLANTIS12');
  assert.equal(parse('ATLANTIS 12')[0]?.kind, 'other');
  const ctx = ctxWith();
  const [r] = parse('STATE 12345', null, ctx);
  assert.deepEqual([r?.kind, r?.id], ['cable', null]);
  assert.deepEqual(
    ctx.issues.map((i) => i.code),
    ['ref.year.missing'],
  );
});

test('page markers inside a REF block are dropped', () => {
  const ctx = ctxWith();
  assert.deepEqual(ids(parse('TRIPOLI 72  TRIPOLI 00000073  001.2 OF 002', '09', ctx)), [
    [null, '09TRIPOLI72'],
  ]);
  assert.deepEqual(
    ctx.issues.map((i) => i.code),
    ['ref.page-marker'],
  );
});

test('labels written oddly: `(C )`, a bare repeated letter, a doubled REF, lower case', () => {
  // 05SANJOSE1713
  assert.deepEqual(
    ids(parse('(A) SAN JOSE 01587\n\n     (B) SAN JOSE 01636\n     (C )SAN JOSE 01693', '05')),
    [
      ['A', '05SANJOSE1587'],
      ['B', '05SANJOSE1636'],
      ['C', '05SANJOSE1693'],
    ],
  );
  // 10HAVANA9: the text stays as written, the id is read after the repeated letter.
  const havana = parse(
    'A. REF A HAVANA 639 ("A SPLENDID LITTLE VISIT")\n¶B. B HAVANA 772 (CONSULAR VISIT TO JAILED AMCIT)',
    '10',
  );
  assert.deepEqual(ids(havana), [
    ['A', '10HAVANA639'],
    ['B', '10HAVANA772'],
  ]);
  assert.equal(havana[1]?.text, 'B HAVANA 772 (CONSULAR VISIT TO JAILED AMCIT)');
  assert.equal(parse('A. A FEW E-MAILS')[0]?.kind, 'other');
  // 05MADRID4026
  assert.deepEqual(ids(parse('REF (A) MADRID 3785 (B) MADRID 3566', '05')), [
    ['A', '05MADRID3785'],
    ['B', '05MADRID3566'],
  ]);
  // 09BAKU20
  assert.deepEqual(ids(parse('b. 08 baku 1119\nc. Baku 17', '09')), [
    ['B', '08BAKU1119'],
    ['C', '09BAKU17'],
  ]);
});

test('the year written in parentheses after the serial', () => {
  // 07LIMA1862, 06THEHAGUE374
  assert.deepEqual(ids(parse('A. LIMA 4516 (06)\n     ¶B. LIMA 37 (05)', '07')), [
    ['A', '06LIMA4516'],
    ['B', '05LIMA37'],
  ]);
  assert.equal(parse('THE HAGUE 3350 (2004)', '05')[0]?.id, '04THEHAGUE3350');
  assert.equal(parse('STATE 5 (EXDIS)', '05')[0]?.id, '05STATE5');
});

const stations = [...KNOWN_STATIONS].filter((s) => s.length >= 4);
const spaced = (s: string) => s.replace(/^(SAO|SAN|TEL|NEW|LA|RIO|PORT)(?=[A-Z]{3})/, '$1 ');
const cableRef = fc
  .record({
    year: fc.option(
      fc.integer({ min: 0, max: 99 }).map((y) => String(y).padStart(2, '0')),
      { nil: null },
    ),
    station: fc.constantFrom(...stations),
    serial: fc.integer({ min: 1, max: 999_999 }),
    pad: fc.boolean(),
    captions: fc.subarray(['NOTAL', 'EXDIS', 'NODIS']),
  })
  .map((r) => {
    const serial = r.pad ? String(r.serial).padStart(6, '0') : String(r.serial);
    const text = [r.year, spaced(r.station), serial, ...r.captions.map((c) => `(${c})`)]
      .filter((x) => x !== null)
      .join(' ');
    return {
      id: `${r.year ?? '08'}${r.station}${r.serial}`,
      kind: 'cable' as const,
      text,
      captions: r.captions,
    };
  });
const otherRef = fc
  .constantFrom(
    'WILSON/MACK TELECON',
    'STATE CA-3400',
    'EMBASSY E-MAIL OF 3/23/08',
    'FBIS CEP2005101927067',
  )
  .map((text) => ({ id: null, kind: 'other' as const, text, captions: [] }));

test('generated reference lists survive render then parse unchanged', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(cableRef, cableRef, otherRef), { minLength: 1, maxLength: 8 }),
      fc.boolean(),
      (items, lettered) => {
        const refs: Reference[] = items.map((r, i) => ({
          label: lettered ? String.fromCharCode(65 + i) : null,
          ...r,
        }));
        const back = parseReferences(ctxWith(), renderReferences(refs).join('\n'), 20, '08');
        assert.deepEqual(back, refs);
      },
    ),
    { numRuns: 300 },
  );
});

test('any text at all: no exception, and every reference has text', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 120 }),
      fc.option(fc.constantFrom('08', '1999', 'x'), { nil: null }),
      (text, year) => {
        for (const ref of parse(text, year)) assert.ok(ref.text.length > 0);
      },
    ),
    { numRuns: 500 },
  );
});
