/** Chooses and opens the archive store: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
import { existsSync } from 'node:fs';
import { openPostgresStore } from '../store/postgres/postgres-store.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';

/** Where the archive lives, as chosen from the environment. */
export interface StoreLocation {
  readonly kind: 'sqlite' | 'postgres';
  /** The SQLite path, or the PostgreSQL URL without its password. */
  readonly where: string;
}

/** The default SQLite file, relative to the working directory. */
export const DEFAULT_DB = './data/chancery.db';

/**
 * The location chosen by `DATABASE_URL` (PostgreSQL) or `CHANCERY_DB` (SQLite, default
 * ./data/chancery.db).
 *
 * @example storeLocation({ CHANCERY_DB: '/tmp/a.db' }) // { kind: 'sqlite', where: '/tmp/a.db' }
 */
export function storeLocation(env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '')
    return { kind: 'postgres', where: url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@') };
  return { kind: 'sqlite', where: env.CHANCERY_DB || DEFAULT_DB };
}

/**
 * Opens the store the environment names, creating and migrating it on first use.
 *
 * @example const store = await openStore(); try { ... } finally { await store.close(); }
 */
export async function openStore(env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '') return openPostgresStore(url);
  return openSqliteStore(env.CHANCERY_DB || DEFAULT_DB);
}

/**
 * Opens the store for a command, turning a failure (no such database, server down, unwritable
 * folder) into one readable line instead of a stack trace. Reading commands pass `mustExist`, so
 * a mistyped CHANCERY_DB is an error rather than a new, empty archive that finds nothing.
 *
 * @example const opened = await openArchive(process.env, { mustExist: true }); if ('error' in opened) { ... }
 */
export async function openArchive(
  env: NodeJS.ProcessEnv = process.env,
  options: { readonly mustExist?: boolean } = {},
): Promise<{ store: Store } | { error: string }> {
  const where = storeLocation(env);
  if (options.mustExist === true && where.kind === 'sqlite' && !existsSync(where.where))
    return {
      error: `no archive at ${where.where} (set CHANCERY_DB, or create it with chancery import or npm start)`,
    };
  try {
    return { store: await openStore(env) };
  } catch (error) {
    return {
      error: `cannot open the archive (${where.kind} ${where.where}): ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
