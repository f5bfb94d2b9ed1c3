/** The synthetic corpus: a world built once (word model, stations, sizes), then cables streamed one at a time. */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Directory } from '../../directory/directory.ts';
import { canonicalStation } from '../../format/cable-id.ts';
import { createRandom } from './random.ts';
import {
  remember,
  synthCable,
  type Station,
  type SynthCable,
  type SynthState,
  type SynthWorld,
} from './synth-cable.ts';
import { timeAtQuantile } from './synth-dates.ts';
import { buildWordModel } from './word-model.ts';

/**
 * The world synthetic cables are drawn from. With corpus files, the word model and the size
 * distribution come from them; without, from the built-in vocabulary and a log-normal.
 *
 * @example createSynthWorld(directory(), corpusFiles())
 */
export function createSynthWorld(directory: Directory, corpus: readonly string[]): SynthWorld {
  const model = buildWordModel(corpus);
  const sizes = corpus.length > 0 ? corpus.map((f) => statSync(f).size) : logNormalSizes();
  const stations = stationsOf(directory);
  // STATE sends about 5% of the traffic; the posts share the rest on a Zipf curve.
  const weights = stations.map((s, rank) => (s.idPart === 'STATE' ? 0 : 1 / Math.pow(rank, 0.9)));
  const postTotal = weights.reduce((a, b) => a + b, 0);
  weights[0] = postTotal * 0.053;
  const stationCumulative = new Float64Array(weights.length);
  let acc = 0;
  weights.forEach((w, i) => (stationCumulative[i] = acc += w));
  return { directory, model, stations, stationCumulative, sizes };
}

/** Median ~7 KB, long right tail, clamped to the corpus's range (468 B .. 66 KB). */
function logNormalSizes(): number[] {
  const random = createRandom('sizes');
  const out: number[] = [];
  for (let i = 0; i < 4096; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
    out.push(Math.min(66000, Math.max(470, Math.round(7000 * Math.exp(0.75 * z)))));
  }
  return out;
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

function stationsOf(directory: Directory): Station[] {
  const posts = directory.posts.filter(
    (p) =>
      (p.type === 'embassy' || p.type === 'consulate' || p.type === 'mission') &&
      /^RU[EC][A-Z]{3,5}$/.test(p.routingIndicator) &&
      /^[A-Z][A-Z .'-]+$/.test(p.city),
  );
  const random = createRandom('stations');
  const shuffled = [...posts];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const seen = new Set<string>(['STATE']);
  const stations: Station[] = [
    {
      name: 'STATE',
      idPart: 'STATE',
      origin: 'Secretary of State',
      plad: 'SECSTATE WASHDC',
      ri: 'RUEHC',
      countryTag: null,
    },
  ];
  for (const p of shuffled) {
    const name = p.type === 'mission' ? p.plad.replace(/^USMISSION /, '') : p.city;
    // The id uses the canonical station name (MEXICO CITY → MEXICO), as the parser reads it.
    const idPart = canonicalStation(name);
    if (!/^[A-Z]+$/.test(idPart)) continue;
    if (seen.has(idPart)) continue;
    seen.add(idPart);
    const kind =
      p.type === 'embassy' ? 'Embassy' : p.type === 'consulate' ? 'Consulate' : 'Mission';
    stations.push({
      name,
      idPart,
      origin: `${kind} ${titleCase(name)}`,
      plad: p.plad,
      ri: p.routingIndicator,
      countryTag: directory.country(p.trigraph)?.fips || null,
    });
  }
  return stations;
}

/**
 * `count` cables in chronological order, deterministic for the seed; memory stays bounded
 * (serial counters per station-year and a ring of recent cables to cite).
 *
 * @example for (const c of synthCables(world, 10, '1')) console.log(c.id)
 */
export function* synthCables(
  world: SynthWorld,
  count: number,
  seed: string,
): Generator<SynthCable> {
  const random = createRandom(`synth:${seed}`);
  const state: SynthState = { serials: new Map(), recent: [], recentNext: 0 };
  for (let i = 0; i < count; i++) {
    const when = timeAtQuantile((i + random.next()) / count);
    // Ids are unique by construction: station parts are letters only and serials only grow per station-year.
    const cable = synthCable(world, state, random, when);
    remember(state, cable.citable);
    yield cable;
  }
}

export interface SynthReport {
  readonly written: number;
  readonly bytes: number;
  readonly source: string;
}

/**
 * Writes `count` cables to `out/<YEAR>/<ID>.txt`, streaming (one cable in memory at a time).
 *
 * @example writeSynthCorpus({ world, count: 1000, seed: '1', out: '/tmp/synth' })
 */
export function writeSynthCorpus(options: {
  readonly world: SynthWorld;
  readonly count: number;
  readonly seed: string;
  readonly out: string;
  readonly onProgress?: (written: number, bytes: number) => void;
}): SynthReport {
  const made = new Set<number>();
  let written = 0;
  let bytes = 0;
  for (const cable of synthCables(options.world, options.count, options.seed)) {
    const dir = join(options.out, String(cable.year));
    if (!made.has(cable.year)) {
      mkdirSync(dir, { recursive: true });
      made.add(cable.year);
    }
    writeFileSync(join(dir, `${cable.id}.txt`), cable.text);
    written++;
    bytes += Buffer.byteLength(cable.text);
    if (options.onProgress && written % 1000 === 0) options.onProgress(written, bytes);
  }
  return { written, bytes, source: options.world.model.source };
}
