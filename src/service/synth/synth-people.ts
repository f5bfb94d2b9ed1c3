/** Names for Classified-By lines and signatures: deterministic per station, so a post keeps its ambassador. */
import type { CableDate } from './synth-dates.ts';
import type { Random } from './random.ts';

const FIRST =
  `James Robert John Michael William David Richard Thomas Charles Daniel Mary Patricia Linda
Barbara Elizabeth Susan Margaret Karen Nancy Lisa Anne Carol Paul Mark Steven Andrew Kenneth Joshua Kevin
Brian George Edward Ronald Timothy Jason Jeffrey Gary Ryan Eric Stephen Laura Sarah Kimberly Deborah`
    .split(/\s+/)
    .filter((s) => s !== '');
const LAST =
  `Smith Johnson Williams Brown Jones Miller Davis Garcia Wilson Anderson Taylor Thomas Moore
Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill Green
Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart
Morris Rogers Reed Cook Morgan Bell Murphy Bailey Cooper Richardson Cox Howard Ward Peterson Gray Hughes`
    .split(/\s+/)
    .filter((s) => s !== '');
const POST_TITLES = [
  'Ambassador',
  "Charge d'Affaires a.i.",
  'DCM',
  'Political Counselor',
  'Economic Counselor',
  'PolOff',
  'Pol/Econ Chief',
  'Consul General',
];
const DEPARTMENT_OFFICES = [
  'ISN',
  'EUR',
  'NEA',
  'EAP',
  'WHA',
  'AF',
  'SCA',
  'INR',
  'PM',
  'EEB',
  'IO',
  'DRL',
];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The ambassador's or Secretary's surname that signs a station's cables in a given year. */
export function signature(station: string, year: number): string {
  if (station === 'STATE') return year <= 2004 ? 'POWELL' : year <= 2008 ? 'RICE' : 'CLINTON';
  return LAST[hash(`${station}/${Math.floor((year - 2001) / 3)}`) % LAST.length]!.toUpperCase();
}

/** A Classified-By line body: classifier, position and E.O. reasons valid for the date. */
export function classifier(station: string, date: CableDate, random: Random): string {
  const name = `${random.pick(FIRST)} ${String.fromCharCode(65 + random.int(26))}. ${random.pick(LAST)}`;
  const who =
    station === 'STATE'
      ? `${random.pick(DEPARTMENT_OFFICES)} ${name}`
      : `${random.pick(POST_TITLES)} ${name}`;
  const section = date.year < 2003 || (date.year === 2003 && date.month < 4) ? '1.5' : '1.4';
  const letters = random.chance(0.5)
    ? ['b', 'd']
    : [random.pick(['b', 'c', 'd', 'd', 'd', 'e', 'h'])];
  const reasons =
    letters.length === 2
      ? `reasons ${section} (${letters[0]!}) and (${letters[1]!})`
      : `reason ${section} (${letters[0]!})`;
  return `${who}, for ${reasons}.`;
}
