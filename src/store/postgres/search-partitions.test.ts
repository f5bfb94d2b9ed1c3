/** The date partitions of PostgreSQL's RUM index: their layout, and newest-first reads across them. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { plainMarking } from '../../model/marking.ts';
import { parseReaderSpec } from '../../model/reader-spec.ts';
import { KEY_SHIFT } from '../migrations/0003-search-order.ts';
import type { ArchiveDatabase } from '../schema.ts';
import { parseSearchQuery } from '../search-query.ts';
import { cableInput } from '../store.contract.ts';
import type { Store } from '../store.ts';
import { openPostgresStore } from './postgres-store.ts';
import {
  partitionIndexName,
  partitionOfIndexName,
  planPartitions,
  searchPartitions,
  uncovered,
} from './search-partitions.ts';
import { tsqueryCandidates } from './search-tsquery.ts';
import { postgresTestDatabase } from './test-database.ts';

void describe('search partition layout', () => {
  void test('names round-trip, including the open last partition', () => {
    for (const p of [
      { from: 0, to: 17253 },
      { from: 17253, to: null },
      { from: 0, to: null },
    ])
      assert.deepEqual(partitionOfIndexName(partitionIndexName(p)), p);
    assert.equal(partitionOfIndexName('portion_search_key'), null);
    assert.equal(partitionOfIndexName('portion_rum'), null);
  });

  void test('uncovered finds the gaps from day 0 to the open end', () => {
    assert.deepEqual(uncovered([]), [{ from: 0, to: null }]);
    assert.deepEqual(uncovered([{ from: 0, to: null }]), []);
    assert.deepEqual(
      uncovered([
        { from: 10, to: 20 },
        { from: 30, to: null },
      ]),
      [
        { from: 0, to: 10 },
        { from: 20, to: 30 },
      ],
    );
    assert.deepEqual(uncovered([{ from: 0, to: 5 }]), [{ from: 5, to: null }]);
  });

  void test('a gap is cut at day boundaries into partitions of about the size asked, covering it exactly', () => {
    const days = Array.from({ length: 100 }, (_, i) => ({ day: 1000 + i, portions: 10 }));
    const parts = planPartitions({ from: 0, to: null }, days, 250, 12);
    assert.equal(parts.length, 4);
    assert.deepEqual(parts[0], { from: 0, to: 1025 });
    assert.deepEqual(parts.at(-1), { from: 1075, to: null });
    for (let i = 1; i < parts.length; i++) assert.equal(parts[i]!.from, parts[i - 1]!.to);
    // Never more than the maximum, never fewer than one, even for an empty gap.
    assert.equal(planPartitions({ from: 0, to: null }, days, 1, 12).length, 12);
    assert.deepEqual(planPartitions({ from: 7, to: 9 }, [], 100, 12), [{ from: 7, to: 9 }]);
    // One heavy day cannot be split: fewer partitions rather than an empty one.
    const heavy = planPartitions({ from: 0, to: null }, [{ day: 5, portions: 1000 }], 100, 12);
    assert.deepEqual(heavy, [{ from: 0, to: null }]);
  });
});

const database = await postgresTestDatabase();
const selected = (process.env.STORES ?? 'sqlite,postgres').split(',').includes('postgres');
const skip = !selected ? 'postgres not in STORES' : 'skip' in database ? database.skip : false;

/** 120 cables over 2007–2009, "cotton" in every third. */
const cables = Array.from({ length: 120 }, (_, i) =>
  cableInput({
    id: `0${7 + (i % 3)}STATE${3000 + i}`,
    date: `200${7 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    portions: [
      ['subject', plainMarking('UNCLASSIFIED'), `(U) Trade note ${i}`],
      [
        'paragraph',
        plainMarking('CONFIDENTIAL'),
        `(C) Cotton and wheat ${i % 3 === 0 ? 'cotton' : ''}.`,
      ],
    ],
  }),
);

void describe('newest-first reads across the partitions', { skip }, () => {
  let store: Store;
  let db: Kysely<ArchiveDatabase>;
  let drop: () => Promise<void>;

  before(async () => {
    if ('skip' in database) return;
    let url: string;
    ({ url, drop } = await database.create());
    store = await openPostgresStore(url, { partitionPortions: 40 });
    await store.putCables(cables);
    await store.settle();
    db = new Kysely<ArchiveDatabase>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
    });
  });

  after(async () => {
    await db.destroy();
    await store.close();
    await drop();
  });

  void test('the candidates are exactly the newest matches, whichever partitions hold them', async () => {
    const { partitions, complete } = await searchPartitions(db);
    assert.equal(complete, true);
    assert.ok(
      partitions.length >= 4,
      `240 portions in partitions of about 40: ${partitions.length}`,
    );
    const visible = (await db.selectFrom('access_class').select('id').execute()).map((r) => r.id);
    for (const text of [
      'cotton',
      'wheat',
      'cotton date:2008-03..2009-02',
      'note date:2007-06..2007-09',
    ]) {
      const query = parseSearchQuery(text).query;
      for (const limit of [1, 7, 30, 500]) {
        const got = await tsqueryCandidates(db, query, visible, sql``, limit);
        const { rows } = await sql<{ pid: number }>`SELECT p.id AS pid FROM portion p
          WHERE p.tsv @@ to_tsquery('chancery_simple', ${text.split(' ')[0]!})
            AND p.search_key BETWEEN ${sql.lit(query.dateFrom === null ? 0 : dayKey(query.dateFrom))}
              AND ${sql.lit(query.dateUntil === null ? 2 ** 45 : dayKey(query.dateUntil) - 1)}
          ORDER BY p.search_key DESC LIMIT ${sql.lit(limit)}`.execute(db);
        assert.deepEqual(
          got.map((r) => r.pid),
          rows.map((r) => r.pid),
          `${text}, limit ${limit}`,
        );
      }
    }
  });
});

void describe('migration 0010 on an archive that has cables', { skip }, () => {
  void test('replaces the single RUM index with partitions covering every day, and changes no result', async () => {
    if ('skip' in database) return;
    const { url, drop } = await database.create();
    const admin = new pg.Client({ connectionString: url });
    let store = await openPostgresStore(url);
    try {
      await store.putCables(cables);
      await store.settle();
      // The archive as migration 0009 left it: one RUM index over every portion, 0010 not applied.
      await admin.connect();
      const { rows } = await admin.query<{ name: string }>(
        "SELECT relname AS name FROM pg_class WHERE relname LIKE 'portion_rum_d%' AND relkind = 'i'",
      );
      for (const r of rows) await admin.query(`DROP INDEX "${r.name}"`);
      await admin.query(`CREATE INDEX portion_rum ON portion USING rum (tsv rum_tsvector_addon_ops, search_key)
        WITH (attach = 'search_key', to = 'tsv')`);
      await admin.query("DELETE FROM kysely_migration WHERE name = '0010-postgres-rum-partitions'");
      const reader = parseReaderSpec('SECRET/USA');
      if (!('reader' in reader)) throw new Error(reader.issue.message);
      const run = () =>
        Promise.all(
          ['cotton', 'wheat date:2008-01..2008-12', '"trade note"'].map((text) =>
            store.search(parseSearchQuery(text).query, reader.reader, {
              sort: 'relevance',
              page: 1,
              size: 20,
            }),
          ),
        );
      const before = await run();
      await store.close();
      store = await openPostgresStore(url);
      const single = await admin.query("SELECT to_regclass('portion_rum') IS NULL AS gone");
      assert.equal(single.rows[0]?.gone, true, 'the single index is dropped');
      const { rows: after } = await admin.query<{ name: string }>(
        "SELECT relname AS name FROM pg_class WHERE relname LIKE 'portion_rum_d%' AND relkind = 'i'",
      );
      const parts = after.map((r) => partitionOfIndexName(r.name)!);
      assert.ok(parts.length >= 1);
      assert.deepEqual(uncovered(parts), [], 'the partitions cover every day');
      assert.deepEqual(await run(), before);
    } finally {
      await store.close();
      await admin.end().catch(() => undefined);
      await drop();
    }
  });
});

/** The first search key of an ISO day (migration 0003's key, written out here independently). */
function dayKey(date: string): number {
  return (
    Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.UTC(1960, 0, 1)) / 86_400_000) * KEY_SHIFT
  );
}
