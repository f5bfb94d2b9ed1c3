/** SQLite's half of search: the FTS5 match over visible portions. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ArchiveDatabase } from '../schema.ts';
import { literalIntIn, type CandidateRow } from '../search/search-execute.ts';
import {
  CANDIDATE_CABLE_COLUMNS,
  scannedCandidate,
  type ScannedCandidate,
} from '../search/candidate-cable.ts';
import type { SearchQuery } from '../search-query.ts';
import { wordsOf } from '../search-query.ts';
import { firstKeyOf, KEY_SHIFT } from '../migrations/0003-search-order.ts';

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
    FROM portion_fts CROSS JOIN portion p ON p.search_key = portion_fts.rowid
    WHERE portion_fts MATCH ${fts5Expression(query)}
    AND ${literalIntIn(sql.ref('p.class_id'), visible)}
    LIMIT -1 OFFSET 0`;
}

/** Newest matches probed to estimate how common a word is. */
const PROBE = 2000;
/** A word in more than this share of portions is "common": bm25 gives it almost no weight (idf ≈ 0). */
const COMMON_SHARE = 1 / 8;

/** Size and key span of the index: portions, first and last search key (all index look-ups). */
async function indexSpan(
  db: Kysely<ArchiveDatabase>,
): Promise<{ portions: number; days: number; last: number }> {
  const { rows } = await sql<{ n: number | null; lo: number | null; hi: number | null }>`
    SELECT (SELECT max(id) FROM portion) AS n, (SELECT min(search_key) FROM portion) AS lo,
      (SELECT max(search_key) FROM portion) AS hi`.execute(db);
  const r = rows[0];
  const lo = Math.floor((r?.lo ?? 0) / KEY_SHIFT);
  const hi = Math.floor((r?.hi ?? 0) / KEY_SHIFT);
  return { portions: r?.n ?? 0, days: hi - lo + 1, last: r?.hi ?? 0 };
}

/**
 * True when a word (or prefix) is in more than COMMON_SHARE of the portions, estimated from its
 * PROBE newest matches: how many days back they reach against the archive's portions per day.
 * Costs one short index scan; FTS5's own document count (bm25's idf, fts5vocab) reads the whole
 * doclist, 60–80 ms for "the" at 256k cables.
 */
async function isCommon(
  db: Kysely<ArchiveDatabase>,
  expression: string,
  span: { portions: number; days: number; last: number },
): Promise<boolean> {
  const { rows } = await sql<{ k: number }>`SELECT rowid AS k FROM portion_fts
    WHERE portion_fts MATCH ${expression} ORDER BY rowid DESC LIMIT 1 OFFSET ${sql.lit(PROBE - 1)}`.execute(
    db,
  );
  const k = rows[0]?.k;
  if (k === undefined) return false;
  const perDay = span.portions / Math.max(1, span.days);
  const days = Math.floor(span.last / KEY_SHIFT) - Math.floor(k / KEY_SHIFT) + 1;
  return PROBE / Math.max(1, days * perDay) > COMMON_SHARE;
}

/**
 * The bounded FTS5 match: visible portions of current cables passing `filters`, newest first by
 * the date-ordered rowid (migration 0003), the date range as a rowid range inside the FTS5 scan,
 * stopping after `limit` rows. Relevance is bm25 over those rows, of the query parts whose words
 * are not common: bm25 on a common word costs a scan of its whole doclist and adds almost nothing
 * to the order. When every part is common the candidates keep score 0 (newest first).
 *
 * @example await fts5Candidates(db, query, [1, 2], sql``, 1001)
 */
// `+p.class_id` keeps the class list out of the index probe: one seek per match on the search
// key, then the class is read from the same index entry (an IN probe would seek once per class).
export async function fts5Candidates(
  db: Kysely<ArchiveDatabase>,
  query: SearchQuery,
  visible: readonly number[],
  filters: RawBuilder<unknown>,
  limit: number,
): Promise<readonly CandidateRow[]> {
  const lo = query.dateFrom === null ? 0 : firstKeyOf(query.dateFrom);
  const hi = query.dateUntil === null ? Number.MAX_SAFE_INTEGER : firstKeyOf(query.dateUntil) - 1;
  const parts = [
    ...query.terms.map((t) => {
      const words = wordsOf(t);
      const prefix = t.endsWith('*');
      return {
        expression: prefix ? `${quote(words.join(' '))}*` : quote(words.join(' ')),
        probes: prefix ? [`${quote(words.join(' '))}*`] : words.map(quote),
      };
    }),
    ...query.phrases.map((p) => ({
      expression: quote(wordsOf(p).join(' ')),
      probes: wordsOf(p).map(quote),
    })),
  ];
  const span = await indexSpan(db);
  const common = new Map<string, boolean>();
  for (const probe of new Set(parts.flatMap((p) => p.probes)))
    common.set(probe, await isCommon(db, probe, span));
  const scored = parts.filter((p) => p.probes.every((w) => common.get(w) !== true));
  const inline = scored.length === parts.length;
  // The cable's id, date, origin and unmarked class come from the covering index the scan joins
  // anyway (about 2 ms for 1,000 rows at 256k cables, against 6 ms to look the cables up again).
  const { rows: read } = await sql<ScannedCandidate & { skey: number }>`
    SELECT p.cable_seq, p.id AS pid, ${inline ? sql`bm25(portion_fts)` : sql`0`} AS score, portion_fts.rowid AS skey,
      ${CANDIDATE_CABLE_COLUMNS}
    FROM portion_fts JOIN portion p INDEXED BY portion_search_cover ON p.search_key = portion_fts.rowid
    JOIN cable c INDEXED BY cable_search_cover ON c.seq = p.cable_seq
    WHERE portion_fts MATCH ${fts5Expression(query)}
    AND portion_fts.rowid BETWEEN ${sql.lit(lo)} AND ${sql.lit(hi)}
    AND ${literalIntIn(sql`+p.class_id`, visible)}
    AND c.is_current = 1 ${filters}
    ORDER BY portion_fts.rowid DESC LIMIT ${sql.lit(limit)}`.execute(db);
  const rows = read.map((r) => ({ ...scannedCandidate(r), skey: r.skey }));
  if (inline || scored.length === 0 || rows.length === 0) return rows;
  // Score the candidates on their uncommon parts only, over the candidates' key span.
  const first = rows[rows.length - 1]!.skey;
  const last = rows[0]!.skey;
  const { rows: scores } = await sql<{ k: number; score: number }>`
    SELECT rowid AS k, bm25(portion_fts) AS score FROM portion_fts
    WHERE portion_fts MATCH ${scored.map((p) => p.expression).join(' AND ')}
    AND rowid BETWEEN ${sql.lit(first)} AND ${sql.lit(last)}`.execute(db);
  const byKey = new Map(scores.map((r) => [r.k, r.score]));
  return rows.map((r) => ({ ...r, score: byKey.get(r.skey) ?? 0 }));
}
