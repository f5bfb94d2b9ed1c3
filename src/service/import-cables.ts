/** Imports files and folders of archive-format cables into the store, in batched transactions. */
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { directory } from '../directory/directory.ts';
import { markingRules } from '../directory/marking-rules.ts';
import { canonicalCableId } from '../format/cable-id.ts';
import type { CableInput, PutOutcome, Store } from '../store/store.ts';
import { defaultWorkerCount, openPreparePool } from './import/prepare-pool.ts';
import type { Prepared } from './prepare-cable.ts';

export interface Rejection {
  readonly file: string;
  readonly reason: string;
}

export interface ImportReport {
  readonly files: number;
  readonly imported: number;
  readonly unchanged: number;
  readonly updated: number;
  readonly rejected: readonly Rejection[];
  readonly seconds: number;
}

export interface ImportOptions {
  /** Cables per transaction (default 500). */
  readonly batchSize?: number;
  /** Called after each batch with files done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Threads that parse and prepare cables while this one writes (default: one per core beyond
   * the first, at most 3, or `CHANCERY_IMPORT_WORKERS`); 0 prepares in this thread.
   */
  readonly workers?: number;
}

/** Files sent to a worker at once: small enough to keep every thread busy, large enough to amortise a message. */
const JOB_SIZE = 50;

/**
 * How long the writing thread waits for a worker's result before preparing a job itself. Helping
 * at once, as it did, had it preparing for 1.1 s of its 6.4 s (profile of the real corpus): that
 * paid the parser's JIT warm-up a second time, in this thread's isolate (TurboFan compiles on
 * the same two cores), and kept the writing thread off the writes. A worker finishes a job of
 * JOB_SIZE cables in 20-40 ms, so only a worker that is really starved is helped.
 */
const HELP_AFTER_MS = 50;

/** True when `promise` settles within `ms`, false when the time runs out first. */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve(false);
    }, ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(done, done);
  });
}

/**
 * Lists the `*.txt` files under the given paths (files as given, folders recursively), sorted
 * within each folder; missing paths are rejections.
 *
 * @example await listCableFiles(['../shared/corpus']) // { files: [...6412 paths], missing: [] }
 */
export async function listCableFiles(
  paths: readonly string[],
): Promise<{ files: string[]; missing: Rejection[] }> {
  const files: string[] = [];
  const missing: Rejection[] = [];
  const walk = async (path: string, top: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      missing.push({ file: path, reason: `cannot read: ${errorCode(error)}` });
      return;
    }
    if (info.isDirectory()) {
      let entries: string[];
      try {
        entries = (await readdir(path)).sort();
      } catch (error) {
        missing.push({ file: path, reason: `cannot list folder: ${errorCode(error)}` });
        return;
      }
      for (const e of entries) await walk(join(path, e), false);
    } else if (top || path.toLowerCase().endsWith('.txt')) files.push(path);
  };
  for (const p of paths) await walk(p, true);
  return { files, missing };
}

/**
 * Imports every cable under `paths`. Idempotent: an unchanged text adds nothing; a changed text
 * becomes a new version. Each batch is one transaction, so a killed import leaves whole batches
 * and a re-run completes the archive. A batch the store refuses is retried cable by cable, so
 * one bad cable is rejected alone.
 *
 * @example const report = await importCables(store, ['../shared/corpus'], { batchSize: 500 })
 */
export async function importCables(
  store: Store,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now();
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const ctx = { reference: directory(), rules: markingRules() };
  // The workers start first: they load while the folders are listed.
  // Each worker holds a write batch's worth of jobs (it must not run dry while this thread is in a
  // transaction); as many again wait in the pool, where this thread takes them when the result
  // it needs next has not come back within HELP_AFTER_MS (a busy machine may starve the workers).
  const depth = Math.max(2, Math.ceil(batchSize / JOB_SIZE));
  // The PostgreSQL store's word pairs are pure JS: the workers compute them, not this thread.
  const wire = { wordPairs: store.kind === 'postgres' };
  const pool = openPreparePool(options.workers ?? defaultWorkerCount(), ctx, { depth, wire });
  let listed;
  try {
    listed = await listCableFiles(paths);
  } catch (error) {
    await pool.close();
    throw error;
  }
  const { files, missing } = listed;
  const rejected: Rejection[] = [...missing];
  const counts: Record<PutOutcome, number> = { imported: 0, unchanged: 0, updated: 0 };
  let batch: { file: string; input: CableInput }[] = [];
  let pending: { file: string; bytes: Uint8Array; id: string | null; sha256: string }[] = [];
  let handled = 0;
  const progress = () => {
    options.onProgress?.(handled + rejected.length - missing.length, files.length);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    try {
      const outcomes = await store.putCables(items.map((i) => i.input));
      for (const o of outcomes) counts[o]++;
    } catch {
      for (const item of items)
        try {
          const [o] = await store.putCables([item.input]);
          if (o !== undefined) counts[o]++;
        } catch (error) {
          rejected.push({ file: item.file, reason: `store refused it: ${message(error)}` });
          handled--;
        }
    }
    handled += items.length;
    progress();
  };
  // Preparing (parse, normalise, derive rows) runs on worker threads while this thread writes.
  // Results are taken strictly in file order, so batches are the same as without workers.
  const ahead = 2 * depth * Math.max(1, pool.workers);
  const inflight: { files: readonly string[]; results: Promise<Prepared[]>; done: boolean }[] = [];
  const drain = async (keep: number) => {
    while (inflight.length > keep) {
      const job = inflight[0]!;
      // This thread prepares a waiting job itself only once the workers have kept it waiting for
      // HELP_AFTER_MS (a worker starved on a busy machine); see HELP_AFTER_MS.
      while (!job.done && !(await settlesWithin(job.results, HELP_AFTER_MS)) && pool.helpOne());
      inflight.shift();
      const results = await job.results;
      for (const [i, prepared] of results.entries()) {
        const file = job.files[i]!;
        if (prepared.kind === 'rejected') rejected.push({ file, reason: prepared.reason });
        else batch.push({ file, input: prepared.input });
        if (batch.length >= batchSize) await flush();
      }
    }
  };
  // Files whose exact text is already stored are counted unchanged without being parsed: a
  // re-run (after a crash, or over the same folders) costs little more than reading the files.
  const settlePending = async () => {
    const items = pending;
    pending = [];
    const keyed = items.flatMap((p) => (p.id === null ? [] : [{ ...p, id: p.id }]));
    const known = keyed.length === 0 ? [] : await store.knownTexts(keyed);
    const skip = new Set(keyed.filter((_, i) => known[i] === true).map((p) => p.file));
    const todo = items.filter((p) => !skip.has(p.file));
    counts.unchanged += items.length - todo.length;
    handled += items.length - todo.length;
    for (let i = 0; i < todo.length; i += JOB_SIZE) {
      const job = todo.slice(i, i + JOB_SIZE);
      const entry = {
        files: job.map((p) => p.file),
        results: pool.prepare(job.map((p) => ({ file: p.file, bytes: p.bytes, sha256: p.sha256 }))),
        done: false,
      };
      void entry.results.then(() => {
        entry.done = true;
      });
      inflight.push(entry);
    }
    await drain(ahead);
    progress();
  };
  try {
    // Files are read synchronously, one after another: an awaited read costs a promise and a
    // thread-pool round trip per file. Reading and hashing the real corpus's 6,412 files took
    // 0.42-0.50 s of CPU over all threads 32 at a time, 0.10-0.15 s in line; on two cores the
    // pool's threads compete with the worker and this writing thread.
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        rejected.push({ file, reason: `cannot read: ${errorCode(error)}` });
        continue;
      }
      pending.push({
        file,
        bytes,
        id: quickId(bytes, file),
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      if (pending.length >= batchSize) await settlePending();
    }
    await settlePending();
    await drain(0);
  } finally {
    await pool.close();
  }
  await flush();
  if (counts.imported + counts.updated > 0) await store.settle();
  options.onProgress?.(files.length, files.length);
  return {
    files: files.length,
    ...counts,
    rejected,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The archive id on line 1 when it is also the file's name (the same rule as the full import),
 * else null: only then may an already stored text be skipped unparsed.
 */
function quickId(bytes: Uint8Array, file: string): string | null {
  const end = Math.min(bytes.length, 200);
  let nl = bytes.indexOf(10);
  if (nl === -1 || nl > end) nl = end;
  const first = latin1.decode(bytes.subarray(0, nl)).trim();
  const stem = basename(file).replace(/\.txt$/i, '');
  try {
    const id = canonicalCableId(first);
    return id !== null && (id === stem || canonicalCableId(stem) === id) ? id : null;
  } catch {
    return null;
  }
}

const latin1 = new TextDecoder('latin1');

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const code = error.code;
    if (code === 'ENOENT') return 'no such file or folder';
    if (code === 'EACCES') return 'permission denied';
    if (code === 'EISDIR') return 'is a folder';
    return code;
  }
  return message(error);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
