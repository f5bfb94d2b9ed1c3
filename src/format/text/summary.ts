/** The summary: `SUMMARY:` … `END SUMMARY.`, `BEGIN SUMMARY`, or a paragraph under a SUMMARY heading. */
import type { Paragraph } from '../cable.ts';

const START =
  /^\s*(?:BEGIN\s+)?SUMMAR?Y(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUEST|INTRODUCTION))?\s*(?:[:.\-–]+|\s)\s*/i;
const END = /\(?\s*END\s+(?:OF\s+)?SUMMARY\b[.:)\s]*/i;
const HEADING = /^[\s\-=_.*]*SUMMARY(?:\s+AND\s+\w+)?[\s\-=_.*:]*$/im;

/**
 * The summary text (whitespace collapsed), read from the paragraphs; null when there is none.
 *
 * @example summaryOf([{ heading: null, number: '1', marking: null, text: 'SUMMARY: All quiet. END SUMMARY.' }])
 * // 'All quiet.'
 */
export function summaryOf(paragraphs: readonly Paragraph[]): string | null {
  let from = -1;
  let offset = 0;
  for (let i = 0; i < paragraphs.length && i < 6; i++) {
    const p = paragraphs[i]!;
    const m = START.exec(p.text);
    if (m) {
      from = i;
      offset = m[0].length;
      break;
    }
    if (p.heading !== null && HEADING.test(p.heading)) {
      from = i;
      offset = 0;
      break;
    }
    const end = END.exec(p.text);
    if (end) {
      // "End Summary" with no start: the first paragraph is the summary (cablemap does the same).
      from = 0;
      offset = 0;
      break;
    }
  }
  if (from === -1) return null;
  const parts: string[] = [];
  for (let i = from; i < paragraphs.length && i < from + 8; i++) {
    const text = i === from ? paragraphs[i]!.text.slice(offset) : paragraphs[i]!.text;
    const end = END.exec(text);
    if (end) {
      parts.push(text.slice(0, end.index));
      return clean(parts.join('\n\n'));
    }
    parts.push(text);
    // Without an END SUMMARY the summary is the first paragraph only.
    if (i === from && !paragraphs.slice(from, from + 8).some((p) => END.test(p.text))) break;
  }
  return clean(parts.join('\n\n'));
}

function clean(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}
