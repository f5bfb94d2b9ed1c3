/**
 * `npm run bench [-- BENCH… --scale 6k,256k]`: parse, import and search figures, each beside its floor
 * measured in the same run on the same text. BENCH is any of parse (first: parseCable beside reading
 * and splitting the same files), import-sqlite, search-sqlite, import-postgres,
 * search-postgres (default: these five), design-sqlite (the bench-only prototype of the index
 * design, kept to compare with the store) and cablemap (issue 2's peer parser beside parseCable, when
 * CABLEMAP_PATH points at a local port of it). Corpora and databases live in CHANCERY_BENCH_DIR (/tmp/chancery-bench).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReaderSpec } from '../src/model/reader-spec.ts';
import type { Reader } from '../src/model/reader.ts';
import { formatCablemapBench, runCablemapBench } from './cablemap.ts';
import { realCorpus, synthCorpus, workDir, type Corpus } from './corpora.ts';
import { searchFigure, timeQueries, type ImportFigure, type SearchFigure } from './measure.ts';
import { oursImport, oursSearcher } from './ours.ts';
import { runParseBench, type ParseBenchResult } from './parse.ts';
import { postgresFloorImport, postgresFloorSearcher, postgresReachable } from './postgres-floor.ts';
import { queryMix, type BenchQuery } from './query-mix.ts';
import { sqliteDesignImport, sqliteDesignSearcher } from './sqlite-design.ts';
import { sqliteFloorImport, sqliteFloorSearcher, sqliteVocabulary } from './sqlite-floor.ts';

const BENCHES = [
  'parse',
  'import-sqlite',
  'search-sqlite',
  'import-postgres',
  'search-postgres',
  'design-sqlite',
  'cablemap',
] as const;
type Bench = (typeof BENCHES)[number];
const READERS = ['SECRET/USA', 'CONFIDENTIAL/USA'];

function parseArgs(argv: readonly string[]): { benches: Bench[]; scales: string[]; seed: string } {
  const benches: Bench[] = [];
  let scales = ['6k'];
  let seed = '1';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--scale') scales = (argv[++i] ?? '').split(',').filter((s) => s !== '');
    else if (a === '--seed') seed = argv[++i] ?? '1';
    else if ((BENCHES as readonly string[]).includes(a)) benches.push(a as Bench);
    else
      throw new Error(
        `unknown argument "${a}" (benches: ${BENCHES.join(', ')}; --scale 6k,256k,1M; --seed S)`,
      );
  }
  return {
    benches:
      benches.length > 0
        ? benches
        : BENCHES.filter((b) => b !== 'design-sqlite' && b !== 'cablemap'),
    scales,
    seed,
  };
}

function corpusFor(scale: string, seed: string): Corpus | undefined {
  if (scale === '6k') return realCorpus();
  const m = /^(\d+)(k|M)?$/.exec(scale);
  if (!m) throw new Error(`bad scale "${scale}" (6k = the real corpus; 256k, 1M = synthetic)`);
  const count = Number(m[1]) * (m[2] === 'M' ? 1e6 : m[2] === 'k' ? 1000 : 1);
  return synthCorpus(count, seed, log);
}

function log(s: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
}

function reader(spec: string): Reader {
  const r = parseReaderSpec(spec);
  if (!('reader' in r)) throw new Error(r.issue.message);
  return r.reader;
}

/** Parse rounds kept best-of: a few on the real corpus (seconds each), one on larger corpora. */
const PARSE_ROUNDS_6K = 8;

const parses: (ParseBenchResult & { readonly corpus: string })[] = [];
const imports: ImportFigure[] = [];
const searches: SearchFigure[] = [];
const skipped: string[] = [];

async function benchSqlite(corpus: Corpus, benches: readonly Bench[]): Promise<void> {
  const floorDb = join(workDir, `floor-${corpus.name}.db`);
  const designDb = join(workDir, `design-${corpus.name}.db`);
  const oursDb = join(workDir, `ours-${corpus.name}.db`);
  if (benches.includes('import-sqlite') || !existsSync(floorDb)) {
    log(`import-sqlite ${corpus.name}: floor`);
    imports.push(sqliteFloorImport(corpus, floorDb));
  }
  const design = benches.includes('design-sqlite');
  if (design && (benches.includes('import-sqlite') || !existsSync(designDb))) {
    log(`import-sqlite ${corpus.name}: design index`);
    imports.push({ ...sqliteDesignImport(corpus, designDb), what: 'design' as 'ours' });
  }
  let oursReady = existsSync(`${oursDb}.complete`);
  if (benches.includes('import-sqlite') || !oursReady) {
    log(`import-sqlite ${corpus.name}: ours (store import)`);
    const figure = await oursImport(corpus, { kind: 'sqlite', path: oursDb });
    if (typeof figure === 'string') skipped.push(`import-sqlite ${corpus.name} ours: ${figure}`);
    else {
      imports.push(figure);
      writeFileSync(`${oursDb}.complete`, '');
      oursReady = true;
    }
  }
  if (!benches.includes('search-sqlite')) return;
  const vocab = sqliteVocabulary(floorDb);
  const queries = queryMix(vocab.terms, vocab.documents, vocab.pairs);
  log(`search-sqlite ${corpus.name}: floor`);
  const floor = sqliteFloorSearcher(floorDb);
  searches.push(
    searchFigure(
      'search-sqlite',
      corpus.name,
      'floor',
      await timeQueries(queries, (q) => floor.run(q)),
      'MATCH … ORDER BY rank LIMIT 20, no access filter',
    ),
  );
  floor.close();
  for (const spec of design ? READERS : []) {
    log(`search-sqlite ${corpus.name}: design as ${spec}`);
    const s = sqliteDesignSearcher(designDb, reader(spec), 'join');
    searches.push(
      searchFigure(
        'search-sqlite',
        corpus.name,
        `design ${spec}`,
        await timeQueries(queries, (q) => s.run(q)),
        'per-portion access filter, date rowids, newest 1,000 visible matches ranked',
      ),
    );
    s.close();
  }
  if (oursReady)
    await benchOursSearch('search-sqlite', corpus, { kind: 'sqlite', path: oursDb }, queries);
}

async function benchOursSearch(
  bench: string,
  corpus: Corpus,
  where: { kind: 'sqlite'; path: string } | { kind: 'postgres'; name: string },
  queries: readonly BenchQuery[],
): Promise<void> {
  for (const spec of READERS) {
    log(`${bench} ${corpus.name}: ours as ${spec}`);
    const s = await oursSearcher(where, reader(spec));
    if (typeof s === 'string') {
      skipped.push(`${bench} ${corpus.name} ours: ${s}`);
      return;
    }
    try {
      searches.push(
        searchFigure(
          bench,
          corpus.name,
          `ours ${spec}`,
          await timeQueries(queries, (q) => s.run(q)),
          'store.search: full query, counts, facets, snippets',
        ),
      );
    } catch (error) {
      skipped.push(
        `${bench} ${corpus.name} ours: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      await s.close();
    }
  }
}

async function benchPostgres(corpus: Corpus, benches: readonly Bench[]): Promise<void> {
  if (!(await postgresReachable())) {
    skipped.push(`postgres ${corpus.name}: server not reachable (DATABASE_URL or 127.0.0.1:5432)`);
    return;
  }
  const slug = corpus.name.replace(/[^a-z0-9]/gi, '_').toLowerCase();
  const floorName = `chancery_bench_floor_${slug}`;
  const oursName = `chancery_bench_ours_${slug}`;
  const floorMarker = join(workDir, `${floorName}.complete`);
  const oursMarker = join(workDir, `${oursName}.complete`);
  if (benches.includes('import-postgres') || !existsSync(floorMarker)) {
    log(`import-postgres ${corpus.name}: floor`);
    imports.push(await postgresFloorImport(corpus, floorName));
    writeFileSync(floorMarker, '');
  }
  if (benches.includes('import-postgres') || !existsSync(oursMarker)) {
    log(`import-postgres ${corpus.name}: ours (store import)`);
    const figure = await oursImport(corpus, { kind: 'postgres', name: oursName });
    if (typeof figure === 'string') skipped.push(`import-postgres ${corpus.name} ours: ${figure}`);
    else {
      imports.push(figure);
      writeFileSync(oursMarker, '');
    }
  }
  if (!benches.includes('search-postgres')) return;
  const sqliteFloor = join(workDir, `floor-${corpus.name}.db`);
  if (!existsSync(sqliteFloor)) sqliteFloorImport(corpus, sqliteFloor);
  const vocab = sqliteVocabulary(sqliteFloor);
  const queries = queryMix(vocab.terms, vocab.documents, vocab.pairs);
  log(`search-postgres ${corpus.name}: floor`);
  const floor = await postgresFloorSearcher(floorName);
  searches.push(
    searchFigure(
      'search-postgres',
      corpus.name,
      'floor',
      await timeQueries(queries, (q) => floor.run(q)),
      '@@ … ORDER BY ts_rank LIMIT 20, no access filter',
    ),
  );
  await floor.close();
  if (existsSync(oursMarker))
    await benchOursSearch('search-postgres', corpus, { kind: 'postgres', name: oursName }, queries);
}

function table(): string {
  const out: string[] = [];
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number, d = 1) => x.toFixed(d).padStart(9);
  if (parses.length > 0) {
    out.push(
      'PARSE (best of rounds; floor = read + split into lines, same files read the same way, same run)',
      `${pad('corpus', 12)}   cables  cables/s     MB/s  peak heap MB  floor ms  parse ms  x floor  parser alone ms  x floor  per-file floor/parse ms  x`,
    );
    for (const p of parses)
      out.push(
        `${pad(p.corpus, 12)}${String(p.cables).padStart(9)}${num(p.cablesPerSecond, 0)}${num(p.megabytesPerSecond)}${num(p.peakHeapMB, 0).padStart(14)}${num(p.floorMs, 0).padStart(10)}${num(p.parseMs, 0).padStart(10)}${num(p.ratio, 2)}${num(p.parseOnlyMs, 0).padStart(17)}${num(p.parseOnlyMs / p.floorMs, 2)}${`${p.perFileFloorMs.toFixed(0)} / ${p.perFileParseMs.toFixed(0)}`.padStart(25)}${num(p.perFileParseMs / p.perFileFloorMs, 2)}`,
      );
    out.push('');
  }
  if (imports.length > 0) {
    out.push(
      'IMPORT',
      `${pad('bench', 16)}${pad('corpus', 12)}${pad('what', 8)}   cables  seconds  cables/s     MB/s  x floor  peak RSS MB`,
    );
    for (const f of imports) {
      const floor = imports.find(
        (g) => g.bench === f.bench && g.corpus === f.corpus && g.what === 'floor',
      );
      const ratio = floor ? f.seconds / floor.seconds : Number.NaN;
      out.push(
        `${pad(f.bench, 16)}${pad(f.corpus, 12)}${pad(f.what, 8)}${String(f.cables).padStart(9)}${num(f.seconds)}${num(f.cables / f.seconds, 0)}${num(f.bytes / 1e6 / f.seconds)}${num(ratio, 2)}${num(f.peakRssMb, 0)}`,
      );
    }
  }
  if (searches.length > 0) {
    out.push(
      '',
      'SEARCH (ms; 200 queries)',
      `${pad('bench', 16)}${pad('corpus', 12)}${pad('what', 28)}      p50      p95      p99      max  p99 x floor`,
    );
    for (const f of searches) {
      const floor = searches.find(
        (g) => g.bench === f.bench && g.corpus === f.corpus && g.what === 'floor',
      );
      out.push(
        `${pad(f.bench, 16)}${pad(f.corpus, 12)}${pad(f.what, 28)}${num(f.p50)}${num(f.p95)}${num(f.p99)}${num(f.max)}${num(floor ? f.p99 / floor.p99 : Number.NaN, 2)}`,
      );
    }
  }
  if (skipped.length > 0) out.push('', 'NOT MEASURED', ...skipped.map((s) => `  ${s}`));
  return out.join('\n');
}

async function main(): Promise<void> {
  const { benches, scales, seed } = parseArgs(process.argv.slice(2));
  mkdirSync(workDir, { recursive: true });
  if (benches.includes('cablemap')) {
    // The real corpus only, whatever --scale says: cablemap's figures are per cable on real text.
    log('cablemap: cablemap and Chancery parse the real corpus');
    const r = runCablemapBench();
    if (typeof r === 'string') skipped.push(`cablemap: ${r}`);
    else process.stdout.write(`${formatCablemapBench(r)}\n\n`);
  }
  for (const scale of scales) {
    const corpus = corpusFor(scale, seed);
    if (!corpus) {
      skipped.push(`${scale}: the real corpus (../shared/corpus) is absent`);
      continue;
    }
    log(`${corpus.name}: ${corpus.files.length} cables, ${(corpus.bytes / 1e6).toFixed(0)} MB`);
    if (benches.includes('parse')) {
      log(`parse ${corpus.name}`);
      const p = runParseBench(scale === '6k' ? PARSE_ROUNDS_6K : 1, corpus.files);
      if (p) parses.push({ ...p, corpus: corpus.name });
    }
    if (benches.some((b) => b.endsWith('sqlite'))) await benchSqlite(corpus, benches);
    if (benches.some((b) => b.endsWith('postgres'))) await benchPostgres(corpus, benches);
  }
  const text = table();
  process.stdout.write(`${text}\n`);
  const results = join(fileURLToPath(new URL('.', import.meta.url)), 'results');
  mkdirSync(results, { recursive: true });
  const file = join(results, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { at: new Date().toISOString(), benches, scales, seed, parses, imports, searches, skipped },
      null,
      2,
    ),
  );
  log(`figures written to ${file}`);
}

await main();
