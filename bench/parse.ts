// Parse throughput over the real corpus beside its floor: reading the same files the same way and
// splitting them into lines, measured in the same process. Run: npx tsx bench/parse.ts [--rounds N]
// (`npm run bench` runs it too, as its first bench, `parse`).
import { readFileSync, statSync } from 'node:fs';
import { type Input, READ_AHEAD, readInput, readInputs } from '../src/cli/read-inputs.ts';
import { directory } from '../src/directory/directory.ts';
import { parseCable } from '../src/format/parse-cable.ts';
import { corpusFiles, noSharedReason } from '../test/support/shared.ts';

export interface ParseBenchResult {
  readonly cables: number;
  readonly bytes: number;
  /** The floor: the files read by `chancery parse`'s reader (READ_AHEAD at a time), each split into lines. */
  readonly floorMs: number;
  /** The same files read the same way, each given to parseCable. */
  readonly parseMs: number;
  readonly ratio: number;
  /**
   * parseCable alone over the same texts already in memory (no reading), best of rounds: what
   * the parser itself costs, reported beside the target's ratio (which includes the read).
   */
  readonly parseOnlyMs: number;
  /**
   * Floor and parse again with each file read just before it is split or parsed, best of rounds.
   * Where a system call flushes the TLB (page-table isolation without PCID), the parser refills
   * it once per file this way: shown beside the ratio so the cost of that reading pattern stays
   * visible (docs/performance.md).
   */
  readonly perFileFloorMs: number;
  readonly perFileParseMs: number;
  readonly cablesPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly peakHeapMB: number;
  readonly maxRssMB: number;
  readonly issues: number;
}

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
  const best = { floor: Infinity, parse: Infinity, perFileFloor: Infinity, perFileParse: Infinity };
  let peakHeap = 0;
  let issues = 0;
  let sink = 0; // consumed so the work cannot be optimised away
  const split = (text: string) => {
    sink += text.split('\n').length;
  };
  const parse = (text: string, i: number) => {
    const { cable, issues: found } = parseCable(text, { reference });
    sink += cable.paragraphs.length;
    issues += found.length;
    if (i % 500 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const time = (read: (files: readonly string[], use: Use) => void, use: Use) => {
    const t = performance.now();
    read(files, use);
    return performance.now() - t;
  };
  parse(readFileSync(files[0]!, 'utf8'), 0); // warm the JIT and the directory
  let issuesFound = 0;
  for (let round = 0; round < rounds; round++) {
    best.floor = Math.min(best.floor, time(readAhead, split));
    issues = 0;
    best.parse = Math.min(best.parse, time(readAhead, parse));
    issuesFound = issues;
    best.perFileFloor = Math.min(best.perFileFloor, time(readEach, split));
    best.perFileParse = Math.min(best.perFileParse, time(readEach, parse));
  }
  // The parser alone: the texts read once, then parsed in rounds of their own (after the rounds
  // above, so holding the texts does not weigh on the peak heap reported for them).
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  let parseOnlyBest = Infinity;
  for (let round = 0; round < rounds; round++) {
    const t = performance.now();
    for (const text of texts) sink += parseCable(text, { reference }).cable.paragraphs.length;
    parseOnlyBest = Math.min(parseOnlyBest, performance.now() - t);
  }
  if (sink < 0) console.log(sink);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  return {
    cables: files.length,
    bytes,
    floorMs: best.floor,
    parseMs: best.parse,
    ratio: best.parse / best.floor,
    parseOnlyMs: parseOnlyBest,
    perFileFloorMs: best.perFileFloor,
    perFileParseMs: best.perFileParse,
    cablesPerSecond: files.length / (best.parse / 1000),
    megabytesPerSecond: bytes / 1e6 / (best.parse / 1000),
    peakHeapMB: peakHeap / 1e6,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    issues: issuesFound,
  };
}

/** What a pass does with each text: split it (the floor) or parse it. */
type Use = (text: string, i: number) => void;

/** Reads the files with `chancery parse`'s own reader (READ_AHEAD at a time) and hands each text on. */
function readAhead(files: readonly string[], use: Use): void {
  let i = 0;
  for (const input of readInputs(files)) use(textOf(input), i++);
}

/** Reads each file with the same reader just before handing its text on. */
function readEach(files: readonly string[], use: Use): void {
  for (let i = 0; i < files.length; i++) use(textOf(readInput(files[i]!)), i);
}

/** The text of a file the bench reads; the corpus must be readable. */
function textOf(input: Input): string {
  if ('error' in input) throw new Error(`parse bench: ${input.name}: ${input.error}`);
  return input.text;
}

/**
 * The figures as a small table, floor beside parse.
 *
 * @example console.log(formatParseBench(result)) // 'parse: … ratio  parse / floor  3.6×'
 */
export function formatParseBench(r: ParseBenchResult): string {
  const mb = r.bytes / 1e6;
  const x = (ms: number, floor: number) => `${(ms / floor).toFixed(2)}×`;
  return [
    `parse: ${r.cables} cables, ${mb.toFixed(1)} MB (best of rounds; files read ${READ_AHEAD} at a time by chancery parse's reader)`,
    `  floor  read + split lines   ${r.floorMs.toFixed(0).padStart(6)} ms  ${(r.cables / (r.floorMs / 1000)).toFixed(0).padStart(7)} cables/s  ${(mb / (r.floorMs / 1000)).toFixed(1).padStart(6)} MB/s`,
    `  parse  read + parseCable    ${r.parseMs.toFixed(0).padStart(6)} ms  ${r.cablesPerSecond.toFixed(0).padStart(7)} cables/s  ${r.megabytesPerSecond.toFixed(1).padStart(6)} MB/s`,
    `  ratio  parse / floor        ${r.ratio.toFixed(2)}×  (target ≤ 3×)`,
    `  parser alone (texts in memory) ${r.parseOnlyMs.toFixed(0).padStart(4)} ms  (${x(r.parseOnlyMs, r.floorMs)} the floor)`,
    `  one file at a time: floor ${r.perFileFloorMs.toFixed(0)} ms, parse ${r.perFileParseMs.toFixed(0)} ms (${x(r.perFileParseMs, r.perFileFloorMs)}; each read's system calls cost the parser a TLB refill where the kernel flushes it)`,
    `  memory peak heap ${r.peakHeapMB.toFixed(0)} MB, max RSS ${r.maxRssMB.toFixed(0)} MB; ${r.issues} issues reported`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const roundsArg = process.argv.indexOf('--rounds');
  const result = runParseBench(roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 5);
  console.log(result ? formatParseBench(result) : `parse bench skipped: ${noSharedReason}`);
}
