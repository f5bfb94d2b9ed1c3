/** The summary: `SUMMARY:` … `END SUMMARY.`, `BEGIN SUMMARY`, or a paragraph under a SUMMARY heading. */
import type { Paragraph } from '../cable.ts';
import { codeAt, collapseSpaces, leadingSpaces, skipBlanks } from '../chars.ts';

const START =
  /^\s*(?:\d{1,2}[.)]\s*)?(?:\((?:U|C|S|SBU|TS)(?:\/\/?[A-Z]+)?\)\s*)?(?:BEGIN\s+|INTRODUCTION\s+(?:AND|&)\s+)?SUMMAR?Y(?:\s*\/\s*INTRODUCTION|\s+AND\s+(?:COMMENT|ACTION\s+REQUEST|INTRODUCTION))?\s*(?:[:.\-–]+|\s)\s*/i;
/** A portion mark opening the summary text. */
const MARK = /^\((?:U|C|S|SBU|TS)(?:\/\/?[A-Z]+)?\)\s*/;
/** "END SUMMARY", "End of Summary", "(END SUMMARY)"; a literal first word keeps the scan cheap. */
const END = /END\s+(?:OF\s+)?SUMMARY\b/i;
/**
 * A SUMMARY heading line: `Summary and Action Request`, `Introduction & Summary`, `I. Summary`,
 * `Summary, Comment and Recommendation`, between rules of dashes. Not `SUMMARY/BACKGROUND` (the
 * seed's background section, which the seed test holds to be no summary).
 */
const HEADING =
  /^[\s\-=_.*]*(?:(?:PART\s+)?I\.\s*)?(?:INTRODUCTION\s+(?:AND|&)\s+)?SUMMARY(?:\s*[,&]\s*\w+|\s+AND\s+\w+(?:\s+\w+){0,2})*[\s\-=_.*:]*$/im;
/** How many paragraphs from the start a summary may begin in, and span. */
const WINDOW = 8;

/** END SUMMARY's offset in paragraph i (-1 if none), computed once per paragraph into ends. */
function endIn(ends: (number | undefined)[], paragraphs: readonly Paragraph[], i: number): number {
  return (ends[i] ??= endAt(paragraphs[i]!.text));
}

/**
 * The summary text (whitespace collapsed), read from the paragraphs; null when there is none.
 *
 * @example summaryOf([{ heading: null, number: '1', marking: null, text: 'SUMMARY: All quiet. END SUMMARY.' }])
 * // 'All quiet.'
 */
export function summaryOf(paragraphs: readonly Paragraph[]): string | null {
  const n = Math.min(paragraphs.length, WINDOW);
  // END SUMMARY is looked for lazily, once per paragraph: most bodies are never scanned.
  const ends: (number | undefined)[] = [];
  let from = -1;
  let offset = 0;
  for (let i = 0; i < n && i < 6; i++) {
    const p = paragraphs[i]!;
    const m = mayStart(p.text) ? START.exec(p.text) : null;
    if (m) {
      from = i;
      offset = m[0].length;
      // `Summary: (C) Spanish FM …`: the mark after the keyword is not summary text.
      const mark = MARK.exec(p.text.slice(offset));
      if (mark) offset += mark[0].length;
      break;
    }
    if (p.heading !== null && mentionsSummary(p.heading) && HEADING.test(p.heading)) {
      from = i;
      break;
    }
    // "End Summary" with no start in the first two paragraphs: the first paragraph is the summary
    // (cablemap does the same).
    if (i < 2 && endIn(ends, paragraphs, i) !== -1) {
      from = 0;
      break;
    }
  }
  if (from === -1) return null;
  let to = -1;
  for (let i = from; i < n; i++)
    if (endIn(ends, paragraphs, i) !== -1 && (i > from || endIn(ends, paragraphs, i) >= offset)) {
      to = i;
      break;
    }
  if (to === -1) return clean(paragraphs[from]!.text.slice(offset));
  const parts: string[] = [];
  for (let i = from; i <= to; i++) {
    const text = paragraphs[i]!.text;
    parts.push(
      text.slice(
        i === from ? offset : 0,
        i === to ? cutBeforeEnd(text, endIn(ends, paragraphs, i)) : text.length,
      ),
    );
  }
  return clean(parts.join('\n\n'));
}

/** Whether `text` holds the word SUMMARY in capitals or lower case: HEADING is tested only then. */
function mentionsSummary(text: string): boolean {
  return text.includes('UMMARY') || text.includes('ummary');
}

function endAt(text: string): number {
  // Find "ummary" with a fast substring search, then look back for "END (OF) S".
  for (const needle of ['UMMARY', 'ummary']) {
    let k = text.indexOf(needle);
    while (k > 0) {
      const head = text.slice(Math.max(0, k - 12), k + needle.length);
      const m = END.exec(head);
      if (m) return Math.max(0, k - 12) + m.index;
      k = text.indexOf(needle, k + needle.length);
    }
  }
  return -1;
}

/** Drops an opening parenthesis or dash run just before END SUMMARY. */
function cutBeforeEnd(text: string, at: number): number {
  let i = at;
  while (i > 0 && /[\s(\-–]/.test(text.charAt(i - 1))) i--;
  return i;
}

function clean(text: string): string | null {
  // Every run of blanks and line breaks becomes one space.
  const t = collapseSpaces(text).trim();
  return t === '' ? null : t;
}

/**
 * START can only match where the first letter, after blanks, a paragraph number the paragraph
 * parser left (`1) `) and a portion mark (`(U) `), is S (SUMMARY), B (BEGIN) or I (INTRODUCTION).
 * Character tests only: most paragraphs are turned away without a regex.
 */
function mayStart(text: string): boolean {
  let i = leadingSpaces(text);
  let c = codeAt(text, i);
  if (c >= 48 && c <= 57) {
    const digits = i;
    while (i - digits < 3 && c >= 48 && c <= 57) c = codeAt(text, ++i);
    if (c !== 46 && c !== 41) return false; // . )
    i = skipBlanks(text, i + 1);
    c = codeAt(text, i);
  }
  if (c === 40) {
    const close = text.indexOf(')', i);
    if (close === -1 || close - i > 8) return false;
    i = skipBlanks(text, close + 1);
    c = codeAt(text, i);
  }
  c |= 32; // lower case
  return c === 115 || c === 98 || c === 105;
}
