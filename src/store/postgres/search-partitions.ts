/**
 * PostgreSQL's full-text index in date partitions: partial RUM indexes over day ranges of the
 * search key (migration 0010), so a newest-first scan sorts one partition's postings, not all.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { KEY_SHIFT } from '../migrations/0003-search-order.ts';
import type { ArchiveDatabase } from '../schema.ts';

/**
 * Days [from, to) of the cables whose portions one partial index holds; `to` null is open
 * (every later day). Day 0 is the first: a cable without a date gets key day 0 (migration 0003).
 */
export interface SearchPartition {
  readonly from: number;
  readonly to: number | null;
}

/** Portions per partition the layout aims at, and the most partitions it cuts (docs/performance.md). */
export const PARTITION_PORTIONS = 32_000;
export const MAX_PARTITIONS = 12;

const NAME = /^portion_rum_d(\d+)_d(\d+|max)$/;

/**
 * The index name of a partition; the layout is read back from these names.
 *
 * @example partitionIndexName({ from: 17253, to: null }) // 'portion_rum_d17253_dmax'
 */
export function partitionIndexName(p: SearchPartition): string {
  return `portion_rum_d${p.from}_d${p.to ?? 'max'}`;
}

/** The partition an index name describes, or null for any other index. */
export function partitionOfIndexName(name: string): SearchPartition | null {
  const m = NAME.exec(name);
  if (m === null) return null;
  return { from: Number(m[1]), to: m[2] === 'max' ? null : Number(m[2]) };
}

/**
 * The partition's search-key condition, written exactly as in its index's WHERE clause: the
 * planner uses a partial index only when the query's condition implies the index's.
 *
 * @example partitionCondition({ from: 1, to: 2 }, sql.ref('p.search_key')) // p.search_key >= 16777216 AND p.search_key < 33554432
 */
export function partitionCondition(
  p: SearchPartition,
  key: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (p.from > 0) parts.push(sql`${key} >= ${sql.lit(p.from * KEY_SHIFT)}`);
  if (p.to !== null) parts.push(sql`${key} < ${sql.lit(p.to * KEY_SHIFT)}`);
  return parts.length === 0 ? sql`TRUE` : sql.join(parts, sql` AND `);
}

/**
 * The ranges of days no partition covers, oldest first (the layout must cover every day from 0 on
 * for search to use it; a bulk import drops the partitions it writes into).
 *
 * @example uncovered([{ from: 0, to: 100 }]) // [{ from: 100, to: null }]
 */
export function uncovered(partitions: readonly SearchPartition[]): SearchPartition[] {
  const sorted = [...partitions].sort((a, b) => a.from - b.from);
  const gaps: SearchPartition[] = [];
  let at: number | null = 0;
  for (const p of sorted) {
    if (at === null) break;
    if (p.from > at) gaps.push({ from: at, to: p.from });
    if (p.to === null) at = null;
    else if (p.to > at) at = p.to;
  }
  if (at !== null) gaps.push({ from: at, to: null });
  return gaps;
}

/**
 * Cuts the days of `gap` into partitions of about `size` portions each (at most `max`), at day
 * boundaries, given the portions per day inside it (ascending days). The first partition starts
 * at the gap's start and the last ends at its end, so the result covers the gap exactly.
 *
 * @example planPartitions({ from: 0, to: null }, [{ day: 5, portions: 10 }, { day: 9, portions: 10 }], 10, 12) // [{ from: 0, to: 9 }, { from: 9, to: null }]
 */
export function planPartitions(
  gap: SearchPartition,
  days: readonly { day: number; portions: number }[],
  size = PARTITION_PORTIONS,
  max = MAX_PARTITIONS,
): SearchPartition[] {
  const total = days.reduce((n, d) => n + d.portions, 0);
  const count = Math.max(1, Math.min(max, Math.round(total / size)));
  const share = total / count;
  const cuts: number[] = [];
  let seen = 0;
  for (const d of days) {
    // Cut before this day once the portions before it have filled the next partition.
    if (cuts.length < count - 1 && seen >= share * (cuts.length + 1) && d.day > gap.from)
      cuts.push(d.day);
    seen += d.portions;
  }
  const bounds = [gap.from, ...cuts];
  return bounds.map((from, i) => ({ from, to: i + 1 < bounds.length ? bounds[i + 1]! : gap.to }));
}

/**
 * The partitions whose index exists and is ready, and whether together they cover every day (only
 * then can search use them; otherwise it walks the search-key btree, correct but slower).
 *
 * @example await searchPartitions(db) // { partitions: [{ from: 0, to: 17253 }, …], complete: true }
 */
export async function searchPartitions(
  db: Kysely<ArchiveDatabase>,
): Promise<{ partitions: SearchPartition[]; complete: boolean }> {
  const { rows } = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = to_regclass('portion') AND i.indisvalid AND i.indisready
      AND c.relname LIKE 'portion\\_rum\\_d%'`.execute(db);
  const partitions = rows
    .map((r) => partitionOfIndexName(r.name))
    .filter((p): p is SearchPartition => p !== null)
    .sort((a, b) => a.from - b.from);
  return { partitions, complete: partitions.length > 0 && uncovered(partitions).length === 0 };
}

/**
 * Drops the partitions holding any of `days` (a bulk batch writes there: a RUM index has no pending
 * list, and row-by-row upkeep tripled the import time). Partitions of other days stay, so a bulk
 * import of new cables leaves the older partitions built.
 *
 * @example await dropPartitionsOf(trx, [17790])
 */
export async function dropPartitionsOf(
  db: Kysely<ArchiveDatabase>,
  days: readonly number[],
): Promise<void> {
  const { partitions } = await searchPartitions(db);
  for (const p of partitions)
    if (days.some((d) => d >= p.from && (p.to === null || d < p.to)))
      await sql`DROP INDEX IF EXISTS ${sql.id(partitionIndexName(p))}`.execute(db);
}

/** The statement that builds one partition's index. */
function createPartition(p: SearchPartition): RawBuilder<unknown> {
  const where =
    p.from === 0 && p.to === null
      ? sql``
      : sql`WHERE ${partitionCondition(p, sql.ref('search_key'))}`;
  return sql`CREATE INDEX IF NOT EXISTS ${sql.id(partitionIndexName(p))} ON portion
    USING rum (tsv rum_tsvector_addon_ops, search_key) WITH (attach = 'search_key', to = 'tsv') ${where}`;
}

/** The partitions that would fill the uncovered days, cut by the portions stored there. */
async function plannedPartitions(
  db: Kysely<ArchiveDatabase>,
  size: number,
): Promise<SearchPartition[]> {
  const { partitions } = await searchPartitions(db);
  const planned: SearchPartition[] = [];
  for (const gap of uncovered(partitions)) {
    const { rows } = await sql<{ day: string | number; portions: string | number }>`
      SELECT p.search_key / ${sql.lit(KEY_SHIFT)} AS day, count(*) AS portions FROM portion p
      WHERE ${partitionCondition(gap, sql.ref('p.search_key'))} GROUP BY 1 ORDER BY 1`.execute(db);
    const days = rows.map((r) => ({ day: Number(r.day), portions: Number(r.portions) }));
    planned.push(...planPartitions(gap, days, size));
  }
  return planned;
}

/**
 * Builds the indexes of every uncovered day range, `builders` at a time, each build in its own
 * transaction on its own connection (a RUM build uses one backend core: at 256k cables the twelve
 * partitions took about 8 minutes two at a time, the single index 14 minutes alone). Each build
 * holds the writers' lock shared, so no batch writes while it runs and builds do not wait for
 * each other.
 *
 * @example await buildMissingPartitions(db, { builders: 2 })
 */
export async function buildMissingPartitions(
  db: Kysely<ArchiveDatabase>,
  options: { builders?: number; size?: number | undefined } = {},
): Promise<void> {
  const queue = await plannedPartitions(db, options.size ?? PARTITION_PORTIONS);
  const build = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      const partition = p;
      await db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock_shared(424242)`.execute(trx);
        await raiseMaintenanceMemory(trx);
        await createPartition(partition).execute(trx);
      });
    }
  };
  const builders = Math.max(1, Math.min(options.builders ?? 1, queue.length));
  // Every builder runs to its end before a failure is reported, so none is left running unawaited.
  const results = await Promise.allSettled(Array.from({ length: builders }, build));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
}

/**
 * Builds the uncovered partitions one after the other on `db` itself: for a migration, whose
 * transaction holds the locks other connections would wait for.
 *
 * @example await buildMissingPartitionsInline(trx)
 */
export async function buildMissingPartitionsInline(db: Kysely<ArchiveDatabase>): Promise<void> {
  await raiseMaintenanceMemory(db);
  for (const p of await plannedPartitions(db, PARTITION_PORTIONS))
    await createPartition(p).execute(db);
}

/**
 * A RUM build sorts its postings in maintenance_work_mem and merges each overflow into the index:
 * the whole 256k-cable index took over 30 min with 256 MB and about 5 min with 2 GB. At least
 * 1 GB for the transaction; a server configured higher keeps its own value.
 */
async function raiseMaintenanceMemory(db: Kysely<ArchiveDatabase>): Promise<void> {
  await sql`SELECT set_config('maintenance_work_mem', CASE
      WHEN pg_size_bytes(current_setting('maintenance_work_mem')) < 1073741824 THEN '1GB'
      ELSE current_setting('maintenance_work_mem') END, true)`.execute(db);
}
