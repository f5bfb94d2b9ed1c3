/** SQLite's half of search: the FTS5 match over visible portions. */
import { sql, type RawBuilder } from 'kysely';
import type { SearchQuery } from '../search-query.ts';
import { wordsOf } from '../search-query.ts';

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
