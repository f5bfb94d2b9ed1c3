/** Prepares cables (parse, normalise, derive rows) on worker threads, or in this thread when there are none. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Directory } from '../../directory/directory.ts';
import type { MarkingRules } from '../../model/marking-rules.ts';
import { prepareCable, type Prepared } from '../prepare-cable.ts';
import { fromWireCable, type WireCable, type WireOptions } from './wire-cable.ts';

/** One message to a worker: files to prepare, in order. */
export interface PrepareJob {
  readonly id: number;
  readonly items: readonly {
    readonly file: string;
    readonly bytes: Uint8Array;
    /** SHA-256 of `bytes`, hex, when the caller has it already (else it is computed). */
    readonly sha256?: string;
  }[];
}

/** A worker's answer for one file. */
export type PrepareResult =
  | { readonly kind: 'rejected'; readonly reason: string }
  | { readonly kind: 'wire'; readonly cable: WireCable };

export interface PreparePool {
  /** Threads in use (0: everything is prepared in this thread). */
  readonly workers: number;
  /** Files prepared so far on worker threads and in this thread. */
  readonly prepared: { readonly inWorkers: number; readonly inThread: number };
  /** The files prepared, results in the order given. */
  prepare(items: PrepareJob['items']): Promise<Prepared[]>;
  /**
   * Prepares one job no worker has taken yet in this thread (the newest), so a thread waiting
   * for a worker does useful work instead; false when there is none, or while a worker has not
   * yet answered its first job (it is still loading).
   */
  helpOne(): boolean;
  close(): Promise<void>;
}

/**
 * Worker threads to use by default: one per core beyond the one that writes, at most 3;
 * `CHANCERY_IMPORT_WORKERS` overrides it (0 prepares in the importing thread).
 *
 * @example defaultWorkerCount() // 1 on a 2-core machine
 */
export function defaultWorkerCount(): number {
  const env = process.env.CHANCERY_IMPORT_WORKERS;
  if (env !== undefined && /^\d+$/.test(env.trim())) return Number(env.trim());
  return Math.max(0, Math.min(availableParallelism() - 1, 3));
}

/**
 * Starts `count` preparing threads. A thread that cannot start or dies hands its jobs back to
 * this thread, so the import never depends on workers being available; results are the same
 * either way (the same `prepareCable`).
 *
 * @example const pool = openPreparePool(1, ctx); const prepared = await pool.prepare([{ file, bytes }])
 */
export function openPreparePool(
  count: number,
  ctx: { readonly reference: Directory; readonly rules: MarkingRules },
  options: { readonly depth?: number; readonly wire?: WireOptions } = {},
): PreparePool {
  const prepared = { inWorkers: 0, inThread: 0 };
  const inThread = (items: PrepareJob['items']) => {
    prepared.inThread += items.length;
    return items.map((i) => prepareCable(i.bytes, i.file, ctx, i.sha256));
  };
  interface Queued {
    readonly job: PrepareJob;
    readonly done: (r: Prepared[]) => void;
  }
  interface Slot {
    readonly worker: Worker;
    readonly pending: Map<number, Queued>;
    alive: boolean;
    /** True once the worker has answered a job: it has loaded and warmed up. */
    started: boolean;
  }
  const slots: Slot[] = [];
  // Jobs not yet given to a worker. Each worker holds up to `depth` jobs, enough to stay busy
  // while this thread is inside a write transaction and cannot answer; the rest wait here, where
  // `helpOne` can take them.
  const queue: Queued[] = [];
  const depth = Math.max(1, options.depth ?? 8);
  const dispatch = () => {
    for (const slot of slots)
      while (slot.alive && slot.pending.size < depth && queue.length > 0) {
        const q = queue.shift()!;
        slot.pending.set(q.job.id, q);
        slot.worker.postMessage(q.job);
      }
    if (!slots.some((s) => s.alive)) for (const q of queue.splice(0)) q.done(inThread(q.job.items));
  };
  for (let n = 0; n < count; n++) {
    const worker = startWorker(options.wire ?? {});
    if (worker === null) break;
    const slot: Slot = { worker, pending: new Map(), alive: true, started: false };
    worker.on('message', (m: { id: number; results: PrepareResult[] }) => {
      slot.started = true;
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      prepared.inWorkers += m.results.length;
      p.done(m.results.map((r) => (r.kind === 'wire' ? ready(r.cable) : r)));
      dispatch();
    });
    const fail = () => {
      if (!slot.alive) return;
      slot.alive = false;
      // Jobs the thread took but never answered are prepared here, in their order.
      for (const p of slot.pending.values()) p.done(inThread(p.job.items));
      slot.pending.clear();
      dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    slots.push(slot);
  }
  let nextId = 0;
  return {
    workers: slots.length,
    prepared,
    prepare(items) {
      if (!slots.some((s) => s.alive)) return Promise.resolve(inThread(items));
      return new Promise((done) => {
        queue.push({ job: { id: nextId++, items }, done });
        dispatch();
      });
    },
    helpOne() {
      // Not while a worker is still starting (about 0.6 s under tsx): this thread would parse
      // beside it and compile the parser a second time, in its own isolate, on the same cores
      // (550 of the real corpus's cables; four alternating pairs of imports were 0.1-0.3 s faster
      // and used 0.2-1.2 s less CPU waiting).
      if (slots.some((s) => s.alive && !s.started)) return false;
      // The newest waiting job: the workers keep taking the older ones, which are needed first.
      const q = queue.pop();
      if (q === undefined) return false;
      q.done(inThread(q.job.items));
      return true;
    },
    async close() {
      for (const s of slots) s.alive = false;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

function ready(cable: WireCable): Prepared {
  return { kind: 'ready', input: fromWireCable(cable) };
}

/**
 * Where the preparing thread's code is, seen from the module that starts it (`moduleUrl`, this
 * module's `import.meta.url`). From src/ (run through tsx) it is prepare-worker.ts beside it, which
 * needs tsx's loader; from the bundle bin/chancery.js runs (dist/chancery.mjs) it is the worker's
 * own bundle beside it, dist/prepare-worker.mjs (scripts/bundle.mjs builds both), plain JS.
 *
 * @example workerEntry('file:///app/dist/chancery.mjs') // { url: 'file:///app/dist/prepare-worker.mjs', typescript: false }
 */
export function workerEntry(moduleUrl: string): { url: string; typescript: boolean } {
  const typescript = new URL(moduleUrl).pathname.endsWith('.ts');
  const file = typescript ? './prepare-worker.ts' : './prepare-worker.mjs';
  return { url: new URL(file, moduleUrl).href, typescript };
}

/**
 * A worker running the preparing code (see workerEntry), deriving what `wire` asks beyond the
 * rows. Under tsx a worker does not inherit the TypeScript loader, so it registers tsx's ESM
 * hooks before importing the module. Null when no thread can be started.
 */
function startWorker(wire: WireOptions): Worker | null {
  const { url, typescript } = workerEntry(import.meta.url);
  try {
    let api: string | null = null;
    if (typescript)
      try {
        api = import.meta.resolve('tsx/esm/api');
      } catch {
        api = null;
      }
    const worker =
      api === null
        ? new Worker(new URL(url), { workerData: wire })
        : new Worker(
            `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); })`,
            { eval: true, workerData: wire },
          );
    return worker;
  } catch {
    return null;
  }
}
