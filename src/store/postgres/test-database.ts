/** Throwaway PostgreSQL databases for tests: one per test run, dropped afterwards. */
import pg from 'pg';

/** The server tests use: DATABASE_URL, else the local CI server. */
export const testServerUrl =
  process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

let counter = 0;

/**
 * A factory of fresh databases on the test server, or a skip reason when it is unreachable.
 *
 * @example const pgdb = await postgresTestDatabase(); if ('skip' in pgdb) ...; const { url, drop } = await pgdb.create()
 */
export async function postgresTestDatabase(): Promise<
  { skip: string } | { create: () => Promise<{ url: string; drop: () => Promise<void> }> }
> {
  const admin = new pg.Client({ connectionString: testServerUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query('SELECT 1');
  } catch (error) {
    return {
      skip: `PostgreSQL unreachable at ${testServerUrl.replace(/:[^:@/]*@/, ':***@')} (${error instanceof Error ? error.message : String(error)}): postgres tests skipped`,
    };
  } finally {
    await admin.end().catch(() => undefined);
  }
  return {
    create: async () => {
      const name = `chancery_test_${process.pid}_${++counter}_${Date.now() % 100000}`;
      const client = new pg.Client({ connectionString: testServerUrl });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const url = new URL(testServerUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        drop: async () => {
          const c = new pg.Client({ connectionString: testServerUrl });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
  };
}
