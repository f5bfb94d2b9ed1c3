/** Migration 0011 on an existing SQLite archive. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { plainMarking } from '../../model/marking.ts';
import { parseReaderSpec } from '../../model/reader-spec.ts';
import { parseSearchQuery } from '../search-query.ts';
import { cableInput } from '../store.contract.ts';
import { openSqliteStore } from './sqlite-store.ts';

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
      ['subject', plainMarking(c.level), `cotton subject ${i}`],
      ['paragraph', plainMarking('UNCLASSIFIED'), `cotton wheat open paragraph ${i}`],
      [
        'paragraph',
        { ...plainMarking(c.level), relTo: ['USA', 'POL'] },
        `wheat marked paragraph ${i}`,
      ],
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
