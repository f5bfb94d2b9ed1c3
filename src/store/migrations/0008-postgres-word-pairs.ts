/** Migration 0008: PostgreSQL portions carry a lexeme per pair of adjacent words, so a phrase is one posting list. */
import { sql, type Kysely, type Migration } from 'kysely';
import { createPortionRum } from './0006-postgres-rum.ts';
import { PAIR_WORDS } from '../postgres/pair-words.ts';
import { MAX_PAIRED_BODY, NO_PAIRS } from '../postgres/word-pairs.ts';
import type { Dialect } from './dialect.ts';

/** Portions updated per statement when existing rows get their pairs. */
const BACKFILL_BATCH = 20_000;

/**
 * `rum_tsvector_addon_ops` keeps no positions, so a phrase was an AND in the index and every
 * portion holding both words was read from the heap to check the order ("this does": 33k rows for
 * its newest 1,000 matches at 256k cables). Each portion's tsvector now also holds one lexeme per
 * pair of adjacent common words (PAIR_WORDS, also kept in the table `pair_word`), `'of the'`
 * (to_tsvector never makes a lexeme with a space), and such a phrase is first looked up by its
 * pairs (src/store/postgres/word-pairs.ts), then checked exactly.
 *
 * The tsvector stops being a generated column: the store writes `to_tsvector(body) || pairs`,
 * with the pairs computed in JS for plain text and by the exact SQL function
 * `chancery_word_pairs(tsvector)` (adjacent positions) for the rest. Existing portions get their
 * pairs from that function, in batches, with the RUM index dropped meanwhile and built again at
 * the end. Nothing to do on SQLite.
 *
 * @example await postgresWordPairs('postgres').up(db)
 */
export function postgresWordPairs(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect !== 'postgres') return;
      await sql`CREATE TABLE pair_word (word text PRIMARY KEY)`.execute(db);
      await sql`INSERT INTO pair_word (word) SELECT unnest(${[...PAIR_WORDS]}::text[])`.execute(db);
      await sql`CREATE FUNCTION chancery_word_pairs(v tsvector) RETURNS tsvector
        LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
          WITH w AS (SELECT u.lexeme, p FROM unnest(v) u, unnest(u.positions) p
            WHERE u.lexeme IN (SELECT word FROM pair_word))
          SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)), ''::tsvector)
          FROM w a JOIN w b ON b.p = a.p + 1
        $$`.execute(db);
      await sql`ALTER TABLE portion ALTER COLUMN tsv DROP EXPRESSION`.execute(db);
      const { rows } = await sql<{ lo: number | null; hi: number | null }>`
        SELECT min(id) AS lo, max(id) AS hi FROM portion`.execute(db);
      const lo = rows[0]?.lo ?? null;
      const hi = rows[0]?.hi ?? null;
      if (lo === null || hi === null) return;
      await sql`DROP INDEX IF EXISTS portion_rum`.execute(db);
      for (let from = lo; from <= hi; from += BACKFILL_BATCH)
        await sql`UPDATE portion SET tsv = CASE WHEN length(body) > ${sql.lit(MAX_PAIRED_BODY)}
            THEN tsv || array_to_tsvector(${[NO_PAIRS]}::text[])
            ELSE tsv || chancery_word_pairs(tsv) END
          WHERE id >= ${sql.lit(from)} AND id < ${sql.lit(from + BACKFILL_BATCH)}`.execute(db);
      await createPortionRum(db);
    },
  };
}
