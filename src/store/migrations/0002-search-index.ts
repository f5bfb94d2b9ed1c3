/** Migration 0002: the full-text index over portions (FTS5 on SQLite, tsvector + GIN on PostgreSQL). */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './dialect.ts';

/**
 * SQLite: an external-content FTS5 table over `portion.body` (the text is not stored twice);
 * unicode61 with diacritics folded and no porter stemming (stemming breaks prefix queries and
 * cable vocabulary is acronyms and names). PostgreSQL: a stored generated `tsvector` with the
 * `simple` configuration plus unaccent (no stemming, no stop words, for the same reasons, and so both
 * backends find the same words) and a GIN index with fastupdate off (no pending list to scan).
 *
 * @example await searchIndex('postgres').up(db)
 */
export function searchIndex(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'sqlite') {
        await sql`CREATE VIRTUAL TABLE portion_fts USING fts5(body, content='portion', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(
          db,
        );
        return;
      }
      // `simple` plus unaccent: the same words as SQLite's unicode61 with diacritics removed.
      await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
      await sql`CREATE TEXT SEARCH CONFIGURATION chancery_simple (COPY = simple)`.execute(db);
      await sql`ALTER TEXT SEARCH CONFIGURATION chancery_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`.execute(
        db,
      );
      await sql`ALTER TABLE portion ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('chancery_simple', body)) STORED`.execute(
        db,
      );
      await sql`CREATE INDEX portion_tsv ON portion USING gin (tsv) WITH (fastupdate = off)`.execute(
        db,
      );
    },
  };
}
