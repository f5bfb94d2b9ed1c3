/** The classification banner line: `S E C R E T STATE 098975`, `UNCLAS SECTION 01 OF 02 RIGA 000472`. */

import { codeAt } from '../chars.ts';

/** What a banner line says. `rest` is any text glued after the MRN (partial extracts fold lines). */
export interface Banner {
  readonly classificationLine: string; // as written: "S E C R E T", "UNCLAS E F T O"
  readonly messageReference: string | null; // "STATE 098975"
  readonly section: { readonly number: number; readonly of: number } | null;
  readonly sectionText: string | null; // as written: "SECTION 01 OF 02"
  /** True when the banner names a station (MRN) or a section: a sure sign of a telegram text. */
  readonly strong: boolean;
  /** 0-based offset of the banner in the line (after a glued preamble), and the text after it. */
  readonly offset: number;
  readonly rest: string;
  /** Joined letters differ from the known word (`O N F I D E N T I A L`, `SS E C R E T`). */
  readonly misspelt: boolean;
}

const WORDS = ['CONFIDENTIAL', 'SECRET', 'TOPSECRET', 'UNCLASSIFIED', 'UNCLAS'];
/** Plain-word banners, longest first. */
const PLAIN =
  /^(TOP SECRET|UNCLASSIFIED(?:\/\/FOR OFFICIAL USE ONLY|\/\/FOUO)?|UNCLAS(?: E ?F ?T ?O)?|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)(?![A-Za-z])/i;
const SPACED = /^[A-Za-z]?(?:[A-Za-z] ){3,}[A-Za-z](?![A-Za-z])/;
const SECTION = /^SECTIONS? +(\d{1,2}) +OF +(\d{1,2})\b/i;
const MRN = /^([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}) +(\d{3,7})(?!\d)/;

/**
 * Reads a banner at the start of `text` (leading blanks allowed). Null when the line does not
 * start with a classification.
 *
 * @example readBanner('S E C R E T STATE 098975')?.messageReference // 'STATE 098975'
 */
export function readBanner(text: string, offset = 0): Banner | null {
  // The text start, the glued-preamble check and the text header all read the same first line.
  if (text === last.text && offset === last.offset) return last.banner;
  const banner = readBannerAt(text, offset);
  // Written field by field, not a new object per call (this runs on many header lines).
  last.text = text;
  last.offset = offset;
  last.banner = banner;
  return banner;
}

/** The line read last and what it held (a pure function's one-entry memo). */
const last: { text: string | null; offset: number; banner: Banner | null } = {
  text: null,
  offset: 0,
  banner: null,
};

function readBannerAt(text: string, offset: number): Banner | null {
  let i = offset;
  // Blanks, TABs, no-break spaces and the U+2028 line separators some releases carry.
  for (
    let c = codeAt(text, i);
    c === 32 || c === 9 || c === 0xa0 || c === 0x2028;
    c = codeAt(text, i)
  )
    i++;
  const head = i === 0 ? text : text.slice(i);
  // Every banner starts with a letter; a spaced one has a blank after its first or second letter,
  // a plain one starts with T, U, C, S or L. Other lines are ruled out before any regex.
  const h0 = codeAt(head, 0);
  if (!isLetter(h0)) return null;
  const mayBeSpaced =
    codeAt(head, 1) === 32 || (isLetter(codeAt(head, 1)) && codeAt(head, 2) === 32);
  const u0 = h0 & ~32; // upper case
  if (!mayBeSpaced && u0 !== 84 && u0 !== 85 && u0 !== 67 && u0 !== 83 && u0 !== 76) return null;
  let token: string | null = null;
  let misspelt = false;
  const spaced = mayBeSpaced ? SPACED.exec(head) : null;
  if (spaced) {
    const joined = withoutBlanks(spaced[0]).toUpperCase();
    const known = WORDS.find((w) => w === joined || nearWord(joined, w));
    if (known !== undefined) {
      token = spaced[0];
      misspelt = known !== joined;
    }
  }
  if (token === null) {
    // PLAIN's words open with TO, UN, CO, SE or LI (any case): `TO AMEMBASSY …`, `SUBJECT:`,
    // `Classified By` and the partial-extract note stop here, before the regex.
    const u1 = codeAt(head, 1) & ~32;
    if (!(
      (u0 === 84 && u1 === 79) ||
      (u0 === 85 && u1 === 78) ||
      (u0 === 67 && u1 === 79) ||
      (u0 === 83 && u1 === 69) ||
      (u0 === 76 && u1 === 73)
    ))
      return null;
    const plain = PLAIN.exec(head);
    if (!plain) return null;
    token = plain[1]!;
  }
  let rest = head.slice(token.length);
  let section: Banner['section'] = null;
  let sectionText: string | null = null;
  let messageReference: string | null = null;
  for (let pass = 0; pass < 2; pass++) {
    let blanks = 0;
    while (codeAt(rest, blanks) === 32) blanks++;
    const trimmed = blanks === 0 ? rest : rest.slice(blanks);
    const sec: RegExpExecArray | null = section === null ? SECTION.exec(trimmed) : null;
    if (sec) {
      section = { number: Number(sec[1]), of: Number(sec[2]) };
      sectionText = sec[0];
      rest = trimmed.slice(sec[0].length);
      continue;
    }
    const mrn: RegExpExecArray | null = messageReference === null ? MRN.exec(trimmed) : null;
    if (mrn && !/^(SECTION|SECTIONS)$/.test(mrn[1]!)) {
      messageReference = mrn[0];
      rest = trimmed.slice(mrn[0].length);
    }
  }
  const strong =
    messageReference !== null || section !== null || /^[A-Za-z]? ?[A-Za-z] [A-Za-z] /.test(token);
  return {
    classificationLine: token,
    messageReference,
    section,
    sectionText,
    strong,
    offset: i,
    rest,
    misspelt,
  };
}

/** A banner anywhere in a line, after a glued preamble (`Cable dated:…S E C R E T`, `","C O N…`, a TAB). */
export function findBannerInLine(text: string): Banner | null {
  const at = readBanner(text);
  if (at) return at;
  for (const needle of [
    'C O N F I D E N T I A L',
    'S E C R E T',
    'UNCLAS',
    'CONFIDENTIAL',
    'SECRET',
  ]) {
    let k = text.indexOf(needle);
    while (k > 0) {
      const before = text.charAt(k - 1);
      // Only after a separator or glued digits/quotes, never inside a word of prose.
      if (/[\t"0-9:]/.test(before) || (needle.includes(' ') && before === ' ')) {
        const b = readBanner(text, k);
        if (b && b.strong) return b;
      }
      k = text.indexOf(needle, k + 1);
    }
  }
  return null;
}

/** True when `a` is `b` with one letter dropped or added at either end (`ONFIDENTIAL`, `SSECRET`). */
function nearWord(a: string, b: string): boolean {
  if (a.length === b.length - 1) return b.endsWith(a) || b.startsWith(a);
  if (a.length === b.length + 1) return a.endsWith(b) || a.startsWith(b);
  return false;
}

/**
 * The banner as a line.
 *
 * @example renderBanner('S E C R E T', null, 'STATE 098975') // 'S E C R E T STATE 098975'
 */
export function renderBanner(
  classificationLine: string,
  section: { readonly number: number; readonly of: number } | null,
  messageReference: string | null,
): string {
  const parts = [classificationLine];
  if (section) parts.push(`SECTION ${pad2(section.number)} OF ${pad2(section.of)}`);
  if (messageReference) parts.push(messageReference);
  return parts.join(' ');
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The letters of a letter-spaced word without its blanks. */
function withoutBlanks(spaced: string): string {
  let out = '';
  for (let k = 0; k < spaced.length; k++) if (spaced.charCodeAt(k) !== 32) out += spaced[k]!;
  return out;
}
