/**
 * Chancery's parser beside cablemap (the Python Cablegate parser issue 2 names) on the real corpus:
 * time and cables/s of both, and per field how often they agree. cablemap is not shipped: set
 * CABLEMAP_PATH to a folder holding its `cablemap.core` package (docs/format.md, "Against cablemap").
 * Run: CABLEMAP_PATH=/tmp/cablemap node --import tsx bench/cablemap.ts [--rounds N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Cable } from '../src/format/cable.ts';
import { directory } from '../src/directory/directory.ts';
import { parseCable } from '../src/format/parse-cable.ts';
import { corpusFiles, noSharedReason } from '../test/support/shared.ts';
import {
  agreement,
  FIELDS,
  type Agreement,
  type CablemapRecord,
  type Disagreement,
} from './cablemap/compare.ts';
import { workDir } from './corpora.ts';

export interface CablemapBenchResult {
  readonly cables: number;
  readonly cablemapSeconds: number;
  readonly chancerySeconds: number;
  /** CPU time of the best round (less disturbed than wall time when other jobs share the cores). */
  readonly cablemapCpuSeconds: number;
  readonly chanceryCpuSeconds: number;
  /** Chancery's floor: splitting the same texts into lines, best of the same rounds. */
  readonly floorSeconds: number;
  readonly agreement: Agreement;
  /** Where every disagreement was written, one JSON object a line. */
  readonly disagreementsFile: string;
}

const driver = fileURLToPath(new URL('cablemap/driver.py', import.meta.url));

/** Runs the cablemap driver over `files`; a string says why it could not run. */
function runDriver(
  files: readonly string[],
  rounds: number,
): { records: CablemapRecord[]; seconds: number; cpuSeconds: number } | string {
  const path = process.env.CABLEMAP_PATH;
  if (!path) return 'CABLEMAP_PATH is not set (a folder holding the cablemap.core package)';
  if (!existsSync(join(path, 'cablemap', 'core', 'reader.py')))
    return `CABLEMAP_PATH=${path} holds no cablemap/core/reader.py`;
  const run = spawnSync('python3', [driver, '--rounds', String(rounds)], {
    input: files.join('\n'),
    encoding: 'utf8',
    env: { ...process.env, CABLEMAP_PATH: path },
    maxBuffer: 1 << 30,
  });
  if (run.error) return `python3 could not run: ${run.error.message}`;
  if (run.status !== 0) return `cablemap driver failed: ${run.stderr.trim().split('\n').at(-1)}`;
  const lines = run.stdout.trim().split('\n');
  const timing = JSON.parse(lines.pop() ?? '{}') as {
    bestSeconds?: number;
    bestCpuSeconds?: number;
  };
  const records = lines.map((l) => JSON.parse(l) as CablemapRecord);
  return {
    records,
    seconds: timing.bestSeconds ?? Number.NaN,
    cpuSeconds: timing.bestCpuSeconds ?? Number.NaN,
  };
}

/**
 * Parses every text `rounds` times with Chancery and keeps the best time; the timed rounds keep
 * nothing (as bench/parse.ts), then one untimed pass collects the cables to compare.
 */
function runChancery(
  texts: readonly string[],
  rounds: number,
): { cables: Cable[]; seconds: number; cpuSeconds: number; floorSeconds: number } {
  const reference = directory();
  parseCable(texts[0] ?? '', { reference }); // warm the JIT and the directory, as bench/parse.ts does
  let best = Infinity;
  let bestCpu = Infinity;
  let floor = Infinity;
  let sink = 0; // consumed so the work cannot be optimised away
  for (let round = 0; round < rounds; round++) {
    const f = performance.now();
    for (const text of texts) sink += text.split('\n').length;
    floor = Math.min(floor, performance.now() - f);
    const t = performance.now();
    const cpu = process.cpuUsage();
    for (const text of texts) sink += parseCable(text, { reference }).cable.paragraphs.length;
    best = Math.min(best, performance.now() - t);
    const used = process.cpuUsage(cpu);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
  }
  if (sink < 0) console.log(sink);
  return {
    cables: texts.map((text) => parseCable(text, { reference }).cable),
    seconds: best / 1000,
    cpuSeconds: bestCpu / 1000,
    floorSeconds: floor / 1000,
  };
}

/**
 * Runs both parsers over the real corpus (each timed on parsing only, best of `rounds`) and
 * compares what they extract. A string says why it was skipped.
 *
 * @example runCablemapBench(3) // { cables: 6412, cablemapSeconds: …, chancerySeconds: …, … }
 */
export function runCablemapBench(rounds = 3): CablemapBenchResult | string {
  const files = corpusFiles();
  if (files.length === 0) return noSharedReason;
  const cm = runDriver(files, rounds);
  if (typeof cm === 'string') return cm;
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const ours = runChancery(texts, rounds);
  const byFile = new Map(cm.records.map((r) => [r.file, r]));
  const pairs = files.flatMap((f, i) => {
    const r = byFile.get(f);
    return r ? [[r, ours.cables[i]!] as const] : [];
  });
  const result = agreement(pairs);
  mkdirSync(workDir, { recursive: true });
  const disagreementsFile = join(workDir, 'cablemap-disagreements.jsonl');
  writeFileSync(
    disagreementsFile,
    result.disagreements.map((d: Disagreement) => JSON.stringify(d)).join('\n') + '\n',
  );
  return {
    cables: pairs.length,
    cablemapSeconds: cm.seconds,
    chancerySeconds: ours.seconds,
    cablemapCpuSeconds: cm.cpuSeconds,
    chanceryCpuSeconds: ours.cpuSeconds,
    floorSeconds: ours.floorSeconds,
    agreement: result,
    disagreementsFile,
  };
}

/** Times side by side, then the agreement table (one row per field). */
export function formatCablemapBench(r: CablemapBenchResult): string {
  const ms = (s: number) => (s * 1000).toFixed(0).padStart(7);
  const rate = (s: number) => (r.cables / s).toFixed(0).padStart(7);
  const row = (what: string, wall: number, cpu: number) =>
    `  ${what.padEnd(20)}${ms(wall)} ms ${rate(wall)} cables/s   CPU ${ms(cpu)} ms ${rate(cpu)} cables/s`;
  const out = [
    `cablemap vs Chancery: ${r.cables} cables of the real corpus, parsing only, best of rounds`,
    row('cablemap (Python 3)', r.cablemapSeconds, r.cablemapCpuSeconds),
    row('Chancery parseCable', r.chancerySeconds, r.chanceryCpuSeconds),
    `  floor (split lines) ${ms(r.floorSeconds)} ms   parseCable = ${(r.chancerySeconds / r.floorSeconds).toFixed(1)}x the floor`,
    `  ratio cablemap / Chancery: ${(r.cablemapSeconds / r.chancerySeconds).toFixed(1)}x wall, ${(r.cablemapCpuSeconds / r.chanceryCpuSeconds).toFixed(1)}x CPU`,
    '',
    `  ${'field'.padEnd(13)}${['same', 'both none', 'only cablemap', 'only Chancery', 'differ'].map((h) => h.padStart(14)).join('')}`,
  ];
  for (const f of FIELDS) {
    const c = r.agreement.counts[f];
    out.push(
      `  ${f.padEnd(13)}${[c.same, c.bothNone, c.onlyCablemap, c.onlyChancery, c.differ].map((n) => String(n).padStart(14)).join('')}`,
    );
  }
  out.push('', `  disagreements: ${r.disagreementsFile}`);
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const roundsArg = process.argv.indexOf('--rounds');
  const result = runCablemapBench(roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3);
  console.log(
    typeof result === 'string' ? `cablemap bench skipped: ${result}` : formatCablemapBench(result),
  );
}
