/** Brings a database to the latest archive schema with Kysely's migrator. */
import { Migrator, type Kysely, type Migration } from 'kysely';
import { archiveTables } from './migrations/0001-archive.ts';
import { searchIndex } from './migrations/0002-search-index.ts';
import { searchOrder } from './migrations/0003-search-order.ts';
import { ginFastupdate } from './migrations/0004-gin-fastupdate.ts';
import { portionSearchCover } from './migrations/0005-portion-search-cover.ts';
import { postgresRum } from './migrations/0006-postgres-rum.ts';
import { postgresWordPairs } from './migrations/0008-postgres-word-pairs.ts';
import { postgresLz4 } from './migrations/0009-postgres-lz4.ts';
import { postgresRumPartitions } from './migrations/0010-postgres-rum-partitions.ts';
import { sqliteCoverUnmarkedClass } from './migrations/0011-sqlite-cover-unmarked-class.ts';
import { unmarkedClass } from './migrations/0004-unmarked-class.ts';
import type { Dialect } from './migrations/dialect.ts';

/** The migrations of a dialect, by name (applied in name order). */
export function archiveMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-archive': archiveTables(dialect),
    '0002-search-index': searchIndex(dialect),
    '0003-search-order': searchOrder(dialect),
    '0004-gin-fastupdate': ginFastupdate(dialect),
    '0005-portion-search-cover': portionSearchCover(dialect),
    '0004-unmarked-class': unmarkedClass(),
    '0006-postgres-rum': postgresRum(dialect),
    '0008-postgres-word-pairs': postgresWordPairs(dialect),
    '0009-postgres-lz4': postgresLz4(dialect),
    '0010-postgres-rum-partitions': postgresRumPartitions(dialect),
    '0011-sqlite-cover-unmarked-class': sqliteCoverUnmarkedClass(dialect),
  };
}

/**
 * Applies every pending migration; throws (broken infrastructure) when one fails.
 *
 * @example await migrateToLatest(db, 'sqlite')
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(archiveMigrations(dialect)) },
    // Migrations are independent additions; a database created before one that sorts earlier
    // (two 0004s were written in parallel) must still take it rather than refuse to open.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const why = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(failed === undefined ? why : `archive migration ${failed} failed: ${why}`, {
      cause: error,
    });
  }
}
