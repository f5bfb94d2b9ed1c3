import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import fc from 'fast-check';
import { canonicalCableId, canonicalStation, KNOWN_STATIONS } from './cable-id.ts';
import { corpusFiles, noSharedReason, sharedDir } from '../../test/support/shared.ts';

test('spaced references become compact ids', () => {
  assert.equal(canonicalCableId('07 PARIS 123'), '07PARIS123');
  assert.equal(canonicalCableId('2007 PARIS 123'), '07PARIS123');
  assert.equal(canonicalCableId('STATE 12345', '08'), '08STATE12345');
  assert.equal(canonicalCableId('STATE 098975', '2008'), '08STATE98975');
  assert.equal(canonicalCableId('TEL AVIV 004462', '06'), '06TELAVIV4462');
  assert.equal(canonicalCableId('SAO PAULO 335', '08'), '08SAOPAULO335');
  assert.equal(canonicalCableId('USUN NEW YORK 123', '09'), '09USUNNEWYORK123');
  assert.equal(canonicalCableId('Moscow 2522', '08'), '08MOSCOW2522');
  assert.equal(canonicalCableId('PORT-AU-PRINCE 12', '07'), '07PORTAUPRINCE12');
});

test('aliases and typos of stations resolve as cablemap does', () => {
  assert.equal(canonicalCableId('08SECSTATE98975'), '08STATE98975');
  assert.equal(canonicalCableId('SECSTATE WASHDC 1234', '08'), '08STATE1234');
  assert.equal(canonicalCableId('05 UNVIE 00136'), '05UNVIEVIENNA136');
  assert.equal(canonicalCableId('RIO 5', '08'), '08RIODEJANEIRO5');
  assert.equal(canonicalStation('the hague'), 'THEHAGUE');
  assert.equal(canonicalStation('HAGUE'), 'THEHAGUE');
  // Real ids use both spellings: TAIPEI is not folded into AITTAIPEI.
  assert.equal(canonicalCableId('06TAIPEI123'), '06TAIPEI123');
});

test('malformed archive ids lose the leaked section text', () => {
  assert.equal(canonicalCableId('08SCTION02OF02SAOPAULO335'), '08SAOPAULO335');
  assert.equal(canonicalCableId('09SECTION01OF03SANJOSE525'), '09SANJOSE525');
  assert.equal(canonicalCableId('08ECTION01OF02MANAMA492'), '08MANAMA492');
  assert.equal(canonicalCableId('09SECTION02OF03QRIPOLI583'), '09TRIPOLI583');
  assert.equal(canonicalCableId('08SECTION01GF02BISHIEK21'), '08BISHKEK1021');
  assert.equal(canonicalCableId('09EFTOLONDON2468'), '09LONDON2468');
  assert.equal(canonicalCableId('06MADRID002583ZFR2585'), '06MADRID2583');
});

test('text that is not a cable id gives null', () => {
  for (const raw of [
    '',
    'STATE',
    '12345',
    'STATE CA-3400',
    'E-MAIL FROM X 3/4/08',
    'STATE 000000',
    'A 12',
  ])
    assert.equal(canonicalCableId(raw, '08'), null, raw);
  // No year written and none to inherit.
  assert.equal(canonicalCableId('STATE 12345'), null);
  assert.equal(canonicalCableId('STATE 12345', null), null);
});

test('every canonical id is its own canonical form, also when written spaced and zero-padded', () => {
  const station = fc.constantFrom(...[...KNOWN_STATIONS].filter((s) => !/^(PARISFR|CDC)$/.test(s)));
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 99 }),
      station,
      fc.integer({ min: 1, max: 9_999_999 }),
      (y, s, n) => {
        const year = String(y).padStart(2, '0');
        const id = `${year}${s}${n}`;
        assert.equal(canonicalCableId(id), id);
        assert.equal(canonicalCableId(`${s} ${String(n).padStart(6, '0')}`, year), id);
        assert.equal(canonicalCableId(`${year} ${s} ${n}`), id);
      },
    ),
  );
});

test(
  'corpus file names are canonical ids, apart from the damaged ones',
  { skip: !sharedDir && noSharedReason },
  () => {
    // WikiLeaks' own damage: section text or the EFTO caption leaked into the id.
    const repaired = new Map([
      ['08ECTION01OF02MANAMA492', '08MANAMA492'],
      ['08SCTION02OF02SAOPAULO335', '08SAOPAULO335'],
      ['08SECTION01GF02BISHIEK21', '08BISHKEK1021'],
      ['09SECTION01OF03SANJOSE525', '09SANJOSE525'],
      ['09SECTION02OF03QRIPOLI583', '09TRIPOLI583'],
    ]);
    const files = corpusFiles();
    assert.ok(files.length > 6000);
    for (const file of files) {
      const id = basename(file, '.txt');
      const efto = /^(\d\d)EFTO([A-Z]+\d+)$/.exec(id);
      const expected = repaired.get(id) ?? (efto ? `${efto[1]}${efto[2]}` : id);
      assert.equal(canonicalCableId(id), expected, id);
    }
  },
);

test('any text at all: null or a well-formed id, never an exception', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 40 }),
      fc.option(fc.string({ maxLength: 4 }), { nil: null }),
      (raw, year) => {
        const id = canonicalCableId(raw, year);
        assert.ok(id === null || /^\d{2}[A-Z]{2,}\d{1,7}$/.test(id), String(id));
      },
    ),
    { numRuns: 1000 },
  );
});
