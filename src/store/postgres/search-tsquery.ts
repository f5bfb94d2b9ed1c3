/** PostgreSQL's half of search: the tsvector match over visible portions. */
import { sql, type RawBuilder } from 'kysely';
import type { SearchQuery } from '../search-query.ts';
import { wordsOf } from '../search-query.ts';

/**
 * The tsquery of a query's text part, built from parameters with the `simple` configuration
 * (the same as the index): terms and phrases AND-ed, prefix terms as `word:*`, exclusions negated.
 *
 * @example tsQuery(parseSearchQuery('"export control"').query) // phraseto_tsquery('chancery_simple', $1)
 */
export function tsQuery(query: SearchQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  for (const t of query.terms) {
    const words = wordsOf(t);
    if (t.endsWith('*') && words.length === 1)
      parts.push(sql`to_tsquery('chancery_simple', ${`${words[0]!}:*`})`);
    else parts.push(sql`phraseto_tsquery('chancery_simple', ${words.join(' ')})`);
  }
  for (const p of query.phrases) parts.push(sql`phraseto_tsquery('chancery_simple', ${p})`);
  for (const e of query.excluded) parts.push(sql`!! phraseto_tsquery('chancery_simple', ${e})`);
  return sql.join(parts, sql` && `);
}

/** Matching visible portions with -ts_rank as score (lower is better). */
export function tsqueryMatch(query: SearchQuery, visible: readonly number[]): RawBuilder<unknown> {
  return sql`SELECT p.cable_seq, p.id AS pid, -ts_rank(p.tsv, q.q) AS score
    FROM portion p, (SELECT ${tsQuery(query)} AS q) q
    WHERE p.tsv @@ q.q AND p.class_id IN (${sql.join(visible.map((v) => sql.lit(v)))})`;
}
