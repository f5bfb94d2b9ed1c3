/** The prepare pool: worker threads start under tsx and prepare exactly what the importing thread would. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { corpusFiles, noSharedReason, seedPath } from '../../../test/support/shared.ts';
import { directory } from '../../directory/directory.ts';
import { markingRules } from '../../directory/marking-rules.ts';
import { deriveRows } from '../../store/derived-rows.ts';
import { prepareCable, type Prepared } from '../prepare-cable.ts';
import { openPreparePool, workerEntry } from './prepare-pool.ts';

const ctx = { reference: directory(), rules: markingRules() };

/** Everything the store is given for one prepared file, as plain data. */
function plain(p: Prepared): unknown {
  if (p.kind === 'rejected') return p;
  const { input } = p;
  return {
    id: input.id,
    raw: input.raw,
    sha256: input.sha256,
    cable: input.cable,
    issues: input.issues,
    date: input.date,
    origin: input.origin,
    banner: input.banner,
    captions: input.captions,
    portions: input.portions,
    rows: deriveRows(input),
  };
}

void test(
  'a worker thread prepares files exactly as the importing thread does, in order',
  {
    skip: seedPath === undefined ? noSharedReason : false,
  },
  async () => {
    const files = [seedPath!, ...corpusFiles().slice(0, 40)];
    const items = [
      ...files.map((file) => ({ file, bytes: readFileSync(file) })),
      { file: '/x/08STATE1.txt', bytes: new Uint8Array([0xff, 0xfe, 0x41]) },
      { file: '/x/08STATE2.txt', bytes: readFileSync(seedPath!) },
    ];
    const workers = openPreparePool(2, ctx);
    const local = openPreparePool(0, ctx);
    try {
      assert.equal(workers.workers, 2);
      const [a, b] = await Promise.all([
        workers.prepare(items.slice(0, 20)),
        workers.prepare(items.slice(20)),
      ]);
      const fromWorkers = [...a, ...b];
      const inThread = await local.prepare(items);
      assert.equal(workers.prepared.inWorkers, items.length, 'every file went through a worker');
      assert.equal(workers.prepared.inThread, 0);
      assert.equal(local.prepared.inThread, items.length);
      assert.deepEqual(fromWorkers.map(plain), inThread.map(plain));
      assert.deepEqual(
        fromWorkers.slice(-2).map((p) => p.kind),
        ['rejected', 'rejected'],
      );
    } finally {
      await workers.close();
      await local.close();
    }
  },
);

void test(
  'a waiting thread takes the newest job no worker has taken once the worker has started, and results keep their order',
  {
    skip: seedPath === undefined ? noSharedReason : false,
  },
  async () => {
    const items = [seedPath!, ...corpusFiles().slice(0, 5)].map((file) => ({
      file,
      bytes: readFileSync(file),
    }));
    const pool = openPreparePool(1, ctx, { depth: 1 });
    try {
      const jobs = items.map((item) => pool.prepare([item]));
      assert.equal(pool.helpOne(), false, 'no help while the worker is still starting');
      await jobs[0];
      assert.equal(pool.helpOne(), true);
      const got = (await Promise.all(jobs)).flat();
      assert.deepEqual(
        got.map(plain),
        items.map((i) => plain(prepareCable(i.bytes, i.file, ctx))),
      );
      assert.ok(pool.prepared.inThread >= 1);
      assert.equal(pool.prepared.inThread + pool.prepared.inWorkers, items.length);
    } finally {
      await pool.close();
    }
  },
);

void test('the preparing thread runs the TypeScript worker from src/ and the bundled one from dist/', () => {
  assert.deepEqual(workerEntry('file:///repo/src/service/import/prepare-pool.ts'), {
    url: 'file:///repo/src/service/import/prepare-worker.ts',
    typescript: true,
  });
  assert.deepEqual(workerEntry('file:///repo/dist/chancery.mjs'), {
    url: 'file:///repo/dist/prepare-worker.mjs',
    typescript: false,
  });
});
