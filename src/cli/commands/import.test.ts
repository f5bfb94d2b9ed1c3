/** The import command's final report, as the user reads it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presentReport } from './import.ts';

test('the report counts files read, then what became of them, then each rejection', () => {
  const text = presentReport(
    {
      files: 4,
      imported: 2,
      unchanged: 1,
      updated: 0,
      rejected: [{ file: '/in/rnd.txt', reason: 'not UTF-8 text' }],
      seconds: 0.2,
    },
    'sqlite /tmp/a.db',
  );
  assert.equal(
    text,
    [
      'Import into sqlite /tmp/a.db: 4 files read in 0.2 s (20 files/s)',
      '  imported  2',
      '  unchanged 1',
      '  updated   0',
      '  rejected  1',
      '    /in/rnd.txt: not UTF-8 text',
      '',
    ].join('\n'),
  );
});
