/** The SQLite adapter: one file, WAL, created on first run; bulk writes with prepared statements. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../migrate.ts';
import { deriveRows } from '../derived-rows.ts';
import { sharedStoreMethods } from '../read-queries.ts';
import type { ArchiveDatabase } from '../schema.ts';
import { executeSearch } from '../search/search-execute.ts';
import type { CableInput, PutOutcome, Store } from '../store.ts';
import { firstKeyOf, KEY_SHIFT } from '../migrations/0003-search-order.ts';
import { fts5Candidates, fts5Match } from './search-fts5.ts';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.ts';

/**
 * Opens (creating when absent) the archive at `path`; ':memory:' for a throwaway store.
 *
 * @example const store = await openSqliteStore('./data/chancery.db')
 */
export async function openSqliteStore(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // 64 MiB of page cache instead of 2: a bulk import updates index pages all over the portion,
  // addressee and FTS tables, and with the default they are evicted and read back every batch.
  raw.pragma('cache_size = -65536');
  const db = new Kysely<ArchiveDatabase>({ dialect: new SqliteDialect({ database: raw }) });
  await migrateWithRetry(db);
  const put = bulkWriter(raw);
  // The first write starts a thread that checkpoints the WAL after each batch (see
  // wal-checkpointer.ts); this connection then no longer checkpoints by itself.
  let checkpointer: WalCheckpointer | null | undefined = path === ':memory:' ? null : undefined;
  return {
    kind: 'sqlite',
    ...sharedStoreMethods(db),
    putCables: (batch) => {
      try {
        if (checkpointer === undefined) {
          checkpointer = startWalCheckpointer(path);
          if (checkpointer !== null) raw.pragma('wal_autocheckpoint = 0');
        }
        if (checkpointer?.beforeWrite() === false) {
          // The thread stopped answering: this connection checkpoints by itself again.
          raw.pragma('wal_autocheckpoint = 1000');
          checkpointer = null;
        }
        const outcomes = put(batch);
        checkpointer?.afterWrite();
        return Promise.resolve(outcomes);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    search: (query, reader, page) =>
      executeSearch(db, { textMatch: fts5Match, candidates: fts5Candidates }, query, reader, page),
    settle: () => {
      raw.pragma('optimize');
      return Promise.resolve();
    },
    close: async () => {
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

/**
 * Kysely's migration lock is a no-op on SQLite, so two processes opening a new file at once can
 * both try to create the tables; each migration is one transaction, so the loser simply finds
 * them applied when it tries again.
 */
async function migrateWithRetry(db: Kysely<ArchiveDatabase>): Promise<void> {
  for (let attempt = 1; ; attempt++)
    try {
      await migrateToLatest(db as Kysely<unknown>, 'sqlite');
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
}

/** FTS5 pending-data limit while writing, in bytes (see bulkWriter). */
const FTS_HASH_SIZE = 32 * 1024 * 1024;

/** The write path: one better-sqlite3 transaction per batch, prepared statements reused. */
function bulkWriter(raw: Database.Database): (batch: readonly CableInput[]) => PutOutcome[] {
  const st = {
    // Every stored version of an id (none for a new cable): current, same text and next version
    // from one index probe instead of three.
    versions: raw.prepare<
      [string],
      { seq: number; sha256: string; version: number; is_current: number }
    >('SELECT seq, sha256, version, is_current FROM cable WHERE id = ?'),
    retire: raw.prepare<[number]>('UPDATE cable SET is_current = 0 WHERE seq = ?'),
    unindex: raw.prepare<[number]>(
      "INSERT INTO portion_fts(portion_fts, rowid, body) SELECT 'delete', search_key, body FROM portion WHERE cable_seq = ?",
    ),
    cable: raw.prepare(
      `INSERT INTO cable (id, version, is_current, sha256, raw, parsed, issues, cable_date, origin, banner, banner_level, captions, subject, imported_at, unmarked_class)
       VALUES (@id, @version, 1, @sha256, @raw, @parsed, @issues, @cable_date, @origin, @banner, @banner_level, @captions, @subject, @imported_at, @unmarked_class)`,
    ),
    classId: raw.prepare<[string], { id: number }>('SELECT id FROM access_class WHERE key = ?'),
    addClass: raw.prepare(
      'INSERT INTO access_class (key, marking, captions, level) VALUES (@key, @marking, @captions, @level)',
    ),
    portion: raw.prepare(
      'INSERT INTO portion (cable_seq, ordinal, kind, num, class_id, marked, body, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    // The next free search key of a day (see migration 0003): keys order the FTS index by date.
    lastKey: raw.prepare<[bigint, bigint], { k: number | null }>(
      'SELECT max(search_key) AS k FROM portion WHERE search_key >= ? AND search_key < ?',
    ),
    fts: raw.prepare('INSERT INTO portion_fts (rowid, body) VALUES (?, ?)'),
    ftsHashSize: raw.prepare<[], { v: number }>(
      "SELECT v FROM portion_fts_config WHERE k = 'hashsize'",
    ),
    // A bound JS number is a REAL to better-sqlite3, and FTS5 rejects a REAL hashsize: BigInt.
    setFtsHashSize: raw.prepare<[bigint]>(
      "INSERT INTO portion_fts (portion_fts, rank) VALUES ('hashsize', ?)",
    ),
    tag: raw.prepare('INSERT INTO cable_tag (cable_seq, tag) VALUES (?, ?)'),
    caption: raw.prepare('INSERT INTO cable_caption (cable_seq, caption) VALUES (?, ?)'),
    addressee: raw.prepare(
      'INSERT INTO addressee (cable_seq, role, ordinal, ri, name) VALUES (?, ?, ?, ?, ?)',
    ),
    ref: raw.prepare(
      'INSERT INTO cable_ref (cable_seq, ordinal, label, target_id, text) VALUES (?, ?, ?, ?, ?)',
    ),
  };
  // Class ids by key, remembered for one transaction only: a rolled-back batch must never leave
  // a stale id cached.
  const classIds = new Map<string, number>();
  const classIdOf = (
    key: string,
    make: () => { marking: string; captions: string; level: number },
  ) => {
    let id = classIds.get(key);
    if (id === undefined) {
      id = st.classId.get(key)?.id ?? Number(st.addClass.run({ key, ...make() }).lastInsertRowid);
      classIds.set(key, id);
    }
    return id;
  };
  const putOne = (
    input: CableInput,
    importedAt: string,
    fts: { key: bigint; body: string }[],
  ): PutOutcome => {
    const stored = st.versions.all(input.id);
    // A text equal to any stored version is not new: re-importing an old copy changes nothing.
    if (stored.some((v) => v.sha256 === input.sha256)) return 'unchanged';
    const current = stored.find((v) => v.is_current === 1);
    const rows = deriveRows(input);
    const version = stored.reduce((max, v) => Math.max(max, v.version), 0) + 1;
    if (current !== undefined) {
      st.unindex.run(current.seq);
      st.retire.run(current.seq);
    }
    const seq = Number(
      st.cable.run({
        ...rows.cable,
        version,
        imported_at: importedAt,
        unmarked_class: classIdOf(rows.unmarkedKey, () => rows.classes.get(rows.unmarkedKey)!),
      }).lastInsertRowid,
    );
    const day = BigInt(firstKeyOf(rows.cable.cable_date));
    let key = BigInt(st.lastKey.get(day, day + BigInt(KEY_SHIFT))?.k ?? Number(day) - 1);
    for (const p of rows.portions) {
      const classId = classIdOf(p.classKey, () => rows.classes.get(p.classKey)!);
      key += 1n;
      st.portion.run(seq, p.ordinal, p.kind, p.num, classId, p.marked, p.body, key);
      fts.push({ key, body: p.body });
    }
    for (const t of rows.tags) st.tag.run(seq, t);
    for (const c of rows.captions) st.caption.run(seq, c);
    for (const a of rows.addressees) st.addressee.run(seq, a.role, a.ordinal, a.ri, a.name);
    for (const r of rows.refs) st.ref.run(seq, r.ordinal, r.label, r.target_id, r.text);
    return current === undefined ? 'imported' : 'updated';
  };
  // FTS5 flushes its pending terms to a new segment whenever a rowid is lower than the last one
  // written; keys follow the cable's date, not the import order, so the batch's index rows are
  // written last, in key order: one segment per batch instead of hundreds.
  // FTS5 writes its pending terms out as a new segment whenever they pass `hashsize` (1 MB by
  // default), several times per 500-cable batch; each segment is later merged again. 32 MB keeps
  // a batch in one segment (the FTS insert of the corpus's portions: 1.22 s -> 1.04 s). The
  // setting is kept in the index's config table and written inside a batch's transaction.
  let hashSizeSet = false;
  const tx = raw.transaction((batch: readonly CableInput[]) => {
    classIds.clear();
    if (!hashSizeSet && st.ftsHashSize.get()?.v !== FTS_HASH_SIZE)
      st.setFtsHashSize.run(BigInt(FTS_HASH_SIZE));
    const at = new Date().toISOString();
    const fts: { key: bigint; body: string }[] = [];
    const outcomes = batch.map((item) => putOne(item, at, fts));
    fts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const f of fts) st.fts.run(f.key, f.body);
    return outcomes;
  });
  return (batch) => {
    const outcomes = tx(batch);
    hashSizeSet = true;
    return outcomes;
  };
}
