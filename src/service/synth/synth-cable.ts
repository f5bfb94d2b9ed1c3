/** Writes one synthetic cable in the archive layout of the seed: header FL1–FL7, banner, captions, E.O., TAGS, REF, marked paragraphs. */
import type { Directory, Post } from '../../directory/directory.ts';
import { generateProse, type WordModel } from './word-model.ts';
import type { Random } from './random.ts';
import { cableDate, type CableDate } from './synth-dates.ts';
import { classifier, signature } from './synth-people.ts';

/** What a cable needs from the corpus around it; bounded, so memory never grows with N. */
export interface SynthWorld {
  readonly directory: Directory;
  readonly model: WordModel;
  /** Stations and their weights (Zipf over a seeded shuffle of real posts, STATE first). */
  readonly stations: readonly Station[];
  readonly stationCumulative: Float64Array;
  /** Total file sizes to imitate (the corpus's, or a log-normal sample). */
  readonly sizes: readonly number[];
}

export interface Station {
  readonly name: string; // as in the MRN: "STATE", "SAO PAULO", "USUN NEW YORK"
  readonly idPart: string; // as in the id: "STATE", "SAOPAULO"
  readonly origin: string; // archive origin: "Secretary of State", "Embassy Madrid"
  readonly plad: string; // "SECSTATE WASHDC", "AMEMBASSY MADRID"
  readonly ri: string; // "RUEHC", "RUEHMD"
  readonly countryTag: string | null; // FIPS digraph of the host country ("SP")
}

/** A cable already written, kept in a bounded ring so later cables can cite it. */
export interface Citable {
  readonly id: string;
  readonly yy: string;
  readonly station: string;
  readonly serial: number;
}

export interface SynthCable {
  readonly id: string;
  readonly year: number;
  readonly text: string;
  readonly citable: Citable;
}

type Profile = 'U' | 'SBU' | 'C' | 'CNF' | 'S' | 'SNF';

const ARCHIVE_CLASSIFICATION: Record<Profile, string> = {
  U: 'UNCLASSIFIED',
  SBU: 'UNCLASSIFIED//FOR OFFICIAL USE ONLY',
  C: 'CONFIDENTIAL',
  CNF: 'CONFIDENTIAL//NOFORN',
  S: 'SECRET',
  SNF: 'SECRET//NOFORN',
};
const BANNER: Record<Profile, string> = {
  U: 'UNCLAS',
  SBU: 'UNCLAS',
  C: 'C O N F I D E N T I A L',
  CNF: 'C O N F I D E N T I A L',
  S: 'S E C R E T',
  SNF: 'S E C R E T',
};

/** Subject TAGS in corpus frequency order; the tail is drawn rarely (Zipf). */
const SUBJECT_TAGS =
  `PREL PGOV ECON PHUM PTER PINR ETRD MARR EFIN PARM MOPS SNAR ENRG EINV SOCI ASEC KCRM
KDEM KNNP ETTC MASS EAID NATO PINS ELAB EPET SENV MNUC KJUS EAGR PREF KISL KPAO UNSC UNGA KPAL AORC OVIP
CASC KCOR CVIS MCAP SMIG EAIR KWMN SCUL KTFN KSCA KIPR KIRF TRGY PBTS IAEA EWWT ECPS KPKO TBIO KTIP KWBG`
    .split(/\s+/)
    .filter((t) => t !== '');
const REL_PARTNERS = [
  'GBR',
  'FRA',
  'DEU',
  'CAN',
  'AUS',
  'NZL',
  'ITA',
  'ESP',
  'POL',
  'NLD',
  'JPN',
  'KOR',
];
const REL_COALITIONS = ['NATO', 'FVEY', 'ACGU'];
const MONTHS = 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' ');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Mutable state of one run: serial counters per station-year and the ring of citable cables. */
export interface SynthState {
  readonly serials: Map<string, number>;
  readonly recent: Citable[];
  recentNext: number;
}

const RING = 4096;

/**
 * The text of the cable at time `when` (minutes since the epoch), drawing everything from `random`.
 *
 * @example synthCable(world, state, random, Date.UTC(2008, 8, 16) / 60000).id // "08MADRID1003"
 */
export function synthCable(
  world: SynthWorld,
  state: SynthState,
  random: Random,
  when: number,
): SynthCable {
  const date = cableDate(when);
  const station = pickStation(world, random);
  const serialKey = `${station.idPart}/${date.year}`;
  const serial = (state.serials.get(serialKey) ?? 100 + random.int(900)) + 1 + random.int(4);
  state.serials.set(serialKey, serial);
  const yy = pad(date.year % 100, 2);
  const id = `${yy}${station.idPart}${serial}`;
  const profile = pickProfile(random);
  const classified = profile !== 'U' && profile !== 'SBU';
  const noforn = profile === 'CNF' || profile === 'SNF';
  const special =
    classified && !noforn
      ? random.chance(0.01)
        ? 'NODIS'
        : random.chance(0.02)
          ? 'EXDIS'
          : null
      : null;
  const rel =
    classified && !noforn && special === null && random.chance(0.1) ? relList(world, random) : null;
  const precedence = random.chance(0.6) ? 'R' : random.chance(0.75) ? 'P' : 'O';

  const target = world.sizes[random.int(world.sizes.length)]!;
  // NODIS and EXDIS imply NOFORN, and the archive's classification cell says so.
  const archiveClassification =
    ARCHIVE_CLASSIFICATION[profile] + (special !== null && !noforn ? '//NOFORN' : '');
  const lines: string[] = [];
  // Archive metadata: the site's clock oddity (minutes = hour mod 12) is kept, as in the corpus.
  lines.push(
    id,
    siteClock(date),
    siteClock(releasedDate(random)),
    archiveClassification,
    station.origin,
    '',
  );
  lines.push(...header(world, station, date, serial, precedence, profile, random), '');
  lines.push(`${BANNER[profile]} ${station.name} ${pad(serial, 6)}`, '');
  const captions = [
    ...(special ? [special] : []),
    ...(special === null && random.chance(0.96) ? ['SIPDIS'] : []),
    // A NOFORN portion makes the whole cable NOFORN: the caption says so (DOMAIN 4.2).
    ...(noforn ? ['NOFORN'] : []),
    ...(profile === 'SBU' && random.chance(0.6) ? ['SENSITIVE'] : []),
  ];
  if (captions.length > 0) lines.push(...captions, '');
  lines.push(eoLine(date, classified, random));
  lines.push(`TAGS: ${tags(world, station, random).join(', ')}`);
  const subjectMark =
    classified && random.chance(0.4) ? `(${random.chance(0.5) ? 'U' : levelLetter(profile)}) ` : '';
  const subjectWords = clip(
    generateProse(world.model, 30 + random.int(40), random),
    30 + random.int(50),
  ).toUpperCase();
  lines.push(`SUBJECT: ${subjectMark}${subjectPrefix(station, world, random)}${subjectWords}`, '');
  const refs = references(state, random, yy);
  if (refs !== null) lines.push(refs, '');
  if (classified) lines.push(`Classified By: ${classifier(station.idPart, date, random)}`, '');

  const used = lines.reduce((n, l) => n + l.length + 1, 0);
  const bodyChars = Math.max(250, (target - used) * 0.9);
  const paragraphs = Math.max(1, Math.round(bodyChars / (450 + random.int(500))));
  const marks = portionMarks(profile, paragraphs, rel, random);
  for (let p = 0; p < paragraphs; p++) {
    // Prose runs on to the end of its sentence (~90 characters on average): aim that much short.
    const chars = Math.max(
      40,
      Math.round((bodyChars / paragraphs) * (0.4 + random.next() * 1.2)) - 90,
    );
    let prose = generateProse(world.model, chars, random);
    if (p === 0 && paragraphs > 3 && random.chance(0.5)) prose = `Summary: ${prose} End Summary.`;
    else if (p === paragraphs - 1 && paragraphs > 2 && random.chance(0.3))
      prose = `Comment: ${prose} End Comment.`;
    lines.push(paragraphs === 1 ? `${marks[p]!} ${prose}` : `${p + 1}. ${marks[p]!} ${prose}`, '');
  }
  lines.push(signature(station.idPart, date.year), '', '');
  return {
    id,
    year: date.year,
    text: lines.join('\n'),
    citable: { id, yy, station: station.name, serial },
  };
}

/** Text cut at a word boundary to at most `max` characters, without trailing punctuation. */
function clip(text: string, max: number): string {
  const cut = text.length <= max ? text : text.slice(0, text.lastIndexOf(' ', max));
  return cut.replace(/[\s.,;:(]+$/, '');
}

function pickStation(world: SynthWorld, random: Random): Station {
  const cum = world.stationCumulative;
  const target = random.next() * cum[cum.length - 1]!;
  let lo = 0,
    hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return world.stations[lo]!;
}

/** Classification profile with the corpus's shares: C 46%, U//FOUO 18%, U 13%, S 11%, S//NF 7%, C//NF 5%. */
function pickProfile(random: Random): Profile {
  const r = random.next();
  return r < 0.13
    ? 'U'
    : r < 0.31
      ? 'SBU'
      : r < 0.77
        ? 'C'
        : r < 0.82
          ? 'CNF'
          : r < 0.93
            ? 'S'
            : 'SNF';
}

function levelLetter(profile: Profile): string {
  return profile === 'S' || profile === 'SNF'
    ? 'S'
    : profile === 'C' || profile === 'CNF'
      ? 'C'
      : 'U';
}

/** Portion marks consistent with the banner: at least one portion at the banner level (and NOFORN when the banner is). */
function portionMarks(profile: Profile, n: number, rel: string | null, random: Random): string[] {
  const marks: string[] = [];
  const top = levelLetter(profile);
  const nf = profile === 'CNF' || profile === 'SNF';
  for (let i = 0; i < n; i++) {
    const r = random.next();
    let level: string;
    if (profile === 'U') level = 'U';
    else if (profile === 'SBU') level = r < 0.7 ? 'SBU' : 'U';
    else if (top === 'C') level = r < 0.55 ? 'C' : r < 0.9 ? 'U' : 'SBU';
    else level = r < 0.4 ? 'S' : r < 0.65 ? 'C' : 'U';
    marks.push(
      decorate(level, nf && random.chance(0.6), rel !== null && random.chance(0.5), rel, random),
    );
  }
  const at = random.int(n);
  const topLevel = profile === 'SBU' ? 'SBU' : top;
  marks[at] = decorate(topLevel, nf, false, rel, random);
  return marks;
}

function decorate(
  level: string,
  noforn: boolean,
  withRel: boolean,
  rel: string | null,
  random: Random,
): string {
  if (level === 'U' || level === 'SBU') return `(${level})`;
  if (noforn) return `(${level}${random.chance(0.5) ? '//' : '/'}NF)`;
  if (withRel && rel !== null) return `(${level}${rel})`;
  return `(${level})`;
}

/** A REL TO caveat in one of the two forms the corpus uses: trigraphs (IC style) or country names (seed style). */
function relList(world: SynthWorld, random: Random): string {
  const count = 1 + random.int(3);
  const picked = new Set<string>();
  while (picked.size < count) picked.add(random.pick(REL_PARTNERS));
  if (random.chance(0.15)) return `//REL TO USA, ${random.pick(REL_COALITIONS)}`;
  const codes = [...picked].sort();
  if (random.chance(0.5)) return `//REL TO USA, ${codes.join(', ')}`;
  const names = codes.map((c) => {
    const country = world.directory.country(c);
    return (country?.cableNames[0] ?? country?.name ?? c).toUpperCase();
  });
  return `/REL ${names.join(', ')}`;
}

function tags(world: SynthWorld, station: Station, random: Random): string[] {
  const out = new Set<string>();
  // Every cable carries at least one subject TAG (DOMAIN 3.5); the first drawn is one.
  for (;;) {
    const first = SUBJECT_TAGS[Math.floor(Math.pow(SUBJECT_TAGS.length + 1, random.next())) - 1];
    if (first !== undefined && world.directory.tagKind(first) === 'subject') {
      out.add(first);
      break;
    }
  }
  const count = 1 + random.int(4);
  while (out.size < count) {
    // Zipf over the subject TAGS: index = floor(len^u) - 1 favours the head.
    const index = Math.min(
      SUBJECT_TAGS.length - 1,
      Math.floor(Math.pow(SUBJECT_TAGS.length + 1, random.next())) - 1,
    );
    out.add(SUBJECT_TAGS[index]!);
  }
  if (random.chance(0.15)) out.add(random.pick(['KDEM', 'KPAO', 'KCRM', 'KJUS', 'KNNP', 'KTFN']));
  if (station.countryTag) out.add(station.countryTag);
  return [...out];
}

function subjectPrefix(station: Station, world: SynthWorld, random: Random): string {
  if (!random.chance(0.6)) return '';
  if (station.countryTag === null) {
    const country = random.pick(world.directory.countries);
    return `${country.name.toUpperCase()}: `;
  }
  const post = world.directory.postsByRoutingIndicator(station.ri)[0];
  return post ? `${post.country.toUpperCase()}: ` : '';
}

function eoLine(date: CableDate, classified: boolean, random: Random): string {
  const order = date.year >= 2010 && (date.month > 6 || random.chance(0.3)) ? '13526' : '12958';
  if (!classified) return `E.O. ${order}: N/A`;
  const years = random.chance(0.7) ? 10 : random.chance(0.6) ? 25 : 5 + random.int(15);
  const day = Math.min(date.day, 28);
  return `E.O. ${order}: DECL: ${pad(date.month, 2)}/${pad(day, 2)}/${date.year + years}`;
}

/** REF line citing earlier synthetic cables (resolvable) and, sometimes, cables outside the archive. */
function references(state: SynthState, random: Random, yy: string): string | null {
  if (state.recent.length === 0 || !random.chance(0.35)) return null;
  const count = 1 + (random.chance(0.4) ? random.int(3) : 0);
  const refs: string[] = [];
  for (let i = 0; i < count; i++) {
    if (random.chance(0.08)) {
      // Pre-archive years: never a synthetic cable, so it stays unresolved.
      refs.push(`${pad(95 + random.int(5), 2)} STATE ${1000 + random.int(90000)}`);
      continue;
    }
    const cited = state.recent[random.int(state.recent.length)]!;
    refs.push(
      cited.yy === yy
        ? `${cited.station} ${cited.serial}`
        : `${cited.yy} ${cited.station} ${cited.serial}`,
    );
  }
  if (refs.length === 1) return `REF: ${refs[0]!}`;
  return `REF: ${refs.map((r, i) => `${String.fromCharCode(65 + i)}. ${r}`).join(' ')}`;
}

/** Records a written cable so that later ones may cite it (ring of the last RING cables). */
export function remember(state: SynthState, citable: Citable): void {
  if (state.recent.length < RING) state.recent.push(citable);
  else state.recent[state.recentNext] = citable;
  state.recentNext = (state.recentNext + 1) % RING;
}

function header(
  world: SynthWorld,
  station: Station,
  date: CableDate,
  serial: number,
  precedence: string,
  profile: Profile,
  random: Random,
): string[] {
  // FL4 letters equal the banner level.
  const letter = levelLetter(profile);
  const fl4 = letter === 'U' ? 'ZNR UUUUU ZZH' : `ZNY ${letter.repeat(5)} ZZH`;
  const prosign = precedence.repeat(2);
  const word = precedence === 'O' ? ' IMMEDIATE' : precedence === 'P' ? ' PRIORITY' : '';
  const filed = Math.min(date.hour * 60 + date.minute + 3 + random.int(40), 23 * 60 + 59);
  const lines = [
    `VZCZC${random.pick(['XRO', 'XYZ', 'XRH', 'BSO', 'AJI'])}${pad(random.int(10000), 4)}`,
    `${prosign} RUEHWEB`,
    '',
    `DE ${station.ri} #${pad(serial % 10000, 4)} ${pad(date.dayOfYear, 3)}${pad(Math.floor(filed / 60), 2)}${pad(filed % 60, 2)}`,
    fl4,
    `${precedence} ${pad(date.day, 2)}${pad(date.hour, 2)}${pad(date.minute, 2)}Z ${MONTHS[date.month - 1]!} ${pad(date.year % 100, 2)}`,
    `FM ${station.plad}`,
  ];
  const posts = world.directory.posts;
  const addressee = (p: Post, mcn: string) => `${p.routingIndicator}/${p.plad}${word} ${mcn}`;
  if (station.idPart === 'STATE') {
    const to = 1 + random.int(6);
    for (let i = 0; i < to; i++) {
      const p = randomPost(posts, random);
      lines.push(`${i === 0 ? 'TO ' : ''}${addressee(p, '0000')}`);
    }
  } else {
    lines.push(`TO RUEHC/SECSTATE WASHDC${word} ${pad(random.int(10000), 4)}`);
  }
  const info = random.chance(0.6) ? 1 + random.int(5) : 0;
  for (let i = 0; i < info; i++) {
    const p = randomPost(posts, random);
    lines.push(`${i === 0 ? 'INFO ' : ''}${addressee(p, pad(random.int(10000), 4))}`);
  }
  return lines;
}

function randomPost(posts: readonly Post[], random: Random): Post {
  for (;;) {
    const p = random.pick(posts);
    if (p.routingIndicator.startsWith('RUEH') && p.routingIndicator.length > 4) return p;
  }
}

/** The site's "Created"/"Released" cell: the real hour, and the hour mod 12 where the minutes should be. */
function siteClock(d: CableDate): string {
  const minutes = d.hour % 12 === 0 ? 12 : d.hour % 12;
  return `${d.year}-${pad(d.month, 2)}-${pad(d.day, 2)} ${pad(d.hour, 2)}:${pad(minutes, 2)}`;
}

/** A release date within the site's release window (2010-11-28 .. 2011-04-11). */
function releasedDate(random: Random): CableDate {
  const start = Date.UTC(2010, 10, 28) / 60000;
  const end = Date.UTC(2011, 3, 11, 23, 59) / 60000;
  return cableDate(start + random.int(end - start));
}
