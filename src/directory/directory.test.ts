import { test } from 'node:test';
import assert from 'node:assert/strict';
import { directory, foldName } from './directory.ts';
import { referenceTable } from './reference-data.ts';

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

test('the TAGS supplement adds codes tags.csv lacks and other writings of known codes', () => {
  const d = directory();
  assert.equal(d.tagKind('UNHRC'), 'organization');
  assert.equal(d.tagKind('KBIO'), 'program');
  assert.equal(d.tagAlias?.('RU'), 'RS');
  assert.equal(d.tagAlias?.('PREL'), undefined);
  assert.ok(d.tagPhrases?.includes('COUNTER TERRORISM'));
  assert.ok(d.tagPhrases?.includes('IRAQI FREEDOM'));
  assert.ok(d.tagPhrases?.includes('PHALANAGE PARTY'), 'phrases of tags.csv too');
  const listed = new Set(referenceTable('tags').map((r) => r.tag));
  for (const r of referenceTable('tags-supplement')) {
    assert.ok(!listed.has(r.tag), `${r.tag} is already in tags.csv`);
    assert.ok((r.evidence ?? '') !== '' && (r.reason ?? '') !== '', `${r.tag} says why`);
    if (r.canonical) assert.ok(d.tagKind(r.canonical) !== undefined, `${r.canonical} is known`);
  }
});
