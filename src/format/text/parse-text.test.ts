// The text half over small real-shaped fragments: every field, the corpus oddities, the issues.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TagKind } from '../cable.ts';
import type { ParseContext } from '../parse-context.ts';
import type { FormatReference } from '../reference.ts';
import { findTextStart, parseText } from './parse-text.ts';

const kinds: Record<string, TagKind> = {
  PREL: 'subject',
  PGOV: 'subject',
  PARM: 'subject',
  KNNP: 'program',
  CH: 'country',
  TU: 'country',
};
const reference: FormatReference = {
  tagKind: (code) => kinds[code],
  tagCodes: new Set(Object.keys(kinds)),
  relToCode: (name) => ({ UK: 'GBR', USA: 'USA' })[name],
};

function parse(text: string, ref: FormatReference | undefined = reference) {
  const ctx: ParseContext = { lines: text.split('\n'), issues: [], reference: ref };
  const start = findTextStart(ctx, 0);
  assert.notEqual(start, -1, 'text found');
  return {
    start,
    fields: parseText(ctx, start, ctx.lines.length, { year: '08' }),
    issues: ctx.issues,
  };
}

const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('parseText: the text header', () => {
  it('reads a multi-section banner, captions, passing lines and the E.O. line', () => {
    const { fields, issues } = parse(
      [
        'C O N F I D E N T I A L SECTION 01 OF 02 ANKARA 000348 ',
        ' ',
        'SIPDIS',
        'SIPDIS',
        'NOFORN',
        '',
        'DEPT FOR EUR/SE',
        'LONDON FOR TUELLER',
        '',
        'E.O. 12958: DECL: 11/15/17',
        'TAGS: PGOV, PREL TU',
        'SUBJECT: (C) GLIMPSES OF THE SHARIA',
        'IN TURKEY',
        '',
        'Classified By: POLOFF John Doe, reasons 1.4(B),(D)',
        '',
        '1. (C) Text.',
        '',
        'SMITH',
        '',
      ].join('\n'),
    );
    assert.equal(fields.classificationLine, 'C O N F I D E N T I A L');
    assert.equal(fields.messageReference, 'ANKARA 000348');
    assert.deepEqual(fields.section, { number: 1, of: 2 });
    assert.deepEqual(fields.captions, ['SIPDIS', 'NOFORN'], 'SIPDIS kept once');
    assert.ok(codes(issues).includes('text.caption.repeated'));
    assert.deepEqual(fields.passingLines, ['DEPT FOR EUR/SE', 'LONDON FOR TUELLER']);
    assert.equal(fields.eo?.declassifyOn, '2017-11-15');
    assert.deepEqual(
      fields.tags.map((t) => [t.code, t.kind]),
      [
        ['PGOV', 'subject'],
        ['PREL', 'subject'],
        ['TU', 'country'],
      ],
    );
    assert.equal(fields.subject, 'GLIMPSES OF THE SHARIA IN TURKEY');
    assert.equal(fields.subjectMarking?.level, 'CONFIDENTIAL');
    assert.deepEqual(fields.classifiedBy?.names, ['John Doe']);
    assert.equal(fields.classifiedBy?.position, 'POLOFF');
    assert.deepEqual(fields.classifiedBy?.reasons, ['1.4(b)', '1.4(d)']);
    assert.deepEqual(fields.signers, ['SMITH']);
  });

  it('reads E.O. lines in their written forms', () => {
    const eo = (line: string) =>
      parse(`UNCLAS STATE 000001\n\n${line}\nTAGS: PREL\nSUBJECT: X\n\n1. (U) Text.`).fields.eo;
    assert.equal(eo('EO 12958 DECL: 2015/05/04')?.declassifyOn, '2015-05-04');
    assert.equal(eo('E.O. 12958: DECL:  5/4/15')?.declassifyOn, '2015-05-04');
    assert.equal(eo('E.o. 12958: decl: 05/04/2015')?.declassifyOn, '2015-05-04');
    assert.equal(eo('E.O. 12958: N/A')?.notApplicable, true);
    assert.equal(eo('EO 12958 N/A')?.notApplicable, true);
    assert.equal(eo('E.O. 12958: DECL: 1.6X1')?.event, '1.6X1');
    assert.equal(eo('E.O. 12356:  DECL:  OADR')?.event, 'OADR');
    assert.equal(
      eo('E.O. 12958: DECL: after korean unification')?.event,
      'after korean unification',
    );
    assert.equal(eo('E.O. 13526: DECL: 02/30/2020')?.declassifyOn, null, 'no 30 February');
    assert.equal(eo('E.O. 13526: DECL: 02/29/2020')?.declassifyOn, '2020-02-29', 'leap year');
    assert.equal(eo('E.O. 13526: DECL: 02/29/2100')?.declassifyOn, null, '2100 is no leap year');
    assert.equal(eo('E.O. 13526: DECL: 04/31/2020')?.declassifyOn, null, 'no 31 April');
    // 06CARACAS958: a downgrade date is not a declassification date.
    const dng = eo('E.O. 12958: DNG: CO 04/08/2026 ');
    assert.deepEqual([dng?.declassifyOn, dng?.event], [null, 'DNG: CO 04/08/2026']);
  });

  it('reads an E.O. line glued after a passing line, and the TAGS after it', () => {
    // 09TRIPOLI1036, 08BRASILIA429
    const { fields, issues } = parse(
      [
        'C O N F I D E N T I A L TRIPOLI 001036',
        '',
        'NOFORN SIPDIS DEPT FOR NEA/MAG E.O. 12958: DECL: 12/23/2019 TAGS: PREL PGOV',
        'SUBJECT: X',
        '',
        '1. (C) Text.',
      ].join('\n'),
    );
    assert.deepEqual(fields.captions, ['NOFORN', 'SIPDIS']);
    assert.deepEqual(fields.passingLines, ['DEPT FOR NEA/MAG']);
    assert.equal(fields.eo?.declassifyOn, '2019-12-23');
    assert.deepEqual(
      fields.tags.map((t) => t.code),
      ['PREL', 'PGOV'],
    );
    assert.equal(fields.subject, 'X');
    assert.ok(codes(issues).includes('text.line.folded'));
    // 06TUNIS55: glued to the last word of the passing line
    const tunis = parse(
      'C O N F I D E N T I A L TUNIS 000055\n\nPARIS FOR ZEYALONDON FOR TSOUE.O. 12958: DECL: 01/04/2016\nTAGS: PREL\nSUBJECT: X\n\n1. (C) Text.',
    ).fields;
    assert.equal(tunis.eo?.declassifyOn, '2016-01-04');
    assert.deepEqual(tunis.passingLines, ['PARIS FOR ZEYALONDON FOR TSOU']);
  });

  it('reads passing line, E.O., TAGS and SUBJECT after a Classified By that comes first', () => {
    // 08BRASILIA93
    const { fields } = parse(
      [
        'C O N F I D E N T I A L  BRASILIA 000093 ',
        ' ',
        'Classified By: Ambassador Clifford Sobel.  Reason 1.5 (b) (d) ',
        ' ',
        'DEPARTMENT FOR WHA, M, T ',
        ' ',
        'E.O. 12958: DECL: 01/08/2018 ',
        'TAGS: MASS PREL',
        "SUBJECT: BRAZIL'S NUCLEAR SUBMARINE AMBITIONS ",
        '',
        '1. (C) Text.',
      ].join('\n'),
    );
    assert.deepEqual(fields.classifiedBy?.names, ['Clifford Sobel']);
    assert.deepEqual(fields.passingLines, ['DEPARTMENT FOR WHA, M, T']);
    assert.equal(fields.eo?.declassifyOn, '2018-01-08');
    assert.equal(fields.subject, "BRAZIL'S NUCLEAR SUBMARINE AMBITIONS");
  });

  it('repairs a one-letter TAG typo, keeps unknown and person TAGS', () => {
    const { fields, issues } = parse(
      'UNCLAS STATE 000001\n\nE.O. 12958: N/A\nTAGS: PRLE, XYZQ, OVIP (STEINBERG, JAMES B.) KNNP,\nCH\nSUBJECT: X\n\n1. (U) Text.',
    );
    assert.deepEqual(
      fields.tags.map((t) => [t.code, t.kind]),
      [
        ['PREL', 'subject'],
        ['XYZQ', 'unknown'],
        ['OVIP (STEINBERG, JAMES B.)', 'person'],
        ['KNNP', 'program'],
        ['CH', 'country'],
      ],
    );
    assert.ok(codes(issues).includes('tags.repaired'));
    assert.ok(codes(issues).includes('tags.unknown'));
  });

  it('reads other writings of a code and codes of several words (reference/tags-supplement.csv)', () => {
    const withSupplement: FormatReference = {
      ...reference,
      tagKind: (code) =>
        ({ ...kinds, RS: 'country', UNHRC: 'organization', COUNTERTERRORISM: 'unknown' })[code] as
          TagKind | undefined,
      tagCodes: new Set([...Object.keys(kinds), 'RS', 'UNHRC', 'UNHCR', 'COUNTERTERRORISM']),
      tagAlias: (code) => ({ RU: 'RS', 'COUNTER TERRORISM': 'COUNTERTERRORISM' })[code],
      tagPhrases: ['COUNTER TERRORISM'],
    };
    // 09MOSCOW1108, 06GENEVA1673 (UNHRC is not a typo of UNHCR), 04SANAA3023
    const { fields, issues } = parse(
      'UNCLAS STATE 000001\n\nE.O. 12958: N/A\nTAGS: PREL RU UNHRC COUNTER TERRORISM\nSUBJECT: X\n\n1. (U) Text.',
      withSupplement,
    );
    assert.deepEqual(
      fields.tags.map((t) => [t.code, t.raw]),
      [
        ['PREL', 'PREL'],
        ['RS', 'RU'],
        ['UNHRC', 'UNHRC'],
        ['COUNTERTERRORISM', 'COUNTER TERRORISM'],
      ],
    );
    assert.ok(codes(issues).includes('tags.alias'));
    assert.deepEqual(
      issues.filter((i) => i.code.startsWith('tags')).map((i) => i.code),
      ['tags.alias', 'tags.alias'],
    );
  });

  it('splits two known TAGS written together', () => {
    const { fields, issues } = parse(
      'UNCLAS STATE 000001\n\nE.O. 12958: N/A\nTAGS: TUPREL PGOV\nSUBJECT: X\n\n1. (U) Text.',
    );
    assert.deepEqual(
      fields.tags.map((t) => t.code),
      ['TU', 'PREL', 'PGOV'],
    );
    assert.ok(codes(issues).includes('tags.split'));
    // 09CAIRO2205, 06SANJOSE1792: a longer run, cut into the fewest known codes
    const run = parse(
      'UNCLAS STATE 000001\n\nE.O. 12958: N/A\nTAGS: PRELPGOVKNNPCH\nSUBJECT: X\n\n1. (U) Text.',
    ).fields.tags;
    assert.deepEqual(
      run.map((t) => t.code),
      ['PREL', 'PGOV', 'KNNP', 'CH'],
    );
  });

  it('reports an empty TAGS line and missing fields', () => {
    const { fields, issues } = parse(
      'S E C R E T STATE 098975\n\nTAGS:          \n\n1.(U) Text.\nRICE\n\n',
    );
    assert.deepEqual(fields.tags, []);
    assert.ok(codes(issues).includes('tags.empty'));
    assert.ok(codes(issues).includes('text.eo.missing'));
    assert.ok(codes(issues).includes('text.subject.missing'));
  });

  it('reads Classified By in its written forms', () => {
    const cb = (line: string) =>
      parse(
        `S E C R E T STATE 000001\n\nE.O. 12958: DECL: 01/01/2020\nTAGS: PREL\nSUBJECT: X\n\n${line}\n\n1. (S) Text.`,
      ).fields.classifiedBy;
    assert.deepEqual(cb('Classified by Ambassador X for reason 1.5 (B) AND (D)')?.reasons, [
      '1.5(b)',
      '1.5(d)',
    ]);
    assert.equal(
      cb('Classified by Ambassador X for reason 1.5 (B) AND (D)')?.position,
      'Ambassador',
    );
    assert.deepEqual(cb('Classified By: DCM Jane Roe, 1.4 b and d')?.reasons, ['1.4(b)', '1.4(d)']);
    assert.deepEqual(cb('Classified By: DCM Jane Roe, reasons 1.4 (b/d)')?.reasons, [
      '1.4(b)',
      '1.4(d)',
    ]);
    assert.deepEqual(cb('CLASSIFIED BY: POLOFF JOHN DOE, REASONS 1,4 (C)')?.reasons, ['1.4(c)']);
    const wrapped = cb(
      "Classified By: Charge d'Affaires a.i. Carol Urban, Reasons 1.4\n(b) and (d)",
    );
    assert.deepEqual(wrapped?.names, ['Carol Urban']);
    assert.equal(wrapped?.position, "Charge d'Affaires a.i.");
    assert.deepEqual(wrapped?.reasons, ['1.4(b)', '1.4(d)']);
  });

  it('keeps titles, tails and keywords out of the Classified By name, and Jr. in it', () => {
    const who = (line: string) => {
      const c = parse(
        `S E C R E T STATE 000001\n\nE.O. 12958: DECL: 01/01/2020\nTAGS: PREL\nSUBJECT: X\n\n${line}\n\n1. (S) Text.`,
      ).fields.classifiedBy;
      return [c?.names ?? [], c?.position ?? null];
    };
    // 03KATHMANDU1870, 09CAIRO1531 (hyphenated titles), 09STATE15113 (the keyword twice)
    assert.deepEqual(who('Classified By: AMB. MICHAEL E. MALINOWSKI. REASON: 1.5 (B,D)'), [
      ['MICHAEL E. MALINOWSKI'],
      'AMB.',
    ]);
    assert.deepEqual(
      who(
        'Classified By: ECONOMIC-POLITICAL MINISTER-COUNSELOR DONALD A. BLOME FO R REASONS 1.4 (B) AND (D)',
      ),
      [['DONALD A. BLOME'], 'ECONOMIC-POLITICAL MINISTER-COUNSELOR'],
    );
    assert.deepEqual(
      who(
        'Classified By: Classified by EUR Assistant Secretary Daniel Fried, Reasons: 1.4(b) and (d).',
      ),
      [['Daniel Fried'], 'EUR Assistant Secretary'],
    );
    // 04MADRID827 (PER), 04NEWDELHI7078 (Jr.), 04RANGOON1100 (title segment first)
    assert.deepEqual(who("Classified By: Charge d'Affaires Carol Urban per 1.4 (b) and (d)"), [
      ['Carol Urban'],
      "Charge d'Affaires",
    ]);
    assert.deepEqual(who('Classified By: DCM Robert O. Blake, Jr., Reasons 1.4 (B and D)'), [
      ['Robert O. Blake, Jr.'],
      'DCM',
    ]);
    // 07MADRID2282 (Jr. before the reasons), 09BEIJING1582 (a split `Rea sons`)
    assert.deepEqual(who('Classified By: Ambassador Eduardo Aguirre Jr. Reasons 1.4 (b) and (d)'), [
      ['Eduardo Aguirre Jr.'],
      'Ambassador',
    ]);
    assert.deepEqual(
      who('Classified By: Acting Economic Minister Counselor Robert W. Forden. Rea sons 1.4 (b/d)'),
      [['Robert W. Forden'], 'Acting Economic Minister Counselor'],
    );
    assert.deepEqual(who('Classified By: CDA, A.I. RON MCMULLEN FOR REASON 1.5 (A/C).'), [
      ['RON MCMULLEN'],
      'CDA, A.I.',
    ]);
    // 01VATICAN5693: a title alone names nobody; 09ROME192: an initial is part of the name
    assert.deepEqual(who('CLASSIFIED BY AMBASSADOR. REASON 1.5(B,D).'), [[], 'AMBASSADOR']);
    assert.deepEqual(who('Classified By: A/POL J. Liam Wasley for reasons 1.4 (b) and (d)'), [
      ['J. Liam Wasley'],
      'A/POL',
    ]);
  });
});

describe('parseText: REF blocks from real cables', () => {
  const refs = (head: string[], tail = ['', '1. (U) Text.']) =>
    parse(
      ['UNCLAS CAIRO 001828', '', 'E.O. 12958: N/A', 'TAGS: PREL', ...head, ...tail].join('\n'),
    );
  const ids = (r: ReturnType<typeof refs>) => r.fields.references.map((x) => x.id);

  it('reads `(C) CAIRO 207` after a serial as reference C, not a glued paragraph', () => {
    // 09CAIRO1828: REFS glued to the subject; the labels look like portion marks.
    const r = refs([
      'SUBJECT: FPU REVIEW OF DIVERSITY VISA CASES REFS: (A) 08 CAIRO 2483 (B) 08 CAIRO 2562 (C) CAIRO 207 (D) CAIRO 600',
    ]);
    assert.equal(r.fields.subject, 'FPU REVIEW OF DIVERSITY VISA CASES');
    assert.deepEqual(ids(r), ['08CAIRO2483', '08CAIRO2562', '08CAIRO207', '08CAIRO600']);
    // 03BRASILIA3124: mixed case, no comma before (C).
    const b = refs(['SUBJECT: X', 'REFS: (A) Brasilia 3089, (B) Brasilia 3070 (C) Brasilia 2233 ']);
    assert.deepEqual(ids(b), ['08BRASILIA3089', '08BRASILIA3070', '08BRASILIA2233']);
    // 04BRASILIA2129: a mixed-case item on its own line is no marked paragraph.
    const m = refs([
      'SUBJECT: X',
      'REFS: (A) Brasilia 1835 ',
      '(B) USUN 1593 ',
      '(C) State 152009 ',
    ]);
    assert.deepEqual(ids(m), ['08BRASILIA1835', '08USUNNEWYORK1593', '08STATE152009']);
    // 09ISTANBUL440: a label ending the line.
    const i = refs([
      'SUBJECT: X',
      'REF: (A) ANKARA 1516 (EXDIS) (B) ISTANBUL 421 (C) ',
      '     ISTANBUL 290',
    ]);
    assert.deepEqual(ids(i), ['08ANKARA1516', '08ISTANBUL421', '08ISTANBUL290']);
  });

  it('still cuts a paragraph glued after the last reference', () => {
    const r = refs(['SUBJECT: X', 'REF: STATE 1234 (C) Post delivered the points on May 5.'], []);
    assert.deepEqual(ids(r), ['08STATE1234']);
    assert.equal(r.fields.paragraphs[0]?.marking?.raw, '(C)');
  });

  it('reads a `Ref:` glued to the subject line', () => {
    // 09STOCKHOLM736
    const r = refs([
      'SUBJECT: CONCERNS ABOUT ACTA NEGOTIATIONS AND IPR UPDATE:  IPRED, PIRATE BAY, AND VODDLER  Ref: A) STOCKHOLM 733, B) STOCKHOLM 676  STOCKHOLM 00000736  001.2 OF 002   ',
    ]);
    assert.equal(
      r.fields.subject,
      'CONCERNS ABOUT ACTA NEGOTIATIONS AND IPR UPDATE:  IPRED, PIRATE BAY, AND VODDLER',
    );
    assert.deepEqual(ids(r), ['08STOCKHOLM733', '08STOCKHOLM676']);
  });

  it('reads the REF keyword written with dots or a label (REF. / REF... / REF.: / REF A:)', () => {
    // 01VATICAN5693, 05NEWDELHI301, 05BRASILIA3216, 01VATICAN5960
    assert.deepEqual(ids(refs(['SUBJECT: X', 'BRIEFS VATICAN.', ' ', 'REF. STATE 184178 '])), [
      '08STATE184178',
    ]);
    assert.deepEqual(ids(refs(['SUBJECT: X', 'REF...04 CHENNAI 575 '])), ['04CHENNAI575']);
    assert.deepEqual(ids(refs(['SUBJECT: X', 'REF.: BRASILIA 03150 AND PREVIOUS '])), [
      '08BRASILIA3150',
    ]);
    const v = refs([
      'SUBJECT: A WORRIED',
      'VATICAN. ',
      '',
      'REF A: VATICAN 05286; REF B: VATICAN 05546 ',
    ]);
    assert.equal(v.fields.subject, 'A WORRIED VATICAN.');
    assert.deepEqual(ids(v), ['08VATICAN5286', '08VATICAN5546']);
  });

  it('reads a REF glued to the subject and a mark after it (subject-tail.ts)', () => {
    // 09ISLAMABAD2903, 08REYKJAVIK46
    const r = refs(['SUBJECT: DEMARCHE DELIVERED ON OMAR SAEED SHEIKH CASEREF: SECSTATE 108201']);
    assert.equal(r.fields.subject, 'DEMARCHE DELIVERED ON OMAR SAEED SHEIKH CASE');
    assert.deepEqual(ids(r), ['08STATE108201']);
    assert.ok(codes(r.issues).includes('text.subject.tail'));
    const m = refs(['SUBJECT:  Demarche on Use of FYROM for NATO Candidature (U) ']);
    assert.equal(m.fields.subject, 'Demarche on Use of FYROM for NATO Candidature');
    assert.equal(m.fields.subjectMarking?.level, 'UNCLASSIFIED');
  });

  it('reads lower-case items after a caption line, not lettered prose', () => {
    // 09BAKU20
    const r = refs([
      'SUBJECT: X',
      'Ref: a. Iir 6 941 0165 09//usdao baku//061207zjan09',
      '(notal)',
      'b. 08 baku 1119',
      'c. Baku 17',
    ]);
    assert.deepEqual(ids(r), [null, '08BAKU1119', '08BAKU17']);
    // 09TRIPOLI269: lettered paragraphs after the REF line are the body.
    const t = refs([
      'SUBJECT: X',
      'REF: 08 STATE 74840',
      '',
      'a. COUNTRY CONDITIONS: Fraud Level: Low.',
    ]);
    assert.deepEqual(ids(t), ['08STATE74840']);
  });

  it('reads on past an old-style page break inside the block', () => {
    // 02ROME1196
    const r = refs([
      'SUBJECT: X',
      'REF: A. STATE 40721',
      ' CONFIDENTIAL',
      'PAGE 02 ROME 01196 01 OF 02 082030Z  B. ROME 1098  C. ROME 894',
    ]);
    assert.deepEqual(ids(r), ['08STATE40721', '08ROME1098', '08ROME894']);
    assert.ok(codes(r.issues).includes('ref.page-marker'));
  });
});

describe('parseText: the body', () => {
  const head =
    'C O N F I D E N T I A L PARIS 000123\n\nE.O. 12958: DECL: 01/01/2020\nTAGS: PREL\nSUBJECT: X\n\n';

  it('reads numbered paragraphs with ¶, marks, headings, page markers and sub-paragraphs', () => {
    const { fields, issues } = parse(
      head +
        [
          '¶1. (C) SUMMARY: The summary',
          'wraps. END SUMMARY.',
          ' ',
          '-------',
          'THE KURDS',
          '-------',
          ' ',
          '¶2.(S//NF) Second paragraph',
          '',
          'PARIS 00000123  002 OF 003',
          '',
          'continues here.',
          '',
          'A. (C) a sub-paragraph stays in its parent.',
          '-- so does a dash item.',
          '',
          '3. (C/REL UK) Third.',
          '',
          'JONES',
        ].join('\n'),
    );
    assert.deepEqual(
      fields.paragraphs.map((p) => [p.number, p.marking?.raw ?? null, p.heading]),
      [
        ['1', '(C)', null],
        ['2', '(S//NF)', '-------\nTHE KURDS\n-------'],
        ['3', '(C/REL UK)', null],
      ],
    );
    assert.equal(fields.paragraphs[0]!.text, 'SUMMARY: The summary\nwraps. END SUMMARY.');
    assert.equal(
      fields.paragraphs[1]!.text,
      'Second paragraph\ncontinues here.\n\nA. (C) a sub-paragraph stays in its parent.\n-- so does a dash item.',
    );
    assert.deepEqual(fields.paragraphs[2]!.marking?.relToCodes, ['GBR']);
    assert.equal(fields.summary, 'The summary wraps.');
    assert.deepEqual(fields.signers, ['JONES']);
    assert.ok(codes(issues).includes('text.page.marker'));
  });

  it('reads a summary introduced by a heading or an introduction', () => {
    // 05MUMBAI1682
    const heading = parse(
      head +
        'Summary and Action Request \n-------------------------- \n\n¶1. (U) This is an Action Request.  See paragraph 13. \n\n¶2. (C) More.\n',
    );
    assert.equal(heading.fields.summary, 'This is an Action Request. See paragraph 13.');
    // 04BRASILIA784, 09STOCKHOLM384
    const intro = parse(
      head + '¶1. (SBU) Introduction and Summary. Unlike the contretemps. End Summary.\n',
    );
    assert.equal(intro.fields.summary, 'Unlike the contretemps.');
    const amp = parse(
      head + 'Introduction & Summary \n---------------------- \n\n¶1. (C) Welcome.\n',
    );
    assert.equal(amp.fields.summary, 'Welcome.');
    // 06MADRID779, 05BRASILIA1922: a mark after the keyword, a number the paragraphs kept
    const marked = parse(head + 'Summary: (C) Spanish FM Moratinos cancelled. End Summary.\n');
    assert.equal(marked.fields.summary, 'Spanish FM Moratinos cancelled.');
    const numbered = parse(head + '1) (U) Summary. On July 12, Lula spoke. End Summary.\n');
    assert.equal(numbered.fields.summary, 'On July 12, Lula spoke.');
    // The seed's SUMMARY/BACKGROUND section is no summary.
    const background = parse(head + '------ SUMMARY/BACKGROUND ------\n1. (C) Text.\n');
    assert.equal(background.fields.summary, null);
  });

  it('reads unnumbered cables as unnumbered paragraphs', () => {
    const { fields } = parse(
      head + '(C) First block of prose.\n\nSecond block, unmarked.\n\nCLINTON\n\n',
    );
    assert.deepEqual(
      fields.paragraphs.map((p) => [p.number, p.marking?.raw ?? null, p.text]),
      [
        [null, '(C)', 'First block of prose.'],
        [null, null, 'Second block, unmarked.'],
      ],
    );
    assert.deepEqual(fields.signers, ['CLINTON']);
  });

  it('does not split on numbers that are out of sequence and unmarked', () => {
    const { fields } = parse(head + '1. (C) The count was\n12. times higher.\n2. (C) Next.\n');
    assert.deepEqual(
      fields.paragraphs.map((p) => p.number),
      ['1', '2'],
    );
    assert.equal(fields.paragraphs[0]!.text, 'The count was\n12. times higher.');
  });

  it('reads a signature glued after the last sentence, and drops media trailers', () => {
    const { fields, issues } = parse(
      head + '1. (C) Text. End Comment. GUTIERREZ\n\n=====CABLE ENDS=====\n\n',
    );
    assert.deepEqual(fields.signers, ['GUTIERREZ']);
    assert.equal(fields.paragraphs[0]!.text, 'Text. End Comment.');
    assert.ok(codes(issues).includes('text.trailer'));
  });

  it('reads a surname in mixed or lower case, or with a stop, on the last line', () => {
    const signers = (tail: string) => parse(head + '1. (C) Text.\n' + tail).fields.signers;
    // 09LONDON2523, 08LONDON1814
    assert.deepEqual(signers("Visit London's Classified Website: XXXXXXXXXXXX \nSusman\n"), [
      'Susman',
    ]);
    assert.deepEqual(signers('More text.\nLeBaron\n'), ['LeBaron']);
    // 10ASHGABAT245, 07BRASILIA64
    assert.deepEqual(signers('compassion and humanity." END COMMENT\ncurran\n'), ['curran']);
    assert.deepEqual(signers('to cultivate China. \n\nSobel.\n'), ['Sobel']);
    // 10SANJOSE90 (a truncated copy), a table's last row, a sentence's last word
    assert.deepEqual(signers("general's office (which reports to the Legislative \nAssembl\n"), []);
    assert.deepEqual(signers('Tourism              53.5 \nCommercial\n'), []);
    assert.deepEqual(signers('the lengths it went\nissue.\n'), []);
    // Glued after the last sentence with a stop (06BRASILIA1855), or after a footer (07LONDON4472)
    assert.deepEqual(signers('four more weeks to make his case with the voters. CHICOLA.\n'), [
      'CHICOLA',
    ]);
    assert.deepEqual(signers('/www.state.sgov.gov/p/eur/london/index. cfm Tuttle\n'), ['Tuttle']);
    assert.deepEqual(signers('We met with the press at the U.S. Embassy in Tokyo. Thanks.\n'), []);
  });

  it('does not read the last addressee of a header after the signature as signers', () => {
    // 07PARIS3193
    const { fields } = parse(
      head +
        '1. (C) Text.\n\nSTAPLETON\n\nR 261647Z JUL 07\nFM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC 9164\nRUCNMEM/EU MEMBER STATES\n',
    );
    assert.ok(!fields.signers.includes('RUCNMEM'));
  });

  it('reads Classified By written as paragraph 1 (old cables)', () => {
    const { fields } = parse(
      'C O N F I D E N T I A L ANKARA 012278\n\nE.O. 12958: DECL:11/15/17\nTAGS: PGOV\nSUBJECT: X\n\n¶1.  CLASSIFIED BY POLITICAL COUNSELOR RICHARD MCKEE,\nEMBASSY ANKARA.  REASON: 1.5(B)(D).\n\n¶2. (C) Text.',
    );
    assert.deepEqual(fields.classifiedBy?.reasons, ['1.5(b)', '1.5(d)']);
    assert.equal(fields.classifiedBy?.position, 'POLITICAL COUNSELOR, EMBASSY ANKARA');
    assert.deepEqual(fields.classifiedBy?.names, ['RICHARD MCKEE']);
    assert.equal(fields.paragraphs.length, 2);
  });
});

describe('findTextStart and media preambles', () => {
  it('skips header lines and prefers a real banner over a bare classification in metadata', () => {
    const { start, fields } = parse(
      [
        '55988',
        'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
        'VZCZCXRO4180',
        'TAGS: PGOV PINR MX',
        'UNCLAS SECTION 01 OF 02 MEXICO 001311 ',
        ' ',
        'SENSITIVE',
        'E.O. 12958: N/A',
        'TAGS: PGOV',
        'SUBJECT: X',
        '',
        '1. (U) Text.',
      ].join('\n'),
    );
    assert.equal(start, 4);
    assert.equal(fields.messageReference, 'MEXICO 001311');
    assert.deepEqual(fields.captions, ['SENSITIVE']);
  });

  it('cuts a glued `Cable dated:` preamble and unfolds the fields on the banner line', () => {
    const { fields, issues } = parse(
      'P 151240Z NOV 02\n\nCable dated:2002-11-15T12:40:00S E C R E T SECTION 01 OF 05 ANKARA 008305S/CT FOR REAPE.O. 12958: DECL: 11/14/2012 TAGS: PTER TU\n\n¶1. (U) Text.',
    );
    assert.equal(fields.classificationLine, 'S E C R E T');
    assert.equal(fields.messageReference, 'ANKARA 008305');
    assert.deepEqual(fields.passingLines, ['S/CT FOR REAP']);
    assert.equal(fields.eo?.declassifyOn, '2012-11-14');
    assert.deepEqual(
      fields.tags.map((t) => t.code),
      ['PTER', 'TU'],
    );
    assert.ok(codes(issues).includes('text.preamble.glued'));
  });

  it('strips the backslashes of a cables.csv row and finds the banner after its TAB', () => {
    const { fields } = parse(
      '75837\t2006-08-23 08:46:00\t06BERN1553\tEmbassy Bern\tCONFIDENTIAL\t\tVZCZCXRO8379\\\nRUCNDT/USMISSION USUN NEW YORK 0092\tC O N F I D E N T I A L SECTION 01 OF 02 BERN 001553 \\\n \\\nSIPDIS \\\n \\\nE.O. 12958: DECL: 08/22/2016 \\\nTAGS: PREL\nSUBJECT: FM CALMY-REY \\\n \\\n1. (C) Text. \\\n',
    );
    assert.equal(fields.messageReference, 'BERN 001553');
    assert.deepEqual(fields.captions, ['SIPDIS']);
    assert.equal(fields.eo?.declassifyOn, '2016-08-22');
    assert.equal(fields.subject, 'FM CALMY-REY');
  });

  it('starts a partial extract without banner at its first text line', () => {
    const { start, fields, issues } = parse(
      'This record is a partial extract of the original cable.\n\nSIPDIS \n \nE.O. 12958: DECL: 12/22/2014 \nTAGS: PREL\nSUBJECT: X\n\n¶1. (C) Text.',
    );
    assert.equal(start, 2);
    assert.equal(fields.classificationLine, null);
    assert.ok(codes(issues).includes('text.banner.missing'));
    assert.equal(fields.paragraphs.length, 1);
  });

  it('reads a bare CONFIDENTIAL banner only when text follows, not header lines', () => {
    const ctx: ParseContext = {
      lines: ['CONFIDENTIAL', '', 'PAGE 01 CAPE T 00097 01 OF 03 182017Z', 'FM AMCONSUL CAPE TOWN'],
      issues: [],
      reference: undefined,
    };
    assert.equal(findTextStart(ctx, 0), -1);
    const ok: ParseContext = {
      lines: ['CONFIDENTIAL', '', 'SIPDIS', 'E.O. 12958: N/A'],
      issues: [],
      reference: undefined,
    };
    assert.equal(findTextStart(ok, 0), 0);
  });

  it('never throws on junk', () => {
    for (const junk of [
      '',
      '\n\n',
      'S E C R E T',
      'UNCLAS\n1.',
      '¶¶¶',
      'TAGS:\nSUBJECT:\nREF:\nClassified By:',
    ])
      parseText({ lines: junk.split('\n'), issues: [], reference }, 0, junk.split('\n').length, {
        year: null,
      });
  });
});
