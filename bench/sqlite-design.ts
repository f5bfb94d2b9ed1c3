/**
 * The search index design measured against the floor (SQLite): one FTS5 row per PORTION, rowids that
 * encode the day (a date range is a rowid range applied inside the FTS5 scan, newest-first order is
 * the index order), access classes as tokens in a second column (the access filter is an index
 * intersection, not a post-filter), and relevance computed for the newest N visible matches only.
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { directory } from '../src/directory/directory.ts';
import { markingRules } from '../src/directory/marking-rules.ts';
import { parsePortionMarking } from '../src/format/portion-mark.ts';
import { canSeePortion } from '../src/model/access.ts';
import { formatMarking } from '../src/model/format-marking.ts';
import type { Marking } from '../src/model/marking.ts';
import { normalizeMarking } from '../src/model/normalize-marking.ts';
import type { Reader } from '../src/model/reader.ts';
import type { Corpus } from './corpora.ts';
import { rssTracker, writeInBatches, type ImportFigure } from './measure.ts';
import type { BenchQuery } from './query-mix.ts';
import { fts5Of } from './sqlite-floor.ts';

/** Rowid = day number << DAY_SHIFT | sequence within the day. */
const DAY_SHIFT = 20;
const EPOCH = Date.UTC(1960, 0, 1);
/** Relevance is computed over at most this many of the newest visible matching portions. */
export const CANDIDATES = 1000;

function dayNumber(iso: string): number {
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? 0 : Math.floor((t - EPOCH) / 86_400_000);
}

interface Portion {
  readonly mark: string | null;
  readonly text: string;
}

const PARAGRAPH = /^¶?\s*(\d{1,2})\s?\.\s*(\([^)]{1,80}\))?\s*/;
const CAPTION = /^(NODIS|EXDIS|LIMDIS|STADIS|NOFORN|SIPDIS)\s*$/;

/** A quick portion splitter for the benchmark (the store uses the real parser): subject and numbered paragraphs. */
function portionsOf(text: string): { portions: Portion[]; captions: string[] } {
  const lines = text.split('\n');
  const portions: Portion[] = [];
  const captions = new Set<string>();
  let current: { mark: string | null; parts: string[] } | null = null;
  for (const line of lines.slice(6)) {
    const cap = CAPTION.exec(line);
    if (cap && current === null) {
      captions.add(cap[1]!);
      continue;
    }
    if (line.startsWith('SUBJECT:')) {
      const rest = line.slice(8).trim();
      const m = /^\([^)]{1,20}\)/.exec(rest);
      portions.push({ mark: m ? m[0] : null, text: m ? rest.slice(m[0].length).trim() : rest });
      continue;
    }
    const p = PARAGRAPH.exec(line);
    if (p) {
      if (current) portions.push({ mark: current.mark, text: current.parts.join(' ') });
      current = { mark: p[2] ?? null, parts: [line.slice(p[0].length)] };
    } else if (current && line.trim() !== '') current.parts.push(line);
  }
  if (current) portions.push({ mark: current.mark, text: current.parts.join(' ') });
  return { portions, captions: [...captions].sort() };
}

function bannerMarking(classification: string): Marking {
  const level = classification.startsWith('SECRET')
    ? 'SECRET'
    : classification.startsWith('CONFIDENTIAL')
      ? 'CONFIDENTIAL'
      : classification.startsWith('TOP')
        ? 'TOP SECRET'
        : 'UNCLASSIFIED';
  return {
    kind: 'marking',
    level,
    sbu: false,
    noforn: classification.includes('NOFORN'),
    relTo: [],
    other: [],
  };
}

/** Builds the design index from the corpus (parse of marks, access classes, portion rows). */
export function sqliteDesignImport(corpus: Corpus, path: string): ImportFigure {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const rss = rssTracker();
  const started = performance.now();
  const rules = markingRules();
  const reference = directory();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE access_class (id INTEGER PRIMARY KEY, key TEXT UNIQUE, marking TEXT, captions TEXT);
    CREATE TABLE cable (id INTEGER PRIMARY KEY, name TEXT, day TEXT);
    CREATE TABLE portion (rowid INTEGER PRIMARY KEY, cable INTEGER, class INTEGER);
    CREATE VIRTUAL TABLE pidx USING fts5(body, ac, tokenize='unicode61 remove_diacritics 2');`);
  const classes = new Map<string, number>();
  const insertClass = db.prepare(
    'INSERT INTO access_class(id, key, marking, captions) VALUES (?, ?, ?, ?)',
  );
  const insertCable = db.prepare('INSERT INTO cable(id, name, day) VALUES (?, ?, ?)');
  const insertPortion = db.prepare('INSERT INTO portion(rowid, cable, class) VALUES (?, ?, ?)');
  const insertText = db.prepare('INSERT INTO pidx(rowid, body, ac) VALUES (?, ?, ?)');
  const perDay = new Map<number, number>();
  const classOf = (marking: Marking, captions: readonly string[]): number => {
    const key = `${formatMarking(marking)}|${captions.join(',')}`;
    let id = classes.get(key);
    if (id === undefined) {
      id = classes.size + 1;
      classes.set(key, id);
      insertClass.run(id, key, JSON.stringify(marking), JSON.stringify(captions));
    }
    return id;
  };
  const batch = db.transaction((rows: [number, string][]) => {
    for (const [cableId, text] of rows) {
      const lines = text.split('\n', 6);
      const day = (lines[1] ?? '').slice(0, 10);
      const banner = bannerMarking(lines[3] ?? '');
      insertCable.run(cableId, lines[0] ?? '', day);
      const { portions, captions } = portionsOf(text);
      const dn = dayNumber(day);
      for (const p of portions) {
        const parsed = p.mark === null ? null : parsePortionMarking(p.mark, reference);
        // Unmarked or unreadable: the banner level with no REL TO (fail closed).
        const marking = (parsed && normalizeMarking(parsed, rules).marking) ?? banner;
        const cls = classOf(marking, captions);
        const seq = perDay.get(dn) ?? 0;
        perDay.set(dn, seq + 1);
        const rowid = dn * 2 ** DAY_SHIFT + seq;
        insertPortion.run(rowid, cableId, cls);
        insertText.run(rowid, p.text, `zzac${cls}`);
      }
    }
  });
  writeInBatches(corpus.files, batch);
  db.close();
  return {
    bench: 'import-sqlite',
    corpus: corpus.name,
    what: 'ours',
    cables: corpus.files.length,
    bytes: corpus.bytes,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: rss.stop() / 1e6,
    note: 'design index: portions, access classes, date rowids (bench splitter, not the full store import)',
  };
}

export interface DesignResult {
  readonly total: number;
  /** True when the total is a lower bound (more than CANDIDATES visible matching portions). */
  readonly capped: boolean;
  readonly hits: readonly { cable: string; snippet: string }[];
}

/** A searcher over the design index for one reader. */
export function sqliteDesignSearcher(
  path: string,
  reader: Reader,
  mode: 'tokens' | 'join' = 'tokens',
): { run(q: BenchQuery, sort?: 'relevance' | 'date'): DesignResult; close(): void } {
  const db = new Database(path, { readonly: true });
  const classes = db.prepare('SELECT id, marking, captions FROM access_class').all() as {
    id: number;
    marking: string;
    captions: string;
  }[];
  const visible: number[] = [];
  const hidden: number[] = [];
  for (const c of classes)
    (canSeePortion(reader, JSON.parse(c.marking) as Marking, JSON.parse(c.captions) as string[])
      ? visible
      : hidden
    ).push(c.id);
  // Whichever list is shorter: "only these classes" or "not these classes".
  const tokens = (ids: number[]) => ids.map((id) => `zzac${id}`).join(' OR ');
  const access =
    hidden.length === 0
      ? ''
      : visible.length <= hidden.length
        ? ` AND ac : (${tokens(visible)})`
        : ` NOT ac : (${tokens(hidden)})`;
  const candidates = db.prepare(
    mode === 'tokens'
      ? `SELECT m.pid AS rowid, m.score AS score, p.cable AS cable FROM
      (SELECT rowid AS pid, bm25(pidx) AS score FROM pidx WHERE pidx MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)
       ORDER BY rowid DESC LIMIT ${CANDIDATES}) m JOIN portion p ON p.rowid = m.pid`
      : `SELECT f.rowid AS rowid, bm25(pidx) AS score, p.cable AS cable FROM pidx f JOIN portion p ON p.rowid = f.rowid
      WHERE pidx MATCH ? AND f.rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER) AND p.class IN (${visible.join(',') || '0'})
      ORDER BY f.rowid DESC LIMIT ${CANDIDATES}`,
  );
  const snippet = db.prepare(
    `SELECT snippet(pidx, 0, '[', ']', '…', 12) AS s FROM pidx WHERE pidx MATCH ? AND rowid = CAST(? AS INTEGER)`,
  );
  const name = db.prepare('SELECT name FROM cable WHERE id = ?').pluck();
  return {
    run(q, sort = 'relevance') {
      if (visible.length === 0) return { total: 0, capped: false, hits: [] };
      const match = mode === 'tokens' ? `(${fts5Of(q)})${access}` : fts5Of(q);
      const lo = q.date === null ? 0 : dayNumber(q.date.from) * 2 ** DAY_SHIFT;
      const hi =
        q.date === null ? Number.MAX_SAFE_INTEGER : dayNumber(q.date.until) * 2 ** DAY_SHIFT - 1;
      const rows = candidates.all(match, lo, hi) as {
        rowid: number;
        score: number;
        cable: number;
      }[];
      const best = new Map<number, { rowid: number; score: number; order: number }>();
      rows.forEach((r, order) => {
        const b = best.get(r.cable);
        if (b === undefined || r.score < b.score)
          best.set(r.cable, { rowid: r.rowid, score: r.score, order: b?.order ?? order });
      });
      const ranked = [...best.entries()].sort((a, b) =>
        sort === 'date' ? a[1].order - b[1].order : a[1].score - b[1].score,
      );
      const hits = ranked.slice(0, 20).map(([cable, b]) => ({
        cable: name.get(cable) as string,
        snippet: (snippet.get(match, b.rowid) as { s: string }).s,
      }));
      return { total: best.size, capped: rows.length === CANDIDATES, hits };
    },
    close: () => db.close(),
  };
}
