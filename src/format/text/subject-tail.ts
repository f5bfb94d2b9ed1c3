/** What runs on after a subject on its line: page markers, captions, SBU notices, a glued REF. */
import { KNOWN_STATIONS } from '../cable-id.ts';
import { startsWithCableId } from '../references.ts';

export interface SubjectTail {
  /** The subject without what ran on. */
  readonly subject: string;
  /** What was cut off (trimmed), '' when nothing was. */
  readonly cut: string;
  /** The text of a REF glued to the subject (after `REF:`), or null. */
  readonly ref: string | null;
  /** A portion mark written after the subject (`… Candidature (U)`), or null. */
  readonly mark: string | null;
}

/** `TRIPOLI 00000564 001.2 OF 002`: the digits part; the station words stand before it. */
const PAGE_NUMBERS = /\s\d{8}\s+\d{3}(?:\.\d)? +OF +\d{3}\b/;
/** A REF keyword, glued (`CASEREF: SECSTATE 108201`) or not. */
const REF_KEY = /(?:REFS?|Refs?)\s?:\s*(?:¶\s*)?/g;
/** A label before the first reference (`A. MANAMA 123`, `(A) …`). */
const LABEL = /^\(?[A-Za-z][.):]\s*/;
/** Things never part of a subject, from where they start to the end (`\d+\t`: a cables.csv row). */
const RUN_ON =
  /\s*\b(?:SIPDIS|NOFORN)\b|\s+\d+\t|\s*\(?(?:THIS CABLE IS )?SENS?I?TIVE BUT UNCLASSIFIED\b|\s+-{4,}|\s*<br>|\s+(?:C O N F I D E N T I A L|S E C R E T|UNCLAS SECTION)\b|\s+(?:(?:CONFIDENTIAL|SECRET|UNCLASSIFIED)\s+)?PAGE \d{2} [A-Z]/i;
/** The banner repeated with its message reference: `C O N F I D E N T I A L SECTION 01 OF 03 YEREVAN 001019`. */
const BANNER_AGAIN =
  /\s*(?:C O N F I D E N T I A L|S E C R E T|UNCLAS|CONFIDENTIAL|SECRET)(?: SECTION \d\d OF \d\d)? [A-Z][A-Z ]*? \d{6}\b/;
/**
 * What some tail holds: a page marker's `2 OF 0`, a REF, a run-on word (SIPDIS, NOFORN, a TAB,
 * `…tive but`, dashes, `<br>`, a spaced or plain banner, PAGE), a repeated banner's serial
 * (` 0…`), a portion mark at the end. A subject without any is returned as it is.
 */
const MAY_RUN_ON =
  /\d\s+OF\s+\d|REF|Ref|SIPDIS|NOFORN|\t|[Ii][Vv][Ee] [Bb][Uu][Tt]|----|<br>|C O N|S E C|UNCLAS|PAGE | 0|\((?:U|C|S|SBU|TS)\b[^)]*\)\s*$/i;
/** A portion mark ending the subject. */
const TRAILING_MARK = /\s+(\((?:U|C|S|SBU|TS|[SC]\/\/NF|SBU\/\/NF|S\/NF|C\/NF)\))$/;

/**
 * Cuts what ran on after a subject (a media copy lost the line breaks after it): a page marker
 * and all after it, SIPDIS/NOFORN and all after it, an SBU handling notice, a row of dashes
 * (`------- Summary -------`), a repeated banner, a glued REF (returned, to be read as
 * references), a trailing portion mark (returned). `stations` adds the directory's stations to
 * the ones the format library knows.
 *
 * @example cutSubjectTail('SE GRATION URGES TREIKI TRIPOLI 00000564 001.2 OF 002').subject
 *   // 'SE GRATION URGES TREIKI'
 * @example cutSubjectTail('DEMARCHE ON SHEIKH CASEREF: SECSTATE 108201').ref // 'SECSTATE 108201'
 */
export function cutSubjectTail(subject: string, stations?: ReadonlySet<string>): SubjectTail {
  // Most subjects hold nothing a tail starts with: one scan turns them away.
  if (!MAY_RUN_ON.test(subject)) return { subject, cut: '', ref: null, mark: null };
  let end = subject.length;
  let ref: string | null = null;
  if (subject.includes(' OF ')) {
    const page = PAGE_NUMBERS.exec(subject);
    if (page) end = Math.min(end, stationStart(subject, page.index, stations));
  }
  if (subject.includes('REF') || subject.includes('Ref')) {
    REF_KEY.lastIndex = 0;
    for (let m = REF_KEY.exec(subject); m !== null; m = REF_KEY.exec(subject)) {
      if (m.index < 8 || m.index >= end) break;
      const after = subject.slice(m.index + m[0].length);
      const label = LABEL.exec(after);
      if (!startsWithCableId(label ? after.slice(label[0].length) : after, stations)) continue;
      ref = subject.slice(m.index + m[0].length, end).trim();
      end = m.index;
      break;
    }
    REF_KEY.lastIndex = 0;
  }
  const runOn = RUN_ON.exec(subject.slice(0, end));
  if (runOn && runOn.index > 0) end = runOn.index;
  if (subject.includes(' 0')) {
    const banner = BANNER_AGAIN.exec(subject.slice(0, end));
    if (banner && banner.index > 0) end = banner.index;
  }
  let kept = subject.slice(0, end).trimEnd();
  let mark: string | null = null;
  if (kept.endsWith(')')) {
    const m = TRAILING_MARK.exec(kept);
    if (m && m.index > 0) {
      mark = m[1]!;
      kept = kept.slice(0, m.index);
    }
  }
  // Commas, dashes and quotes left by the cut (`… 000174 ,,"" ,,""` of a cables.csv row).
  if (kept.length < subject.length) kept = kept.replace(/[\s,;"-]+$/, '');
  const cut = kept.length === subject.length ? '' : subject.slice(kept.length).trim();
  return { subject: kept, cut, ref, mark };
}

/** Where the station words of a page marker start: up to three words before its digits. */
function stationStart(text: string, digitsAt: number, stations?: ReadonlySet<string>): number {
  let best = -1;
  let at = digitsAt;
  for (let words = 0; words < 3; words++) {
    const space = text.lastIndexOf(' ', at - 1);
    const start = space + 1;
    const word = text.slice(start, at);
    if (!/^[A-Z][A-Z.'-]*$/.test(word)) break;
    const station = text.slice(start, digitsAt).replace(/[\s.'-]+/g, '');
    if (KNOWN_STATIONS.has(station) || stations?.has(station) === true) best = start;
    if (space <= 0) break;
    at = space;
  }
  if (best >= 0) return best;
  // An unknown station: its last word only.
  const space = text.lastIndexOf(' ', digitsAt - 1);
  return space + 1;
}
