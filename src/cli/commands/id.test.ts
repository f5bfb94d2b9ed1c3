// chancery id, spawned as a user would run it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', main, 'id', ...args], {
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('prints the canonical id of each raw id, one per line', () => {
  const r = run(
    '07 PARIS 123',
    '08SECSTATE98975',
    '09SECTION01OF03SANJOSE525',
    'TEL AVIV 004462',
    '--year',
    '06',
  );
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '07PARIS123\n08STATE98975\n09SANJOSE525\n06TELAVIV4462\n');
});

test('names each raw that is not an id on stderr, prints the rest, exits 1', () => {
  const r = run('E-MAIL FROM X 3/4/08', '07 PARIS 123', 'STATE 098975');
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '07PARIS123\n');
  assert.match(r.stderr, /"E-MAIL FROM X 3\/4\/08" is not a cable id\n/);
  assert.match(
    r.stderr,
    /"STATE 098975" is not a cable id \(it has no year: give one with --year\)\n/,
  );
});

test('rejects a malformed --year', () => {
  const r = run('STATE 1', '--year', '8');
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /--year "8" is not YY or YYYY/);
});
