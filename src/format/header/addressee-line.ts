/** One FM/TO/INFO/XMT addressee: `RUEHSL/AMEMBASSY BRATISLAVA IMMEDIATE 0000`, read and written. */
import type { Addressee, PrecedenceName } from '../cable.ts';
import { codeAt, isSpace } from '../chars.ts';

const PRECEDENCES: readonly PrecedenceName[] = [
  'NIACT IMMEDIATE',
  'IMMEDIATE',
  'PRIORITY',
  'ROUTINE',
  'FLASH',
];

/** ` IMMEDIATE`, ` PRIORITY` …: the precedence as the last word of an addressee line. */
const PRECEDENCE_SUFFIXES: readonly string[] = PRECEDENCES.map((p) => ` ${p}`);

/**
 * Reads one addressee from the text after `TO `/`INFO `/`XMT ` (or a continuation line), trimmed.
 * Returns null when nothing is left to name an addressee. Hand-written scans stand in for the
 * regexes they replace (noted at each step): this runs for every addressee of every header.
 *
 * @example parseAddressee('RUEHSL/AMEMBASSY BRATISLAVA IMMEDIATE 0000')
 *   // { routingIndicator: 'RUEHSL', name: 'AMEMBASSY BRATISLAVA', precedence: 'IMMEDIATE', serial: '0000', collective: false }
 */
export function parseAddressee(text: string): Addressee | null {
  let rest = text.trim();
  let routingIndicator: string | null = null;
  // Routing indicator before the slash, `^([A-Z]{3,8})\/(?=\S)`: 3–8 letters (`RUEHSL`,
  // `RHMFISS`, and `ZEN` for "no RI").
  const ri = upperRun(rest, 0, 9);
  if (ri >= 3 && ri <= 8 && codeAt(rest, ri) === 47 && ri + 1 < rest.length) {
    if (!isSpace(codeAt(rest, ri + 1))) {
      routingIndicator = rest.slice(0, ri);
      rest = rest.slice(ri + 1);
    }
  }
  // Message continuity number, also as a range for multi-part cables (`4024-4027`):
  // ` (\d{3,5}(?:-\d{3,5})?)$` not at the start.
  let serial: string | null = null;
  const at = serialAt(rest);
  if (at > 0) {
    serial = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let precedence: PrecedenceName | null = null;
  const z = codeAt(rest, rest.length - 1);
  // Every precedence ends in E, Y or H: other names skip the five suffix tests.
  if (z === 69 || z === 89 || z === 72)
    for (let k = 0; k < PRECEDENCES.length; k++)
      if (rest.endsWith(PRECEDENCE_SUFFIXES[k]!)) {
        const p = PRECEDENCES[k]!;
        precedence = p;
        rest = rest.slice(0, -p.length - 1);
        break;
      }
  const name = rest.trim();
  if (name === '') return null;
  // `\bCOLLECTIVE$`
  const collective =
    name.endsWith('COLLECTIVE') &&
    (name.length === 10 || !isWordChar(codeAt(name, name.length - 11)));
  return { routingIndicator, name, precedence, serial, collective };
}

/** Length of the run of A–Z from `from`, counting no further than `max`. */
function upperRun(text: string, from: number, max: number): number {
  let k = from;
  while (k - from < max) {
    const c = codeAt(text, k);
    if (c < 65 || c > 90) break;
    k++;
  }
  return k - from;
}

/** Index of the blank before a trailing serial `NNN[-NNN]` (3–5 digits each), or -1. */
function serialAt(text: string): number {
  let e = text.length;
  const last = digitsBefore(text, e);
  if (last < 3 || last > 5) return -1;
  e -= last;
  if (codeAt(text, e - 1) === 32) return e - 1;
  if (codeAt(text, e - 1) !== 45) return -1; // -
  const first = digitsBefore(text, e - 1);
  if (first < 3 || first > 5) return -1;
  const blank = e - 1 - first - 1;
  return codeAt(text, blank) === 32 ? blank : -1;
}

/** Length of the run of digits that ends at `end` (exclusive). */
function digitsBefore(text: string, end: number): number {
  let k = end;
  for (let c = codeAt(text, k - 1); c >= 48 && c <= 57; c = codeAt(text, --k - 1));
  return end - k;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The addressee as one header line's text (without `TO `). */
export function renderAddressee(a: Addressee, gap = 1): string {
  const name = a.routingIndicator === null ? a.name : `${a.routingIndicator}/${a.name}`;
  const tail = [
    ...(a.precedence === null ? [] : [a.precedence]),
    ...(a.serial === null ? [] : [a.serial]),
  ].join(' ');
  return tail === '' ? name : `${name}${' '.repeat(gap)}${tail}`;
}
