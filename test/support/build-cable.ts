/** buildCable(overrides): a valid, canonical, fully marked cable (the seed 08STATE98975's fields) for tests. */
import type { Addressee, Cable, Paragraph, PortionMarking } from '../../src/format/cable.ts';
import { parsePortionMarking } from '../../src/format/portion-mark.ts';

/**
 * A parsed portion mark, for building paragraphs; throws on text that is not a mark (a test bug).
 *
 * @example mark('(S//NF)').noforn // true
 */
export function mark(raw: string): PortionMarking {
  const m = parsePortionMarking(raw);
  if (!m) throw new Error(`build-cable: ${raw} is not a portion mark`);
  return m;
}

/** A paragraph; the mark as written, or null for an unmarked paragraph. */
export function paragraph(
  number: string | null,
  raw: string | null,
  text: string,
  heading: string | null = null,
): Paragraph {
  return { heading, number, marking: raw === null ? null : mark(raw), text };
}

/** The canonical REL TO of the seed's paragraphs 3 and 4. */
export const SEED_REL = '(S//REL TO USA, BGR, CZE, ESP, ITA, POL, ROU, SVK, SVN)';

const posts: readonly [string, string][] = [
  ['RUEHSL', 'AMEMBASSY BRATISLAVA'],
  ['RUEHBM', 'AMEMBASSY BUCHAREST'],
  ['RUEHLJ', 'AMEMBASSY LJUBLJANA'],
  ['RUEHMD', 'AMEMBASSY MADRID'],
  ['RUEHPG', 'AMEMBASSY PRAGUE'],
  ['RUEHRO', 'AMEMBASSY ROME'],
  ['RUEHSF', 'AMEMBASSY SOFIA'],
  ['RUEHWR', 'AMEMBASSY WARSAW'],
];

const to: Addressee[] = posts.map(([routingIndicator, name]) => ({
  routingIndicator,
  name,
  precedence: 'IMMEDIATE',
  serial: '0000',
  collective: false,
}));

/** The seed's seven paragraphs with canonical marks and shortened text. */
export const seedParagraphs: readonly Paragraph[] = [
  paragraph('1', '(U)', 'This is an action request. Please see paragraph 3'),
  paragraph(
    '2',
    '(S)',
    'Getting China to aggressively implement United Nations Security Council resolutions ...',
    '------------------ SUMMARY/BACKGROUND ------------------',
  ),
  paragraph(
    '3',
    SEED_REL,
    'Washington requests Posts deliver the non-paper in paragraph 4 ...',
    '------------------------ OBJECTIVE/ACTION REQUEST ------------------------',
  ),
  paragraph(
    '4',
    SEED_REL,
    'BEGIN POINTS: -- We are sharing information with a number of key allies ... END POINTS.',
    '---------------- NONPAPER ----------------',
  ),
  paragraph(
    '5',
    '(U)',
    'Posts should report results within seven days of receipt of cable.',
    '------------------ REPORTING DEADLINE ------------------',
  ),
  paragraph(
    '6',
    '(U)',
    'Washington point of contact for follow-up information is XXXXXX XXXXXX',
    '---------------- POINT OF CONTACT ----------------',
  ),
  paragraph('7', '(U)', 'Department thanks Posts for their assistance.'),
];

/**
 * The seed cable's fields, made valid (TAGS filled in) and canonical (REL TO marks in IC form,
 * subject marked), with any fields overridden.
 *
 * @example buildCable({ captions: ['SIPDIS', 'NOFORN'] }).classificationLine // 'S E C R E T'
 */
export function buildCable(overrides: Partial<Cable> = {}): Cable {
  const base: Cable = {
    kind: 'cable',
    archive: {
      id: '08STATE98975',
      created: '2008-09-16 16:04',
      released: '2011-02-02 21:09',
      classification: 'SECRET',
      origin: 'Secretary of State',
    },
    header: {
      channel: 'VZCZCXYZ0003',
      precedence: 'OO',
      routingIndicators: ['RUEHWEB'],
      station: 'RUEHC',
      serial: '8975',
      stationSection: null,
      filed: '2601705',
      securityWarning: 'ZNY SSSSS ZZH',
      dtgPrecedence: 'O',
      dtgText: '161657Z SEP 08',
      dtg: '2008-09-16T16:57Z',
    },
    from: {
      routingIndicator: null,
      name: 'SECSTATE WASHDC',
      precedence: null,
      serial: null,
      collective: false,
    },
    to,
    info: [],
    xmt: [],
    classificationLine: 'S E C R E T',
    messageReference: 'STATE 098975',
    section: null,
    captions: ['SIPDIS'],
    passingLines: [],
    eo: {
      order: '12958',
      declassifyOn: '2033-09-16',
      event: null,
      notApplicable: false,
      text: 'E.O. 12958: DECL: 09/16/2033',
    },
    tags: [
      { code: 'PREL', kind: 'subject', raw: 'PREL' },
      { code: 'PARM', kind: 'subject', raw: 'PARM' },
      { code: 'CH', kind: 'country', raw: 'CH' },
      { code: 'IR', kind: 'country', raw: 'IR' },
    ],
    subject: 'URGING COALITION ALLIES TO APPROACH BEIJING ON CHINESE PROLIFERATION',
    subjectMarking: mark('(U)'),
    references: [],
    classifiedBy: {
      names: ['Patricia A. McNerney'],
      position: 'ISN',
      reasons: ['1.4(b)', '1.4(d)'],
      text: 'Classified By: ISN Patricia A. McNerney for reasons 1.4 (b) and (d).',
    },
    summary: null,
    paragraphs: seedParagraphs,
    signers: ['RICE'],
  };
  return { ...base, ...overrides };
}
