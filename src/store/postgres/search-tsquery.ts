/** PostgreSQL's half of search: the tsvector match over visible portions. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { firstKeyOf, KEY_SHIFT } from '../migrations/0003-search-order.ts';
import type { ArchiveDatabase } from '../schema.ts';
import type { CandidateRow } from '../search/search-execute.ts';
import {
  CANDIDATE_CABLE_COLUMNS,
  scannedCandidate,
  type ScannedCandidate,
} from '../search/candidate-cable.ts';
import type { SearchQuery } from '../search-query.ts';
import { wordsOf } from '../search-query.ts';
import { postgresIntIn } from './int-in.ts';
import { partitionCondition, searchPartitions, type SearchPartition } from './search-partitions.ts';
import { phrasePairQuery } from './word-pairs.ts';

/** A phrase's tsquery, from its text as written and its words. */
type PhraseQuery = (text: string, words: readonly string[]) => RawBuilder<unknown>;

const exactPhrase: PhraseQuery = (text) => sql`phraseto_tsquery('chancery_simple', ${text})`;

/**
 * A query's text part as one tsquery with the `simple` configuration (the same as the index):
 * terms and phrases AND-ed, each through `phrase`; prefix terms as `word:*`; exclusions negated
 * (always exact).
 */
function textTsQuery(query: SearchQuery, phrase: PhraseQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  for (const t of query.terms) {
    const words = wordsOf(t);
    if (t.endsWith('*') && words.length === 1)
      parts.push(sql`to_tsquery('chancery_simple', ${`${words[0]!}:*`})`);
    else parts.push(phrase(words.join(' '), words));
  }
  for (const p of query.phrases) parts.push(phrase(p, wordsOf(p)));
  for (const e of query.excluded) parts.push(sql`!! ${exactPhrase(e, [])}`);
  return sql.join(parts, sql` && `);
}

/**
 * The tsquery of a query's text part, built from parameters: every phrase exact.
 *
 * @example tsQuery(parseSearchQuery('"export control"').query) // phraseto_tsquery('chancery_simple', $1)
 */
export function tsQuery(query: SearchQuery): RawBuilder<unknown> {
  return textTsQuery(query, exactPhrase);
}

/**
 * The tsquery the index is asked: tsQuery with each phrase of plain words replaced by its word
 * pairs (migration 0008), one posting list per pair instead of an AND of the words rechecked row
 * by row. It matches a superset of tsQuery, so the exact tsQuery is always tested as well.
 *
 * @example indexQuery(parseSearchQuery('"of the"').query) // CAST("('of the' | '~nopairs')" AS tsquery)
 */
export function indexQuery(query: SearchQuery): RawBuilder<unknown> {
  return textTsQuery(query, (_text, words) => {
    const pairs = phrasePairQuery(words);
    return pairs === null ? exactPhrase(words.join(' '), words) : sql`CAST(${pairs} AS tsquery)`;
  });
}

/** True when indexQuery differs from tsQuery (some phrase is looked up by its word pairs). */
function usesPairs(query: SearchQuery): boolean {
  return [...query.terms.filter((t) => !t.endsWith('*')), ...query.phrases].some(
    (t) => phrasePairQuery(wordsOf(t)) !== null,
  );
}

/** Matching visible portions with -ts_rank as score (lower is better). */
export function tsqueryMatch(query: SearchQuery, visible: readonly number[]): RawBuilder<unknown> {
  return sql`SELECT p.cable_seq, p.id AS pid, -ts_rank(p.tsv, q.q) AS score
    FROM portion p, (SELECT ${tsQuery(query)} AS q) q
    WHERE p.tsv @@ q.q AND ${postgresIntIn(sql.ref('p.class_id'), visible)}`;
}

/**
 * Cost ratio of the two ways to find the newest matches, measured on the real corpus: a RUM index
 * collects and sorts every posting of the query before returning the first (about 0.3 µs each;
 * 2.85M postings for "the" at 256k cables), while walking the search-key btree backwards tests
 * each portion's tsvector (about 2.3 µs each) and stops after `limit` matches, that is after
 * limit / share portions. With the index cut into date partitions (migration 0010) a scan sorts
 * one partition's postings, share × its portions, so the btree walk wins when
 * share² × portions per partition > BTREE_WINS × limit.
 */
export const BTREE_WINS = 8;
/** Largest search key the RUM distance is taken from: float8 distances stay exact below 2^53. */
const TOP_KEY = 2 ** 45;

/**
 * The planner's estimate (from ANALYZE's lexeme statistics) of the portions matching a query (one
 * EXPLAIN, no rows read), the portions counted by the last ANALYZE (settle runs it), and the RUM
 * index's date partitions (migration 0010) when they cover every day.
 *
 * @example await matchEstimate(db, query) // { matching: 56416, all: 64648, partitions: [{ from: 0, to: null }] } for "the" at 6k
 */
export async function matchEstimate(
  db: Kysely<ArchiveDatabase>,
  query: SearchQuery,
): Promise<{ matching: number; all: number; partitions: readonly SearchPartition[] | null }> {
  const [matching, all, layout] = await Promise.all([
    sql<{ 'QUERY PLAN': readonly { Plan: { 'Plan Rows': number } }[] }>`EXPLAIN (FORMAT JSON)
      SELECT 1 FROM portion p WHERE p.tsv @@ (${indexQuery(query)})`
      .execute(db)
      .then((r) => r.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0),
    sql<{ n: number }>`SELECT greatest(c.reltuples, 0) AS n
      FROM pg_class c WHERE c.oid = to_regclass('portion')`
      .execute(db)
      .then((r) => r.rows[0]?.n ?? 0),
    // A bulk import drops the partitions it writes into until settle (postgres-store.ts).
    searchPartitions(db),
  ]);
  return { matching, all, partitions: layout.complete ? layout.partitions : null };
}

/**
 * The bounded tsquery match: visible portions of current cables passing `filters`, newest first
 * by search key (migration 0003), the date range as a key range, at most `limit` rows; ts_rank is
 * computed for those rows only, never for every match of a common word. Rare and mid words are
 * read in key order from the RUM indexes of the date partitions (migrations 0006, 0010), newest
 * partition first, stopping at `limit`; common words (BTREE_WINS) walk the search-key btree
 * backwards with the match as a filter.
 *
 * @example await tsqueryCandidates(db, query, [1, 2], sql``, 1001)
 */
export async function tsqueryCandidates(
  db: Kysely<ArchiveDatabase>,
  query: SearchQuery,
  visible: readonly number[],
  filters: RawBuilder<unknown>,
  limit: number,
): Promise<readonly CandidateRow[]> {
  const lo = query.dateFrom === null ? 0 : firstKeyOf(query.dateFrom);
  const hi = Math.min(
    TOP_KEY,
    query.dateUntil === null ? TOP_KEY : firstKeyOf(query.dateUntil) - 1,
  );
  const { matching, all, partitions } = await matchEstimate(db, query);
  // The RUM scan sorts the postings of one partition at a time: about share × its portions.
  const share = all > 0 ? matching / all : 0;
  const common =
    partitions === null || share * share * (all / partitions.length) > BTREE_WINS * limit;
  // The index finds the word pairs; ts_match_vq (the function behind @@, which the planner does not
  // hand to the index) then applies the exact phrase to those rows only.
  const match = usesPairs(query)
    ? sql`p.tsv @@ (${indexQuery(query)}) AND ts_match_vq(p.tsv, q.q)`
    : sql`p.tsv @@ q.q`;
  const newest = (order: RawBuilder<unknown>, partition: RawBuilder<unknown>) => sql`(
      SELECT p.cable_seq, p.id AS pid, p.search_key, -ts_rank(p.tsv, q.q) AS score,
        ${CANDIDATE_CABLE_COLUMNS}
      FROM portion p JOIN cable c ON c.seq = p.cable_seq,
        (SELECT ${tsQuery(query)} AS q) q
      WHERE ${match} AND p.search_key BETWEEN ${sql.lit(lo)} AND ${sql.lit(hi)} AND ${partition}
      AND ${postgresIntIn(sql.ref('p.class_id'), visible)} AND c.is_current = 1 ${filters}
      ORDER BY ${order} LIMIT ${sql.lit(limit)})`;
  // Common words walk the btree newest first. Other queries read each date partition's RUM index
  // in key order, newest partition first: an Append runs its branches in turn and the outer LIMIT
  // stops it, so older partitions are only opened while the window is not yet full.
  const branches = common ? [] : [...partitions].reverse().filter((p) => overlaps(p, lo, hi));
  if (!common && branches.length === 0) return [];
  const candidates = common
    ? newest(sql`p.search_key DESC`, sql`TRUE`)
    : sql`SELECT * FROM (${sql.join(
        branches.map((p) =>
          newest(
            sql`p.search_key <=| CAST(${sql.lit(hi)} AS bigint)`,
            partitionCondition(p, sql.ref('p.search_key')),
          ),
        ),
        sql` UNION ALL `,
      )}) u LIMIT ${sql.lit(limit)}`;
  // ts_rank is computed in each branch, on the row its scan has already read, for the rows the
  // LIMIT lets through only (reading the tsvectors back by primary key cost 5 ms more at 256k).
  // Each branch has the cable row in hand (for is_current): its id, date, origin and unmarked
  // class go along, so search neither looks the cables up again nor reads them for the TAGS facet.
  const statement = sql<ScannedCandidate>`SELECT k.cable_seq, k.pid, k.score, k.cid, k.cdate, k.corigin, k.cclass
      FROM (${candidates}) k ORDER BY k.search_key DESC`;
  // The planner prices the RUM scan's early stop poorly and picks a bitmap scan of every match
  // plus a sort (the slow plan this design replaces); these settings hold for this query only.
  if (partitions === null) return (await statement.execute(db)).rows.map(scannedCandidate);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_hashjoin', 'off', true),
      set_config('enable_mergejoin', 'off', true)`.execute(trx);
    return (await statement.execute(trx)).rows.map(scannedCandidate);
  });
}

/** True when a partition holds some key of [lo, hi]. */
function overlaps(p: SearchPartition, lo: number, hi: number): boolean {
  return (p.to === null || p.to * KEY_SHIFT > lo) && p.from * KEY_SHIFT <= hi;
}

/**
 * Search keys for the portions of a batch: a function giving, per cable date, the next free key
 * of that day (read once per day from the index, then counted up in the batch).
 *
 * @example const next = await searchKeys(trx, ['2008-09-16']); next('2008-09-16') // 2208301473792
 */
export async function searchKeys(
  db: Kysely<ArchiveDatabase>,
  dates: readonly (string | null)[],
): Promise<(date: string | null) => number> {
  const days = [...new Set(dates.map((d) => firstKeyOf(d)))];
  const { rows } = await sql<{ day: string | number; k: string | number | null }>`
    SELECT d.day, (SELECT max(p.search_key) FROM portion p
      WHERE p.search_key >= d.day AND p.search_key < d.day + ${sql.lit(KEY_SHIFT)}) AS k
    FROM unnest(${days}::bigint[]) AS d(day)`.execute(db);
  const last = new Map<number, number>();
  for (const r of rows) last.set(Number(r.day), r.k === null ? Number(r.day) - 1 : Number(r.k));
  return (date) => {
    const day = firstKeyOf(date);
    const key = (last.get(day) ?? day - 1) + 1;
    last.set(day, key);
    return key;
  };
}
