/** SQLite floors: the bare insert of whole texts into a fresh FTS5 table, and the bare MATCH … ORDER BY rank LIMIT 20. */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Corpus } from './corpora.ts';
import { rssTracker, writeInBatches, type ImportFigure } from './measure.ts';
import type { BenchQuery, TermFrequency } from './query-mix.ts';

/** The "created" day of an archive record (line 2), the only date a bare insert has. */
export function createdDay(text: string): string {
  const start = text.indexOf('\n') + 1;
  return text.slice(start, start + 10);
}

/**
 * Inserts every text into a fresh FTS5 table (same tokenizer as the store), 1,000 per transaction,
 * with the same journal settings as the store (WAL, synchronous NORMAL).
 */
export function sqliteFloorImport(corpus: Corpus, path: string): ImportFigure {
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  const rss = rssTracker();
  const started = performance.now();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    `CREATE VIRTUAL TABLE doc USING fts5(body, day UNINDEXED, tokenize='unicode61 remove_diacritics 2')`,
  );
  const insert = db.prepare('INSERT INTO doc(rowid, body, day) VALUES (?, ?, ?)');
  const batch = db.transaction((rows: [number, string][]) => {
    for (const [id, text] of rows) insert.run(id, text, createdDay(text));
  });
  writeInBatches(corpus.files, batch);
  db.close();
  return {
    bench: 'import-sqlite',
    corpus: corpus.name,
    what: 'floor',
    cables: corpus.files.length,
    bytes: corpus.bytes,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: rss.stop() / 1e6,
    note: 'bare INSERT into one FTS5 table',
  };
}

/** The FTS5 expression of a benchmark query: quoted terms AND-ed, or one quoted phrase. */
export function fts5Of(q: BenchQuery): string {
  return q.kind === 'phrase'
    ? `"${q.words.join(' ')}"`
    : q.words.map((w) => `"${w}"`).join(' AND ');
}

/** The floor's search: bare MATCH … ORDER BY rank LIMIT 20 (date range as a plain column filter). */
export function sqliteFloorSearcher(path: string): { run(q: BenchQuery): number; close(): void } {
  const db = new Database(path, { readonly: true });
  const plain = db.prepare('SELECT rowid FROM doc WHERE doc MATCH ? ORDER BY rank LIMIT 20');
  const dated = db.prepare(
    'SELECT rowid FROM doc WHERE doc MATCH ? AND day >= ? AND day < ? ORDER BY rank LIMIT 20',
  );
  return {
    run: (q) =>
      (q.date === null ? plain.all(fts5Of(q)) : dated.all(fts5Of(q), q.date.from, q.date.until))
        .length,
    close: () => db.close(),
  };
}

/** Document frequencies of the floor's index and adjacent word pairs sampled from its texts. */
export function sqliteVocabulary(
  path: string,
  samples = 400,
): { terms: TermFrequency[]; documents: number; pairs: [string, string][] } {
  const db = new Database(path);
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab('main', 'doc', 'row')`);
  const terms = db.prepare('SELECT term, doc AS docs FROM temp.vocab').all() as TermFrequency[];
  const documents = (db.prepare('SELECT count(*) AS n FROM doc').get() as { n: number }).n;
  const pairs: [string, string][] = [];
  const df = new Map(terms.map((t) => [t.term, t.docs]));
  const get = db.prepare('SELECT body FROM doc WHERE rowid = ?');
  for (let i = 0; i < samples; i++) {
    const row = get.get(1 + ((i * 7919) % documents)) as { body: string } | undefined;
    if (!row) continue;
    const body = row.body.slice(row.body.length >> 1).toLowerCase();
    const words = body.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
    // Two adjacent words, each in at least 0.2% of documents, like a phrase a reader would type.
    for (let j = (i * 31) % Math.max(1, words.length - 1); j < words.length - 1; j++) {
      const [a, b] = [words[j]!, words[j + 1]!];
      if (
        /^[a-z]{4,}$/.test(a) &&
        /^[a-z]{4,}$/.test(b) &&
        (df.get(a) ?? 0) > documents * 0.002 &&
        (df.get(b) ?? 0) > documents * 0.002
      ) {
        pairs.push([a, b]);
        break;
      }
    }
  }
  db.close();
  return { terms, documents, pairs };
}
