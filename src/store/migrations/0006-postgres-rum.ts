/** Migration 0006: PostgreSQL's full-text index becomes a RUM index carrying each portion's search key. */
import { sql, type Kysely, type Migration, type QueryExecutorProvider } from 'kysely';
import type { Dialect } from './dialect.ts';

/**
 * A GIN index cannot return matches in key order: a search for a mid-frequency word read every
 * match from the heap through a bitmap and sorted them (p99 about 200 ms at 256k cables). The RUM
 * index (extension `rum`, Debian package `postgresql-<major>-rum`) stores the search key beside
 * each posting, so `ORDER BY search_key <=| hi LIMIT n` is answered inside the index and only the
 * rows returned are read. It replaces the GIN index (two inverted indexes would double the write
 * cost). Nothing to do on SQLite. Fails with the package name when the extension is missing.
 *
 * @example await postgresRum('postgres').up(db)
 */
export function postgresRum(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      const { rows } = await sql<{ available: boolean; major: string }>`
        SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'rum') AS available,
          (current_setting('server_version_num')::int / 10000)::text AS major`.execute(db);
      const found = rows[0];
      if (found === undefined || !found.available) {
        const major = found?.major ?? '15';
        throw new Error(
          `the PostgreSQL extension "rum" is not installed on the database server; install the ` +
            `Debian package postgresql-${major}-rum (apt-get install -y postgresql-${major}-rum) ` +
            `on the server and open the archive again`,
        );
      }
      await sql`CREATE EXTENSION IF NOT EXISTS rum`.execute(db);
      await createPortionRum(db);
      await sql`DROP INDEX IF EXISTS portion_tsv`.execute(db);
    },
  };
}

/**
 * Creates the RUM index when it is missing. A bulk import drops it (a RUM index has no pending
 * list: maintaining it row by row made the real corpus import 3× slower) and `Store.settle`
 * builds it again in one pass.
 *
 * @example await createPortionRum(db)
 */
export async function createPortionRum(db: QueryExecutorProvider): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS portion_rum ON portion
    USING rum (tsv rum_tsvector_addon_ops, search_key) WITH (attach = 'search_key', to = 'tsv')`.execute(
    db,
  );
}
