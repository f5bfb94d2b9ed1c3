/**
 * The access classes and each reader's visible set, kept between reads (search, visibleIds) and
 * checked against the table on every use: at 256k cables reading and deciding the 840 classes
 * took 7 ms a search.
 */
import { sql, type Kysely } from 'kysely';
import type { Marking } from '../model/marking.ts';
import type { Reader } from '../model/reader.ts';
import { visibleClassIds } from './access-class.ts';
import type { ArchiveDatabase } from './schema.ts';
import type { AccessClass } from './store.ts';

interface Cached {
  readonly stamp: string;
  readonly classes: AccessClass[];
  /** Visible class ids by reader (the whole reader, as JSON). */
  readonly visible: Map<string, Set<number>>;
}

/** Readers whose visible sets are kept per class table; beyond it the sets are dropped. */
const MAX_READERS = 256;

const caches = new WeakMap<Kysely<ArchiveDatabase>, Cached>();

/**
 * The classes and the ids `reader` may see, as `visibleClassIds` decides them. Rows of
 * `access_class` are only ever added (a batch inserts the classes it needs; nothing updates or
 * deletes one), so the row count and largest id, read on every call, tell whether the cache
 * still holds the whole table; a batch not yet committed is not seen, as by any other read.
 *
 * @example const { classes, visible } = await cachedAccessClasses(db, reader)
 */
export async function cachedAccessClasses(
  db: Kysely<ArchiveDatabase>,
  reader: Reader,
): Promise<{ classes: readonly AccessClass[]; visible: ReadonlySet<number> }> {
  const { rows } = await sql<{ n: string | number; m: string | number | null }>`
    SELECT count(*) AS n, max(id) AS m FROM access_class`.execute(db);
  let cached = caches.get(db);
  if (cached?.stamp !== stampOf(rows[0]?.n ?? 0, rows[0]?.m ?? null)) {
    const classes = await readAccessClasses(db);
    // The table may have grown between the two reads: the stamp is that of the rows read.
    cached = {
      stamp: stampOf(classes.length, classes.at(-1)?.id ?? null),
      classes,
      visible: new Map(),
    };
    caches.set(db, cached);
  }
  const key = JSON.stringify(reader);
  let visible = cached.visible.get(key);
  if (visible === undefined) {
    visible = visibleClassIds(cached.classes, reader);
    if (cached.visible.size >= MAX_READERS) cached.visible.clear();
    cached.visible.set(key, visible);
  }
  return { classes: cached.classes, visible };
}

/** Identifies the class table's rows: their count and largest id (rows are only ever added). */
function stampOf(count: string | number, maxId: string | number | null): string {
  return `${count}/${maxId ?? ''}`;
}

/**
 * Every access class, by id, read from the table (no cache).
 *
 * @example await readAccessClasses(db) // [{ id: 1, marking: {…}, captions: ['SIPDIS'] }, …]
 */
export async function readAccessClasses(db: Kysely<ArchiveDatabase>): Promise<AccessClass[]> {
  const rows = await db.selectFrom('access_class').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    marking: JSON.parse(r.marking) as Marking,
    captions: JSON.parse(r.captions) as string[],
  }));
}
