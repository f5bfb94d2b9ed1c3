/** Highlighted snippets: a window of a portion's text around the query's words, the words marked. */
import type { SnippetPart } from './store.ts';
import type { SearchQuery } from './search-query.ts';
import { wordsOf } from './search-query.ts';

const WORD = /[\p{L}\p{N}]+/gu;

/** Folds a word the way the full-text indexes do: lower case, diacritics removed. */
function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * A snippet of `text` of about `width` characters centred on the first matching word, with every
 * query word (terms, prefix terms, phrase words) marked. Runs identically for every adapter, so
 * both backends highlight the same words.
 *
 * @example makeSnippet('We discussed export control laws.', q).filter((p) => p.match) // [{ text: 'export', ... }]
 */
export function makeSnippet(text: string, query: SearchQuery, width = 200): SnippetPart[] {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const t of query.terms)
    if (t.endsWith('*')) prefixes.push(fold(t.slice(0, -1)));
    else exact.add(fold(t));
  for (const p of query.phrases) for (const w of wordsOf(p)) exact.add(fold(w));
  const matches: { start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = fold(m[0]);
    if (exact.has(w) || prefixes.some((p) => w.startsWith(p)))
      matches.push({ start: m.index, end: m.index + m[0].length });
  }
  const first = matches[0];
  let from = 0;
  if (first !== undefined && first.start > width / 3) {
    from = first.start - Math.floor(width / 3);
    const space = text.lastIndexOf(' ', from);
    if (space > from - 20 && space !== -1) from = space + 1;
  }
  let to = Math.min(text.length, from + width);
  if (to < text.length) {
    const space = text.indexOf(' ', to);
    if (space !== -1 && space - to < 20) to = space;
  }
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '…', match: false });
  let at = from;
  for (const m of matches) {
    if (m.end <= from || m.start >= to) continue;
    const s = Math.max(m.start, from);
    if (s > at) parts.push({ text: squash(text.slice(at, s)), match: false });
    parts.push({ text: text.slice(s, Math.min(m.end, to)), match: true });
    at = Math.min(m.end, to);
  }
  if (at < to) parts.push({ text: squash(text.slice(at, to)), match: false });
  if (to < text.length) parts.push({ text: '…', match: false });
  return parts;
}

/** Runs of whitespace (wrapped lines) read as one space in a snippet. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** A snippet as plain text with the matches between `open` and `close`. */
export function snippetText(parts: readonly SnippetPart[], open = '[', close = ']'): string {
  return parts.map((p) => (p.match ? `${open}${p.text}${close}` : p.text)).join('');
}
