/** Migration 0009: PostgreSQL compresses the archive's long texts with lz4 instead of pglz. */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './dialect.ts';

/** The columns whose values often pass the 2 kB TOAST threshold and are compressed. */
const LONG_TEXTS = [
  ['cable', 'raw'],
  ['cable', 'parsed'],
  ['cable', 'issues'],
  ['portion', 'body'],
  ['portion', 'tsv'],
] as const;

/**
 * pglz compressed the real corpus's cable texts (77 MB of raw text and parsed JSON) in about 2 s of
 * the import's writing backend; lz4 took 0.6 s. On the real corpus lz4 stores the raw text in
 * 32 MB instead of 29 MB and the parsed JSON in 11 MB instead of 10 MB, and it does compress the
 * tsvectors that pglz gave up on (96 MB instead of 108 MB). Only new values are compressed with
 * lz4; stored values stay readable as they are. A server built without lz4 keeps pglz. Nothing to
 * do on SQLite.
 *
 * @example await postgresLz4('postgres').up(db)
 */
export function postgresLz4(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      const { rows } = await sql<{ lz4: boolean }>`SELECT 'lz4' = ANY(enumvals) AS lz4
        FROM pg_settings WHERE name = 'default_toast_compression'`.execute(db);
      if (rows[0]?.lz4 !== true) return;
      for (const [table, column] of LONG_TEXTS)
        await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN ${sql.ref(column)} SET COMPRESSION lz4`.execute(
          db,
        );
    },
  };
}
