/**
 * The bundled CLI (scripts/bundle.mjs, bin/chancery.js): rebuilt when the sources change, and the
 * bundle itself, run from another folder, reads its reference data and imports on its bundled
 * preparing thread exactly as the sources do.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { after, describe, test } from 'node:test';
import { bundleIsFresh, distDir, ensureBundle, sourceFingerprint } from '../scripts/bundle.mjs';
import { directory } from '../src/directory/directory.ts';
import { markingRules } from '../src/directory/marking-rules.ts';
import { prepareCable } from '../src/service/prepare-cable.ts';
import { toWireCable } from '../src/service/import/wire-cable.ts';
import { noSharedReason, seedPath } from './support/shared.ts';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const scratch = mkdtempSync(join(tmpdir(), 'chancery-bundle-'));
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('bundle freshness', () => {
  const src = join(scratch, 'src');
  const dist = join(scratch, 'dist');
  const past = new Date('2026-01-01T00:00:00Z');
  const setUp = () => {
    rmSync(src, { recursive: true, force: true });
    mkdirSync(join(src, 'cli'), { recursive: true });
    mkdirSync(dist, { recursive: true });
    for (const f of ['main.ts', 'other.ts']) {
      writeFileSync(join(src, 'cli', f), 'export {};\n');
      utimesSync(join(src, 'cli', f), past, past);
    }
    for (const f of ['chancery.mjs', 'prepare-worker.mjs']) writeFileSync(join(dist, f), '');
    writeFileSync(join(dist, 'bundle.json'), JSON.stringify({ sources: sourceFingerprint(src) }));
  };

  test('a bundle built from the sources as they are is fresh', () => {
    setUp();
    assert.equal(bundleIsFresh(dist, src), true);
  });

  test('an edited, added, removed or restored source makes it stale', () => {
    setUp();
    utimesSync(join(src, 'cli', 'other.ts'), new Date(), new Date());
    assert.equal(bundleIsFresh(dist, src), false, 'edited');
    setUp();
    writeFileSync(join(src, 'cli', 'other.ts'), 'export const x = 1;\n');
    utimesSync(join(src, 'cli', 'other.ts'), past, past);
    assert.equal(bundleIsFresh(dist, src), false, 'changed under the same time (its size differs)');
    setUp();
    writeFileSync(join(src, 'cli', 'new.ts'), '');
    assert.equal(bundleIsFresh(dist, src), false, 'added');
    setUp();
    unlinkSync(join(src, 'cli', 'other.ts'));
    assert.equal(bundleIsFresh(dist, src), false, 'removed');
    setUp();
    const older = new Date('2025-01-01T00:00:00Z');
    utimesSync(join(src, 'cli', 'other.ts'), older, older);
    assert.equal(bundleIsFresh(dist, src), false, 'put back with an older time');
  });

  test('a missing bundle file or stamp makes it stale', () => {
    setUp();
    unlinkSync(join(dist, 'prepare-worker.mjs'));
    assert.equal(bundleIsFresh(dist, src), false);
    setUp();
    writeFileSync(join(dist, 'bundle.json'), 'not json');
    assert.equal(bundleIsFresh(dist, src), false);
  });
});

describe('the bundled CLI', { skip: seedPath === undefined ? noSharedReason : false }, () => {
  const chancery = (db: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [join(repo, 'bin', 'chancery.js'), ...args], {
      cwd: scratch, // not the repository: the bundle finds its package by itself
      env: { ...process.env, CHANCERY_DB: db, DATABASE_URL: '', CHANCERY_IMPORT_WORKERS: '1' },
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  test('runs from dist/, reads the reference data, imports and shows', async () => {
    assert.equal(await ensureBundle(), join(distDir, 'chancery.mjs'));
    const id = chancery(
      join(scratch, 'unused.db'),
      'id',
      '08SCTION02OF02SAOPAULO335',
      '08 SECSTATE 1',
    );
    assert.equal(id.code, 0, id.err);
    assert.equal(id.out, '08SAOPAULO335\n08STATE1\n');
    const db = join(scratch, 'archive.db');
    const imported = chancery(db, 'import', seedPath!);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /imported\s+1\n/);
    const shown = chancery(db, 'show', '08STATE98975', '--as', 'SECRET/USA');
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, /STATE 098975/);
  });

  test('the bundled preparing thread gives what the sources give', async () => {
    await ensureBundle();
    const bytes = readFileSync(seedPath!);
    const worker = new Worker(join(distDir, 'prepare-worker.mjs'), { workerData: {} });
    try {
      const answer = await new Promise<{ results: unknown[] }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 1, items: [{ file: seedPath!, bytes }] });
      });
      const local = prepareCable(bytes, seedPath!, {
        reference: directory(),
        rules: markingRules(),
      });
      assert.equal(local.kind, 'ready');
      if (local.kind !== 'ready') return;
      assert.deepEqual(answer.results, [{ kind: 'wire', cable: toWireCable(local.input) }]);
    } finally {
      await worker.terminate();
    }
  });
});
