/** Migration 0011 (SQLite): the cable covering index also holds the cable's unmarked class. */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './dialect.ts';

/**
 * The search scan joins every candidate to its cable through `cable_search_cover`; with the
 * unmarked class in that index the scan hands search each cable's class too, and the TAGS facet
 * (which counts only cables whose unmarked text the reader may see) no longer reads the cable
 * rows, whose class sits after the raw text and parsed JSON. PostgreSQL keeps its index: its
 * search looks the cables up by primary key.
 *
 * @example await sqliteCoverUnmarkedClass('sqlite').up(db)
 */
export function sqliteCoverUnmarkedClass(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'sqlite') return;
      await sql`DROP INDEX cable_search_cover`.execute(db);
      await sql`CREATE INDEX cable_search_cover ON cable (seq, is_current, cable_date, origin, id, unmarked_class)`.execute(
        db,
      );
    },
  };
}
