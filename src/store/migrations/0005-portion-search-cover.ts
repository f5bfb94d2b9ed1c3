/** Migration 0005: a covering index from search key to the portion columns the search scan reads. */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './dialect.ts';

/**
 * The search scan maps each FTS5 match (rowid = search key) to its portion's class and cable. The
 * portion rows hold the paragraph text, gigabytes at 256k cables, so fetching them for every
 * match reads cold pages; this index (tens of MB) answers from the index alone. Measured at 256k
 * cables for a CONFIDENTIAL reader, who skips more invisible matches: docs/performance.md.
 *
 * @example await portionSearchCover('sqlite').up(db)
 */
export function portionSearchCover(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'sqlite') return;
      await sql`CREATE INDEX portion_search_cover ON portion (search_key, class_id, cable_seq, id)`.execute(
        db,
      );
    },
  };
}
