/** PostgreSQL search index upkeep: a bulk import drops the RUM partitions it writes into, settle rebuilds them, results stay the same. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { plainMarking } from '../../model/marking.ts';
import type { Reader } from '../../model/reader.ts';
import { parseSearchQuery } from '../search-query.ts';
import { cableInput } from '../store.contract.ts';
import type { Store } from '../store.ts';
import { openPostgresStore } from './postgres-store.ts';
import { postgresTestDatabase } from './test-database.ts';

const database = await postgresTestDatabase();
const selected = (process.env.STORES ?? 'sqlite,postgres').split(',').includes('postgres');
const skip = !selected ? 'postgres not in STORES' : 'skip' in database ? database.skip : false;

const marking = plainMarking;

const confidential: Reader = {
  kind: 'reader',
  id: 'CONFIDENTIAL/USA',
  clearance: 'CONFIDENTIAL',
  nationality: 'USA',
  accesses: [],
  organisation: null,
};

/** 150 cables: "report" in every one, "zanzibar" in every 50th, SECRET paragraphs that C may not see. */
const bulk = Array.from({ length: 150 }, (_, i) =>
  cableInput({
    id: `08STATE${1000 + i}`,
    date: `2008-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    portions: [
      ['subject', marking('UNCLASSIFIED'), `(U) Export control report ${i}`],
      ['paragraph', marking('CONFIDENTIAL'), `(C) The report on export control number ${i}.`],
      [
        'paragraph',
        marking('SECRET'),
        i % 50 === 0 ? '(S) Zanzibar secret annex.' : '(S) Secret annex of the report.',
      ],
    ],
  }),
);

/** 100 more, in 2009, with "report" in each. */
const later = Array.from({ length: 100 }, (_, i) =>
  cableInput({
    id: `09STATE${2000 + i}`,
    date: `2009-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    portions: [
      ['subject', marking('UNCLASSIFIED'), `(U) Later report ${i}`],
      ['paragraph', marking('CONFIDENTIAL'), `(C) A later report, number ${i}.`],
    ],
  }),
);

void describe('PostgreSQL search index upkeep', { skip }, () => {
  let store: Store;
  let drop: () => Promise<void>;
  let url: string;

  before(async () => {
    if ('skip' in database) return;
    ({ url, drop } = await database.create());
    // About 100 portions per date partition: the 150 cables below make four of them.
    store = await openPostgresStore(url, { partitionPortions: 100 });
  });

  after(async () => {
    await store.close();
    await drop();
  });

  /** The date partitions of the RUM index, by index name, oldest first. */
  async function partitionIndexes(): Promise<string[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         WHERE i.indrelid = 'portion'::regclass AND c.relname LIKE 'portion_rum_d%'`,
      );
      return rows
        .map((r) => r.name)
        .sort((a, b) => Number(/_d(\d+)_/.exec(a)?.[1]) - Number(/_d(\d+)_/.exec(b)?.[1]));
    } finally {
      await client.end();
    }
  }

  const queries = [
    'report',
    'zanzibar',
    '"export control"',
    'report date:2008-03..2008-06',
    'number date:2008-05..2009-12',
  ];
  const run = async () =>
    Promise.all(
      queries.flatMap((q) =>
        (['relevance', 'date'] as const).map((sort) =>
          store.search(parseSearchQuery(q).query, confidential, { sort, page: 1, size: 20 }),
        ),
      ),
    );

  void test('a bulk batch drops the partitions it writes into, search still answers, settle rebuilds them and changes no result', async () => {
    assert.deepEqual(
      await partitionIndexes(),
      ['portion_rum_d0_dmax'],
      'the migration covers every day',
    );
    await store.putCables(bulk);
    assert.deepEqual(
      await partitionIndexes(),
      [],
      'a bulk batch of 2008 drops the partition of 2008',
    );
    const without = await run();
    // A CONFIDENTIAL reader never sees the SECRET paragraphs: "zanzibar" finds nothing.
    assert.equal(without[2]?.total, 0);
    assert.equal(without[0]?.total, 150);
    await store.settle();
    const built = await partitionIndexes();
    assert.ok(
      built.length >= 3,
      `settle cuts 450 portions into partitions of about 100: ${built.join(', ')}`,
    );
    assert.equal(built[0], built[0]?.replace(/_d\d+_/, '_d0_'), 'the first starts at day 0');
    assert.match(built.at(-1) ?? '', /_dmax$/, 'the last is open');
    assert.deepEqual(await run(), without);

    // Cables of 2009 fall in the open partition only: the older ones stay built.
    await store.putCables(later);
    assert.deepEqual(await partitionIndexes(), built.slice(0, -1));
    const unsettled = await run();
    assert.equal(unsettled[0]?.total, 250);
    await store.settle();
    const rebuilt = await partitionIndexes();
    assert.deepEqual(rebuilt.slice(0, built.length - 1), built.slice(0, -1));
    assert.ok(rebuilt.length > built.length - 1);
    assert.deepEqual(await run(), unsettled);
  });
});
