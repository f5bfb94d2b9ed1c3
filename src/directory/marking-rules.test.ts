// Tests of the marking rules built from the reference tables: names, digraphs, dated coalitions, TAGS.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markingRules } from './marking-rules.ts';

const rules = markingRules();

test('names, trigraphs and coalition codes resolve; unknown names do not', () => {
  assert.equal(rules.relToCode('SLOVAKIA'), 'SVK');
  assert.equal(rules.relToCode('uk'), 'GBR');
  assert.equal(rules.relToCode('NATO'), 'NATO');
  assert.equal(rules.relToCode('FIVE EYES'), 'FVEY');
  assert.equal(rules.relToCode('North Atlantic Treaty Organization'), 'NATO');
  assert.equal(rules.relToCode('AUSTRALIA GROUP'), 'AUSTRALIA_GROUP');
  assert.equal(rules.relToCode('ATLANTIS'), undefined);
  assert.equal(rules.fipsCountry('GM'), 'DEU');
  assert.equal(rules.fipsCountry('AS'), 'AUS');
  assert.equal(rules.isCoalition('NATO'), true);
  assert.equal(rules.isCoalition('BGR'), false);
  assert.equal(rules.isCountry('POL'), true);
  assert.equal(rules.isCountry('NATO'), false);
});

test('NATO expands to its 2008 members in 2008, to the steady members later, and stays an atom before 2008', () => {
  const in2008 = rules.coalitionMembers('NATO', '2008-09-16') ?? [];
  assert.ok(in2008.includes('BGR'));
  assert.ok(!in2008.includes('ALB'));
  assert.equal(in2008.length, 26);
  const in2010 = rules.coalitionMembers('NATO', '2010-03-01') ?? [];
  assert.ok(in2010.includes('POL'));
  assert.ok(!in2010.includes('FIN'));
  assert.equal(rules.coalitionMembers('NATO', '2005-01-01'), undefined);
  assert.ok(rules.coalitionMembers('NATO')?.includes('SWE'));
});

test('non-decomposable and membership-less coalitions stay atoms', () => {
  assert.equal(rules.coalitionMembers('EU', '2008-05-01'), undefined);
  assert.equal(rules.coalitionMembers('ISAF', '2008-05-01'), undefined);
  assert.deepEqual(rules.coalitionMembers('FVEY', '2023-01-01'), [
    'AUS',
    'CAN',
    'GBR',
    'NZL',
    'USA',
  ]);
});

test('TAGS: subject, program, country, organisation and person TAGS are known', () => {
  assert.equal(rules.knownTag('PREL'), true);
  assert.equal(rules.knownTag('OVIP (STEINBERG, JAMES B.)'), true);
  assert.equal(rules.knownTag('ZZZZ'), false);
  assert.equal(rules.subjectTag('PREL'), true);
  assert.equal(rules.subjectTag('CH'), false);
});
