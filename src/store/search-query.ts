/** The archive query language: one string of words, "phrases", -exclusions and field:value filters. */
import type { Issue, Level } from '../format/index.ts';
import { issue } from '../format/issue.ts';

/** A parsed query: plain data, the same for every store adapter. */
export interface SearchQuery {
  readonly kind: 'search-query';
  /** Words that must all occur in one portion; a trailing `*` makes a prefix term. */
  readonly terms: readonly string[];
  /** Phrases that must occur, word for word, in that same portion. */
  readonly phrases: readonly string[];
  /** Words that the matching portion must not contain. */
  readonly excluded: readonly string[];
  /** Every tag must be on the cable. */
  readonly tags: readonly string[];
  /** Any of these originating stations ("STATE", "PRAGUE"). */
  readonly origins: readonly string[];
  /** Any of these levels, as the reader sees the cable's banner. */
  readonly levels: readonly Level[];
  /** Every caption must be on the cable. */
  readonly captions: readonly string[];
  /** Inclusive lower bound and exclusive upper bound, YYYY-MM-DD; null when open. */
  readonly dateFrom: string | null;
  readonly dateUntil: string | null;
  /** Each must be an addressee (TO or INFO), by routing indicator or PLAD. */
  readonly to: readonly string[];
  /** Cables whose REF lists each of these ids. */
  readonly cites: readonly string[];
  /** Cables that each of these ids references. */
  readonly citedBy: readonly string[];
}

const FIELDS = ['tag', 'origin', 'class', 'caption', 'date', 'to', 'cites', 'citedby'] as const;
type Field = (typeof FIELDS)[number];

const LEVEL_NAMES: Readonly<Record<string, Level>> = {
  U: 'UNCLASSIFIED',
  UNCLAS: 'UNCLASSIFIED',
  UNCLASSIFIED: 'UNCLASSIFIED',
  C: 'CONFIDENTIAL',
  CONFIDENTIAL: 'CONFIDENTIAL',
  S: 'SECRET',
  SECRET: 'SECRET',
  TS: 'TOP SECRET',
  'TOP SECRET': 'TOP SECRET',
  TOPSECRET: 'TOP SECRET',
};

/** An empty query: matches every cable the reader may see. */
export const emptyQuery: SearchQuery = {
  kind: 'search-query',
  terms: [],
  phrases: [],
  excluded: [],
  tags: [],
  origins: [],
  levels: [],
  captions: [],
  dateFrom: null,
  dateUntil: null,
  to: [],
  cites: [],
  citedBy: [],
};

interface Token {
  readonly negated: boolean;
  readonly field: string | null;
  readonly value: string;
  readonly quoted: boolean;
  readonly column: number;
  readonly text: string;
}

/**
 * Parses a query string. Unknown fields and bad values are issues naming the token; the rest of
 * the query still parses.
 *
 * @example parseSearchQuery('tag:PARM origin:STATE date:2008 "export control"').query.tags // ['PARM']
 */
export function parseSearchQuery(input: string): { query: SearchQuery; issues: Issue[] } {
  const issues: Issue[] = [];
  const q = {
    terms: [] as string[],
    phrases: [] as string[],
    excluded: [] as string[],
    tags: [] as string[],
    origins: [] as string[],
    levels: [] as Level[],
    captions: [] as string[],
    to: [] as string[],
    cites: [] as string[],
    citedBy: [] as string[],
  };
  let dateFrom: string | null = null;
  let dateUntil: string | null = null;
  for (const token of tokenize(input, issues)) {
    const where = { line: 1, column: token.column };
    if (token.field === null) {
      const words = wordsOf(token.value);
      if (words.length === 0) continue;
      if (token.negated) q.excluded.push(...words);
      else if (token.quoted || words.length > 1) q.phrases.push(words.join(' '));
      else q.terms.push(token.value.endsWith('*') ? `${words[0]!}*` : words[0]!);
      continue;
    }
    const field = token.field.toLowerCase();
    if (!(FIELDS as readonly string[]).includes(field)) {
      issues.push(
        issue(
          'search.field.unknown',
          'error',
          `unknown field "${token.field}" in "${token.text}" (known: ${FIELDS.join(', ')})`,
          where,
        ),
      );
      continue;
    }
    if (token.negated)
      issues.push(
        issue(
          'search.field.negated',
          'warning',
          `"${token.text}": excluding a field is not supported; used as a filter`,
          where,
        ),
      );
    const value = token.value.trim();
    if (value === '') {
      issues.push(issue('search.field.empty', 'error', `"${token.text}" has no value`, where));
      continue;
    }
    const upper = value.toUpperCase().replace(/\s+/g, ' ');
    switch (field as Field) {
      case 'tag':
        q.tags.push(upper);
        break;
      case 'origin':
        q.origins.push(upper.replace(/\s+/g, ''));
        break;
      case 'caption':
        q.captions.push(upper);
        break;
      case 'to':
        q.to.push(upper);
        break;
      case 'cites':
        q.cites.push(upper.replace(/\s+/g, ''));
        break;
      case 'citedby':
        q.citedBy.push(upper.replace(/\s+/g, ''));
        break;
      case 'class': {
        const level = LEVEL_NAMES[upper];
        if (level === undefined)
          issues.push(
            issue(
              'search.class.invalid',
              'error',
              `"${token.text}": unknown classification (use U, C, S, TS or the full name)`,
              where,
            ),
          );
        else q.levels.push(level);
        break;
      }
      case 'date': {
        const range = parseDateRange(value);
        if (range === null) {
          issues.push(
            issue(
              'search.date.invalid',
              'error',
              `"${token.text}": expected YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO`,
              where,
            ),
          );
          break;
        }
        // Several date filters narrow each other.
        if (range.from !== null && (dateFrom === null || range.from > dateFrom))
          dateFrom = range.from;
        if (range.until !== null && (dateUntil === null || range.until < dateUntil))
          dateUntil = range.until;
        break;
      }
    }
  }
  issues.sort((a, b) => a.column - b.column);
  return { query: { kind: 'search-query', ...q, dateFrom, dateUntil }, issues };
}

/** Words of a free-text token the way the full-text indexes split them (letters and digits). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** True when the query has a full-text part (otherwise it lists cables by their fields). */
export function hasText(query: SearchQuery): boolean {
  return query.terms.length > 0 || query.phrases.length > 0;
}

function tokenize(input: string, issues: Issue[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /\s/.test(input[i]!)) i++;
    if (i >= input.length) break;
    const start = i;
    let negated = false;
    if (input[i] === '-') {
      negated = true;
      i++;
    }
    let field: string | null = null;
    const fieldMatch = /^([A-Za-z]+):/.exec(input.slice(i));
    if (fieldMatch) {
      field = fieldMatch[1]!;
      i += fieldMatch[0].length;
    }
    let value: string;
    let quoted = false;
    if (input[i] === '"') {
      quoted = true;
      const end = input.indexOf('"', i + 1);
      if (end === -1) {
        issues.push(
          issue('search.quote.unclosed', 'warning', `unclosed quote at column ${i + 1}`, {
            line: 1,
            column: i + 1,
          }),
        );
        value = input.slice(i + 1);
        i = input.length;
      } else {
        value = input.slice(i + 1, end);
        i = end + 1;
      }
    } else {
      const valueStart = i;
      while (i < input.length && !/\s/.test(input[i]!)) i++;
      value = input.slice(valueStart, i);
    }
    tokens.push({ negated, field, value, quoted, column: start + 1, text: input.slice(start, i) });
  }
  return tokens;
}

const DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** `2008`, `2008-09`, `2008-09-16`, `2008-01..2008-12`, `2008..`, `..2009-06`. */
function parseDateRange(value: string): { from: string | null; until: string | null } | null {
  const dots = value.indexOf('..');
  if (dots === -1) {
    const p = period(value);
    return p && { from: p.start, until: p.end };
  }
  const left = value.slice(0, dots);
  const right = value.slice(dots + 2);
  const from = left === '' ? null : period(left);
  const to = right === '' ? null : period(right);
  if ((left !== '' && from === null) || (right !== '' && to === null)) return null;
  if (from === null && to === null) return null;
  return { from: from?.start ?? null, until: to?.end ?? null };
}

/** A period's first day and the first day after it. */
function period(text: string): { start: string; end: string } | null {
  const m = DAY.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? null : Number(m[2]);
  const d = m[3] === undefined ? null : Number(m[3]);
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  if (mo === null) return { start: iso(y, 1, 1), end: iso(y + 1, 1, 1) };
  if (d === null)
    return { start: iso(y, mo, 1), end: mo === 12 ? iso(y + 1, 1, 1) : iso(y, mo + 1, 1) };
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  const next = new Date(date.getTime() + 86_400_000);
  return {
    start: iso(y, mo, d),
    end: iso(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()),
  };
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
