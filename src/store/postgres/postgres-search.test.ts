/** PostgreSQL search index upkeep: a bulk import drops the RUM index, settle rebuilds it, results stay the same. */
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

void describe('PostgreSQL search index upkeep', { skip }, () => {
  let store: Store;
  let drop: () => Promise<void>;
  let url: string;

  before(async () => {
    if ('skip' in database) return;
    ({ url, drop } = await database.create());
    store = await openPostgresStore(url);
  });

  after(async () => {
    await store.close();
    await drop();
  });

  async function hasRumIndex(): Promise<boolean> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ rum: boolean }>(
        "SELECT to_regclass('portion_rum') IS NOT NULL AS rum",
      );
      return rows[0]?.rum === true;
    } finally {
      await client.end();
    }
  }

  const queries = ['report', 'zanzibar', '"export control"', 'report date:2008-03..2008-06'];
  const run = async () =>
    Promise.all(
      queries.map((q) =>
        store.search(parseSearchQuery(q).query, confidential, {
          sort: 'relevance',
          page: 1,
          size: 20,
        }),
      ),
    );

  void test('a bulk batch drops the index, search still answers, settle rebuilds it and changes no result', async () => {
    assert.equal(await hasRumIndex(), true, 'the migration creates the index');
    await store.putCables(bulk);
    assert.equal(await hasRumIndex(), false, 'a bulk batch drops it');
    const without = await run();
    // A CONFIDENTIAL reader never sees the SECRET paragraphs: "zanzibar" finds nothing.
    assert.equal(without[1]?.total, 0);
    assert.equal(without[0]?.total, 150);
    await store.settle();
    assert.equal(await hasRumIndex(), true, 'settle rebuilds it');
    assert.deepEqual(await run(), without);
  });
});
