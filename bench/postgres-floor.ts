/** PostgreSQL floors: COPY of whole texts into a table with a GIN-indexed tsvector, and the bare @@ … ORDER BY ts_rank LIMIT 20. */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Corpus } from './corpora.ts';
import { rssTracker, type ImportFigure } from './measure.ts';
import type { BenchQuery } from './query-mix.ts';
import { createdDay } from './sqlite-floor.ts';

/** The server URL (DATABASE_URL or the local trust-auth server). */
export const postgresUrl =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A URL for database `name` on the same server. */
export function databaseUrl(name: string): string {
  const u = new URL(postgresUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops and creates a database for the benchmark. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

/** True when the server answers. */
export async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

function copyEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * COPY of every text into doc(id, day, body, tsv GENERATED to_tsvector('simple', body)), then the
 * GIN index (fastupdate off) and VACUUM ANALYZE: the fastest way PostgreSQL can load and index it.
 */
export async function postgresFloorImport(corpus: Corpus, name: string): Promise<ImportFigure> {
  const url = await freshDatabase(name);
  const rss = rssTracker();
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE doc (id integer PRIMARY KEY, day date, body text NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED)`);
  const files = corpus.files;
  const rows = Readable.from(
    (function* () {
      for (let i = 0; i < files.length; i++) {
        const text = readFileSync(files[i]!, 'utf8');
        const day = createdDay(text);
        yield `${i + 1}\t${/^\d{4}-\d\d-\d\d$/.test(day) ? day : '\\N'}\t${copyEscape(text)}\n`;
      }
    })(),
  );
  await pipeline(rows, client.query(copyFrom('COPY doc (id, day, body) FROM STDIN')));
  await client.query('CREATE INDEX doc_tsv ON doc USING gin (tsv) WITH (fastupdate = off)');
  await client.query('CREATE INDEX doc_day ON doc (day)');
  await client.query('VACUUM ANALYZE doc');
  await client.end();
  return {
    bench: 'import-postgres',
    corpus: corpus.name,
    what: 'floor',
    cables: files.length,
    bytes: corpus.bytes,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: rss.stop() / 1e6,
    note: 'COPY + GIN index on a generated tsvector + VACUUM ANALYZE',
  };
}

/** The tsquery text of a benchmark query ('simple' configuration, like the store). */
export function tsqueryOf(q: BenchQuery): { fn: string; text: string } {
  return q.kind === 'phrase'
    ? { fn: 'phraseto_tsquery', text: q.words.join(' ') }
    : { fn: 'plainto_tsquery', text: q.words.join(' ') };
}

/** The floor's search: @@ … ORDER BY ts_rank DESC LIMIT 20. */
export async function postgresFloorSearcher(
  name: string,
): Promise<{ run(q: BenchQuery): Promise<number>; close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  await client.connect();
  return {
    async run(q) {
      const { fn, text } = tsqueryOf(q);
      const date = q.date === null ? '' : 'AND day >= $2 AND day < $3';
      const params = q.date === null ? [text] : [text, q.date.from, q.date.until];
      const r = await client.query(
        `SELECT id FROM doc, ${fn}('simple', $1) query WHERE tsv @@ query ${date} ORDER BY ts_rank(tsv, query) DESC LIMIT 20`,
        params,
      );
      return r.rowCount ?? 0;
    },
    close: () => client.end(),
  };
}
