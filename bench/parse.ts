// Parse throughput over the real corpus beside its floor: reading the same files and splitting
// them into lines, measured in the same process. Run: npx tsx bench/parse.ts [--rounds N]
// (`npm run bench` runs it too, as its first bench, `parse`).
import { readFileSync } from 'node:fs';
import { directory } from '../src/directory/directory.ts';
import { parseCable } from '../src/format/parse-cable.ts';
import { corpusFiles, noSharedReason } from '../test/support/shared.ts';

export interface ParseBenchResult {
  readonly cables: number;
  readonly bytes: number;
  readonly floorMs: number;
  readonly parseMs: number;
  readonly ratio: number;
  /**
   * parseCable alone over the same texts already in memory (no reading), best of rounds: what
   * the parser itself costs, reported beside the target's ratio (which includes the read).
   */
  readonly parseOnlyMs: number;
  /**
   * The same files read BATCH at a time, each batch then parsed, best of rounds. Reading one
   * file and parsing it before the next costs more than the two apart (docs/performance.md); the
   * import never interleaves them on one thread. Shown beside the ratio, not in it.
   */
  readonly batchedMs: number;
  readonly cablesPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly peakHeapMB: number;
  readonly maxRssMB: number;
  readonly issues: number;
}

/** Files read before they are parsed, in the batched figure. */
const BATCH = 64;

/**
 * Runs `rounds` alternating floor/parse passes over `files` (default: the real corpus) and keeps
 * the best of each (least disturbed); null when there are no files.
 *
 * @example formatParseBench(runParseBench(10)!) // 'parse: 6412 cables, 51.6 MB …'
 */
export function runParseBench(
  rounds = 5,
  files: readonly string[] = corpusFiles(),
): ParseBenchResult | null {
  if (files.length === 0) return null;
  const reference = directory();
  let bytes = 0;
  let floorBest = Infinity;
  let parseBest = Infinity;
  let parseOnlyBest = Infinity;
  let batchedBest = Infinity;
  let peakHeap = 0;
  let issues = 0;
  let sink = 0; // consumed so the work cannot be optimised away
  parseCable(readFileSync(files[0]!, 'utf8'), { reference }); // warm the JIT and the directory
  for (let round = 0; round < rounds; round++) {
    let t = performance.now();
    bytes = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      bytes += Buffer.byteLength(text);
      sink += text.split('\n').length;
    }
    floorBest = Math.min(floorBest, performance.now() - t);
    t = performance.now();
    issues = 0;
    for (let i = 0; i < files.length; i++) {
      const { cable, issues: found } = parseCable(readFileSync(files[i]!, 'utf8'), { reference });
      sink += cable.paragraphs.length;
      issues += found.length;
      if (i % 500 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    parseBest = Math.min(parseBest, performance.now() - t);
    t = performance.now();
    for (let i = 0; i < files.length; i += BATCH) {
      const texts = files.slice(i, i + BATCH).map((f) => readFileSync(f, 'utf8'));
      for (const text of texts) sink += parseCable(text, { reference }).cable.paragraphs.length;
    }
    batchedBest = Math.min(batchedBest, performance.now() - t);
  }
  // The parser alone: the texts read once, then parsed in rounds of their own (after the rounds
  // above, so holding the texts does not weigh on the peak heap reported for them).
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  for (let round = 0; round < rounds; round++) {
    const t = performance.now();
    for (const text of texts) sink += parseCable(text, { reference }).cable.paragraphs.length;
    parseOnlyBest = Math.min(parseOnlyBest, performance.now() - t);
  }
  if (sink < 0) console.log(sink);
  return {
    cables: files.length,
    bytes,
    floorMs: floorBest,
    parseMs: parseBest,
    ratio: parseBest / floorBest,
    parseOnlyMs: parseOnlyBest,
    batchedMs: batchedBest,
    cablesPerSecond: files.length / (parseBest / 1000),
    megabytesPerSecond: bytes / 1e6 / (parseBest / 1000),
    peakHeapMB: peakHeap / 1e6,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    issues,
  };
}

/**
 * The figures as a small table, floor beside parse.
 *
 * @example console.log(formatParseBench(result)) // 'parse: … ratio  parse / floor  3.6×'
 */
export function formatParseBench(r: ParseBenchResult): string {
  const mb = r.bytes / 1e6;
  return [
    `parse: ${r.cables} cables, ${mb.toFixed(1)} MB (best of rounds)`,
    `  floor  read + split lines   ${r.floorMs.toFixed(0).padStart(6)} ms  ${(r.cables / (r.floorMs / 1000)).toFixed(0).padStart(7)} cables/s  ${(mb / (r.floorMs / 1000)).toFixed(1).padStart(6)} MB/s`,
    `  parse  read + parseCable    ${r.parseMs.toFixed(0).padStart(6)} ms  ${r.cablesPerSecond.toFixed(0).padStart(7)} cables/s  ${r.megabytesPerSecond.toFixed(1).padStart(6)} MB/s`,
    `  ratio  parse / floor        ${r.ratio.toFixed(2)}×  (target ≤ 3×)`,
    `  parser alone (texts in memory) ${r.parseOnlyMs.toFixed(0).padStart(4)} ms  (${(r.parseOnlyMs / r.floorMs).toFixed(2)}× the floor; reading is in the floor and in parse above)`,
    `  read ${BATCH} files, then parse them ${r.batchedMs.toFixed(0).padStart(4)} ms  (${(r.batchedMs / r.floorMs).toFixed(2)}× the floor; reading not interleaved with parsing; not the target's ratio)`,
    `  memory peak heap ${r.peakHeapMB.toFixed(0)} MB, max RSS ${r.maxRssMB.toFixed(0)} MB; ${r.issues} issues reported`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const roundsArg = process.argv.indexOf('--rounds');
  const result = runParseBench(roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 5);
  console.log(result ? formatParseBench(result) : `parse bench skipped: ${noSharedReason}`);
}
