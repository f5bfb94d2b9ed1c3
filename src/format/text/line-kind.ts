/** Cheap line classifiers shared by the text parser: first-character tests before any regex. */
import { codeAt, isSpace } from '../chars.ts';

/** Handling captions that stand on their own line (several may share one). */
export const CAPTIONS: ReadonlySet<string> = new Set([
  'SIPDIS',
  'NODIS',
  'EXDIS',
  'LIMDIS',
  'STADIS',
  'NOFORN',
  'LOU',
  'CHEROKEE',
  'ROGER',
  'DOCKLAMP',
  'AGRMENT',
  'SPECAT',
  'SENSITIVE',
  'NOFORN/SIPDIS',
  'EXCLUSIVE',
  'CODEL',
  'STAFFDEL',
  'VISAS',
  'DIPLOMATIC',
  'SECURITY',
  'FOUO',
]);

/** Multi-word captions, matched as a whole line. */
const CAPTION_PHRASES = [
  'SENSITIVE BUT UNCLASSIFIED',
  'FOR OFFICIAL USE ONLY',
  'LIMITED OFFICIAL USE',
  'OFFICIAL INFORMAL',
  'SPECAT EXCLUSIVE',
  'DIPLOMATIC SECURITY',
  'VISAS DONKEY',
  'EYES ONLY',
];

const PHRASE_HEADS: ReadonlySet<string> = new Set(CAPTION_PHRASES.map((p) => p.split(' ')[0]!));

/** Captions of a caption-only line, or null when the line has other words too. */
export function captionWords(text: string): string[] | null {
  // Cheap gates first: caption lines are short and upper-case.
  if (text.length > 60) return null;
  // The gates read the line in place (s, e: what trim() keeps): most lines fail them, and most
  // lines of this corpus end in a blank, so a trimmed copy would be made for nothing.
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) return null;
  const c = codeAt(text, s);
  if (c < 65 || c > 90) return null;
  const space = text.indexOf(' ', s);
  // Every caption and phrase head is 3–13 letters long (LOU … NOFORN/SIPDIS).
  const headEnd = space === -1 || space > e ? e : space;
  if (headEnd - s < 3 || headEnd - s > 13) return null;
  // ...and ends in a capital: field lines (`TAGS:`, `E.O.`, `Classified`) stop here, unsliced.
  const z = codeAt(text, headEnd - 1);
  if (z < 65 || z > 90) return null;
  const head = text.slice(s, headEnd);
  if (!CAPTIONS.has(head) && !PHRASE_HEADS.has(head)) return null;
  // One word (the usual `SIPDIS`): what the general path below gives, without splitting.
  if (headEnd === e) return isCaptionWord(head) ? [head] : null;
  const t = text.slice(s, e);
  const upper = t.toUpperCase();
  for (const phrase of CAPTION_PHRASES) if (upper === phrase) return [phrase];
  const words = t.split(/\s+/);
  // Only short uppercase words: a caption line is never prose.
  if (words.length > 4) return null;
  for (const w of words) if (w !== w.toUpperCase()) return null;
  const out: string[] = [];
  for (const w of words) {
    if (!isCaptionWord(w)) return null;
    out.push(w);
  }
  return out;
}

/** A caption that stands as a word of a caption line (DIPLOMATIC, SECURITY, VISAS only in phrases). */
function isCaptionWord(w: string): boolean {
  return CAPTIONS.has(w) && w !== 'DIPLOMATIC' && w !== 'SECURITY' && w !== 'VISAS';
}

const EO = /^E\s?\.?\s?[O0]\s?\.?\s*\d{4,5}\b/i;
/** True when the line is an E.O. line (`E.O. 12958: DECL: 09/16/2033`, `EO 12958 N/A`, `E.0. 12356`). */
export function isEoLine(text: string): boolean {
  const c = codeAt(text, 0);
  return (c === 69 || c === 101) && EO.test(text);
}

/** Index in `text` where an E.O. clause starts after leading words (`SIPDIS E.O. 12958`), or -1. */
export function eoIndex(text: string): number {
  if (!(text.includes('E.O') || text.includes('EO ') || text.includes('E.o'))) return -1;
  // `NOFORNE.O. 12958`, `FOR TSOUE.O. 12958`: the dotted form may be glued to a word (05SANAA2766).
  const m = /(?:^|\s|(?<=[A-Z]))(E\.O\.|E\.o\.|EO)\s*\d{4,5}\b/.exec(text);
  return m ? m.index + (m[0].length - m[0].trimStart().length) : -1;
}

/** `TAGS:`, `TAGS`, `Tags:` at line start; returns the length of the keyword with its colon. */
export function tagsKeyword(text: string): number {
  const c = codeAt(text, 0);
  if (c !== 84 && c !== 116) return 0;
  const c1 = codeAt(text, 1);
  if (c1 !== 65 && c1 !== 97) return 0; // "TA…"
  const m = /^TAGS?(?:\s*:|\s+(?=\S)|\s*$)/i.exec(text);
  return m ? m[0].length : 0;
}

/** `SUBJECT:`, `SUBJ:`, `Subject:` at line start; the keyword length, or 0. */
export function subjectKeyword(text: string): number {
  const c = codeAt(text, 0);
  if (c !== 83 && c !== 115) return 0;
  const m = /^SUBJ(?:ECT)?(?:\s*:\s?|\s+(?=\S)|\s*$)/i.exec(text);
  return m ? m[0].length : 0;
}

/**
 * `REF:`, `REFS:`, `REF(S):`, `REFTEL:`, `REFERENCE:`, `REF.`, `REF...`, `REF A:` at line start;
 * the keyword length, or 0.
 */
export function refKeyword(text: string): number {
  const c = codeAt(text, 0);
  if (c !== 82 && c !== 114) return 0;
  const m =
    /^REF(?:S|\(S\)|TEL|TELS|ERENCES?)?\s*(?:\.+\s*:?|:)\s?|^REF(?:S|\(S\)|TELS?)?\s+(?=[A-Z0-9]\s*[.):]|\d|[A-Z]{3,}\s+\d)/i.exec(
      text,
    );
  return m ? m[0].length : 0;
}

/** `Classified By:` (optionally after `(U)`), as the start of the classification authority block. */
export function isClassifiedBy(text: string): boolean {
  const c = codeAt(text, 0);
  if (c !== 67 && c !== 99 && c !== 40) return false;
  return /^(?:\([A-Z]+\)\s*)?CLASSIFIED\s+BY\b/i.test(text);
}

/** A paragraph number at line start: `1.`, `¶1.`, `12.(C)`; returns [number, length of the prefix]. */
export function paragraphNumber(
  text: string,
): { number: string; length: number; pilcrow: boolean } | null {
  let i = 0;
  while (codeAt(text, i) === 32) i++;
  let pilcrow = false;
  if (codeAt(text, i) === 0xb6) {
    pilcrow = true;
    i++;
    while (codeAt(text, i) === 32) i++;
  }
  const start = i;
  while (i < text.length && i - start < 3 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57)
    i++;
  if (i === start || codeAt(text, i) !== 46) return null; // digits then "."
  const next = codeAt(text, i + 1);
  if (next >= 48 && next <= 57) return null; // "1.5 million"
  return { number: text.slice(start, i), length: i + 1, pilcrow };
}

/** Divider lines such as `------ SUMMARY ------`, `=====`, `. ------`. */
export function isDivider(text: string): boolean {
  // Gate: a divider starts (after blanks and dots) or ends with a rule character. Read in place:
  // this runs on every line of a paragraph's tail, and trimming or a regex replace per line showed.
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e - s < 3) return false;
  if (!isRule(codeAt(text, e - 1))) {
    let k = s;
    for (let c = codeAt(text, k); k < e && (c === 46 || isSpace(c)); c = codeAt(text, ++k));
    if (k >= e || !isRule(codeAt(text, k))) return false;
  }
  // What /^[\s.]*[-=_*~]{3,}|[-=_*~]{3,}\s*$/ matches, read in place: three rule characters
  // after the leading blanks and dots, or before the trailing blanks.
  let j = 0;
  for (let c = codeAt(text, 0); c === 46 || isSpace(c); c = codeAt(text, ++j));
  if (isRule(codeAt(text, j)) && isRule(codeAt(text, j + 1)) && isRule(codeAt(text, j + 2)))
    return true;
  return isRule(codeAt(text, e - 1)) && isRule(codeAt(text, e - 2)) && isRule(codeAt(text, e - 3));
}

/** - = _ * ~ */
function isRule(c: number): boolean {
  return c === 45 || c === 61 || c === 95 || c === 42 || c === 126;
}

/** Page and section markers inside the body: `ANKARA 00000348  002 OF 004`, `PAGE 02 VATICA 01261 061419Z`. */
export function isPageMarker(text: string): boolean {
  const t = text.trimStart();
  if (t.startsWith('PAGE ')) return /^PAGE \d{2,3}\b/.test(t);
  const c = codeAt(t, 0);
  if (c < 65 || c > 90) return false;
  return /^[A-Z][A-Z .'-]* \d{8}\s+\d{3}(?:\.\d)? +OF +\d{3}\s*$/.test(t);
}
