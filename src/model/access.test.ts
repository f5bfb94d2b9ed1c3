// Tests of banner roll-up, reader specs, access decisions, redacted views and releasable extracts on the seed's fields.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCable, paragraph, seedParagraphs } from '../../test/support/build-cable.ts';
import { rules } from '../../test/support/marking-rules.ts';
import { canSeePortion, visiblePortions } from './access.ts';
import { rollUpBanner } from './banner.ts';
import { cablePortions } from './cable-portions.ts';
import { releasableExtract } from './extract.ts';
import { formatBanner, formatPortionMark } from './format-marking.ts';
import type { Marking } from './marking.ts';
import { parseReaderSpec } from './reader-spec.ts';
import type { Reader } from './reader.ts';
import { redactForReader } from './redact.ts';

function reader(spec: string): Reader {
  const r = parseReaderSpec(spec, rules);
  assert.ok('reader' in r, `${spec} should be a reader spec`);
  return r.reader;
}

const seed = buildCable();
const marks = cablePortions(seed, rules)
  .portions.filter((p) => p.index >= 0)
  .map((p) => p.marking!);
const numbers = (cable: typeof seed) => cable.paragraphs.map((p) => p.number);

describe('rollUpBanner', () => {
  it('gives the seed SECRET with no REL TO, because paragraph 2 is (S) alone', () => {
    assert.equal(formatBanner(rollUpBanner(marks, seed.captions)), 'SECRET');
  });
  it('intersects the REL TO of the classified portions', () => {
    assert.equal(
      formatBanner(rollUpBanner([marks[2]!, marks[3]!, marks[0]!], [])),
      'SECRET//REL TO USA, BGR, CZE, ESP, ITA, POL, ROU, SVK, SVN',
    );
  });
  it('is NOFORN when a portion is, or a caption (NOFORN, NODIS, EXDIS) implies it', () => {
    const nf: Marking = { ...marks[1]!, level: 'CONFIDENTIAL', noforn: true };
    assert.equal(formatBanner(rollUpBanner([...marks, nf], [])), 'SECRET//NOFORN');
    assert.equal(formatBanner(rollUpBanner(marks, ['SIPDIS', 'EXDIS'])), 'SECRET//NOFORN');
    assert.equal(formatBanner(rollUpBanner([], [])), 'UNCLASSIFIED');
  });
});

describe('parseReaderSpec', () => {
  it('reads levels, abbreviations, nationalities and accesses', () => {
    assert.deepEqual(reader('TOP SECRET/USA/NODIS,EXDIS'), {
      kind: 'reader',
      id: 'TOP SECRET/USA/NODIS,EXDIS',
      clearance: 'TOP SECRET',
      nationality: 'USA',
      accesses: ['NODIS', 'EXDIS'],
      organisation: null,
    });
    assert.equal(reader('S/USA').clearance, 'SECRET');
    assert.equal(reader('secret/pol').nationality, 'POL');
    assert.equal(reader('CONFIDENTIAL/USA//EUR').organisation, 'EUR');
  });
  it('refuses bad specs with an issue', () => {
    for (const bad of ['SECRET', 'SEKRET/USA', 'SECRET/XYZ', 'SECRET/USA/NO$DIS', 'S/USA/A/B/C']) {
      const r = parseReaderSpec(bad, rules);
      assert.ok('issue' in r, bad);
      assert.equal(r.issue.code, 'reader.spec.invalid');
    }
  });
});

describe('canSeePortion', () => {
  it('needs a clearance at or above the portion', () => {
    assert.equal(canSeePortion(reader('C/USA'), marks[1]!, []), false);
    assert.equal(canSeePortion(reader('S/USA'), marks[1]!, []), true);
  });
  it('needs the caption accesses, except for SIPDIS', () => {
    assert.equal(canSeePortion(reader('S/USA'), marks[0]!, ['SIPDIS', 'NODIS']), false);
    assert.equal(canSeePortion(reader('S/USA/NODIS'), marks[0]!, ['SIPDIS', 'NODIS']), true);
    assert.equal(canSeePortion(reader('S/USA'), marks[0]!, ['CHEROKEE']), false);
    assert.equal(canSeePortion(reader('S/USA'), marks[0]!, ['NEWCAPTION']), false); // unknown: closed
  });
  it('needs no access for the SBU captions and CODEL (1,210 corpus cables carry them)', () => {
    for (const caption of ['SENSITIVE', 'SENSITIVE BUT UNCLASSIFIED', 'CODEL'])
      assert.equal(canSeePortion(reader('C/USA'), marks[0]!, ['SIPDIS', caption]), true, caption);
  });
  it('shows a foreign reader only what is REL TO them, never NOFORN or further controls', () => {
    assert.equal(canSeePortion(reader('S/POL'), marks[2]!, ['SIPDIS']), true);
    assert.equal(canSeePortion(reader('S/FRA'), marks[2]!, ['SIPDIS']), false);
    assert.equal(canSeePortion(reader('S/POL'), marks[0]!, []), false); // (U) is not REL TO POL
    assert.equal(canSeePortion(reader('S/POL'), marks[2]!, ['NOFORN']), false);
    assert.equal(canSeePortion(reader('S/POL/NODIS'), marks[2]!, ['NODIS']), false);
    assert.equal(canSeePortion(reader('S/POL'), { ...marks[2]!, other: ['ORCON'] }, []), false);
  });
  it('fails closed on a malformed reader', () => {
    const bad = { ...reader('S/USA'), clearance: 'ULTRA' as Reader['clearance'] };
    assert.equal(canSeePortion(bad, marks[0]!, []), false);
  });
});

describe('redactForReader', () => {
  it('shows a SECRET/POL reader paragraphs 3 and 4 only', () => {
    const view = redactForReader(seed, reader('SECRET/POL'), rules)!;
    assert.deepEqual(numbers(view.cable), ['3', '4']);
    // Who else the cable went to is unmarked text at the cable's level: not for this reader.
    assert.deepEqual(
      [view.cable.to, view.cable.info, view.cable.header.routingIndicators],
      [[], [], []],
    );
    assert.equal(view.cable.header.dtg, seed.header.dtg);
    assert.equal(
      formatBanner(view.banner),
      'SECRET//REL TO USA, BGR, CZE, ESP, ITA, POL, ROU, SVK, SVN',
    );
    assert.equal(view.cable.subject, null); // (U) is not REL TO POL
    assert.deepEqual(view.cable.tags, []); // unmarked text of a SECRET cable
    assert.equal(view.cable.paragraphs[0]?.heading, null);
  });
  it('shows a CONFIDENTIAL/USA reader the (U) paragraphs under an UNCLASSIFIED banner', () => {
    const view = redactForReader(seed, reader('CONFIDENTIAL/USA'), rules)!;
    assert.deepEqual(numbers(view.cable), ['1', '5', '6', '7']);
    assert.equal(formatBanner(view.banner), 'UNCLASSIFIED');
    assert.equal(view.cable.classificationLine, 'UNCLAS');
    assert.equal(view.cable.header.securityWarning, 'ZNR UUUUU ZZH');
    assert.equal(view.cable.archive?.classification, 'UNCLASSIFIED');
    assert.equal(view.cable.classifiedBy, null);
    assert.equal(view.cable.eo?.notApplicable, true);
  });
  it('shows a SECRET/USA reader everything', () => {
    const view = redactForReader(seed, reader('SECRET/USA'), rules)!;
    assert.deepEqual(numbers(view.cable), ['1', '2', '3', '4', '5', '6', '7']);
    assert.equal(formatBanner(view.banner), 'SECRET');
    assert.deepEqual(view.cable.tags, seed.tags);
  });
  it('gives a reader who may see nothing nothing at all', () => {
    assert.equal(redactForReader(seed, reader('CONFIDENTIAL/FRA'), rules), null);
    assert.equal(
      redactForReader(buildCable({ captions: ['NODIS'] }), reader('TS/USA'), rules),
      null,
    );
  });
  it('treats unmarked paragraphs of a classified cable as the cable level, hidden from foreigners', () => {
    const cable = buildCable({ paragraphs: [...seedParagraphs, paragraph('8', null, 'unmarked')] });
    assert.ok(
      !numbers(redactForReader(cable, reader('CONFIDENTIAL/USA'), rules)!.cable).includes('8'),
    );
    assert.ok(numbers(redactForReader(cable, reader('SECRET/USA'), rules)!.cable).includes('8'));
    assert.ok(!numbers(redactForReader(cable, reader('TS/POL'), rules)!.cable).includes('8'));
  });
  it('never shows a foreign reader an unmarked paragraph, even in an UNCLASSIFIED cable', () => {
    const cable = buildCable({
      classificationLine: 'UNCLAS',
      archive: null,
      paragraphs: [paragraph('1', null, 'plain'), paragraph('2', '(U//REL TO USA, GBR)', 'shared')],
    });
    assert.deepEqual(numbers(redactForReader(cable, reader('U/GBR'), rules)!.cable), ['2']);
    assert.deepEqual(numbers(redactForReader(cable, reader('U/USA'), rules)!.cable), ['1', '2']);
  });
  it('agrees with visiblePortions', () => {
    assert.deepEqual(
      visiblePortions(reader('CONFIDENTIAL/USA'), seed, rules).map((p) => p.field),
      ['subject', 'paragraphs[0]', 'paragraphs[4]', 'paragraphs[5]', 'paragraphs[6]'],
    );
  });
});

describe('releasableExtract', () => {
  it('releases paragraphs 3 and 4 of the seed to Bulgaria, banner SECRET//REL TO USA, BGR', () => {
    const extract = releasableExtract(seed, 'BGR', rules)!;
    assert.deepEqual(
      extract.portions.map((p) => p.number),
      ['3', '4'],
    );
    assert.equal(formatBanner(extract.banner), 'SECRET//REL TO USA, BGR');
    assert.deepEqual(extract.parent, {
      id: '08STATE98975',
      messageReference: 'STATE 098975',
      date: '2008-09-16',
    });
    assert.equal(
      formatPortionMark(extract.portions[0]!.marking),
      '(S//REL TO USA, BGR, CZE, ESP, ITA, POL, ROU, SVK, SVN)',
    );
  });
  it('releases nothing to a country not named, under a NOFORN caption, or from unmarked text', () => {
    assert.equal(releasableExtract(seed, 'FRA', rules), null);
    assert.equal(releasableExtract(seed, 'USA', rules), null);
    assert.equal(releasableExtract(buildCable({ captions: ['NOFORN'] }), 'BGR', rules), null);
    assert.equal(releasableExtract(buildCable({ captions: ['LIMDIS'] }), 'BGR', rules), null);
    const unmarked = buildCable({ paragraphs: [paragraph('1', null, 'x')] });
    assert.equal(releasableExtract(unmarked, 'BGR', rules), null);
  });
});
