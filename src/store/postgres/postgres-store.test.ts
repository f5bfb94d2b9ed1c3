// The PostgreSQL store survives the server ending its idle connections (restart, DROP … FORCE,
// pg_terminate_backend): no uncaught exception, and the next query works on a fresh connection.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { openPostgresStore } from './postgres-store.ts';
import { postgresTestDatabase, testServerUrl } from './test-database.ts';

const database = await postgresTestDatabase();

test(
  'idle connections ended by the server do not crash the process',
  { skip: 'skip' in database ? database.skip : false },
  async () => {
    if ('skip' in database) return;
    const db = await database.create();
    const store = await openPostgresStore(db.url);
    const crashes: unknown[] = [];
    const onCrash = (error: unknown) => crashes.push(error);
    process.on('uncaughtException', onCrash);
    try {
      assert.deepEqual(await store.counts(), await store.counts()); // pooled connections now idle
      const admin = new pg.Client({ connectionString: testServerUrl });
      await admin.connect();
      const name = new URL(db.url).pathname.slice(1);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(crashes, []);
      assert.ok(await store.counts(), 'the store answers on a fresh connection');
    } finally {
      process.off('uncaughtException', onCrash);
      await store.close();
      await db.drop();
    }
  },
);
