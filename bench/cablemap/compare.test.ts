/** The cablemap comparison normalises both sides the same way and sorts every field into one verdict. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cable } from '../../src/format/cable.ts';
import { emptyCable } from '../../src/format/empty-cable.ts';
import { agreement, fieldValues, type CablemapRecord } from './compare.ts';

const cm: CablemapRecord = {
  file: '08STATE98975.txt',
  id: '08STATE98975',
  partial: false,
  to: [['RUEHSL', 'AMEMBASSY  BRATISLAVA']],
  info: [],
  subject: 'URGING COALITION ALLIES',
  deadline: '2033-09-16',
  references: ['07PARIS123'],
  tags: ['PREL', 'OVIP', 'STEINBERG, JAMES B.'],
  summary: null,
  signers: ['RICE'],
  classifiedBy: ['Patricia A. Mcnerney'],
  textLine: 22,
};

const cable: Cable = {
  ...emptyCable({
    id: '08STATE98975',
    created: null,
    released: null,
    classification: null,
    origin: null,
  }),
  to: [
    {
      routingIndicator: 'RUEHSL',
      name: 'AMEMBASSY BRATISLAVA',
      precedence: 'IMMEDIATE',
      serial: '0000',
      collective: false,
    },
  ],
  subject: 'Urging coalition allies.',
  eo: {
    order: '12958',
    declassifyOn: '2033-09-16',
    event: null,
    notApplicable: false,
    text: 'E.O. 12958: DECL: 09/16/2033',
  },
  tags: [
    { code: 'OVIP (STEINBERG, JAMES B.)', kind: 'person', raw: 'OVIP (STEINBERG, JAMES B.)' },
    { code: 'PREL', kind: 'subject', raw: 'PREL' },
  ],
  references: [
    { label: 'A', id: '07PARIS123', kind: 'cable', text: '07 PARIS 123', captions: [] },
    { label: 'B', id: null, kind: 'other', text: 'TELCON', captions: [] },
  ],
  classifiedBy: {
    names: ['Patricia A. McNerney'],
    position: 'ISN',
    reasons: [],
    text: '',
  },
  signers: ['CLINTON'],
};

describe('cablemap comparison', () => {
  it('compares sets, names and text without their formatting', () => {
    const v = fieldValues(cm, cable);
    assert.deepEqual(v.to, ['AMEMBASSY BRATISLAVA', 'AMEMBASSY BRATISLAVA']);
    assert.equal(v.tags[0], v.tags[1]); // OVIP (NAME) counts as the code and the person
    assert.equal(v.subject[0], v.subject[1]); // case and punctuation do not count
    assert.equal(v.references[1], '07PARIS123'); // non-cable references are left out
    assert.equal(v.classifiedBy[0], v.classifiedBy[1]);
  });

  it('sorts each field into one verdict and lists the disagreements', () => {
    const { counts, disagreements } = agreement([[cm, cable]]);
    assert.equal(counts.id.same, 1);
    assert.equal(counts.info.bothNone, 1);
    assert.equal(counts.summary.bothNone, 1);
    assert.equal(counts.signers.differ, 1);
    assert.deepEqual(
      disagreements.map((d) => [d.field, d.verdict, d.cablemap, d.chancery]),
      [['signers', 'differ', 'RICE', 'CLINTON']],
    );
  });
});
