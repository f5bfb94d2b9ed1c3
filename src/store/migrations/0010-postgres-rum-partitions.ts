/** Migration 0010: PostgreSQL's RUM index is cut into date partitions (partial indexes by day range). */
import { sql, type Kysely, type Migration } from 'kysely';
import { buildMissingPartitionsInline } from '../postgres/search-partitions.ts';
import type { Dialect } from './dialect.ts';

/**
 * A RUM scan in key order still collects and sorts every posting of the query before it returns
 * the first: about 90 ms for a word in 5% of 3M portions. With one partial index per range of
 * days, holding about PARTITION_PORTIONS portions each, search opens the newest partition first
 * and sorts only its postings; older ones are read only while the window is not full. Settle
 * builds the partitions two at a time, and a bulk import drops only the partitions it writes
 * into. Nothing to do on SQLite, whose FTS5 index is in key order already.
 *
 * @example await postgresRumPartitions('postgres').up(db)
 */
export function postgresRumPartitions(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`DROP INDEX IF EXISTS portion_rum`.execute(db);
      // Inside the migration's transaction, which holds portion's lock: one build after another.
      await buildMissingPartitionsInline(db);
    },
  };
}
