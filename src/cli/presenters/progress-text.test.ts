/** progressText and formatDuration: what the import and synth progress lines say. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration, progressText } from './progress-text.ts';

test('progress says "starting" until there is a rate, then the rate and the time left', () => {
  assert.equal(progressText(0, 6412, 0, 'cables'), '0/6412 starting…');
  assert.equal(progressText(0, 6412, 1.5, 'cables'), '0/6412 starting…');
  assert.equal(progressText(1000, 6412, 2, 'cables'), '1000/6412 500 cables/s, 11 s left');
  assert.equal(progressText(6412, 6412, 7, 'cables'), '6412/6412 916 cables/s, 0 s left');
});

test('durations round up to whole seconds and never show 60 s', () => {
  assert.equal(formatDuration(0), '0 s');
  assert.equal(formatDuration(0.2), '1 s');
  assert.equal(formatDuration(59.5), '1 min 0 s');
  assert.equal(formatDuration(119.5), '2 min 0 s');
  assert.equal(formatDuration(125), '2 min 5 s');
});
