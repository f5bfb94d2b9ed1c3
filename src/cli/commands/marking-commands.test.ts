// chancery check, extract and view, spawned as a user would run them, on the seed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { noSharedReason, seedPath } from '../../../test/support/shared.ts';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const skip = seedPath === undefined ? noSharedReason : false;

describe('chancery check', { skip }, () => {
  it("reports the seed's missing TAGS on their line and exits 1", () => {
    const r = run('check', seedPath!);
    assert.equal(r.status, 1);
    assert.ok(r.stdout.includes(`${seedPath!}:27:1: error tags.missing `), r.stdout);
  });
  it('exits 0 on a cable with warnings only, and names an unreadable file as an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chancery-check-'));
    const fixed = join(dir, 'fixed.txt');
    writeFileSync(
      fixed,
      readFileSync(seedPath!, 'utf8').replace(/^TAGS:\s*$/m, 'TAGS: PREL PARM CH IR'),
    );
    const ok = run('check', fixed);
    assert.equal(ok.status, 0, ok.stdout);
    const missing = run('check', '--json', join(dir, 'nope.txt'));
    assert.equal(missing.status, 1);
    const line = JSON.parse(missing.stdout.trim()) as { file: string; issues: { code: string }[] };
    assert.deepEqual(
      line.issues.map((i) => i.code),
      ['file.unreadable'],
    );
  });
});

describe('chancery extract', { skip }, () => {
  it('prints paragraphs 3 and 4 for Bulgaria under SECRET//REL TO USA, BGR', () => {
    const r = run('extract', '--country', 'BGR', seedPath!);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'SECRET//REL TO USA, BGR');
    assert.equal(lines[1], 'Extract of STATE 098975 (08STATE98975) releasable to BGR');
    assert.ok(
      lines.some((l) =>
        l.startsWith(
          '3. (S//REL TO USA, BGR, CZE, ESP, ITA, POL, ROU, SVK, SVN) Washington requests',
        ),
      ),
    );
    assert.ok(lines.some((l) => l.startsWith('4. (S//REL TO USA, BGR')));
    assert.ok(!/^[12567]\. /m.test(r.stdout));
  });
  it('says so and exits 1 when nothing is releasable', () => {
    const r = run('extract', '--country', 'FRA', seedPath!);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /releasable to FRA/);
  });
});

describe('chancery view', { skip }, () => {
  it('shows a SECRET/POL reader paragraphs 3 and 4 only', () => {
    const r = run('view', '--as', 'SECRET/POL', seedPath!);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('\n3. (S//REL TO USA, BGR'));
    assert.ok(!/^(1|2|5)\. /m.test(r.stdout));
    assert.ok(!r.stdout.includes('SUBJECT'));
  });
  it('shows a CONFIDENTIAL/USA reader the (U) paragraphs under UNCLAS', () => {
    const r = run('view', '--as', 'CONFIDENTIAL/USA', seedPath!);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('\nUNCLAS STATE 098975'));
    assert.ok(!r.stdout.includes('(S'));
    assert.deepEqual(r.stdout.match(/^\d\. /gm), ['1. ', '5. ', '6. ', '7. ']);
  });
  it('tells a reader who may see nothing exactly what it tells about a missing file', () => {
    const hidden = run('view', '--as', 'CONFIDENTIAL/FRA', seedPath!);
    const missing = run('view', '--as', 'CONFIDENTIAL/FRA', '/nonexistent/08STATE98975.txt');
    assert.equal(hidden.status, 1);
    assert.equal(hidden.stdout, '');
    assert.equal(
      hidden.stderr.replace(seedPath!, 'FILE'),
      missing.stderr.replace('/nonexistent/08STATE98975.txt', 'FILE'),
    );
  });
  it('refuses a bad reader spec', () => {
    assert.equal(run('view', '--as', 'SEKRET/USA', seedPath!).status, 2);
  });
});
