/** Migration 0004: each cable records the access class of its unmarked text (TAGS, REF, headings). */
import { sql, type Kysely, type Migration } from 'kysely';

/**
 * `cable.unmarked_class`: the class of the cable's unmarked text — its whole level, no REL TO,
 * its captions — so search can hold back TAGS and REF lists from a reader who may see only some
 * portions, exactly as the redacted view does. Rows stored before this migration keep NULL,
 * which no reader's visible set contains: fail closed until they are re-imported.
 *
 * @example await unmarkedClass().up(db)
 */
export function unmarkedClass(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`ALTER TABLE cable ADD COLUMN unmarked_class integer REFERENCES access_class (id)`.execute(
        db,
      );
    },
  };
}
