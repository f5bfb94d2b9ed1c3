/** Read queries written once with Kysely and shared by both adapters. */
import type { Kysely } from 'kysely';
import type { Issue } from '../format/index.ts';
import type { Marking } from '../model/marking.ts';
import type { Reader } from '../model/reader.ts';
import { cachedAccessClasses, readAccessClasses } from './access-class-cache.ts';
import { inflateCableJson } from './derived-rows.ts';
import type { ArchiveDatabase } from './schema.ts';
import type {
  AuditEntry,
  PortionKind,
  ReferenceGraph,
  StoredAuditEntry,
  Store,
  StoredCable,
  VersionInfo,
} from './store.ts';

type Db = Kysely<ArchiveDatabase>;

/** A cable version by id (current when `version` is omitted). */
export async function readCable(
  db: Db,
  id: string,
  version?: number,
): Promise<StoredCable | undefined> {
  let q = db.selectFrom('cable').selectAll().where('id', '=', id);
  q = version === undefined ? q.where('is_current', '=', 1) : q.where('version', '=', version);
  const row = await q.executeTakeFirst();
  if (row === undefined) return undefined;
  const portions = await db
    .selectFrom('portion')
    .innerJoin('access_class', 'access_class.id', 'portion.class_id')
    .select([
      'portion.ordinal',
      'portion.kind',
      'portion.num',
      'portion.marked',
      'portion.body',
      'access_class.marking',
    ])
    .where('portion.cable_seq', '=', row.seq)
    .orderBy('portion.ordinal')
    .execute();
  return {
    kind: 'stored-cable',
    id: row.id,
    version: row.version,
    current: row.is_current === 1,
    sha256: row.sha256,
    raw: row.raw,
    cable: inflateCableJson(
      row.parsed,
      (ordinal) => portions.find((p) => p.ordinal === ordinal)?.body,
    ),
    issues: JSON.parse(row.issues) as Issue[],
    date: row.cable_date,
    origin: row.origin,
    banner: JSON.parse(row.banner) as Marking,
    captions: JSON.parse(row.captions) as string[],
    importedAt: row.imported_at,
    portions: portions.map((p) => ({
      ordinal: p.ordinal,
      kind: p.kind as PortionKind,
      number: p.num,
      marking: JSON.parse(p.marking) as Marking,
      marked: p.marked === 1,
      text: p.body,
    })),
  };
}

export async function readVersions(db: Db, id: string): Promise<VersionInfo[]> {
  const rows = await db
    .selectFrom('cable')
    .select(['version', 'is_current', 'sha256', 'imported_at'])
    .where('id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    current: r.is_current === 1,
    sha256: r.sha256,
    importedAt: r.imported_at,
  }));
}

export async function readReferences(db: Db, id: string): Promise<ReferenceGraph> {
  const outgoing = await db
    .selectFrom('cable_ref as r')
    .innerJoin('cable as c', 'c.seq', 'r.cable_seq')
    .leftJoin('cable as t', (j) => j.onRef('t.id', '=', 'r.target_id').on('t.is_current', '=', 1))
    .select(['r.label', 'r.text', 'r.target_id', 't.seq as target_seq'])
    .where('c.id', '=', id)
    .where('c.is_current', '=', 1)
    .orderBy('r.ordinal')
    .execute();
  const citedBy = await db
    .selectFrom('cable_ref as r')
    .innerJoin('cable as c', 'c.seq', 'r.cable_seq')
    .select('c.id')
    .distinct()
    .where('r.target_id', '=', id)
    .where('c.is_current', '=', 1)
    .orderBy('c.id')
    .execute();
  return {
    outgoing: outgoing.map((r) => ({
      label: r.label,
      text: r.text,
      targetId: r.target_id,
      resolved: r.target_seq !== null,
    })),
    citedBy: citedBy.map((r) => r.id),
  };
}

/** Ids (current versions) having a portion in a class the reader may see. */
export async function readVisibleIds(
  db: Db,
  ids: readonly string[],
  reader: Reader,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const visible = [...(await cachedAccessClasses(db, reader)).visible];
  if (visible.length === 0) return new Set();
  const rows = await db
    .selectFrom('cable as c')
    .select('c.id')
    .where('c.id', 'in', [...ids])
    .where('c.is_current', '=', 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('portion as p')
          .select('p.id')
          .whereRef('p.cable_seq', '=', 'c.seq')
          .where('p.class_id', 'in', visible),
      ),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Whether each (id, sha256) is the text of a stored version of that id. */
export async function readKnownTexts(
  db: Db,
  items: readonly { readonly id: string; readonly sha256: string }[],
): Promise<boolean[]> {
  const known = new Set<string>();
  const ids = [...new Set(items.map((i) => i.id))];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('cable')
      .select(['id', 'sha256'])
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) known.add(`${r.id} ${r.sha256}`);
  }
  return items.map((i) => known.has(`${i.id} ${i.sha256}`));
}

export async function readCounts(db: Db): Promise<{ cables: number; versions: number }> {
  const row = await db
    .selectFrom('cable')
    .select((eb) => [
      eb.fn.countAll().as('versions'),
      eb.fn.sum<number | string | null>('is_current').as('cables'),
    ])
    .executeTakeFirstOrThrow();
  // pg returns count(*) and sum() as strings.
  return { cables: Number(row.cables ?? 0), versions: Number(row.versions) };
}

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit')
    .values({
      at: new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      result_count: entry.count,
    })
    .execute();
}

export async function readAudit(db: Db, limit: number): Promise<StoredAuditEntry[]> {
  const rows = await db
    .selectFrom('audit')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    action: r.action as AuditEntry['action'],
    target: r.target,
    count: r.result_count,
  }));
}

/** The store methods that are the same queries on every dialect: what both adapters share. */
export type SharedStoreMethods = Pick<
  Store,
  | 'getCable'
  | 'versions'
  | 'references'
  | 'visibleIds'
  | 'accessClasses'
  | 'knownTexts'
  | 'counts'
  | 'audit'
  | 'auditTrail'
>;

/**
 * The dialect-independent methods of a store over `db`, for an adapter to spread into its own.
 *
 * @example return { kind: 'sqlite', ...sharedStoreMethods(db), putCables, search, settle, close }
 */
export function sharedStoreMethods(db: Db): SharedStoreMethods {
  return {
    getCable: (id, version) => readCable(db, id, version),
    versions: (id) => readVersions(db, id),
    references: (id) => readReferences(db, id),
    visibleIds: (ids, reader) => readVisibleIds(db, ids, reader),
    accessClasses: () => readAccessClasses(db),
    knownTexts: (items) => readKnownTexts(db, items),
    counts: () => readCounts(db),
    audit: (entry) => writeAudit(db, entry),
    auditTrail: (limit) => readAudit(db, limit),
  };
}
