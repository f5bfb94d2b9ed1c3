/** The classification authority block: `Classified By: ISN Patricia A. McNerney for reasons 1.4 (b) and (d).` */
import type { ClassifiedBy } from '../cable.ts';
import { codeAt, collapseSpaces, isSpace } from '../chars.ts';

/** Title words that make up a position ("Charge d'Affaires a.i.", "Political Counselor"). */
const TITLES = new Set(
  [
    'ambassador',
    'charge',
    "d'affaires",
    'd’affaires',
    'a.i.',
    'ai',
    'cda',
    'dcm',
    'deputy',
    'chief',
    'of',
    'mission',
    'acting',
    'political',
    'economic',
    'pol',
    'econ',
    'polecon',
    'pol/econ',
    'poloff',
    'econoff',
    'polmiloff',
    'counselor',
    'counsellor',
    'officer',
    'consul',
    'general',
    'principal',
    'officer,',
    'minister',
    'section',
    'head',
    'director',
    'secretary',
    'assistant',
    'under',
    'a/s',
    'das',
    'pdas',
    'senior',
    'advisor',
    'adviser',
    'regional',
    'affairs',
    'public',
    'management',
    'counselor,',
    'charg',
    'chargé',
    'dept',
    'department',
    'embassy',
    'and',
    'for',
    'the',
    'acting,',
    'polcouns',
    'econcouns',
    'ds/ip',
    'pao',
    'rso',
    'dao',
    'attache',
    'defense',
    'military',
    'legal',
    'labor',
    'consular',
    'polmil',
    'pol-mil',
    'economic/political',
    'political/economic',
    'political-economic',
    'poloff,',
    'pol/mil',
    'couns',
    'counselor:',
    'office',
    'officer:',
    // Seen left in the name over the corpus (docs/format.md, Against cablemap).
    'amb',
    'mincouns',
    'polmincouns',
    'econmincouns',
    'deppolcouns',
    'polcounselor',
    'mc',
    "d'affairs",
    "d'",
    'affaires',
    'unit',
    'internal',
    'a.i',
    'cg',
    'com',
    'counsel',
    'chargé',
    "chargé d'affaires",
    // Department bureaus before a title (`EUR A/S NANCY MCELDOWNEY`, `ISN ACTING DAS ELIOT KANG`).
    'eur',
    'isn',
    'wha',
    'nea',
    'eap',
    'sca',
    'inr',
    'eeb',
    'drl',
    'useu',
    'polchief',
    'polmc',
    'ecopol',
    'economics',
    'cheif',
    "charge'",
    'by',
    'minster',
    'de',
  ].map((w) => w.toLowerCase()),
);

/**
 * Reads the block (lines joined with "\n"): names, position/office and reasons normalised like
 * "1.4(b)". Forms: `1.4 (b) and (d)`, `1.4(B),(D)`, `1.4 b and d`, `1.4 (b/d)`, `1,4 (C)`, `1.5 (B) AND (D)`.
 *
 * @example parseClassifiedBy('Classified By: ISN Patricia A. McNerney for reasons 1.4 (b) and (d).').reasons
 * // ['1.4(b)', '1.4(d)']
 */
export function parseClassifiedBy(text: string): ClassifiedBy {
  const flat = collapseSpaces(text).trim();
  // The keyword may be written twice: `Classified By: Classified by EUR Assistant Secretary …`.
  const body = flat.replace(/^(?:\([A-Z]+\)\s*)?(?:CLASSIFIED\s+BY\s*:?\s*){1,2}/i, '');
  const cut = findReasonClause(body);
  const named = (cut ? body.slice(0, cut.index) : body).trim();
  // Only a name ending in punctuation has any for the (unanchored, so slow) regex to take off.
  const who = (endsWithPunctuation(named) ? named.replace(/(?<!\b[JS][Rr])[,;.:\s]+$/, '') : named)
    // What stood before the reasons: `… PER 1.4`, a split `FOR REASO NS`, `FO R`, `. Rea sons`, a dash.
    .replace(
      /[.,]?\s+(?:per|f\s?o\s?r(?:\s+r\s?e\s?a[\sa-z]*)?|r\s?e\s?a\s?s\s?o\s?n\s?s?|-+)$/i,
      '',
    );
  const reasonText = cut ? body.slice(cut.index) : '';
  const { names, position } = splitWho(who);
  return { names, position, reasons: readReasons(reasonText), text };
}

/**
 * The reason clause starts at "reason(s)", "for reason", "E.O." or the first "1.4"-like number:
 * REASON_CLAUSE's leftmost match.
 */
const REASON_CLAUSE =
  /[,;.]?\s*\b(?:for\s+)?(?:re\s?a\s?s\s?o\s?ns?|rsn|reason\(s\))\b|[,;]?\s*\bE\.?\s?O\.?\s*1\d{4}|[,;]?\s*(?:for\s+)?\b1\s?[.,]\s?[45]\b/gi;

/**
 * REASON_CLAUSE's leftmost match in `body`, or null. For speed the regex starts where a match
 * can first start rather than at every character of the name: each match holds a "re"/"rs" or
 * a "1", and before that only blanks, punctuation and the letters of "for" / "E.O.".
 */
function findReasonClause(body: string): RegExpExecArray | null {
  let from = firstReasonCore(body);
  if (from === -1) return null;
  while (from > 0 && mayLeadReason(codeAt(body, from - 1))) from--;
  REASON_CLAUSE.lastIndex = from;
  const m = REASON_CLAUSE.exec(body);
  REASON_CLAUSE.lastIndex = 0;
  return m;
}

/** The first "1", or "r" followed by "e" or "s" (any case): where a reason clause's core may start. */
function firstReasonCore(body: string): number {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 49) return i; // 1
    if (c === 114 || c === 82) {
      const next = codeAt(body, i + 1) | 32; // lower case
      if (next === 101 || next === 115) return i; // e, s
    }
  }
  return -1;
}

/** A character that may stand in a reason clause before its core: `, `, `. for `, `E.O. `. */
function mayLeadReason(c: number): boolean {
  const lower = c | 32;
  return (
    lower === 102 || // f
    lower === 111 || // o
    lower === 114 || // r
    lower === 101 || // e
    c === 44 || // ,
    c === 59 || // ;
    c === 46 || // .
    isSpace(c)
  );
}

/** Ends in `,`, `;`, `.` or `:` (the name is trimmed, so no blank). */
function endsWithPunctuation(text: string): boolean {
  const c = codeAt(text, text.length - 1);
  return c === 44 || c === 59 || c === 46 || c === 58;
}

function splitWho(who: string): { names: string[]; position: string | null } {
  if (who === '') return { names: [], position: null };
  // A name without a comma or semicolon is one segment (most are): no regex split then.
  const segments =
    who.includes(',') || who.includes(';')
      ? who.split(/\s*[,;]\s*/).filter((s) => s !== '')
      : [who];
  // `ROBERT O. BLAKE, JR.`: the suffix belongs to the name.
  for (let s = 1; s < segments.length; s++)
    if (/^(?:JR|SR)\.?$/i.test(segments[s]!)) {
      // The dot may have gone with the punctuation trimmed off the end.
      segments[s - 1] = `${segments[s - 1]!}, ${segments[s]!.replace(/\.?$/, '.')}`;
      segments.splice(s, 1);
      s--;
    }
  // `CDA, A.I. RON MCMULLEN`: a first segment of titles only; the name is in the next one.
  const lead: string[] = [];
  while (segments.length > 1 && onlyTitles(segments[0]!)) lead.push(segments.shift()!);
  const split = splitFirst(segments);
  if (lead.length === 0) return split;
  const position = [...lead, split.position ?? ''].filter((s) => s !== '').join(', ');
  return { names: split.names, position: position === '' ? null : position };
}

function splitFirst(segments: string[]): { names: string[]; position: string | null } {
  const first = segments[0] ?? '';
  const mixed = /[a-z]/.test(first);
  // Title words are read off the front one space at a time (the last word is never one): the
  // segment may be a whole paragraph, and splitting it all into words showed in profiles.
  let k = 0;
  let at = 0; // where word k starts
  for (let space = first.indexOf(' '); space !== -1; space = first.indexOf(' ', at)) {
    if (!isTitleWord(first.slice(at, space), mixed)) break;
    k++;
    at = space + 1;
  }
  const leading = k === 0 ? '' : first.slice(0, at - 1);
  const name = first.slice(at);
  const trailing = segments.slice(1);
  // "John Doe, Ambassador": a lone name segment followed by titles.
  if (k === 0 && trailing.length > 0 && trailing.every(isTitle))
    return { names: [name], position: trailing.join(', ') };
  // A title alone (`CLASSIFIED BY AMBASSADOR.`) names nobody.
  if (!name.includes(' ') && isTitleWord(name, false))
    return { names: [], position: [first, ...trailing].join(', ') };
  const position = [leading, ...trailing].filter((s) => s !== '').join(', ');
  // `AGUIRRE JR`: the stop of `Jr.` went with the punctuation before the reasons.
  const names = name === '' ? [] : splitNames(name);
  return { names, position: position === '' ? null : position };
}

/**
 * `John Doe and Jane Roe` as two names; `AGUIRRE JR` given its stop back. The regexes run only
 * when they can match (for speed: they scan the whole name, and few names end in "r" or join two).
 */
function splitNames(name: string): string[] {
  const z = codeAt(name, name.length - 1);
  const stopped = z === 114 || z === 82 ? name.replace(/\b([JS][Rr])$/, '$1.') : name; // r, R
  return hasSpacedAnd(stopped) ? stopped.split(/\s+and\s+/i) : [stopped];
}

/** True when "and" (any case) stands between blanks: where `/\s+and\s+/i` can match. */
function hasSpacedAnd(text: string): boolean {
  for (let i = 1; i + 3 < text.length; i++)
    if (
      (codeAt(text, i) | 32) === 97 && // a
      (codeAt(text, i + 1) | 32) === 110 && // n
      (codeAt(text, i + 2) | 32) === 100 && // d
      isSpace(codeAt(text, i - 1)) &&
      isSpace(codeAt(text, i + 3))
    )
      return true;
  return false;
}

function isTitle(segment: string): boolean {
  return segment
    .split(' ')
    .every((w) => isTitleWord(w, false) || (w.length > 1 && w === w.toUpperCase()));
}

/** Every word a known title (`CDA`, `Charge d'Affaires a.i.`), no acronym taken on trust. */
function onlyTitles(segment: string): boolean {
  return segment.split(' ').every((w) => isTitleWord(w, false));
}

/**
 * A word of a position: a known title (`AMB.`, `MINISTER-COUNSELOR`: each part a title), an
 * office (`EEB/ESC/TFS`), or in mixed-case text an acronym (`ISN`) — not an initial (`J.`).
 */
function isTitleWord(w: string, mixed: boolean): boolean {
  const lower = w.toLowerCase();
  if (TITLES.has(lower) || w.includes('/')) return true;
  const z = codeAt(lower, lower.length - 1);
  const bare = z === 46 || z === 44 || z === 58 ? lower.replace(/[.,:]+$/, '') : lower; // . , :
  if (bare !== lower && TITLES.has(bare)) return true;
  if (bare.includes('-') && bare.split('-').every((p) => TITLES.has(p))) return true;
  if (/^\([A-Z]+\)$/.test(w)) return true; // a portion mark: `Classified By: (U) Polcounselor …`
  return mixed && w === w.toUpperCase() && /[A-Z][^.]*[A-Z]/.test(w);
}

/** A section number of E.O. 12958: `1.4`, `1,4`, `1. 5`, `1/4`. */
const REASON_SECTION = /\b1\s?[.,/]\s?([4-6])(?!\d)/g;
/** Single letters a–h standing alone (or glued to the number: "1.4B", "1.5a"). */
const REASON_LETTER = /(^|[^A-Za-z])([a-hA-H])(?![A-Za-z])/g;

/** Reason references "1.4(b)" in order, without repeats: `1.4 (b) and (d)`, `1.4B AND D`, `1.5(B)(D)`, `(b&d)`. */
function readReasons(text: string): string[] {
  const out: string[] = [];
  if (text === '') return out;
  const sections: RegExpExecArray[] = [];
  // Shared global regexes: each exec loop runs to its end, which leaves lastIndex at 0.
  const section = REASON_SECTION;
  const letters = REASON_LETTER;
  for (let m = section.exec(text); m; m = section.exec(text)) sections.push(m);
  for (let s = 0; s < sections.length; s++) {
    const m = sections[s]!;
    const from = m.index + m[0].length;
    const to = s + 1 < sections.length ? sections[s + 1]!.index : text.length;
    const span = text.slice(from, to);
    for (let l = letters.exec(span); l; l = letters.exec(span)) {
      const letter = l[2]!;
      const glued = l.index === 0 && l[1] === '';
      // A lower-case "a" in prose is an article; count it only in parentheses or glued to the number.
      if (letter === 'a' && !glued && l[1] !== '(') continue;
      const r = `1.${m[1]!}(${letter.toLowerCase()})`;
      if (!out.includes(r)) out.push(r);
    }
  }
  return out;
}

/**
 * The canonical block for the fields: the parsed text when it still reads the same.
 *
 * @example renderClassifiedBy({ names: ['John Doe'], position: 'POLOFF', reasons: ['1.4(b)', '1.4(d)'], text: '' })
 * // ['Classified By: POLOFF John Doe for reasons 1.4 (b) and (d).']
 */
export function renderClassifiedBy(c: ClassifiedBy): string[] {
  if (c.text !== '') {
    const again = parseClassifiedBy(c.text);
    if (
      sameList(again.names, c.names) &&
      again.position === c.position &&
      sameList(again.reasons, c.reasons)
    )
      return c.text.split('\n');
  }
  const who = [c.position, ...c.names].filter((s): s is string => s !== null && s !== '').join(' ');
  return [`Classified By: ${who} for ${reasonPhrase(c.reasons)}.`];
}

function reasonPhrase(reasons: readonly string[]): string {
  if (reasons.length === 0) return 'reasons';
  const bySection = new Map<string, string[]>();
  for (const r of reasons) {
    const m = /^(\d\.\d)\(([a-h])\)$/.exec(r);
    const [sec, letter] = m ? [m[1]!, m[2]!] : [r, ''];
    bySection.set(sec, [...(bySection.get(sec) ?? []), letter]);
  }
  const parts = [...bySection].map(([sec, letters]) => {
    const ls = letters.filter((l) => l !== '').map((l) => `(${l})`);
    if (ls.length === 0) return sec;
    return `${sec} ${ls.length === 1 ? ls[0]! : `${ls.slice(0, -1).join(', ')} and ${ls[ls.length - 1]!}`}`;
  });
  return `${reasons.length === 1 ? 'reason' : 'reasons'} ${parts.join(' and ')}`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
