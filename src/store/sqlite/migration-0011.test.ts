/** Migration 0011 on an existing SQLite archive, and the search paths it opens. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Marking } from '../../model/marking.ts';
import { parseReaderSpec } from '../../model/reader-spec.ts';
import { literalIntIn } from '../search/search-execute.ts';
import { parseSearchQuery } from '../search-query.ts';
import { cableInput } from '../store.contract.ts';
import { openSqliteStore } from './sqlite-store.ts';

const mark = (level: Marking['level'], relTo: string[] = []): Marking => ({
  kind: 'marking',
  level,
  sbu: false,
  noforn: false,
  relTo,
  other: [],
});

const cables = [
  { id: '08STATE1', level: 'SECRET' as const, tags: ['PARM', 'PREL'], captions: ['SIPDIS'] },
  { id: '08STATE2', level: 'CONFIDENTIAL' as const, tags: ['PARM'], captions: [] },
  { id: '08STATE3', level: 'TOP SECRET' as const, tags: ['PREL', 'KNNP'], captions: [] },
  { id: '08STATE4', level: 'UNCLASSIFIED' as const, tags: ['ECON'], captions: [] },
].map((c, i) =>
  cableInput({
    id: c.id,
    date: `2008-03-0${i + 1}`,
    tags: c.tags,
    captions: c.captions,
    portions: [
      ['subject', mark(c.level), `cotton subject ${i}`],
      ['paragraph', mark('UNCLASSIFIED'), `cotton wheat open paragraph ${i}`],
      ['paragraph', mark(c.level, ['USA', 'POL']), `wheat marked paragraph ${i}`],
    ],
  }),
);

const coverColumns = (path: string): string[] => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.pragma('index_info(cable_search_cover)') as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
};

test('migration 0011 adds the unmarked class to the cable covering index and changes no result', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-0011-'));
  const path = join(dir, 'archive.db');
  try {
    let store = await openSqliteStore(path);
    await store.putCables(cables);
    await store.close();
    // The archive as migration 0010 left it: the five-column index, 0011 not applied.
    const db = new Database(path);
    db.exec(`DROP INDEX cable_search_cover;
      CREATE INDEX cable_search_cover ON cable (seq, is_current, cable_date, origin, id);
      DELETE FROM kysely_migration WHERE name = '0011-sqlite-cover-unmarked-class';`);
    db.close();
    assert.deepEqual(coverColumns(path), ['seq', 'is_current', 'cable_date', 'origin', 'id']);
    const readers = ['TOP SECRET/USA/NODIS', 'SECRET/USA', 'CONFIDENTIAL/POL', 'UNCLASSIFIED/FRA'];
    const queries = ['cotton', 'wheat', '"open paragraph"', 'tag:PARM cotton'];
    const run = async (s: typeof store) => {
      const out = [];
      for (const spec of readers) {
        const r = parseReaderSpec(spec);
        if (!('reader' in r)) throw new Error(r.issue.message);
        for (const q of queries)
          out.push(
            await s.search(parseSearchQuery(q).query, r.reader, {
              sort: 'relevance',
              page: 1,
              size: 20,
            }),
          );
      }
      return out;
    };
    // Opening the store applies 0011.
    store = await openSqliteStore(path);
    assert.deepEqual(coverColumns(path), [
      'seq',
      'is_current',
      'cable_date',
      'origin',
      'id',
      'unmarked_class',
    ]);
    const after = await run(store);
    // The TAGS facet counts only hits whose unmarked text the reader may see: the SECRET/USA
    // reader sees the open paragraphs of every cable but not the unmarked text of the TOP SECRET
    // one, so KNNP is not counted and PREL only once.
    const secretCotton = after[readers.indexOf('SECRET/USA') * queries.length]!;
    assert.equal(secretCotton.total, 4);
    assert.deepEqual(secretCotton.facets.tags, [
      { value: 'PARM', count: 2 },
      { value: 'ECON', count: 1 },
      { value: 'PREL', count: 1 },
    ]);
    await store.close();
    // The same searches over the index as it was before 0011 (the migration stays recorded, so
    // it is not applied again; the scan then reads the class from the table row) give the same
    // answers.
    const old = new Database(path);
    old.exec(`DROP INDEX cable_search_cover;
      CREATE INDEX cable_search_cover ON cable (seq, is_current, cable_date, origin, id);`);
    old.close();
    store = await openSqliteStore(path);
    assert.deepEqual(await run(store), after);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('literal integer lists select exactly their values and refuse anything but safe integers', async () => {
  const db = new Kysely<unknown>({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
  });
  try {
    await sql`CREATE TABLE t (n integer)`.execute(db);
    await sql`INSERT INTO t VALUES (1), (2), (3)`.execute(db);
    const select = async (values: number[]) =>
      (
        await sql<{
          n: number;
        }>`SELECT n FROM t WHERE ${literalIntIn(sql.ref('n'), values)} ORDER BY n`.execute(db)
      ).rows.map((r) => r.n);
    assert.deepEqual(await select([3, 1]), [1, 3]);
    assert.deepEqual(await select([]), []);
    assert.throws(() => literalIntIn(sql.ref('n'), [1, 1.5]), /1\.5 is not an integer/);
    assert.throws(() => literalIntIn(sql.ref('n'), [Number.NaN]), /NaN is not an integer/);
    assert.throws(() => literalIntIn(sql.ref('n'), [2 ** 60]), /is not an integer/);
  } finally {
    await db.destroy();
  }
});
