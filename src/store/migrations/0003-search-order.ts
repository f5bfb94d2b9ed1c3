/** Migration 0003: portions get a search key that orders the full-text index by date (SQLite FTS5 rowid). */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './dialect.ts';

/**
 * The search key of a portion: `day << 24 | n`, where day counts days from 1960-01-01 to the
 * cable's date (0 when the cable has none) and n numbers the portions of that day in import
 * order. On SQLite it is the FTS5 rowid, so the index itself is in date order: a date range is a
 * rowid range FTS5 applies inside its scan, and "newest matches first" is the index order, which
 * lets a search stop early instead of scoring every match of a common word.
 */
export const KEY_SHIFT = 2 ** 24;
export const KEY_EPOCH = '1960-01-01';

/** Day number of an ISO date (YYYY-MM-DD…), 0 when null or unreadable. */
export function keyDay(date: string | null): number {
  if (date === null) return 0;
  const t = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((t - Date.UTC(1960, 0, 1)) / 86_400_000));
}

/** The first search key of a day (inclusive lower bound of a date range). */
export function firstKeyOf(date: string | null): number {
  return keyDay(date) * KEY_SHIFT;
}

/**
 * SQLite: `portion.search_key` (unique), existing rows numbered, `portion_fts` rebuilt as
 * external content keyed by it, and a covering index of the cable columns search reads. PostgreSQL: the same column and a btree index (kept in step so
 * both backends share one schema; its GIN index cannot use it inside the scan).
 *
 * @example await searchOrder('sqlite').up(db)
 */
export function searchOrder(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const bigint = dialect === 'sqlite' ? sql`INTEGER` : sql`bigint`;
      await sql`ALTER TABLE portion ADD COLUMN search_key ${bigint}`.execute(db);
      const days =
        dialect === 'sqlite'
          ? sql`CAST(coalesce(max(0, julianday(substr(c.cable_date, 1, 10)) - julianday(${sql.lit(KEY_EPOCH)})), 0) AS INTEGER)`
          : sql`coalesce(greatest(0, to_date(substr(c.cable_date, 1, 10), 'YYYY-MM-DD') - CAST(${sql.lit(KEY_EPOCH)} AS date)), 0)`;
      await sql`UPDATE portion SET search_key = k.key FROM (
          SELECT p.id, ${days} * ${sql.lit(KEY_SHIFT)} + row_number() OVER (PARTITION BY ${days} ORDER BY p.id) - 1 AS key
          FROM portion p JOIN cable c ON c.seq = p.cable_seq) k
        WHERE portion.id = k.id`.execute(db);
      await sql`CREATE UNIQUE INDEX portion_search_key ON portion (search_key)`.execute(db);
      // Covering index for the search's per-candidate cable lookups: the cable row holds the raw
      // text and parsed JSON before these columns, and reading past them walks overflow pages.
      await sql`CREATE INDEX cable_search_cover ON cable (seq, is_current, cable_date, origin, id)`.execute(
        db,
      );
      if (dialect !== 'sqlite') return;
      await sql`DROP TABLE portion_fts`.execute(db);
      await sql`CREATE VIRTUAL TABLE portion_fts USING fts5(body, content='portion', content_rowid='search_key', tokenize='unicode61 remove_diacritics 2')`.execute(
        db,
      );
      await sql`INSERT INTO portion_fts(portion_fts) VALUES ('rebuild')`.execute(db);
    },
  };
}
