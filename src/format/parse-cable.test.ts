// The seed cable 08STATE98975, field by field, and its byte-exact round trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { directory } from '../directory/directory.ts';
import { noSharedReason, seedPath } from '../../test/support/shared.ts';
import { parseCable } from './parse-cable.ts';
import { renderCable } from './render-cable.ts';

const seed = seedPath ? readFileSync(seedPath, 'utf8') : '';
const skip = seedPath ? false : noSharedReason;
const parsed = () => parseCable(seed, { reference: directory() });

test('seed: archive metadata', { skip }, () => {
  assert.deepEqual(parsed().cable.archive, {
    id: '08STATE98975',
    created: '2008-09-16 16:04',
    released: '2011-02-02 21:09',
    classification: 'SECRET',
    origin: 'Secretary of State',
  });
});

test('seed: transmission header', { skip }, () => {
  const { cable } = parsed();
  assert.deepEqual(cable.header, {
    channel: 'VZCZCXYZ0003',
    precedence: 'OO',
    routingIndicators: ['RUEHWEB'],
    station: 'RUEHC',
    serial: '8975',
    stationSection: null,
    filed: '2601705',
    securityWarning: 'ZNY SSSSS ZZH',
    dtgPrecedence: 'O',
    dtgText: '161657Z SEP 08',
    dtg: '2008-09-16T16:57Z',
  });
  assert.deepEqual(cable.from, {
    routingIndicator: null,
    name: 'SECSTATE WASHDC',
    precedence: null,
    serial: null,
    collective: false,
  });
  const posts = [
    'BRATISLAVA',
    'BUCHAREST',
    'LJUBLJANA',
    'MADRID',
    'PRAGUE',
    'ROME',
    'SOFIA',
    'WARSAW',
  ];
  const ris = ['RUEHSL', 'RUEHBM', 'RUEHLJ', 'RUEHMD', 'RUEHPG', 'RUEHRO', 'RUEHSF', 'RUEHWR'];
  assert.deepEqual(
    cable.to,
    posts.map((p, i) => ({
      routingIndicator: ris[i],
      name: `AMEMBASSY ${p}`,
      precedence: 'IMMEDIATE',
      serial: '0000',
      collective: false,
    })),
  );
  assert.deepEqual(cable.info, []);
  assert.deepEqual(cable.xmt, []);
});

test('seed: text header', { skip }, () => {
  const { cable, issues } = parsed();
  assert.equal(cable.classificationLine, 'S E C R E T');
  assert.equal(cable.messageReference, 'STATE 098975');
  assert.equal(cable.section, null);
  assert.deepEqual(cable.captions, ['SIPDIS']);
  assert.deepEqual(cable.passingLines, []);
  assert.equal(cable.eo?.order, '12958');
  assert.equal(cable.eo?.declassifyOn, '2033-09-16');
  assert.equal(cable.eo?.notApplicable, false);
  assert.deepEqual(cable.tags, []);
  assert.ok(
    issues.some((i) => i.code.startsWith('tags.') && i.line === 27),
    'the empty TAGS line is reported on line 27',
  );
  assert.equal(
    cable.subject,
    'URGING COALITION ALLIES TO APPROACH BEIJING ON CHINESE PROLIFERATION',
  );
  assert.equal(cable.subjectMarking, null);
  assert.deepEqual(cable.references, []);
  assert.deepEqual(cable.classifiedBy?.names, ['Patricia A. McNerney']);
  assert.equal(cable.classifiedBy?.position, 'ISN');
  assert.deepEqual(cable.classifiedBy?.reasons, ['1.4(b)', '1.4(d)']);
  assert.equal(cable.summary, null);
  assert.deepEqual(cable.signers, ['RICE']);
});

test('seed: paragraphs and portion marks', { skip }, () => {
  const { cable } = parsed();
  const rel = 'BULGARIA, CZECH REPUBLIC, ITALY, POLAND, ROMANIA, SLOVAKIA, SLOVENIA, SPAIN';
  assert.deepEqual(
    cable.paragraphs.map((p) => [p.number, p.marking?.raw ?? null]),
    [
      ['1', '(U)'],
      ['2', '(S)'],
      ['3', `(S/REL ${rel})`],
      ['4', `(SECRET//REL ${rel})`],
      ['5', '(U)'],
      ['6', '(U)'],
      ['7', '(U)'],
    ],
  );
  const [p1, p2, p3, p4] = cable.paragraphs;
  assert.equal(p1?.text, 'This is an action request. Please see paragraph 3');
  assert.match(p2?.heading ?? '', /SUMMARY\/BACKGROUND/);
  assert.match(p3?.heading ?? '', /OBJECTIVE\/ACTION REQUEST/);
  assert.match(p4?.heading ?? '', /NONPAPER FOR BULGARIA/);
  assert.ok(p2?.text.startsWith('Getting China to aggressively implement'));
  assert.ok(p4?.text.includes('CHINESE-PRODUCED WEAPONS IN IRAQ'));
  assert.equal(p3?.marking?.level, 'SECRET');
  assert.deepEqual(p3?.marking?.relToCodes, [
    'BGR',
    'CZE',
    'ITA',
    'POL',
    'ROU',
    'SVK',
    'SVN',
    'ESP',
  ]);
  assert.equal(p4?.marking?.level, 'SECRET');
  assert.equal(
    cable.paragraphs[6]?.text.trimEnd(),
    'Department thanks Posts for their assistance.',
  );
});

test('seed: no error-level issues', { skip }, () => {
  assert.deepEqual(
    parsed().issues.filter((i) => i.severity === 'error'),
    [],
  );
});

test('seed: render(parse(seed)) is the seed byte for byte', { skip }, () => {
  assert.equal(renderCable(parsed().cable), seed);
});

test('a bare telegram (no archive metadata) parses the same telegram fields', { skip }, () => {
  const bare = seed.split('\n').slice(6).join('\n');
  const { cable } = parseCable(bare, { reference: directory() });
  assert.equal(cable.archive, null);
  assert.equal(cable.messageReference, 'STATE 098975');
  assert.equal(cable.paragraphs.length, 7);
  assert.equal(renderCable(cable), bare);
});

test('parseCable never throws, whatever the input', () => {
  for (const text of [
    '',
    '\n\n',
    'garbage',
    '08STATE1\n',
    'VZCZC\nDE\nFM\nTO\n',
    '\u0000\uffff',
    'S E C R E T',
  ])
    assert.doesNotThrow(() => parseCable(text));
});
