/** Runs the WAL checkpoints of a bulk import on a thread of their own, off the writing thread. */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * The WAL size, in frames (pages), above which the writer waits for the checkpoint in flight
 * before its next transaction, so that the WAL starts again from its beginning: 65,536 frames of
 * 4 KiB, 256 MiB (at 64 MiB the waits gave back most of the gain at 17k cables). Without the
 * wait the writer's next transaction begins before the checkpoint has copied everything, SQLite
 * cannot reset the WAL, and it grows by a batch every batch.
 */
const WAL_RESTART_FRAMES = 65_536;

/** Longest wait for one checkpoint before the writer gives up on the thread (it may have died). */
const MAX_WAIT_MS = 60_000;

/** The checkpointing thread of one database file. */
export interface WalCheckpointer {
  /**
   * Before a write transaction: when the WAL has grown past WAL_RESTART_FRAMES, waits for the
   * checkpoint in flight. False when the thread no longer answers: checkpoint in this thread.
   */
  beforeWrite(): boolean;
  /** After a committed write transaction: asks for a checkpoint. */
  afterWrite(): void;
  /** Stops the thread (its connection closes first). */
  close(): Promise<void>;
}

// Slots of the shared state: checkpoints asked for, done, the WAL's frames at the last one, stop.
const ASKED = 0;
const DONE = 1;
const FRAMES = 2;
const STOP = 3;

/**
 * Starts a thread with its own connection to `path` that runs `PRAGMA wal_checkpoint(PASSIVE)`
 * whenever the writer commits. A checkpoint copies the WAL's pages into the database file and
 * syncs it; done by the writing connection itself (`wal_autocheckpoint`) it is part of every
 * commit, and the writing thread bounds an import. PASSIVE never blocks the writer nor waits for
 * readers, and SQLite's own locking keeps a checkpoint safe against a crash or a kill at any
 * moment, as on the writing connection. The two threads share their state through atomics: the
 * writing thread does not return to the event loop between batches, so messages would wait.
 * Null when no thread can be started: the caller keeps the automatic checkpoints then.
 *
 * @example const ckpt = startWalCheckpointer('./data/chancery.db')
 */
export function startWalCheckpointer(path: string): WalCheckpointer | null {
  const state = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  let worker: Worker;
  try {
    const module = createRequire(import.meta.url).resolve('better-sqlite3');
    worker = new Worker(CHECKPOINT_THREAD, { eval: true, workerData: { path, module, state } });
  } catch {
    return null;
  }
  worker.unref();
  let alive = true;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      alive = false;
      resolve();
    });
  });
  worker.on('error', () => {
    alive = false;
  });
  return {
    beforeWrite() {
      if (!alive) return false;
      const asked = Atomics.load(state, ASKED);
      if (Atomics.load(state, FRAMES) < WAL_RESTART_FRAMES) return true;
      const until = performance.now() + MAX_WAIT_MS;
      for (let done = Atomics.load(state, DONE); done !== asked; done = Atomics.load(state, DONE)) {
        if (performance.now() > until) return (alive = false);
        Atomics.wait(state, DONE, done, 100);
      }
      return true;
    },
    afterWrite() {
      Atomics.add(state, ASKED, 1);
      Atomics.notify(state, ASKED);
    },
    async close() {
      // STOP, then one more ask: a thread not yet back in its wait then finds the count changed.
      Atomics.store(state, STOP, 1);
      Atomics.add(state, ASKED, 1);
      Atomics.notify(state, ASKED);
      // Referenced again so that the process waits for the thread's exit rather than leaving the
      // close unsettled (unref'd, it would let a script end with its connection open).
      worker.ref();
      if (alive) await exited;
    },
  };
}

/**
 * The thread: opens the file (busy_timeout, as the store does), then waits for the writer to ask
 * and runs a PASSIVE checkpoint, recording the WAL's size after it; on STOP it closes its
 * connection. This connection never writes, so its close neither checkpoints nor deletes the WAL
 * while the writer's is open: the writer's close does.
 */
const CHECKPOINT_THREAD = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const state = workerData.state;
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
let seen = 0;
for (;;) {
  Atomics.wait(state, ${ASKED}, seen);
  if (Atomics.load(state, ${STOP}) === 1) break;
  seen = Atomics.load(state, ${ASKED});
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
    Atomics.store(state, ${FRAMES}, r.log);
  } catch {}
  Atomics.store(state, ${DONE}, seen);
  Atomics.notify(state, ${DONE});
}
db.close();
`;
