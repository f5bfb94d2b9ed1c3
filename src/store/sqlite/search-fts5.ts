/** SQLite's half of search: the FTS5 match over visible portions. */
import { sql, type RawBuilder } from 'kysely';
import type { SearchQuery } from '../search-query.ts';
import { wordsOf } from '../search-query.ts';
import { firstKeyOf } from '../migrations/0003-search-order.ts';

/** A word or phrase as an FTS5 string (double quotes doubled), so no query text is FTS5 syntax. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * The FTS5 MATCH expression of a query's text part: terms and phrases AND-ed, prefix terms with
 * `*`, exclusions with NOT.
 *
 * @example fts5Expression(parseSearchQuery('"export control" iran -china').query) // '"export control" AND "iran" NOT "china"'
 */
export function fts5Expression(query: SearchQuery): string {
  const positive = [
    ...query.terms.map((t) =>
      t.endsWith('*') ? `${quote(wordsOf(t).join(' '))}*` : quote(wordsOf(t).join(' ')),
    ),
    ...query.phrases.map((p) => quote(wordsOf(p).join(' '))),
  ];
  const negative = query.excluded.map((e) => ` NOT ${quote(e)}`).join('');
  return `${positive.join(' AND ')}${negative}`;
}

/** Matching visible portions with bm25 as score (lower is better); CROSS JOIN keeps FTS5 the outer loop and OFFSET keeps SQLite from flattening the subquery into an aggregate: bm25 works only inside the FTS5 scan. */
export function fts5Match(query: SearchQuery, visible: readonly number[]): RawBuilder<unknown> {
  return sql`SELECT p.cable_seq, p.id AS pid, bm25(portion_fts) AS score
    FROM portion_fts CROSS JOIN portion p ON p.id = portion_fts.rowid
    WHERE portion_fts MATCH ${fts5Expression(query)}
    AND p.class_id IN (${sql.join(visible.map((v) => sql.lit(v)))})
    LIMIT -1 OFFSET 0`;
}

/**
 * The bounded FTS5 match: visible portions of current cables passing `filters`, newest first by
 * the date-ordered rowid (migration 0003), the date range as a rowid range inside the FTS5 scan,
 * stopping after `limit` rows; bm25 is computed for those rows only.
 *
 * @example fts5Candidates(query, [1, 2], sql``, 1001)
 */
export function fts5Candidates(
  query: SearchQuery,
  visible: readonly number[],
  filters: RawBuilder<unknown>,
  limit: number,
): RawBuilder<unknown> {
  const lo = query.dateFrom === null ? 0 : firstKeyOf(query.dateFrom);
  const hi = query.dateUntil === null ? Number.MAX_SAFE_INTEGER : firstKeyOf(query.dateUntil) - 1;
  return sql`SELECT p.cable_seq, p.id AS pid, bm25(portion_fts) AS score
    FROM portion_fts JOIN portion p ON p.search_key = portion_fts.rowid JOIN cable c ON c.seq = p.cable_seq
    WHERE portion_fts MATCH ${fts5Expression(query)}
    AND portion_fts.rowid BETWEEN ${sql.lit(lo)} AND ${sql.lit(hi)}
    AND p.class_id IN (${sql.join(visible.map((v) => sql.lit(v)))})
    AND c.is_current = 1 ${filters}
    ORDER BY portion_fts.rowid DESC LIMIT ${sql.lit(limit)}`;
}
