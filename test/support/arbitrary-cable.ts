// Generators of cables Chancery can draft (fast-check): header, addressees, text and whole cables.
// Shared by the round-trip property tests of the header half, the text half and the whole cable.
import fc from 'fast-check';
import type {
  Addressee,
  ArchiveMeta,
  Cable,
  ClassifiedBy,
  EoLine,
  Paragraph,
  TagKind,
  TransmissionHeader,
} from '../../src/format/cable.ts';
import { canonicalCableId } from '../../src/format/cable-id.ts';
import { emptyCable } from '../../src/format/parse-cable.ts';
import type { ParseContext } from '../../src/format/parse-context.ts';
import { parsePortionMarking } from '../../src/format/portion-mark.ts';
import type { FormatReference } from '../../src/format/reference.ts';
import { parseReferences } from '../../src/format/references.ts';
import { renderClassifiedBy } from '../../src/format/text/classified-by.ts';
import { renderEoLine } from '../../src/format/text/eo-line.ts';

export const testTagKinds: Record<string, TagKind> = {
  PREL: 'subject',
  PGOV: 'subject',
  PARM: 'subject',
  MNUC: 'subject',
  KNNP: 'program',
  CH: 'country',
  IR: 'country',
  RS: 'country',
};
/** A small world for generated cables: a few TAGS and country names. */
export const testReference: FormatReference = {
  tagKind: (code) => testTagKinds[code],
  tagCodes: new Set(Object.keys(testTagKinds)),
  relToCode: (name) => ({ UK: 'GBR', USA: 'USA', NATO: 'NATO', BULGARIA: 'BGR' })[name],
};

const pladWord = fc.stringMatching(/^[A-Z][A-Z-]{1,9}$/);
const plad = fc
  .array(pladWord, { minLength: 1, maxLength: 4 })
  .map((ws) => ws.join(' '))
  .filter(
    (n) =>
      !/^(TO|INFO|XMT|FM|DE|PAGE|ZN[YR]|VZCZC|ACTION)\b/.test(n) &&
      !/(IMMEDIATE|PRIORITY|ROUTINE|FLASH)$/.test(n),
  );
const ri = fc.stringMatching(/^R[A-Z]{3,6}$/);
export const addresseeArb: fc.Arbitrary<Addressee> = fc
  .record({
    routingIndicator: fc.option(ri, { nil: null }),
    name: fc.oneof(
      plad,
      plad.map((n) => `${n} COLLECTIVE`),
    ),
    precedence: fc.constantFrom(
      null,
      'FLASH',
      'NIACT IMMEDIATE',
      'IMMEDIATE',
      'PRIORITY',
      'ROUTINE' as const,
    ),
    serial: fc.option(fc.stringMatching(/^\d{4}$/), { nil: null }),
  })
  .map((a) => ({ ...a, collective: a.name.endsWith(' COLLECTIVE') }));
const dtg = fc
  .date({
    min: new Date('1966-01-01T00:00Z'),
    max: new Date('2030-12-31T23:59Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 16) + 'Z');
export const headerArb: fc.Arbitrary<TransmissionHeader> = fc
  .record({
    channel: fc.option(fc.stringMatching(/^VZCZC[A-Z]{3}\d{4}$/), { nil: null }),
    precedence: fc.option(fc.constantFrom('ZZ', 'OO', 'PP', 'RR'), { nil: null }),
    routingIndicators: fc.array(ri, { minLength: 1, maxLength: 25 }),
    station: fc.option(ri, { nil: null }),
    serial: fc.stringMatching(/^\d{4}$/),
    stationSection: fc.option(fc.stringMatching(/^\d{2}$/), { nil: null }),
    filed: fc.tuple(
      fc.integer({ min: 1, max: 366 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
    ),
    securityWarning: fc.option(
      fc.constantFrom('ZNY SSSSS ZZH', 'ZNR UUUUU ZZH', 'ZNY CCCCC ZZH', 'ZNY SSSBB/FFFFF'),
      { nil: null },
    ),
    dtgPrecedence: fc.constantFrom(null, 'O', 'P', 'R', 'Z', 'O P', 'P R'),
    dtg: fc.option(dtg, { nil: null }),
    partialExtract: fc.boolean(),
    signals: fc.option(fc.constantFrom('ZDK', 'ZDS', 'ZFR ZFR ZFR'), { nil: null }),
  })
  .map((h) => {
    const dtgText =
      h.dtg === null
        ? null
        : `${h.dtg.slice(8, 10)}${h.dtg.slice(11, 13)}${h.dtg.slice(14, 16)}Z ${['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'][Number(h.dtg.slice(5, 7)) - 1] ?? ''} ${h.dtg.slice(2, 4)}`;
    return {
      channel: h.channel,
      precedence: h.precedence,
      routingIndicators: h.precedence === null ? [] : h.routingIndicators,
      station: h.station,
      serial: h.station === null ? null : h.serial,
      stationSection: h.station === null ? null : h.stationSection,
      filed:
        h.station === null
          ? null
          : `${String(h.filed[0]).padStart(3, '0')}${String(h.filed[1]).padStart(2, '0')}${String(h.filed[2]).padStart(2, '0')}`,
      securityWarning: h.securityWarning,
      dtgPrecedence: h.dtg === null ? null : h.dtgPrecedence,
      dtgText,
      dtg: h.dtg,
      ...(h.dtg !== null && h.signals !== null ? { operatingSignals: h.signals } : {}),
      ...(h.partialExtract ? { partialExtract: true as const } : {}),
    };
  });

const mark = (raw: string) => parsePortionMarking(raw, testReference)!;
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

export const draftedTextArb: fc.Arbitrary<Cable> = fc
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
    const ctx: ParseContext = { lines: [], issues: [], reference: testReference };
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
        kind: code.startsWith('OVIP') ? 'person' : (testTagKinds[code] ?? 'unknown'),
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

const stamp = fc
  .date({
    min: new Date('1966-01-01T00:00Z'),
    max: new Date('2030-12-31T23:59Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 16).replace('T', ' '));

/**
 * Whole drafted cables: a generated header and addressees, generated text fields, and (half the
 * time) the five archive metadata lines whose id is the cable's own canonical id.
 */
export const draftedCableArb: fc.Arbitrary<Cable> = fc
  .record({
    text: draftedTextArb,
    header: headerArb,
    from: fc.option(addresseeArb, { nil: null }),
    to: fc.array(addresseeArb, { maxLength: 6 }),
    info: fc.array(addresseeArb, { maxLength: 4 }),
    archived: fc.boolean(),
    created: stamp,
    released: stamp,
    classification: fc.constantFrom('SECRET', 'CONFIDENTIAL//NOFORN', 'UNCLASSIFIED'),
    origin: fc.constantFrom('Secretary of State', 'Embassy Paris', 'Embassy San Jose'),
  })
  .map((g) => {
    // A cable's year comes from its DTG, else its archive id: yearless REFs resolve against it,
    // so a cable with neither (an undated, unarchived draft) is given its archive record.
    const year = g.header.dtg?.slice(2, 4) ?? '08';
    const id =
      g.text.messageReference === null ? null : canonicalCableId(g.text.messageReference, year);
    const archived = g.archived || g.header.dtg === null;
    const archive: ArchiveMeta | null =
      archived && id !== null
        ? {
            id,
            created: g.created,
            released: g.released,
            classification: g.classification,
            origin: g.origin,
          }
        : null;
    const references = g.text.references.map((r) =>
      r.kind === 'cable' ? { ...r, id: canonicalCableId(r.text, year) } : r,
    );
    return {
      ...g.text,
      references,
      archive,
      header: g.header,
      from: g.from,
      to: g.to,
      info: g.info,
      xmt: [],
    };
  });
