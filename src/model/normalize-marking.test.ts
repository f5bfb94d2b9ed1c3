// Tests of normalizeMarking and formatMarking over the real portion-mark variants of the corpus and the seed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePortionMarking } from '../format/portion-mark.ts';
import { rules } from '../../test/support/marking-rules.ts';
import { formatBanner, formatPortionMark } from './format-marking.ts';
import { canonicalRelTo, normalizeMarking } from './normalize-marking.ts';

const SEED_2008 = '2008-09-16';

/** Normalised canonical portion form of a mark as written, plus the issue codes. */
function canon(raw: string, asOf: string = SEED_2008): { form: string | null; codes: string[] } {
  const parsed = parsePortionMarking(raw, undefined);
  assert.ok(parsed, `${raw} should parse`);
  const { marking, issues } = normalizeMarking(parsed, rules, { asOf });
  return { form: marking && formatPortionMark(marking), codes: issues.map((i) => i.code) };
}

describe('normalizeMarking', () => {
  it('normalises the seed marks to one canonical REL TO form, USA first, trigraphs sorted', () => {
    const expected = '(S//REL TO USA, BGR, CZE, ESP, ITA, POL, ROU, SVK, SVN)';
    const names = 'BULGARIA, CZECH REPUBLIC, ITALY, POLAND, ROMANIA, SLOVAKIA, SLOVENIA, SPAIN';
    assert.deepEqual(canon(`(S/REL ${names})`), { form: expected, codes: [] });
    assert.deepEqual(canon(`(SECRET//REL ${names})`), { form: expected, codes: [] });
    assert.deepEqual(canon(expected), { form: expected, codes: [] });
  });

  it('reads the common State forms', () => {
    const cases: [string, string][] = [
      ['(C)', '(C)'],
      ['(c)', '(C)'],
      ['(U)', '(U)'],
      ['(SBU)', '(SBU)'],
      ['(S/NF)', '(S//NF)'],
      ['(S-NF)', '(S//NF)'],
      ['(C//NF)', '(C//NF)'],
      ['(SBU/NF)', '(SBU//NF)'],
      ['(SBU-N)', '(SBU//NF)'],
      ['(U//FOUO)', '(SBU)'],
      ['(S//FGI//NF)', '(S//FGI/NF)'],
      ['(C/REL UK)', '(C//REL TO USA, GBR)'],
      ['(C/REL UK, CANADA, AUSTRALIA)', '(C//REL TO USA, AUS, CAN, GBR)'],
      ['(S/Rel China and UK)', '(S//REL TO USA, CHN, GBR)'],
      ['(S//REL TO USA, FVEY)', '(S//REL TO USA, FVEY)'],
      ['(C//REL TO FIVE EYES)', '(C//REL TO USA, FVEY)'],
      ['(C//REL TO USA, KEN, GBR//)', '(C//REL TO USA, GBR, KEN)'],
      ['(TS)', '(TS)'],
    ];
    for (const [raw, form] of cases) assert.equal(canon(raw).form, form, raw);
  });

  it('expands NATO to its members as of the cable date, and keeps atoms it cannot expand', () => {
    const nato2008 = canon('(S/REL NATO)').form!;
    assert.ok(nato2008.startsWith('(S//REL TO USA, BEL, BGR, CAN'));
    assert.ok(!nato2008.includes('ALB'));
    assert.ok(!nato2008.includes('NATO'));
    assert.equal(canon('(S/REL NATO)', '2005-06-01').form, '(S//REL TO USA, NATO)');
    assert.equal(canon('(C/REL ISAF)').form, '(C//REL TO USA, ISAF)');
  });

  it('reports unknown countries instead of dropping them silently, and releases only to the known ones', () => {
    assert.deepEqual(canon('(C//REL AUSTRALIA GROUP)'), {
      form: '(C//REL TO USA, AUSTRALIA_GROUP)',
      codes: [],
    });
    const r = canon('(C//REL TO AUSTRALIA CLUB)');
    assert.equal(r.form, '(C)');
    assert.deepEqual(r.codes, ['marking.rel-to.unknown-country']);
    const mixed = canon('(S/REL ATLANTIS, UK)');
    assert.equal(mixed.form, '(S//REL TO USA, GBR)');
    assert.deepEqual(mixed.codes, ['marking.rel-to.unknown-country']);
  });

  it('reads FIPS digraphs in REL lists, with a warning; an ISO digraph (JP; FIPS says JA) stays unknown', () => {
    const r = canon('(S//REL AS, CA, FR, GM, IT, JP, and UK)');
    assert.equal(r.form, '(S//REL TO USA, AUS, CAN, DEU, FRA, GBR, ITA)');
    assert.equal(r.codes.filter((c) => c === 'marking.rel-to.digraph').length, 5);
    assert.deepEqual(
      r.codes.filter((c) => c !== 'marking.rel-to.digraph'),
      ['marking.rel-to.unknown-country'],
    );
  });

  it('lets NOFORN win over REL TO, and NODIS imply NOFORN', () => {
    const parsed = { ...parsePortionMarking('(S//REL TO USA, GBR)')!, noforn: true };
    const { marking, issues } = normalizeMarking(parsed, rules);
    assert.equal(formatPortionMark(marking!), '(S//NF)');
    assert.deepEqual(
      issues.map((i) => i.code),
      ['marking.portion.noforn-rel-to'],
    );
    const nodis = normalizeMarking(
      { ...parsed, noforn: false, relTo: [], other: ['NODIS'] },
      rules,
    );
    assert.equal(nodis.marking?.noforn, true);
  });

  it('returns null with an issue when the level is unreadable', () => {
    const { marking, issues } = normalizeMarking(parsePortionMarking('(NF)')!, rules, {
      field: 'paragraphs[0].marking',
    });
    assert.equal(marking, null);
    assert.equal(issues[0]?.code, 'marking.portion.unreadable');
    assert.equal(issues[0]?.field, 'paragraphs[0].marking');
  });
});

describe('canonical forms', () => {
  it('sorts USA, then trigraphs, then coalition codes (NSG among the coalitions)', () => {
    assert.deepEqual(canonicalRelTo(['NSG', 'FVEY', 'GBR', 'USA', 'AUS'], rules), [
      'USA',
      'AUS',
      'GBR',
      'FVEY',
      'NSG',
    ]);
    assert.deepEqual(canonicalRelTo([], rules), []);
  });

  it('formats banners with the level spelt out', () => {
    const m = normalizeMarking(parsePortionMarking('(S/REL BULGARIA)')!, rules).marking!;
    assert.equal(formatBanner(m), 'SECRET//REL TO USA, BGR');
    assert.equal(formatBanner({ ...m, relTo: [], noforn: true }), 'SECRET//NOFORN');
    assert.equal(
      formatBanner({ ...m, level: 'UNCLASSIFIED', relTo: [], sbu: true }),
      'UNCLASSIFIED//SBU',
    );
  });
});
