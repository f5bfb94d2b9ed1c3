/** literalIntIn: the integer lists search writes into SQLite statements. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { literalIntIn } from './search-execute.ts';

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
