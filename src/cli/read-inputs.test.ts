import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { READ_AHEAD, readInputs } from './read-inputs.ts';

describe('readInputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chancery-read-inputs-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every argument back in order across read-ahead batches, errors in their place', () => {
    const names: string[] = [];
    for (let i = 0; i < READ_AHEAD * 2 + 3; i++) {
      const name = join(dir, `c${i}.txt`);
      if (i === READ_AHEAD) names.push(join(dir, 'missing.txt'));
      writeFileSync(name, `cable ${i}\n`);
      names.push(name);
    }
    const badUtf8 = join(dir, 'latin1.txt');
    writeFileSync(badUtf8, Buffer.from([0x63, 0xe9, 0x0a]));
    names.push(badUtf8);
    mkdirSync(join(dir, 'folder'));
    names.push(join(dir, 'folder'));

    const inputs = [...readInputs(names)];

    assert.deepEqual(
      inputs.map((i) => i.name),
      names,
    );
    const texts = inputs.filter((i) => 'text' in i).map((i) => i.text);
    assert.equal(texts.length, READ_AHEAD * 2 + 3);
    assert.deepEqual(
      texts,
      texts.map((_, i) => `cable ${i}\n`),
    );
    assert.deepEqual(
      inputs.filter((i) => 'error' in i).map((i) => [i.name, i.error]),
      [
        [join(dir, 'missing.txt'), 'no such file'],
        [badUtf8, 'not valid UTF-8 text'],
        [join(dir, 'folder'), 'is a directory'],
      ],
    );
  });

  it('reads no file before it is asked for the batch that holds it', () => {
    const first = join(dir, 'first.txt');
    writeFileSync(first, 'one\n');
    const late = join(dir, 'late.txt');
    const names = [first, ...Array.from({ length: READ_AHEAD - 1 }, () => first), late];
    const inputs = readInputs(names);
    for (let i = 0; i < READ_AHEAD; i++) assert.equal(inputs.next().done, false);
    writeFileSync(late, 'written after the first batch was read\n'); // the next batch sees it
    const last = inputs.next().value;
    assert.ok(last && 'text' in last);
    assert.equal(last.text, 'written after the first batch was read\n');
  });
});
