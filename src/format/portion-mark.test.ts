// Tests for parsePortionMarking over the forms seen in the corpus and the seed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TagKind } from './cable.ts';
import { parsePortionMarking } from './portion-mark.ts';
import type { FormatReference } from './reference.ts';

/** A small real reference table: enough countries to check resolution. */
const names: Record<string, string> = {
  USA: 'USA',
  BGR: 'BGR',
  CZE: 'CZE',
  GBR: 'GBR',
  NATO: 'NATO',
  BULGARIA: 'BGR',
  'CZECH REPUBLIC': 'CZE',
  UK: 'GBR',
  ITALY: 'ITA',
};
const reference: FormatReference = {
  tagKind: (): TagKind | undefined => undefined,
  tagCodes: new Set<string>(),
  relToCode: (name) => names[name.toUpperCase()],
};

const mark = (raw: string) => {
  const m = parsePortionMarking(raw, reference);
  assert.ok(m, `${raw} should parse`);
  return m;
};

describe('parsePortionMarking', () => {
  it('reads bare levels in every spelling', () => {
    const cases: [string, string, boolean][] = [
      ['(U)', 'UNCLASSIFIED', false],
      ['(C)', 'CONFIDENTIAL', false],
      ['(S)', 'SECRET', false],
      ['(TS)', 'TOP SECRET', false],
      ['(SBU)', 'UNCLASSIFIED', true],
      ['(CONFIDENTIAL)', 'CONFIDENTIAL', false],
      ['(UNCLASSIFIED)', 'UNCLASSIFIED', false],
      ['(c)', 'CONFIDENTIAL', false],
      ['(sbu)', 'UNCLASSIFIED', true],
      ['(C )', 'CONFIDENTIAL', false],
      ['(U//FOUO)', 'UNCLASSIFIED', true],
    ];
    for (const [raw, level, sbu] of cases) {
      const m = mark(raw);
      assert.equal(m.level, level, raw);
      assert.equal(m.sbu, sbu, raw);
      assert.equal(m.noforn, false, raw);
      assert.deepEqual(m.relTo, [], raw);
      assert.equal(m.raw, raw);
    }
  });

  it('reads NOFORN in all its separators', () => {
    for (const raw of [
      '(SBU-N)',
      '(SBU/N)',
      '(SBU NOFORN)',
      '(C/NF)',
      '(S//NF)',
      '(S/NF)',
      '(C//NOFORN)',
      '(S-NF)',
      '(S NF)',
      '(s/nf)',
      '(SBU/NF)',
    ]) {
      const m = mark(raw);
      assert.equal(m.noforn, true, raw);
      assert.deepEqual(m.other, [], raw);
    }
    assert.equal(mark('(SBU-N)').sbu, true);
    assert.equal(mark('(C//NOFORN)').level, 'CONFIDENTIAL');
  });

  it('reads REL TO lists as written and resolves them through the reference', () => {
    const seed = mark('(S/REL BULGARIA, CZECH REPUBLIC)');
    assert.equal(seed.level, 'SECRET');
    assert.deepEqual(seed.relTo, ['BULGARIA', 'CZECH REPUBLIC']);
    assert.deepEqual(seed.relToCodes, ['BGR', 'CZE']);
    const long = mark('(SECRET//REL BULGARIA, CZECH REPUBLIC, ITALY, POLAND)');
    assert.deepEqual(long.relTo, ['BULGARIA', 'CZECH REPUBLIC', 'ITALY', 'POLAND']);
    assert.deepEqual(long.relToCodes, ['BGR', 'CZE', 'ITA'], 'POLAND is not in the table: absent');
    assert.deepEqual(mark('(S//REL TO USA, BGR, CZE)').relTo, ['USA', 'BGR', 'CZE']);
    assert.deepEqual(mark('(S//REL TO USA, NATO)').relToCodes, ['USA', 'NATO']);
    assert.deepEqual(mark('(S/Rel China and UK)').relTo, ['CHINA', 'UK']);
    assert.deepEqual(mark('(S//REL AS, CA, ROK, and UK)').relTo, ['AS', 'CA', 'ROK', 'UK']);
    assert.deepEqual(mark('(S/REL TO NATO/AUS)').relTo, ['NATO', 'AUS']);
    assert.deepEqual(mark('(C//REL TO USA, KEN, GBR//)').relTo, ['USA', 'KEN', 'GBR']);
    assert.deepEqual(mark('(C/Releasable to Italy)').relTo, ['ITALY']);
    assert.deepEqual(mark('(SECRET REL INDIA)').relTo, ['INDIA']);
    assert.deepEqual(mark('(C//REL AUSTRALIA GROUP)').relTo, ['AUSTRALIA GROUP']);
    assert.deepEqual(mark('(S//REL)').relTo, []);
  });

  it('keeps further controls in other', () => {
    assert.deepEqual(mark('(S//ORCON)').other, ['ORCON']);
    const fgi = mark('(S//FGI//NF)');
    assert.deepEqual(fgi.other, ['FGI']);
    assert.equal(fgi.noforn, true);
    assert.deepEqual(mark('(TS//SI//NF)').other, ['SI']);
  });

  it('without a reference, keeps entries and resolves none', () => {
    const m = parsePortionMarking('(S//REL TO USA, GBR)');
    assert.deepEqual(m?.relTo, ['USA', 'GBR']);
    assert.deepEqual(m?.relToCodes, []);
  });

  it('returns null for parentheses that are not marks', () => {
    for (const raw of [
      '(1)',
      '(NOTE)',
      '(U/S)',
      '(US)',
      '(UK, France, and Germany)',
      '(a)',
      '(SEPTEL)',
      '(STEINBERG, JAMES B.)',
      '()',
      'S//NF',
      '(S',
      '(Sarkozy)',
      '(U.S. action)',
      '(C/S)',
    ])
      assert.equal(parsePortionMarking(raw, reference), null, raw);
  });

  it('reads a mark with no readable level as level null', () => {
    const m = mark('(NF)');
    assert.equal(m.level, null);
    assert.equal(m.noforn, true);
    assert.equal(mark('(REL TO USA, GBR)').level, null);
  });
});
