/** Our import and search, through the services and the store exactly as `chancery import` / `search` use them. */
import { rmSync } from 'node:fs';
import type { Reader } from '../src/model/reader.ts';
import type { Corpus } from './corpora.ts';
import { rssTracker, type ImportFigure } from './measure.ts';
import { databaseUrl, freshDatabase } from './postgres-floor.ts';
import { queryString, type BenchQuery } from './query-mix.ts';

type Where = { kind: 'sqlite'; path: string } | { kind: 'postgres'; name: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

async function envFor(where: Where, fresh: boolean): Promise<NodeJS.ProcessEnv> {
  if (where.kind === 'sqlite') {
    if (fresh) for (const s of ['', '-wal', '-shm']) rmSync(`${where.path}${s}`, { force: true });
    return { CHANCERY_DB: where.path };
  }
  return { DATABASE_URL: fresh ? await freshDatabase(where.name) : databaseUrl(where.name) };
}

/**
 * Imports the corpus with the import service into a fresh store; a string says why it could not
 * run (the store not yet landed, a failure) so the rest of the benchmark still runs.
 */
export async function oursImport(corpus: Corpus, where: Where): Promise<ImportFigure | string> {
  try {
    const { openStore } = await import('../src/service/open-store.ts');
    const { importCables } = await import('../src/service/import-cables.ts');
    const store = await openStore(await envFor(where, true));
    const rss = rssTracker();
    const started = performance.now();
    try {
      const report = await importCables(store, corpus.files, { batchSize: 500 });
      return {
        bench: where.kind === 'sqlite' ? 'import-sqlite' : 'import-postgres',
        corpus: corpus.name,
        what: 'ours',
        cables: corpus.files.length,
        bytes: corpus.bytes,
        seconds: (performance.now() - started) / 1000,
        peakRssMb: rss.stop() / 1e6,
        note: `imported ${report.imported}, rejected ${report.rejected.length}`,
      };
    } finally {
      rss.stop();
      await store.close();
    }
  } catch (error) {
    return `unavailable: ${message(error)}`;
  }
}

/** A searcher running store.search as `reader`, or a string saying why it cannot run. */
export async function oursSearcher(
  where: Where,
  reader: Reader,
): Promise<{ run(q: BenchQuery): Promise<number>; close(): Promise<void> } | string> {
  try {
    const { openStore } = await import('../src/service/open-store.ts');
    const { parseSearchQuery } = await import('../src/store/search-query.ts');
    const store = await openStore(await envFor(where, false));
    return {
      async run(q) {
        const { query } = parseSearchQuery(queryString(q));
        const result = await store.search(query, reader, { sort: 'relevance', page: 1, size: 20 });
        return result.total;
      },
      close: () => store.close(),
    };
  } catch (error) {
    return `unavailable: ${message(error)}`;
  }
}
