/** The store contract: one suite every adapter must pass (run by store.test.ts for each of STORES). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Cable, Level } from '../format/index.ts';
import { emptyCable } from '../format/empty-cable.ts';
import { plainMarking, type Marking } from '../model/marking.ts';
import type { Reader } from '../model/reader.ts';
import { parseSearchQuery } from './search-query.ts';
import { snippetText } from './snippet.ts';
import type { CableInput, PortionKind, SearchResult, SnippetPart, Store } from './store.ts';

/** A store under test and how to dispose of it. */
export interface StoreUnderTest {
  readonly store: Store;
  readonly dispose: () => Promise<void>;
}

const m = (level: Level, extra: Partial<Marking> = {}): Marking => ({
  ...plainMarking(level),
  ...extra,
});

const reader = (clearance: Level, nationality = 'USA', accesses: string[] = []): Reader => ({
  kind: 'reader',
  id: `${clearance}/${nationality}`,
  clearance,
  nationality,
  accesses,
  organisation: null,
});

const TS = reader('TOP SECRET', 'USA', ['NODIS', 'EXDIS']);
const C_USA = reader('CONFIDENTIAL');
const S_POL = reader('SECRET', 'POL');

interface Spec {
  readonly id: string;
  readonly raw?: string;
  readonly date?: string;
  readonly tags?: string[];
  readonly captions?: string[];
  readonly to?: [string, string][];
  readonly refs?: (string | null)[];
  readonly portions: [PortionKind, Marking, string][];
}

/** A CableInput built from a compact spec; the raw text is derived unless given. */
export function cableInput(spec: Spec): CableInput {
  const raw =
    spec.raw ??
    `${spec.id}\n${spec.date ?? ''}\n\n${spec.portions.map((p) => p[2]).join('\n\n')}\n`;
  const cable: Cable = {
    ...bareCable,
    archive: {
      id: spec.id,
      created: spec.date ?? null,
      released: null,
      classification: null,
      origin: null,
    },
    tags: (spec.tags ?? []).map((code) => ({ code, kind: 'subject', raw: code })),
    captions: spec.captions ?? [],
    to: (spec.to ?? []).map(([ri, name]) => ({
      routingIndicator: ri,
      name,
      precedence: 'IMMEDIATE',
      serial: null,
      collective: false,
    })),
    references: (spec.refs ?? []).map((id, i) => ({
      label: String.fromCharCode(65 + i),
      id,
      kind: id === null ? 'other' : 'cable',
      text: id ?? 'TELCON 2008-09-01',
      captions: [],
    })),
    subject: spec.portions.find((p) => p[0] === 'subject')?.[2] ?? null,
  };
  const levels = spec.portions.map((p) => p[1].level);
  const top = (['TOP SECRET', 'SECRET', 'CONFIDENTIAL', 'UNCLASSIFIED'] as const).find((l) =>
    levels.includes(l),
  );
  return {
    id: spec.id,
    raw,
    sha256: sha(raw),
    cable,
    issues: [],
    date: spec.date ?? null,
    origin: spec.id.slice(2).replace(/\d+$/, ''),
    banner: m(top ?? 'UNCLASSIFIED'),
    captions: spec.captions ?? [],
    portions: spec.portions.map(([kind, marking, text], i) => ({
      kind,
      number: kind === 'paragraph' ? String(i) : null,
      marking,
      marked: true,
      text,
    })),
  };
}

const bareCable: Cable = emptyCable(null);

// A tiny stable digest (the contract does not care how the importer computes it).
function sha(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `fnv-${(h >>> 0).toString(16)}-${text.length}`;
}

const SEED = cableInput({
  id: '08STATE98975',
  date: '2008-09-16',
  tags: ['PARM', 'PREL', 'CH'],
  captions: ['SIPDIS'],
  to: [
    ['RUEHSF', 'AMEMBASSY SOFIA'],
    ['RUEHWR', 'AMEMBASSY WARSAW'],
  ],
  refs: ['08STATE11111', null],
  portions: [
    ['subject', m('UNCLASSIFIED'), 'URGING COALITION ALLIES TO APPROACH BEIJING'],
    ['paragraph', m('UNCLASSIFIED'), 'This is an action request about the nonpaper.'],
    ['paragraph', m('SECRET'), 'Getting China to enforce its export controls on zebra items.'],
    [
      'paragraph',
      m('SECRET', { relTo: ['USA', 'BGR', 'POL'] }),
      'Washington requests Posts deliver the nonpaper on export control laws.',
    ],
    ['paragraph', m('UNCLASSIFIED'), 'Posts should report results within seven days.'],
  ],
});
const OLDER = cableInput({
  id: '08STATE11111',
  date: '2008-03-02',
  tags: ['PARM'],
  portions: [
    ['subject', m('SECRET'), 'SECRET SUBJECT ABOUT GIRAFFE'],
    ['paragraph', m('SECRET'), 'Giraffe export control talks with Beijing.'],
  ],
});
const PRAGUE = cableInput({
  id: '08PRAGUE600',
  date: '2008-09-24',
  tags: ['PARM', 'EZ'],
  refs: ['08STATE98975'],
  portions: [
    ['subject', m('CONFIDENTIAL'), 'CZECHS SHARE ASSESSMENT ON CHINESE PROLIFERATION'],
    ['paragraph', m('CONFIDENTIAL'), 'The MFA shares our assessment on export control.'],
    ['paragraph', m('UNCLASSIFIED'), 'Embassy Prague delivered the nonpaper.'],
  ],
});
const NODIS = cableInput({
  id: '09STATE5',
  date: '2009-01-05',
  tags: ['PREL'],
  captions: ['NODIS'],
  portions: [['paragraph', m('UNCLASSIFIED'), 'Nonpaper on okapi matters for principals only.']],
});
const PARIS = cableInput({
  id: '07PARIS123',
  date: '2007-12-31',
  tags: ['PREL', 'FR'],
  portions: [
    ['subject', m('UNCLASSIFIED'), 'FRENCH VIEWS'],
    ['paragraph', m('UNCLASSIFIED'), 'Élysée officials discussed the nonpaper and café diplomacy.'],
  ],
});

/**
 * Registers the contract tests for one adapter.
 *
 * @example storeContract('sqlite', async () => ({ store: await openSqliteStore(tmp), dispose }))
 */
export function storeContract(name: string, open: () => Promise<StoreUnderTest>): void {
  void describe(`store contract: ${name}`, () => {
    let sut: StoreUnderTest;
    let store: Store;
    const q = (
      text: string,
      r: Reader = TS,
      page = 1,
      size = 20,
      sort: 'relevance' | 'date' = 'relevance',
    ) => {
      const parsed = parseSearchQuery(text);
      assert.deepEqual(parsed.issues, [], `query ${text} parses cleanly`);
      return store.search(parsed.query, r, { sort, page, size });
    };
    const ids = (res: SearchResult) => res.hits.map((h) => h.id);

    before(async () => {
      sut = await open();
      store = sut.store;
      assert.deepEqual(await store.putCables([SEED, OLDER, PRAGUE, NODIS, PARIS]), [
        'imported',
        'imported',
        'imported',
        'imported',
        'imported',
      ]);
    });
    after(async () => {
      await sut.dispose();
    });

    void test('keeps the raw text byte for byte beside the parsed fields', async () => {
      const raw = 'X\tY  \r\n¶4. (S) Café – “quoted” \u{1F4E8}\n\n\n';
      const input = cableInput({
        id: '10ROME1',
        raw,
        portions: [['paragraph', m('UNCLASSIFIED'), 'café']],
      });
      assert.deepEqual(await store.putCables([input]), ['imported']);
      const got = await store.getCable('10ROME1');
      assert.ok(got);
      assert.equal(got.raw, raw);
      assert.equal(Buffer.from(got.raw).equals(Buffer.from(raw)), true);
      assert.equal(got.version, 1);
      assert.equal(got.current, true);
      assert.deepEqual(got.cable, input.cable);
      assert.equal(got.portions[0]?.text, 'café');
      assert.deepEqual(got.portions[0]?.marking, m('UNCLASSIFIED'));
      assert.equal(await store.getCable('10ROME404'), undefined);
    });

    void test('importing the same text twice adds nothing', async () => {
      const before = await store.counts();
      assert.deepEqual(await store.putCables([SEED, PARIS]), ['unchanged', 'unchanged']);
      assert.deepEqual(await store.counts(), before);
      assert.equal((await store.versions('08STATE98975')).length, 1);
      assert.deepEqual(
        await store.knownTexts([
          { id: SEED.id, sha256: SEED.sha256 },
          { id: SEED.id, sha256: PARIS.sha256 },
          { id: '99NOWHERE1', sha256: SEED.sha256 },
          { id: PARIS.id, sha256: PARIS.sha256 },
        ]),
        [true, false, false, true],
      );
    });

    void test('a changed text is a new current version; the old one is kept and no longer searched', async () => {
      const v1 = cableInput({
        id: '06BERN9',
        date: '2006-08-23',
        portions: [['paragraph', m('UNCLASSIFIED'), 'The first text mentions walrus.']],
      });
      const v2 = cableInput({
        id: '06BERN9',
        date: '2006-08-23',
        portions: [['paragraph', m('UNCLASSIFIED'), 'The second text mentions narwhal.']],
      });
      assert.deepEqual(await store.putCables([v1]), ['imported']);
      assert.deepEqual(await store.putCables([v2]), ['updated']);
      assert.deepEqual(await store.putCables([v2, v1]), ['unchanged', 'unchanged']);
      const versions = await store.versions('06BERN9');
      assert.deepEqual(
        versions.map((v) => [v.version, v.current, v.sha256]),
        [
          [1, false, v1.sha256],
          [2, true, v2.sha256],
        ],
      );
      assert.equal((await store.getCable('06BERN9'))?.raw, v2.raw);
      assert.equal((await store.getCable('06BERN9', 1))?.raw, v1.raw);
      assert.equal((await q('walrus')).total, 0);
      assert.deepEqual(ids(await q('narwhal')), ['06BERN9']);
    });

    void test('the same id twice in one batch behaves like two batches', async () => {
      const a = cableInput({ id: '05OSLO1', portions: [['paragraph', m('UNCLASSIFIED'), 'one']] });
      const b = cableInput({ id: '05OSLO1', portions: [['paragraph', m('UNCLASSIFIED'), 'two']] });
      assert.deepEqual(await store.putCables([a, b, a]), ['imported', 'updated', 'unchanged']);
      assert.equal((await store.getCable('05OSLO1'))?.version, 2);
    });

    void test('a failing item rolls back its whole batch', async () => {
      const good = cableInput({
        id: '04LIMA7',
        portions: [['paragraph', m('UNCLASSIFIED'), 'a good cable about quokka']],
      });
      const bad = {
        ...cableInput({ id: '04LIMA8', portions: [['paragraph', m('UNCLASSIFIED'), 'x']] }),
        raw: null as unknown as string,
      };
      const before = await store.counts();
      await assert.rejects(store.putCables([good, bad]));
      assert.deepEqual(await store.counts(), before);
      assert.equal(await store.getCable('04LIMA7'), undefined);
      assert.equal((await q('quokka')).total, 0);
      assert.deepEqual(await store.putCables([good]), ['imported']);
      assert.deepEqual(ids(await q('quokka')), ['04LIMA7']);
    });

    void test('references resolve to stored cables; unresolved ones are kept; cited-by is listed', async () => {
      const graph = await store.references('08STATE98975');
      assert.deepEqual(graph.outgoing, [
        { label: 'A', text: '08STATE11111', targetId: '08STATE11111', resolved: true },
        { label: 'B', text: 'TELCON 2008-09-01', targetId: null, resolved: false },
      ]);
      assert.deepEqual(graph.citedBy, ['08PRAGUE600']);
      const prague = await store.references('08PRAGUE600');
      assert.deepEqual(
        prague.outgoing.map((r) => r.resolved),
        [true],
      );
      const lone = cableInput({
        id: '03TOKYO9',
        refs: ['02NOWHERE1'],
        portions: [['paragraph', m('UNCLASSIFIED'), 'lone']],
      });
      await store.putCables([lone]);
      assert.deepEqual(
        (await store.references('03TOKYO9')).outgoing.map((r) => r.resolved),
        [false],
      );
      // The target arrives later: the reference resolves without re-importing the citing cable.
      await store.putCables([
        cableInput({ id: '02NOWHERE1', portions: [['paragraph', m('UNCLASSIFIED'), 'here']] }),
      ]);
      assert.deepEqual(
        (await store.references('03TOKYO9')).outgoing.map((r) => r.resolved),
        [true],
      );
    });

    void test('search combines words, phrases, exclusions, prefixes and fields', async () => {
      const scenario = await q('tag:PARM origin:STATE "export control" date:2008');
      assert.equal(scenario.total, 2);
      assert.deepEqual(new Set(ids(scenario)), new Set(['08STATE98975', '08STATE11111']));
      assert.deepEqual(ids(await q('"export control" -giraffe origin:STATE')), ['08STATE98975']);
      assert.deepEqual(ids(await q('nonpap*', TS, 1, 20, 'date')), [
        '09STATE5',
        '08PRAGUE600',
        '08STATE98975',
        '07PARIS123',
      ]);
      assert.deepEqual(ids(await q('cafe elysee')), ['07PARIS123'], 'diacritics folded');
      assert.deepEqual(ids(await q('nonpaper caption:NODIS')), ['09STATE5']);
      assert.deepEqual(ids(await q('nonpaper to:RUEHWR')), ['08STATE98975']);
      assert.deepEqual(ids(await q('to:"AMEMBASSY SOFIA"')), ['08STATE98975']);
      assert.deepEqual(ids(await q('cites:08STATE98975')), ['08PRAGUE600']);
      assert.deepEqual(ids(await q('citedby:08STATE98975')), ['08STATE11111']);
      assert.deepEqual(ids(await q('class:C')), ['08PRAGUE600']);
      assert.deepEqual(ids(await q('nonpaper date:2008-09-01..2008-09-20')), ['08STATE98975']);
      assert.deepEqual(ids(await q('nonpaper date:2007-12-31')), ['07PARIS123']);
      assert.deepEqual(ids(await q('nonpaper date:..2007-12')), ['07PARIS123']);
      assert.equal((await q('"control export"')).total, 0, 'phrases keep word order');
      assert.equal((await q('zebra giraffe')).total, 0, 'all words in one portion');
    });

    void test('results sort by relevance or date and page without overlap', async () => {
      const all = await q('nonpaper', TS, 1, 20, 'date');
      assert.equal(all.total, 4);
      const dates = all.hits.map((h) => h.date ?? '');
      assert.deepEqual(dates, [...dates].sort().reverse());
      const pages = [];
      for (let p = 1; p <= 3; p++) pages.push(...ids(await q('nonpaper', TS, p, 2, 'date')));
      assert.deepEqual(pages, ids(all));
      const rel = await q('nonpaper');
      assert.equal(rel.total, 4);
      assert.deepEqual(new Set(ids(rel)), new Set(ids(all)));
      const hit = rel.hits.find((h) => h.id === '07PARIS123');
      assert.ok(hit);
      assert.match(snippetText(hit.snippets[0] ?? []), /\[nonpaper\]/);
      assert.deepEqual(all.facets.year, [
        { value: '2008', count: 2 },
        { value: '2007', count: 1 },
        { value: '2009', count: 1 },
      ]);
    });

    void test('a CONFIDENTIAL/USA reader gets no hit, snippet, count or facet from a SECRET portion', async () => {
      assert.equal((await q('zebra', C_USA)).total, 0);
      assert.equal((await q('giraffe', C_USA)).total, 0);
      const scenario = await q('tag:PARM origin:STATE "export control" date:2008', C_USA);
      assert.equal(scenario.total, 0);
      assert.deepEqual(scenario.facets, { tags: [], origin: [], year: [] });
      const nonpaper = await q('nonpaper', C_USA);
      // Seed (U paragraph), Prague (U paragraph), Paris; not the NODIS cable.
      assert.deepEqual(
        new Set(ids(nonpaper)),
        new Set(['08STATE98975', '08PRAGUE600', '07PARIS123']),
      );
      const seed = nonpaper.hits.find((h) => h.id === '08STATE98975');
      assert.ok(seed);
      assert.equal(seed.banner, 'UNCLASSIFIED');
      const text = seed.snippets.map((s) => snippetText(s)).join(' ');
      assert.doesNotMatch(text, /zebra|Washington requests/);
      const all = await q('', C_USA);
      assert.equal(ids(all).includes('08STATE11111'), false, 'an all-SECRET cable is in no count');
      assert.equal(all.total, all.hits.length);
      assert.equal((await q('citedby:08STATE11111', C_USA)).total, 0);
      assert.deepEqual(
        (await q('class:S', C_USA)).total,
        0,
        'the level is the level this reader sees',
      );
      const visible = await store.visibleIds(['08STATE98975', '08STATE11111', '09STATE5'], C_USA);
      assert.deepEqual([...visible].sort(), ['08STATE98975']);
    });

    void test('a foreign reader sees only portions released to their country', async () => {
      const res = await q('nonpaper', S_POL);
      assert.deepEqual(ids(res), ['08STATE98975']);
      const hit = res.hits[0]!;
      assert.equal(hit.subject, null, 'the subject is not REL TO POL');
      assert.equal(hit.banner, 'SECRET//REL TO USA, BGR, POL');
      assert.match(hit.snippets.map((s) => snippetText(s)).join(' '), /Washington requests/);
      assert.equal((await q('seven days', S_POL)).total, 0);
      assert.equal((await q('', reader('TOP SECRET', 'FRA'))).total, 0);
    });

    void test('a class added after a search is decided for the next one, for every reader', async () => {
      // The search before the put keeps the class table and each reader's visible set.
      assert.equal((await q('quetzal', S_POL)).total, 0);
      assert.equal((await q('quetzal')).total, 0);
      await store.putCables([
        cableInput({
          id: '08STATE77001',
          date: '2008-10-02',
          portions: [
            [
              'subject',
              { ...plainMarking('SECRET'), relTo: ['USA', 'POL'] },
              '(S//REL TO USA, POL) Quetzal',
            ],
            [
              'paragraph',
              { ...plainMarking('SECRET'), relTo: ['USA', 'FRA'] },
              'Quetzal for France only.',
            ],
          ],
        }),
      ]);
      const pol = await q('quetzal', S_POL);
      assert.deepEqual(ids(pol), ['08STATE77001'], 'the new REL TO POL class is visible to POL');
      assert.doesNotMatch(
        pol.hits.flatMap((h) => h.snippets.map((s) => snippetText(s))).join(' '),
        /France/,
        'the new REL TO FRA class is not',
      );
      assert.deepEqual(ids(await q('quetzal')), ['08STATE77001']);
      assert.equal((await q('quetzal', reader('CONFIDENTIAL'))).total, 0);
    });

    void test('TAGS, REF lists and addressees are unmarked text: no filter or facet reveals them to a partial reader', async () => {
      // The seed is SECRET overall: a CONFIDENTIAL reader sees its UNCLASSIFIED paragraphs only.
      const c = await q('nonpaper', C_USA);
      assert.deepEqual(
        c.facets.tags.map((t) => [t.value, t.count]),
        [
          ['EZ', 1],
          ['FR', 1],
          ['PARM', 1],
          ['PREL', 1],
        ],
      );
      assert.deepEqual(ids(await q('nonpaper tag:PARM', C_USA)), ['08PRAGUE600']);
      assert.deepEqual(ids(await q('nonpaper tag:PARM')).sort(), ['08PRAGUE600', '08STATE98975']);
      assert.equal((await q('cites:08STATE11111', C_USA)).total, 0);
      assert.deepEqual(ids(await q('cites:08STATE11111')), ['08STATE98975']);
      const pol = await q('nonpaper', S_POL);
      assert.equal(pol.total, 1);
      assert.deepEqual(pol.facets.tags, []);
      assert.equal((await q('nonpaper tag:PARM', S_POL)).total, 0);
      assert.equal((await q('nonpaper to:RUEHWR', S_POL)).total, 0);
      assert.deepEqual(ids(await q('nonpaper to:RUEHWR')), ['08STATE98975']);
    });

    void test('the subject is shown only to a reader who may see it', async () => {
      const res = await q('prague', C_USA);
      assert.equal(res.hits[0]?.subject, 'CZECHS SHARE ASSESSMENT ON CHINESE PROLIFERATION');
      const u = await q('prague', reader('UNCLASSIFIED'));
      assert.equal(u.hits[0]?.id, '08PRAGUE600');
      assert.equal(u.hits[0]?.subject, null);
      assert.equal(u.hits[0]?.banner, 'UNCLASSIFIED');
    });

    void test('a snippet repeats the subject line only when nothing else matched', async () => {
      const texts = (hit: { snippets: readonly (readonly SnippetPart[])[] } | undefined) =>
        (hit?.snippets ?? []).map((s) => snippetText(s));
      const byFields = await q('to:RUEHWR');
      assert.deepEqual(ids(byFields), ['08STATE98975']);
      assert.equal(byFields.hits[0]?.subject, 'URGING COALITION ALLIES TO APPROACH BEIJING');
      assert.deepEqual(texts(byFields.hits[0]), [
        'This is an action request about the nonpaper.',
        'Getting China to enforce its export controls on zebra items.',
      ]);
      assert.deepEqual(
        texts((await q('beijing coalition')).hits[0]),
        ['URGING [COALITION] ALLIES TO APPROACH [BEIJING]'],
        'matched in the subject alone: the snippet shows why',
      );
    });

    void test('access classes are few: one per distinct marking and captions', async () => {
      const classes = await store.accessClasses();
      const keys = classes.map((c) => JSON.stringify([c.marking, c.captions]));
      assert.equal(new Set(keys).size, keys.length);
      assert.ok(classes.length <= 10, `${classes.length} classes`);
    });

    void test('settling after a bulk import changes no result', async () => {
      const before = await q('nonpaper', C_USA);
      await store.settle();
      assert.deepEqual(await q('nonpaper', C_USA), before);
    });

    void test('reads are audited', async () => {
      await store.audit({
        actor: 'CONFIDENTIAL/USA',
        action: 'search',
        target: 'nonpaper',
        count: 3,
      });
      const [last] = await store.auditTrail(1);
      assert.ok(last);
      assert.equal(last.actor, 'CONFIDENTIAL/USA');
      assert.equal(last.count, 3);
      assert.match(last.at, /^\d{4}-\d{2}-\d{2}T/);
    });
  });
}
