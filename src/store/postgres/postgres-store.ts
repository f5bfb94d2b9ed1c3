/** The PostgreSQL adapter (DATABASE_URL): a pg pool behind Kysely, multi-row inserts per batch. */
import { CompiledQuery, Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../migrate.ts';
import { keyDay } from '../migrations/0003-search-order.ts';
import { deriveRows, type DerivedRows } from '../derived-rows.ts';
import { sharedStoreMethods } from '../read-queries.ts';
import type { ArchiveDatabase } from '../schema.ts';
import { executeSearch } from '../search/search-execute.ts';
import type { CableInput, PutOutcome, Store } from '../store.ts';
import { postgresIntIn } from './int-in.ts';
import { buildMissingPartitions, dropPartitionsOf } from './search-partitions.ts';
import { searchKeys, tsqueryCandidates, tsqueryMatch } from './search-tsquery.ts';
import { portionPairs } from './word-pairs.ts';

export interface PostgresStoreOptions {
  /**
   * Portions per date partition of the search index that settle aims at (default
   * PARTITION_PORTIONS); tests set it low to get several partitions from a few cables.
   */
  readonly partitionPortions?: number;
}

/**
 * Opens the archive in the PostgreSQL database at `url`, migrating it to the latest schema.
 *
 * @example const store = await openPostgresStore('postgres://postgres@127.0.0.1:5432/chancery')
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  // Session settings for the archive's short queries (docs/performance.md): no parallel workers
  // (launching them cost more than they saved, 27 ms for the TAGS facet over 600 cables), and random
  // reads priced as the cached reads they are (with the default 4 the TAGS facet over 935 cables
  // hashed the whole cable table at 256k: 183 ms instead of 18 ms through the primary key).
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    options: '-c max_parallel_workers_per_gather=0 -c random_page_cost=1.1',
  });
  // An idle pooled connection the server ends (restart, DROP DATABASE … WITH (FORCE), an
  // administrator's pg_terminate_backend) is reported as an 'error' event on the pool; unhandled,
  // node turns it into an uncaught exception that kills the process. The pool has already thrown
  // the broken client away and the next query opens a fresh one, so there is nothing else to do.
  pool.on('error', () => undefined);
  const db = new Kysely<ArchiveDatabase>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as Kysely<unknown>, 'postgres');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    kind: 'postgres',
    ...sharedStoreMethods(db),
    putCables: (batch) => db.transaction().execute((trx) => putBatch(trx, batch)),
    search: (query, reader, page) =>
      executeSearch(
        db,
        { textMatch: tsqueryMatch, candidates: tsqueryCandidates, intIn: postgresIntIn },
        query,
        reader,
        page,
      ),
    settle: async () => {
      // VACUUM, not only ANALYZE: it sets the visibility map after a bulk load, so the index-only
      // scans of search (cable_tag, access classes) do not fetch every heap row. The tables other
      // than portion are vacuumed on another connection while the RUM partitions are built (the
      // builds lock portion only; the whole database one after the other took 1.1 s more at 6k).
      // portion is vacuumed before the builds: its ANALYZE does not need the index, the partition
      // layout is cut from its rows, and the builds' scans then find the hint bits set.
      // Settled at once, so that a failure here never goes unhandled while the build runs.
      const others = (async () => {
        const { rows } = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables
          WHERE schemaname = current_schema() AND tablename <> 'portion' ORDER BY tablename`.execute(
          db,
        );
        if (rows.length > 0)
          await sql`VACUUM ANALYZE ${sql.join(rows.map((r) => sql.table(r.name)))}`.execute(db);
      })().then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
      try {
        await sql`VACUUM ANALYZE portion`.execute(db);
        // Rebuild the partitions of the search index a bulk import dropped, two at a time.
        await buildMissingPartitions(db, { builders: 2, size: options.partitionPortions });
        // Every GIN index of the archive's tables, whatever the search design names them.
        await sql`SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i
          JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
          JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
          WHERE a.amname = 'gin' AND n.nspname = current_schema()`.execute(db);
      } catch (error) {
        await others;
        throw error;
      }
      const failed = await others;
      if (failed !== undefined) throw failed.error;
    },
    close: async () => {
      await db.destroy();
    },
  };
}

type Trx = Transaction<ArchiveDatabase>;

/** Batches at least this large count as a bulk import (the import service writes 500 a batch). */
const BULK_BATCH = 100;

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 parameters per statement. */
const CHUNK = 1000;

async function insertChunks<T>(items: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += CHUNK) await insert(items.slice(i, i + CHUNK));
}

/**
 * One batch in one transaction. Items are handled in rounds so that an id occurring twice in a
 * batch behaves exactly as two consecutive batches would.
 */
async function putBatch(trx: Trx, batch: readonly CableInput[]): Promise<PutOutcome[]> {
  // Serialise writers: two concurrent imports must not both create version 1 of an id.
  await sql`SELECT pg_advisory_xact_lock(424242)`.execute(trx);
  // A bulk batch drops the RUM partitions it writes into (no pending list: row-by-row upkeep
  // tripled the import time); settle builds them again in one pass each, and search stays correct
  // without them, only slower.
  if (batch.length >= BULK_BATCH)
    await dropPartitionsOf(trx, [...new Set(batch.map((b) => keyDay(b.date)))]);
  const outcomes: PutOutcome[] = new Array<PutOutcome>(batch.length);
  let pending = batch.map((item, index) => ({ item, index }));
  const importedAt = new Date().toISOString();
  while (pending.length > 0) {
    const seen = new Set<string>();
    const round: typeof pending = [];
    const later: typeof pending = [];
    for (const p of pending)
      if (seen.has(p.item.id)) later.push(p);
      else {
        seen.add(p.item.id);
        round.push(p);
      }
    await putRound(trx, round, outcomes, importedAt);
    pending = later;
  }
  return outcomes;
}

async function putRound(
  trx: Trx,
  round: readonly { item: CableInput; index: number }[],
  outcomes: PutOutcome[],
  importedAt: string,
): Promise<void> {
  const ids = round.map((r) => r.item.id);
  const existing = await trx
    .selectFrom('cable')
    .select(['seq', 'id', 'version', 'is_current', 'sha256'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map<string, typeof existing>();
  for (const e of existing) byId.set(e.id, [...(byId.get(e.id) ?? []), e]);
  const writes: { item: CableInput; rows: DerivedRows; version: number }[] = [];
  const retire: number[] = [];
  for (const { item, index } of round) {
    const versions = byId.get(item.id) ?? [];
    if (versions.some((v) => v.sha256 === item.sha256)) {
      outcomes[index] = 'unchanged';
      continue;
    }
    const current = versions.find((v) => v.is_current === 1);
    if (current !== undefined) retire.push(current.seq);
    outcomes[index] = current === undefined ? 'imported' : 'updated';
    const version = versions.reduce((m, v) => Math.max(m, v.version), 0) + 1;
    writes.push({ item, rows: deriveRows(item), version });
  }
  if (writes.length === 0) return;
  if (retire.length > 0)
    await trx.updateTable('cable').set({ is_current: 0 }).where('seq', 'in', retire).execute();
  const classIds = await ensureClasses(trx, writes);
  // The cables' texts are bound one parameter per value: as text[] arrays (unnest) the 52 MB of
  // the real corpus took 2.3 s to escape on this thread and 0.5 s more to parse on the server.
  const inserted: { seq: number; id: string }[] = [];
  await insertChunks(writes, async (chunk) => {
    const values = valuesList(
      CABLE_TYPES,
      chunk.map((w) => {
        const c = w.rows.cable;
        return [
          c.id,
          w.version,
          1,
          c.sha256,
          c.raw,
          c.parsed,
          c.issues,
          c.cable_date,
          c.origin,
          c.banner,
          c.banner_level,
          c.captions,
          c.subject,
          importedAt,
          classIds.get(w.rows.unmarkedKey)!,
        ];
      }),
    );
    const { rows } = await trx.executeQuery<{ seq: number; id: string }>(
      CompiledQuery.raw(
        `INSERT INTO cable (id, version, is_current, sha256, raw, parsed, issues, cable_date, origin,
          banner, banner_level, captions, subject, imported_at, unmarked_class)
        VALUES ${values.text} RETURNING seq, id`,
        values.parameters,
      ),
    );
    inserted.push(...rows);
  });
  const seqs = new Map(inserted.map((r) => [r.id, r.seq]));
  const seqOf = (w: (typeof writes)[number]) => seqs.get(w.item.id)!;
  const nextKey = await searchKeys(
    trx,
    writes.map((w) => w.rows.cable.cable_date),
  );
  await insertChunks(
    writes.flatMap((w) => {
      const pairs = portionPairs(w.rows);
      return w.rows.portions.map((p, i) => ({
        search_key: nextKey(w.rows.cable.cable_date),
        cable_seq: seqOf(w),
        ordinal: p.ordinal,
        kind: p.kind,
        num: p.num,
        class_id: classIds.get(p.classKey)!,
        marked: p.marked,
        body: p.body,
        pairs: pairs[i]!,
      }));
    }),
    (chunk) => insertPortions(trx, chunk),
  );
  await insertFieldRows(
    trx,
    writes.map((w) => ({ seq: seqOf(w), rows: w.rows })),
  );
}

/**
 * The TAGS, captions, addressees and references of the cables written, in one statement: one
 * array per column of each table (a statement per table and chunk of 1,000 rows before: 125 round
 * trips and 30,000 parameters for the real corpus's addressees alone).
 */
async function insertFieldRows(
  trx: Trx,
  cables: readonly { seq: number; rows: DerivedRows }[],
): Promise<void> {
  const of = <T, R>(pick: (r: DerivedRows) => readonly T[], value: (t: T, seq: number) => R) =>
    cables.flatMap((c) => pick(c.rows).map((t) => value(t, c.seq)));
  const tags = (r: DerivedRows) => r.tags;
  const captions = (r: DerivedRows) => r.captions;
  const addressees = (r: DerivedRows) => r.addressees;
  const refs = (r: DerivedRows) => r.refs;
  await sql`WITH tag AS (INSERT INTO cable_tag (cable_seq, tag)
      SELECT * FROM unnest(${of(tags, (_, seq) => seq)}::int[], ${of(tags, (t) => t)}::text[])),
    caption AS (INSERT INTO cable_caption (cable_seq, caption)
      SELECT * FROM unnest(${of(captions, (_, seq) => seq)}::int[],
        ${of(captions, (c) => c)}::text[])),
    addressee AS (INSERT INTO addressee (cable_seq, role, ordinal, ri, name)
      SELECT * FROM unnest(${of(addressees, (_, seq) => seq)}::int[],
        ${of(addressees, (a) => a.role)}::text[], ${of(addressees, (a) => a.ordinal)}::int[],
        ${of(addressees, (a) => a.ri)}::text[], ${of(addressees, (a) => a.name)}::text[])),
    ref AS (INSERT INTO cable_ref (cable_seq, ordinal, label, target_id, text)
      SELECT * FROM unnest(${of(refs, (_, seq) => seq)}::int[], ${of(refs, (r) => r.ordinal)}::int[],
        ${of(refs, (r) => r.label)}::text[], ${of(refs, (r) => r.target_id)}::text[],
        ${of(refs, (r) => r.text)}::text[]))
    SELECT 1`.execute(trx);
}

interface PortionRow {
  readonly search_key: number;
  readonly cable_seq: number;
  readonly ordinal: number;
  readonly kind: string;
  readonly num: string | null;
  readonly class_id: number;
  readonly marked: number;
  readonly body: string;
  /** wordPairs(body): null leaves the pairs to the SQL function. */
  readonly pairs: string | null;
}

/**
 * Portions with their tsvector: the words, plus the word-pair lexemes of migration 0008, from
 * wordPairs where the text is plain (computed by the import worker when there is one) and from the
 * exact SQL function otherwise. One parameter per value: bodies as a text[] array cost more to
 * escape here and to parse on the server. OFFSET 0 keeps to_tsvector to one call a row.
 */
async function insertPortions(trx: Trx, rows: readonly PortionRow[]): Promise<void> {
  const values = valuesList(
    PORTION_TYPES,
    rows.map((r) => [
      r.search_key,
      r.cable_seq,
      r.ordinal,
      r.kind,
      r.num,
      r.class_id,
      r.marked,
      r.body,
      r.pairs,
    ]),
  );
  await trx.executeQuery(
    CompiledQuery.raw(
      `INSERT INTO portion (search_key, cable_seq, ordinal, kind, num, class_id, marked, body, tsv)
      SELECT u.search_key, u.cable_seq, u.ordinal, u.kind, u.num, u.class_id, u.marked, u.body,
        CASE WHEN u.pairs IS NULL THEN v.tsv || chancery_word_pairs(v.tsv)
          ELSE v.tsv || array_to_tsvector(string_to_array(u.pairs, ',')) END
      FROM (VALUES ${values.text})
        AS u(search_key, cable_seq, ordinal, kind, num, class_id, marked, body, pairs),
      LATERAL (SELECT to_tsvector('chancery_simple', u.body) AS tsv OFFSET 0) v`,
      values.parameters,
    ),
  );
}

/** Column types of the cable insert's VALUES, in its column order. */
const CABLE_TYPES = [
  ...['text', 'int', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int'],
  ...['text', 'text', 'text', 'int'],
];
/** Column types of the portion insert's VALUES (the last is the pairs). */
const PORTION_TYPES = ['bigint', 'int', 'int', 'text', 'text', 'int', 'int', 'text', 'text'];

/**
 * The text of a VALUES list, `($1::int, $2::text), ($3, $4)`, with one placeholder per value and
 * the first row cast to `types` (the other rows take its types), and the values to bind. Only
 * placeholders are written into the text. Keep rows × columns under PostgreSQL's 65,535
 * parameters (CHUNK rows).
 *
 * @example valuesList(['int', 'text'], [[1, 'a'], [2, 'b']]).text // '($1::int, $2::text), ($3, $4)'
 */
function valuesList(
  types: readonly string[],
  rows: readonly (readonly unknown[])[],
): { text: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const tuples = rows.map((row, r) => {
    const cells = row.map((value, i) => {
      parameters.push(value);
      return r === 0 ? `$${parameters.length}::${types[i]!}` : `$${parameters.length}`;
    });
    return `(${cells.join(', ')})`;
  });
  return { text: tuples.join(', '), parameters };
}

/** Ids of every access class the writes need, creating the missing ones. */
async function ensureClasses(
  trx: Trx,
  writes: readonly { rows: DerivedRows }[],
): Promise<Map<string, number>> {
  const wanted = new Map<string, { marking: string; captions: string; level: number }>();
  for (const w of writes) for (const [k, v] of w.rows.classes) wanted.set(k, v);
  const keys = [...wanted.keys()];
  if (keys.length === 0) return new Map();
  await trx
    .insertInto('access_class')
    .values(keys.map((key) => ({ key, ...wanted.get(key)! })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const rows = await trx
    .selectFrom('access_class')
    .select(['id', 'key'])
    .where('key', 'in', keys)
    .execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}
