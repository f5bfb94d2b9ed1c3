/** The import worker thread: decodes, parses and derives the store rows of the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { directory } from '../../directory/directory.ts';
import { markingRules } from '../../directory/marking-rules.ts';
import { prepareCable } from '../prepare-cable.ts';
import type { PrepareJob, PrepareResult } from './prepare-pool.ts';
import { toWireCable, type WireOptions } from './wire-cable.ts';

const ctx = { reference: directory(), rules: markingRules() };
const options = (workerData ?? {}) as WireOptions;

parentPort?.on('message', (job: PrepareJob) => {
  const results = job.items.map((item): PrepareResult => {
    const prepared = prepareCable(item.bytes, item.file, ctx, item.sha256);
    return prepared.kind === 'rejected'
      ? prepared
      : { kind: 'wire', cable: toWireCable(prepared.input, options) };
  });
  parentPort?.postMessage({ id: job.id, results });
});
