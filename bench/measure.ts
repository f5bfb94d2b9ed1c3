/** Timing helpers of the benchmark: wall clock, percentiles, peak RSS, batched loading. */
import { readFileSync } from 'node:fs';

/** Percentile p (0..100) of sorted-or-not samples, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Tracks the process's peak resident set size while work runs (sampled every 200 ms and at stop). */
export function rssTracker(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

export interface ImportFigure {
  readonly bench: string; // "import-sqlite"
  readonly corpus: string;
  readonly what: 'ours' | 'floor';
  readonly cables: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly note?: string;
}

export interface SearchFigure {
  readonly bench: string; // "search-sqlite"
  readonly corpus: string;
  readonly what: string; // "floor", "ours SECRET/USA", ...
  readonly queries: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly note?: string;
}

/** Runs every query once (after one warm-up pass) and returns latencies in ms. */
export async function timeQueries<Q>(
  queries: readonly Q[],
  run: (q: Q) => unknown,
): Promise<number[]> {
  for (const q of queries) await run(q);
  const out: number[] = [];
  for (const q of queries) {
    const t = performance.now();
    await run(q);
    out.push(performance.now() - t);
  }
  return out;
}

export function searchFigure(
  bench: string,
  corpus: string,
  what: string,
  latencies: readonly number[],
  note?: string,
): SearchFigure {
  return {
    bench,
    corpus,
    what,
    queries: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    ...(note === undefined ? {} : { note }),
  };
}

/**
 * Reads every file and hands the texts to `write` in batches of `size`, numbered from 1 in file
 * order: the loading loop shared by the SQLite floor and the design prototype.
 *
 * @example writeInBatches(corpus.files, (rows) => { for (const [id, text] of rows) insert.run(id, text); })
 */
export function writeInBatches(
  files: readonly string[],
  write: (rows: [number, string][]) => void,
  size = 1000,
): void {
  let rows: [number, string][] = [];
  files.forEach((f, i) => {
    rows.push([i + 1, readFileSync(f, 'utf8')]);
    if (rows.length === size) {
      write(rows);
      rows = [];
    }
  });
  write(rows);
}
