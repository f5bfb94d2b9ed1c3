// What runs on after a subject, cut off: each case from a real cable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cutSubjectTail } from './subject-tail.ts';

const subject = (text: string) => cutSubjectTail(text).subject;

test('page markers, captions, SBU notices, rows of dashes and repeated banners are cut', () => {
  // 09TRIPOLI564, 06NEWDELHI7273 (a station of two words)
  assert.equal(
    subject('SE GRATION URGES TREIKI BY END OF JULY TRIPOLI 00000564 001.2 OF 002'),
    'SE GRATION URGES TREIKI BY END OF JULY',
  );
  assert.equal(
    subject('ON CAUSING STRIFE FOR CONGRESS NEW DELHI 00007273  001.2 OF 003'),
    'ON CAUSING STRIFE FOR CONGRESS',
  );
  // 09STATE23860, 08BAKU761
  assert.equal(
    subject("Secretary Clinton's March 9, 2009 Conversation with Lithuani... SIPDIS"),
    "Secretary Clinton's March 9, 2009 Conversation with Lithuani...",
  );
  assert.equal(
    subject('LOOKS FOR ALTERNATE OIL EXPORT ROUTES SIPDIS DOE FOR INTERNATIONAL/LANA EKIMOFF'),
    'LOOKS FOR ALTERNATE OIL EXPORT ROUTES',
  );
  // 06SAOPAULO280, 09CAIRO1218
  assert.equal(
    subject(
      'MOST WORKERS WILL LIKELY SUPPORT HIS RE-ELECTION SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY.',
    ),
    'MOST WORKERS WILL LIKELY SUPPORT HIS RE-ELECTION',
  );
  assert.equal(
    subject(
      'AINS MOST THE DANGEROUS THREAT Sensitive but unclassified. Please handle accordingly.',
    ),
    'AINS MOST THE DANGEROUS THREAT',
  );
  // 08MANAMA472
  assert.equal(
    subject('APPROACHES TO COUNTERING YOUTH RADICALIZATION ------- Summary -------'),
    'APPROACHES TO COUNTERING YOUTH RADICALIZATION',
  );
  // 06YEREVAN1019
  assert.equal(
    subject(
      "A PROSTITUTE'S STORY: SEX AND TRAFFICKING IN ...C O N F I D E N T I A L SECTION 01 OF 03 YEREVAN 001019",
    ),
    "A PROSTITUTE'S STORY: SEX AND TRAFFICKING IN ...",
  );
  // 00HARARE6677
  assert.equal(
    subject(
      'ASSISTANT SECRETARY MEETS WITH ZIMBABWE CONFIDENTIAL PAGE 02 HARARE 06677 01 OF 03 291400Z',
    ),
    'ASSISTANT SECRETARY MEETS WITH ZIMBABWE',
  );
});

test('a glued REF is returned to be read as references, a trailing mark as the marking', () => {
  // 09ISLAMABAD2903
  const glued = cutSubjectTail('DEMARCHE DELIVERED ON OMAR SAEED SHEIKH CASEREF: SECSTATE 108201');
  assert.deepEqual(
    [glued.subject, glued.ref],
    ['DEMARCHE DELIVERED ON OMAR SAEED SHEIKH CASE', 'SECSTATE 108201'],
  );
  // 08MANAMA528
  assert.equal(
    cutSubjectTail("BAHRAIN'S RELATIONS WITH IRAN REF: A. 07 MANAMA 1045 B. 07 MANAMA 1070").ref,
    'A. 07 MANAMA 1045 B. 07 MANAMA 1070',
  );
  // 08REYKJAVIK46
  const marked = cutSubjectTail('Demarche on Use of FYROM for NATO Candidature (U)');
  assert.deepEqual(
    [marked.subject, marked.mark],
    ['Demarche on Use of FYROM for NATO Candidature', '(U)'],
  );
});

test('a subject that only looks like a tail is kept whole', () => {
  for (const s of [
    'NOFORN: A NOTE ON HANDLING',
    'REFORM OF THE REFERENDUM LAW',
    'PREFERENCES: SECRET BALLOT IN 2009',
    'THE HAGUE (PART 2 OF 3)',
    'MEETING WITH FM (ALMOST)',
    'TIP REPORT: 2008 STATUS - TIER 2',
  ]) {
    const tail = cutSubjectTail(s);
    assert.deepEqual([tail.subject, tail.cut], [s, ''], s);
  }
});
