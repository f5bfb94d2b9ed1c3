/** Kill a real import with SIGKILL mid-way, run it again: the archive equals a clean import. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { noSharedReason, sharedDir } from '../../test/support/shared.ts';
import { importCables } from './import-cables.ts';
import { operator } from './readers.ts';
import { parseSearchQuery } from '../store/search-query.ts';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const folder = sharedDir && join(sharedDir, 'corpus', 'cablegate', '2007');
const dir = mkdtempSync(join(tmpdir(), 'chancery-kill-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every version of every cable of the folder, as (id, version, current, sha256). */
async function snapshot(store: Store, ids: readonly string[]) {
  const out: unknown[] = [];
  for (const id of ids)
    for (const v of await store.versions(id)) out.push([id, v.version, v.current, v.sha256]);
  return out;
}

test(
  'an import killed at any moment and run again leaves the archive complete and without duplicates',
  { skip: folder === undefined || !existsSync(folder) ? noSharedReason : false },
  async () => {
    const killedDb = join(dir, 'killed.db');
    const child = spawn(process.execPath, ['bin/chancery.js', 'import', folder!, '--batch', '5'], {
      cwd: repo,
      env: { ...process.env, CHANCERY_DB: killedDb, DATABASE_URL: '' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((r) =>
      child.on('exit', (code) => {
        r(code);
      }),
    );
    let finished = false;
    void exited.then(() => {
      finished = true;
    });
    while (!existsSync(killedDb) && !finished) await sleep(20);
    const watcher = await openSqliteStore(killedDb);
    while (!finished) {
      if ((await watcher.counts()).cables >= 50) break;
      await sleep(10);
    }
    assert.equal(finished, false, 'the import must still be running when it is killed');
    child.kill('SIGKILL');
    await exited;
    const total = readdirSync(folder!).filter((f) => f.endsWith('.txt')).length;
    const atKill = (await watcher.counts()).cables;
    assert.ok(atKill >= 50 && atKill < total, `killed mid-way (${atKill} of ${total})`);
    assert.equal(atKill % 5, 0, 'only whole batches were committed');

    const rerun = await importCables(watcher, [folder!]);
    assert.equal(rerun.unchanged, atKill);
    assert.equal(rerun.imported + rerun.unchanged + rerun.updated + rerun.rejected.length, total);

    const clean = await openSqliteStore(join(dir, 'clean.db'));
    await importCables(clean, [folder!]);
    assert.deepEqual(await watcher.counts(), await clean.counts());
    const ids = readdirSync(folder!).map((f) => f.replace(/\.txt$/, ''));
    assert.deepEqual(await snapshot(watcher, ids), await snapshot(clean, ids));
    for (const q of ['china', '"export control"', 'tag:PREL date:2007-06', ''])
      assert.equal(
        (
          await watcher.search(parseSearchQuery(q).query, operator, {
            sort: 'date',
            page: 1,
            size: 5,
          })
        ).total,
        (
          await clean.search(parseSearchQuery(q).query, operator, {
            sort: 'date',
            page: 1,
            size: 5,
          })
        ).total,
        `same hits for ${q}`,
      );
    await watcher.close();
    await clean.close();
  },
);
