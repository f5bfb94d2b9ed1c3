/** Runs the store contract against every adapter named in STORES (default sqlite,postgres). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { storeContract } from './store.contract.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import { openPostgresStore } from './postgres/postgres-store.ts';
import { postgresTestDatabase } from './postgres/test-database.ts';

const stores = (process.env.STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim());

if (stores.includes('sqlite'))
  storeContract('sqlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chancery-store-'));
    const store = await openSqliteStore(join(dir, 'archive.db'));
    return {
      store,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });

if (stores.includes('postgres')) {
  const database = await postgresTestDatabase();
  if ('skip' in database)
    test('store contract: postgres', { skip: database.skip }, () => undefined);
  else
    storeContract('postgres', async () => {
      const db = await database.create();
      const store = await openPostgresStore(db.url);
      return {
        store,
        dispose: async () => {
          await store.close();
          await db.drop();
        },
      };
    });
}
