import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directory, foldName } from './directory.ts';

test('country names from REL TO lists resolve to trigraphs', () => {
  const d = directory();
  assert.equal(d.relToCode('Bulgaria'), 'BGR');
  assert.equal(d.relToCode('CZECH REPUBLIC'), 'CZE');
  assert.equal(d.relToCode('the Netherlands'), 'NLD');
  assert.equal(d.relToCode('NATO'), 'NATO');
  assert.equal(d.relToCode('ATLANTIS'), undefined);
});

test('TAGS know their kinds', () => {
  const d = directory();
  assert.equal(d.tagKind('PREL'), 'subject');
  assert.equal(d.tagKind('KNNP'), 'program');
  assert.equal(d.tagKind('CH'), 'country');
  assert.equal(d.tagKind('ZZZZ'), undefined);
});

test('one routing indicator can serve several posts', () => {
  const d = directory();
  assert.ok(d.postsByRoutingIndicator('RUEHKO').length >= 2);
  assert.equal(d.postByPlad('AMEMBASSY SOFIA')?.routingIndicator, 'RUEHSF');
  assert.equal(d.coalitions.get('NATO')?.members.includes('POL'), true);
});

test('folding matches the rule of countries.csv', () => {
  assert.equal(foldName('Côte d’Ivoire'), "COTE D'IVOIRE");
});

test('station names come from post cities and PLADs, spelled as in cable ids', () => {
  const s = directory().stations;
  assert.ok(s);
  for (const name of [
    'SOFIA',
    'SAOPAULO',
    'TELAVIV',
    'UNVIEVIENNA',
    'USUNNEWYORK',
    'AITTAIPEI',
    'STATE',
  ])
    assert.ok(s.has(name), name);
  assert.equal(s.has('AMEMBASSY'), false);
});
