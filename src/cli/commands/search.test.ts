/** The archive commands end to end through the real CLI (bin/chancery.js): import, search, show, refs on a temp SQLite file. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { noSharedReason, seedPath } from '../../../test/support/shared.ts';

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'chancery-cli-'));
const db = join(dir, 'archive.db');

function chancery(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/chancery.js', ...args], {
    cwd: repo,
    env: { ...process.env, CHANCERY_DB: db, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('archive CLI', { skip: seedPath === undefined ? noSharedReason : false }, () => {
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('reading commands refuse a missing archive instead of creating an empty one', () => {
    const r = chancery('search', 'china');
    assert.equal(r.code, 2);
    assert.match(r.err, /no archive at .*archive\.db/);
    assert.equal(chancery('show', '08STATE98975').code, 2);
  });

  test('import reports, search finds per reader, show and refs hide what a reader may not see', () => {
    const first = chancery('import', seedPath!, join(dir, 'missing.txt'));
    assert.equal(first.code, 1, 'a rejected file makes the exit status 1');
    assert.match(first.out, /imported\s+1\n/);
    assert.match(first.out, /missing\.txt: cannot read: no such file or folder/);
    assert.match(chancery('import', seedPath!).out, /unchanged 1\n/);

    const analyst = chancery('search', 'origin:STATE', '"export control"', 'date:2008');
    assert.equal(analyst.code, 0);
    assert.match(analyst.out, /^1 cable for .* as operator/);
    assert.match(analyst.out, /08STATE98975 {2}2008-09-16 {2}SECRET\n/);
    assert.match(analyst.out, /\[export\] \[control\] laws/);
    const confidential = chancery('search', '"export control"', '--as', 'CONFIDENTIAL/USA');
    assert.match(confidential.out, /^0 cables/);
    const json = JSON.parse(chancery('search', 'china', '--as', 'SECRET/POL', '--json').out);
    assert.equal(json.total, 1);
    assert.equal(json.hits[0].subject, null);
    const bad = chancery('search', 'colour:red');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /search\.field\.unknown: unknown field "colour"/);

    const full = chancery('show', '08STATE98975');
    assert.equal(full.out, readFileSync(seedPath!, 'utf8'));
    const pol = chancery('show', '08STATE98975', '--as', 'SECRET/POL');
    assert.match(pol.err, /redacted for SECRET\/POL/);
    assert.doesNotMatch(pol.out, /Getting China to aggressively/);
    const french = chancery('show', '08STATE98975', '--as', 'CONFIDENTIAL/FRA');
    const absent = chancery('show', '99NOWHERE1', '--as', 'CONFIDENTIAL/FRA');
    assert.equal(french.code, 1);
    assert.equal(french.err.replace('08STATE98975', 'ID'), absent.err.replace('99NOWHERE1', 'ID'));
    assert.equal(french.out, '');
    const refs = chancery('refs', '08STATE98975');
    assert.match(refs.out, /References:\n {2}\(none\)\nCited by:\n {2}\(none\)\n/);
    assert.equal(chancery('refs', '08STATE98975', '--as', 'CONFIDENTIAL/FRA').code, 1);
  });
});
