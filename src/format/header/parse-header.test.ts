import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Cable } from '../cable.ts';
import { emptyCable } from '../empty-cable.ts';
import {
  addresseeArb as addressee,
  headerArb as header,
} from '../../../test/support/arbitrary-cable.ts';
import type { ParseContext } from '../parse-context.ts';
import { corpusFiles, noSharedReason, seedPath, sharedDir } from '../../../test/support/shared.ts';
import { parseHeader, type HeaderFields } from './parse-header.ts';
import { renderHeader } from './render-header.ts';

function parse(lines: readonly string[]): { fields: HeaderFields; ctx: ParseContext } {
  const ctx: ParseContext = { lines, issues: [], reference: undefined };
  return { fields: parseHeader(ctx, 0, lines.length), ctx };
}

/** A cable carrying only header fields (the text half is not this module's business). */
function cableOf(f: Omit<HeaderFields, 'layout'> & { layout?: HeaderFields['layout'] }): Cable {
  return {
    ...emptyCable(null),
    header: f.header,
    from: f.from,
    to: f.to,
    info: f.info,
    xmt: f.xmt,
    ...(f.layout ? { layout: { header: f.layout } } : {}),
  };
}

const roundTrip = (lines: string[]) => {
  const { fields } = parse(lines);
  assert.deepEqual(renderHeader(cableOf(fields)), lines);
  return fields;
};

test(
  'the seed header: every field, and back byte for byte',
  { skip: !seedPath && noSharedReason },
  () => {
    const lines = readFileSync(seedPath!, 'utf8').split('\n').slice(6, 22);
    const { fields, ctx } = parse(lines);
    assert.deepEqual(ctx.issues, []);
    assert.deepEqual(fields.header, {
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
    assert.deepEqual(fields.from, {
      routingIndicator: null,
      name: 'SECSTATE WASHDC',
      precedence: null,
      serial: null,
      collective: false,
    });
    assert.equal(fields.to.length, 8);
    assert.deepEqual(fields.to[0], {
      routingIndicator: 'RUEHSL',
      name: 'AMEMBASSY BRATISLAVA',
      precedence: 'IMMEDIATE',
      serial: '0000',
      collective: false,
    });
    assert.equal(fields.to[7]?.name, 'AMEMBASSY WARSAW');
    assert.deepEqual(fields.info, []);
    assert.deepEqual(fields.layout, { blankAt: [2, 15] });
    assert.deepEqual(renderHeader(cableOf(fields)), lines);
  },
);

test('sections, TRC security warning, two precedence letters with an OPSIG, wrapped RIs', () => {
  const f = roundTrip([
    'VZCZCXRO4324',
    'OO RUEHBC RUEHDBU RUEHDE RUEHFL RUEHKUK RUEHKW RUEHLA RUEHROV RUEHSR',
    'RUEHTRO',
    'DE RUEHSW #1280/01 1911451',
    'ZNY SSSBB/FFFFF',
    'O P 101451Z JUL 06 ZDK',
    'FM AMEMBASSY BERN',
    'TO RUEHC/SECSTATE WASHDC IMMEDIATE 2621',
    'INFO RUCNIRA/IRAN COLLECTIVE PRIORITY',
    'ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE',
    'RUEHKO/AMEMBASSY TOKYO PRIORITY 1256-1257',
    'XMT/AMEMBASSY SOFIA',
    '',
  ]);
  assert.equal(f.header.routingIndicators.length, 10);
  assert.equal(f.header.stationSection, '01');
  assert.equal(f.header.dtgPrecedence, 'O P');
  assert.equal(f.header.dtgText, '101451Z JUL 06');
  assert.equal(f.header.operatingSignals, 'ZDK');
  assert.equal(f.header.dtg, '2006-07-10T14:51Z');
  assert.deepEqual(
    f.info.map((a) => [a.routingIndicator, a.name, a.precedence, a.serial, a.collective]),
    [
      ['RUCNIRA', 'IRAN COLLECTIVE', 'PRIORITY', null, true],
      [null, 'ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE', null, null, true],
      ['RUEHKO', 'AMEMBASSY TOKYO', 'PRIORITY', '1256-1257', false],
    ],
  );
  assert.deepEqual(
    f.xmt.map((a) => a.name),
    ['AMEMBASSY SOFIA'],
  );
});

test('headers without format lines 1–4, trailing blanks and NIACT', () => {
  const f = roundTrip([
    'P R 281848Z DEC 66',
    'FM AMEMBASSY BUENOS AIRES',
    'TO SECSTATE WASHDC NIACT IMMEDIATE 4708',
    'INFO USCINCSO',
    'AMEMBASSY TEL AVIV ',
    'XMT AMEMBASSY SOFIA',
    '',
  ]);
  assert.equal(f.header.channel, null);
  assert.equal(f.header.dtg, '1966-12-28T18:48Z');
  assert.equal(f.to[0]?.precedence, 'NIACT IMMEDIATE');
  assert.deepEqual(
    f.info.map((a) => a.name),
    ['USCINCSO', 'AMEMBASSY TEL AVIV'],
  );
});

test('TO before a name shaped like a routing indicator is an addressee, not FL2', () => {
  // Found by the drafted-cable property test (seed 636836306): "TO RAAA" was read as prosign
  // TO and routing indicator RAAA.
  const f = roundTrip(['FM SECSTATE WASHDC', 'TO RABAT', 'INFO RIGA', '']);
  assert.equal(f.header.precedence, null);
  assert.deepEqual(f.header.routingIndicators, []);
  assert.deepEqual(
    [...f.to, ...f.info].map((a) => [a.routingIndicator, a.name]),
    [
      [null, 'RABAT'],
      [null, 'RIGA'],
    ],
  );
});

test('partial extracts keep the note and a bare date-time group', () => {
  const f = roundTrip([
    'This record is a partial extract of the original cable. The full text of the original cable is not available.',
    '',
    '291359Z Nov 00',
    '',
  ]);
  assert.equal(f.header.partialExtract, true);
  assert.equal(f.header.dtgPrecedence, null);
  assert.equal(f.header.dtgText, '291359Z Nov 00');
  assert.equal(f.header.dtg, '2000-11-29T13:59Z');
});

test('odd lines are issues with their line, never exceptions', () => {
  const { fields, ctx } = parse([
    'VZCZCXYZ0001',
    'PP RUEHWEB',
    'DE RUEHSJ #0585 3991299',
    'ZNR SSSSS ZZH',
    'P 312256Z APR 08',
    'FM AMEMBASSY SAN JOSE',
    'TORUEHC/SECSTATE WASHDC PRIORITY 9923',
    'INFO RUEKJCS/JOINT STAFF WASHINGTON DC',
    '',
    'RUEKJCS/SECDEF WASHDC',
    'INFO  LOG-00   NP-00    AID-00',
    '      CTME-00  DINT-00  /012W',
    'PAGE 02 STATE 050524 131535Z',
    'something else entirely',
    '',
    'Wednesday, 29 November 2000, 13:59',
    'VZCZCXYZ0001',
  ]);
  const codes = ctx.issues.map((i) => `${i.code}@${i.line}:${i.column}`);
  assert.deepEqual(codes, [
    'header.filed.invalid@3:17',
    'header.security-warning.invalid@4:1',
    'header.dtg.invalid@5:3',
    'header.keyword.glued@7:3',
    'header.distribution.skipped@11:1',
    'header.page.skipped@13:1',
    'header.line.unknown@14:1',
    'header.preamble@16:1',
  ]);
  assert.equal(fields.header.dtg, null);
  assert.equal(fields.header.dtgText, '312256Z APR 08');
  assert.deepEqual(
    fields.to.map((a) => a.name),
    ['SECSTATE WASHDC'],
  );
  assert.deepEqual(
    fields.info.map((a) => a.name),
    ['JOINT STAFF WASHINGTON DC', 'SECDEF WASHDC'],
  );
  assert.equal(parse([]).fields.layout, undefined);
  assert.deepEqual(renderHeader(cableOf(parse([]).fields)), []);
});

test('a drafted cable renders canonically: fields only, one blank line before the text', () => {
  const f = parse(['VZCZCXYZ0003', 'OO RUEHWEB', 'DE RUEHC #8975 2601705', '']).fields;
  assert.equal(f.layout, undefined);
  const drafted = cableOf({
    ...f,
    header: { ...f.header, dtgText: null, dtg: '2008-09-16T16:57Z' },
  });
  assert.deepEqual(renderHeader(drafted).slice(3), ['161657Z SEP 08', '']);
});

test('generated headers survive render then parse unchanged, with no layout and no issues', () => {
  fc.assert(
    fc.property(
      header,
      fc.option(addressee, { nil: null }),
      fc.array(addressee, { maxLength: 6 }),
      fc.array(addressee, { maxLength: 6 }),
      fc.array(addressee, { maxLength: 2 }),
      (h, from, to, info, xmt) => {
        const fields = { header: h, from, to, info, xmt: to.length + info.length > 0 ? xmt : [] };
        const lines = renderHeader(cableOf(fields));
        const { fields: back, ctx } = parse(lines);
        assert.deepEqual(ctx.issues, []);
        assert.deepEqual(back, { ...fields, layout: undefined });
      },
    ),
    { numRuns: 300 },
  );
});

test(
  'corpus headers: never an exception, and most render back byte for byte',
  { skip: !sharedDir && noSharedReason },
  () => {
    // A crude banner finder stands in for the text half here: this test is about the header.
    const banner =
      /^\s*(S\s?E\s?C\s?R\s?E\s?T|SS E C|C\s?O\s?N\s?F|UNCLAS|U N C L|T\s?O\s?P|S e c|SECRET|CONFIDENTIAL|Cable dated|E\.[Oo]\.|EO 1)/;
    let exact = 0;
    let withDtg = 0;
    const files = corpusFiles();
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      let end = 6;
      while (end < lines.length && !banner.test(lines[end] ?? '')) end++;
      const ctx: ParseContext = { lines, issues: [], reference: undefined };
      const fields = parseHeader(ctx, 6, end);
      if (fields.header.dtg !== null) withDtg++;
      if (renderHeader(cableOf(fields)).join('\n') === lines.slice(6, end).join('\n')) exact++;
    }
    // Measured: 5,862 of 6,412 exact and 5,768 with a DTG; the rest carry preambles, page or
    // distribution lines, or body lines this crude split leaves in.
    assert.ok(
      exact / files.length > 0.9,
      `${exact} of ${files.length} headers render back exactly`,
    );
    assert.ok(withDtg / files.length > 0.89, `${withDtg} of ${files.length} headers have a DTG`);
  },
);

test('any text at all: parse never throws and what it read renders', () => {
  const line = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      'VZCZC',
      'OO RUEHWEB',
      'DE RUEHC #1 2',
      'ZNY',
      'O 999999Z XXX 08',
      'TO',
      'INFO',
      'XMT/',
      'FM',
      'PAGE 1',
      '',
    ),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
      const { fields } = parse(lines);
      assert.ok(Array.isArray(renderHeader(cableOf(fields))));
    }),
    { numRuns: 500 },
  );
});
