/** Search execution shared by both adapters: field filters, grouping, paging, facets, snippets, banners. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Level } from '../../format/index.ts';
import { rollUpBanner } from '../../model/banner.ts';
import { formatBanner } from '../../model/format-marking.ts';
import { levelRank } from '../../model/levels.ts';
import type { Marking } from '../../model/marking.ts';
import type { Reader } from '../../model/reader.ts';
import { cachedAccessClasses } from '../access-class-cache.ts';
import type { ArchiveDatabase } from '../schema.ts';
import { hasText, type SearchQuery } from '../search-query.ts';
import { makeSnippet } from '../snippet.ts';
import type { AccessClass, FacetCount, SearchHit, SearchPage, SearchResult } from '../store.ts';

/**
 * The dialect-specific part: a SELECT of (cable_seq, pid, score) over the portions of the given
 * visible classes whose text matches the query; lower score is better.
 */
export type TextMatch = (query: SearchQuery, visible: readonly number[]) => RawBuilder<unknown>;

/**
 * The dialect-specific bounded match: (cable_seq, pid, score) of at most `limit` visible matching
 * portions of current cables passing `filters` (conditions on the cable `c`), NEWEST FIRST, with
 * the date range applied inside the index scan. Relevance is then computed over these only.
 */
export type TextCandidates = (
  db: Kysely<ArchiveDatabase>,
  query: SearchQuery,
  visible: readonly number[],
  filters: RawBuilder<unknown>,
  limit: number,
) => Promise<readonly CandidateRow[]>;

/**
 * `expr IN (values)` for integer values, written as the dialect plans it best.
 *
 * @example intIn(sql.ref('c.seq'), [1, 2]) // c.seq IN (1, 2)
 */
export type IntIn = (expr: RawBuilder<unknown>, values: readonly number[]) => RawBuilder<unknown>;

/**
 * A literal list: the default (SQLite plans it as a set of index probes). Written as one raw
 * fragment of checked integers: a search sends lists of about a thousand ids, and one `sql.lit`
 * node per value cost Kysely several milliseconds to build and compile per search at 256k cables.
 * A value that is not a safe integer is refused, so nothing but digits ever reaches the SQL text.
 */
export const literalIntIn: IntIn = (expr, values) => {
  for (const v of values)
    if (!Number.isSafeInteger(v))
      throw new TypeError(`integer list: ${String(v)} is not an integer`);
  return sql`${expr} IN (${sql.raw(values.length === 0 ? 'NULL' : values.join(', '))})`;
};

/** What a store adapter brings to search. */
export interface SearchBackend {
  readonly textMatch: TextMatch;
  /** The bounded match; without it every match is grouped, counted and ranked. */
  readonly candidates?: TextCandidates;
  /** Default literalIntIn. */
  readonly intIn?: IntIn;
}

/** One candidate portion as a driver returns it (PostgreSQL gives bigint columns as strings). */
export interface CandidateRow {
  readonly cable_seq: number | string;
  readonly pid: number | string;
  readonly score: number | string;
  /**
   * The portion's cable as the candidate scan read it on its way (the scan joins the cable for
   * `is_current` and the field filters anyway): search neither looks the cables up again nor
   * reads them for the TAGS facet.
   */
  readonly cable: {
    readonly id: string;
    readonly cable_date: string | null;
    readonly origin: string | null;
    /** The class of the cable's unmarked text (the TAGS facet counts a cable only if visible). */
    readonly unmarked_class: number | null;
  };
}

/**
 * How many of the newest visible matching portions are ranked. Beyond it the total is a lower
 * bound (`totalIsLowerBound`) and relevance is that of the newest matches: scoring every match of
 * a common word is what makes the bare rank query slow (docs/performance.md).
 */
export const CANDIDATES = 1000;
/** Deep pages widen the window up to this many portions. */
const MAX_CANDIDATES = 64_000;

const emptyResult: SearchResult = {
  total: 0,
  hits: [],
  facets: { tags: [], origin: [], year: [] },
};

/**
 * Runs a search for a reader. Only portions of classes the reader may see are matched, counted,
 * ranked and snippeted; a cable without a visible matching portion is in no count.
 *
 * @example await executeSearch(db, fts5Match, query, reader, { sort: 'relevance', page: 1, size: 20 })
 */
export async function executeSearch(
  db: Kysely<ArchiveDatabase>,
  backend: SearchBackend,
  query: SearchQuery,
  reader: Reader,
  page: SearchPage,
): Promise<SearchResult> {
  const { textMatch, candidates } = backend;
  const intIn = backend.intIn ?? literalIntIn;
  const { classes, visible: visibleSet } = await cachedAccessClasses(db, reader);
  if (visibleSet.size === 0) return emptyResult;
  const visible = [...visibleSet].sort((a, b) => a - b);
  const isVisible = (expr: RawBuilder<unknown>) => intIn(expr, visible);
  if (candidates !== undefined && hasText(query))
    return boundedSearch(db, { candidates, intIn }, query, page, visible, classes, visibleSet);
  const matches = hasText(query)
    ? textMatch(query, visible)
    : sql`SELECT p.cable_seq, p.id AS pid, 0 AS score FROM portion p WHERE ${isVisible(sql.ref('p.class_id'))}`;
  const hits = sql`SELECT c.seq, c.id, c.cable_date, c.origin, min(m.score) AS score
    FROM (${matches}) m JOIN cable c ON c.seq = m.cable_seq
    WHERE c.is_current = 1 ${filters(query, isVisible)}
    GROUP BY c.seq, c.id, c.cable_date, c.origin`;
  const order =
    page.sort === 'date' || !hasText(query)
      ? sql`h.cable_date DESC, h.id`
      : sql`h.score, h.cable_date DESC, h.id`;
  const size = Math.max(1, Math.min(page.size, 200));
  const offset = (Math.max(1, page.page) - 1) * size;
  const [rows, totalRow, tags, origin, year] = await Promise.all([
    sql<{ seq: number; id: string; cable_date: string | null; origin: string | null }>`
      SELECT h.seq, h.id, h.cable_date, h.origin FROM (${hits}) h ORDER BY ${order}
      LIMIT ${sql.lit(size)} OFFSET ${sql.lit(offset)}`.execute(db),
    sql<{ n: number | string }>`SELECT count(*) AS n FROM (${hits}) h`.execute(db),
    facet(
      db,
      sql`SELECT t.tag AS value, count(*) AS n FROM (${hits}) h JOIN cable_tag t ON t.cable_seq = h.seq
        JOIN cable tc ON tc.seq = h.seq AND ${isVisible(sql.ref('tc.unmarked_class'))} GROUP BY t.tag`,
    ),
    facet(
      db,
      sql`SELECT h.origin AS value, count(*) AS n FROM (${hits}) h WHERE h.origin IS NOT NULL GROUP BY h.origin`,
    ),
    facet(
      db,
      sql`SELECT substr(h.cable_date, 1, 4) AS value, count(*) AS n FROM (${hits}) h WHERE h.cable_date IS NOT NULL GROUP BY substr(h.cable_date, 1, 4)`,
    ),
  ]);
  const total = Number(totalRow.rows[0]?.n ?? 0);
  const pageRows = rows.rows.map((r) => ({ ...r, seq: r.seq }));
  const matched = pageRows.length === 0 ? [] : await matchedPortions(db, matches, pageRows, intIn);
  const hitsOut = await presentHits(db, matched, query, pageRows, classes, visibleSet, intIn);
  return { total, hits: hitsOut, facets: { tags, origin, year } };
}

async function facet(db: Kysely<ArchiveDatabase>, q: RawBuilder<unknown>): Promise<FacetCount[]> {
  const { rows } = await sql<{ value: string; n: number | string }>`
    SELECT f.value, f.n FROM (${q}) f ORDER BY f.n DESC, f.value LIMIT 10`.execute(db);
  return rows.map((r) => ({ value: r.value, count: Number(r.n) }));
}

/** Field filters on the cable `c`, each an AND-ed condition. */
function filters(
  query: SearchQuery,
  isVisible: (expr: RawBuilder<unknown>) => RawBuilder<unknown>,
): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  // TAGS, the REF list and the TO/INFO addressees are unmarked text: they count only where the
  // reader may see it (a partial reader is not told who else received a cable).
  if (query.tags.length > 0 || query.cites.length > 0 || query.to.length > 0)
    parts.push(isVisible(sql.ref('c.unmarked_class')));
  for (const tag of query.tags)
    parts.push(
      sql`EXISTS (SELECT 1 FROM cable_tag t WHERE t.cable_seq = c.seq AND t.tag = ${tag})`,
    );
  for (const caption of query.captions)
    parts.push(
      sql`EXISTS (SELECT 1 FROM cable_caption k WHERE k.cable_seq = c.seq AND k.caption = ${caption})`,
    );
  if (query.origins.length > 0) parts.push(sql`c.origin IN (${sql.join([...query.origins])})`);
  if (query.dateFrom !== null) parts.push(sql`c.cable_date >= ${query.dateFrom}`);
  if (query.dateUntil !== null) parts.push(sql`c.cable_date < ${query.dateUntil}`);
  for (const to of query.to)
    parts.push(
      sql`EXISTS (SELECT 1 FROM addressee a WHERE a.cable_seq = c.seq AND a.role IN ('to', 'info') AND (a.ri = ${to} OR a.name = ${to}))`,
    );
  for (const id of query.cites)
    parts.push(
      sql`EXISTS (SELECT 1 FROM cable_ref r WHERE r.cable_seq = c.seq AND r.target_id = ${id})`,
    );
  // The citing cable's REF list is only consulted when the reader may see that unmarked text.
  for (const id of query.citedBy)
    parts.push(
      sql`c.id IN (SELECT r.target_id FROM cable_ref r JOIN cable s ON s.seq = r.cable_seq
        WHERE s.id = ${id} AND s.is_current = 1 AND r.target_id IS NOT NULL
        AND ${isVisible(sql.ref('s.unmarked_class'))})`,
    );
  // The level as this reader sees the cable: the highest visible portion.
  if (query.levels.length > 0)
    parts.push(
      sql`(SELECT max(ac.level) FROM portion lp JOIN access_class ac ON ac.id = lp.class_id
        WHERE lp.cable_seq = c.seq AND ${isVisible(sql.ref('lp.class_id'))}) IN (${sql.join(
          query.levels.map((l: Level) => levelRank(l)),
        )})`,
    );
  return parts.length === 0 ? sql`` : sql`AND ${sql.join(parts, sql` AND `)}`;
}

interface MatchedPortion {
  readonly cable_seq: number;
  readonly pid: number;
  readonly score: number;
}

/** The matching portions of the page's cables, best first. */
async function matchedPortions(
  db: Kysely<ArchiveDatabase>,
  matches: RawBuilder<unknown>,
  rows: readonly { seq: number }[],
  intIn: IntIn,
): Promise<MatchedPortion[]> {
  const seqs = rows.map((r) => r.seq);
  const { rows: matched } = await sql<MatchedPortion>`
      SELECT m.cable_seq, m.pid, m.score FROM (${matches}) m
      WHERE ${intIn(sql.ref('m.cable_seq'), seqs)} ORDER BY m.score, m.pid`.execute(db);
  return matched;
}

async function presentHits(
  db: Kysely<ArchiveDatabase>,
  matchedRows: readonly MatchedPortion[],
  query: SearchQuery,
  rows: readonly { seq: number; id: string; cable_date: string | null; origin: string | null }[],
  classes: readonly AccessClass[],
  visible: ReadonlySet<number>,
  intIn: IntIn,
): Promise<SearchHit[]> {
  if (rows.length === 0) return [];
  const seqs = rows.map((r) => r.seq);
  const byClass = new Map(classes.map((c) => [c.id, c]));
  // Bodies only where they are shown (subject, snippets): a cable's other paragraphs stay unread.
  const pids = [0, ...matchedRows.map((m) => m.pid)];
  const portions = await sql<{
    cable_seq: number;
    id: number;
    kind: string;
    class_id: number;
    body: string;
  }>`
      SELECT p.cable_seq, p.id, p.kind, p.class_id,
        CASE WHEN p.kind = 'subject' OR p.ordinal < 2 OR ${intIn(sql.ref('p.id'), pids)}
          THEN p.body ELSE '' END AS body
      FROM portion p
      WHERE ${intIn(sql.ref('p.cable_seq'), seqs)} ORDER BY p.cable_seq, p.ordinal`.execute(db);
  const matched = { rows: matchedRows };
  return rows.map((r) => {
    // Only visible portions of this cable are ever looked at from here on.
    const own = portions.rows.filter((p) => p.cable_seq === r.seq && visible.has(p.class_id));
    const markings: Marking[] = own.map((p) => byClass.get(p.class_id)!.marking);
    const captions = byClass.get(Number(own[0]?.class_id))?.captions ?? [];
    const subject = own.find((p) => p.kind === 'subject')?.body ?? null;
    const best = matched.rows
      .filter((m) => m.cable_seq === r.seq)
      .map((m) => own.find((p) => p.id === m.pid))
      .filter((p) => p !== undefined);
    // The subject has its own line: a snippet repeats it only when nothing else matched (then it
    // shows the words that made the cable a hit). A query of fields alone matches every portion.
    const pool = best.length > 0 ? best : own.slice(0, 1);
    const others = pool.filter((p) => p.kind !== 'subject');
    const chosen = (others.length > 0 ? others : pool).slice(0, 2);
    return {
      id: r.id,
      date: r.cable_date,
      origin: r.origin,
      subject,
      banner: formatBanner(rollUpBanner(markings, captions)),
      snippets: chosen.map((p) => makeSnippet(p.body, query)),
    };
  });
}

/** A cable of the search window, as its candidates carry it. */
interface WindowCable extends Readonly<CandidateRow['cable']> {
  readonly seq: number;
  /** Its matching portions in the window, in scan order. */
  readonly portions: MatchedPortion[];
}

/**
 * The bounded search (both adapters): the newest CANDIDATES visible matching portions of cables passing
 * the filters, in one index scan that stops early; grouping, ranking, totals and facets are then
 * computed over those candidates only. Every figure still counts visible content only; when the
 * window is full the total is a lower bound.
 */
async function boundedSearch(
  db: Kysely<ArchiveDatabase>,
  backend: {
    readonly candidates: TextCandidates;
    readonly intIn: IntIn;
  },
  query: SearchQuery,
  page: SearchPage,
  visible: readonly number[],
  classes: readonly AccessClass[],
  visibleSet: ReadonlySet<number>,
): Promise<SearchResult> {
  const { candidates, intIn } = backend;
  const isVisible = (expr: RawBuilder<unknown>) => intIn(expr, visible);
  const size = Math.max(1, Math.min(page.size, 200));
  const offset = (Math.max(1, page.page) - 1) * size;
  let limit = CANDIDATES;
  let capped: boolean;
  // The window's cables (as their first candidate carries them) in the order first seen, each
  // with its matching portions.
  const window = new Map<number, WindowCable>();
  for (;;) {
    const found = await candidates(db, query, visible, filters(query, isVisible), limit + 1);
    capped = found.length > limit;
    window.clear();
    for (const r of capped ? found.slice(0, limit) : found) {
      const seq = Number(r.cable_seq);
      const row = { cable_seq: seq, pid: Number(r.pid), score: Number(r.score) };
      const cable = window.get(seq);
      if (cable === undefined) window.set(seq, { seq, ...r.cable, portions: [row] });
      else cable.portions.push(row);
    }
    if (!capped || window.size >= offset + size || limit >= MAX_CANDIDATES) break;
    limit *= 4;
  }
  if (window.size === 0) return emptyResult;
  const cables = [...window.values()];
  const tags = await tagFacet(db, cables, visibleSet, intIn);
  const best = (c: WindowCable) => Math.min(...c.portions.map((m) => m.score));
  const byDate = (a: WindowCable, b: WindowCable) =>
    a.cable_date === b.cable_date
      ? a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0
      : a.cable_date === null
        ? 1
        : b.cable_date === null
          ? -1
          : a.cable_date < b.cable_date
            ? 1
            : -1;
  const scores = new Map(cables.map((c) => [c.seq, best(c)]));
  cables.sort((a, b) =>
    page.sort === 'date' ? byDate(a, b) : scores.get(a.seq)! - scores.get(b.seq)! || byDate(a, b),
  );
  const pageRows = cables.slice(offset, offset + size);
  const matched = pageRows
    .flatMap((r) => r.portions)
    .sort((a, b) => a.score - b.score || a.pid - b.pid);
  const hits = await presentHits(db, matched, query, pageRows, classes, visibleSet, intIn);
  return {
    total: cables.length,
    ...(capped ? { totalIsLowerBound: true } : {}),
    hits,
    facets: {
      tags,
      origin: countValues(cables.map((c) => c.origin)),
      year: countValues(cables.map((c) => c.cable_date?.slice(0, 4) ?? null)),
    },
  };
}

/**
 * The TAGS facet over the window's cables, counting only cables whose unmarked text the reader
 * may see (TAGS are part of it): decided from the unmarked class each cable came with, so only
 * `cable_tag` is read (reading each cable row for its class cost 8 ms more at 256k cables).
 */
async function tagFacet(
  db: Kysely<ArchiveDatabase>,
  cables: readonly WindowCable[],
  visible: ReadonlySet<number>,
  intIn: IntIn,
): Promise<FacetCount[]> {
  const shown = cables
    .filter((c) => c.unmarked_class !== null && visible.has(c.unmarked_class))
    .map((c) => c.seq);
  if (shown.length === 0) return [];
  const { rows } = await sql<{ value: string; n: number | string }>`SELECT t.tag AS value,
      count(*) AS n FROM cable_tag t WHERE ${intIn(sql.ref('t.cable_seq'), shown)}
    GROUP BY t.tag ORDER BY count(*) DESC, t.tag LIMIT 10`.execute(db);
  return rows.map((r) => ({ value: r.value, count: Number(r.n) }));
}

/** Facet counts of values (nulls left out), most frequent first, then by value; top 10. */
function countValues(values: readonly (string | null)[]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, 10)
    .map(([value, count]) => ({ value, count }));
}
