/** The archive use cases end to end on a real SQLite file: import, search, show and refs per reader. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseReaderSpec } from '../model/reader-spec.ts';
import type { Reader } from '../model/reader.ts';
import { openPostgresStore } from '../store/postgres/postgres-store.ts';
import { postgresTestDatabase } from '../store/postgres/test-database.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { noSharedReason, seedPath } from '../../test/support/shared.ts';
import { cableReferences } from './cable-references.ts';
import { importCables } from './import-cables.ts';
import { operatorOf } from './readers.ts';
import { searchArchive } from './search-archive.ts';
import { noVersionMessage, notFoundMessage, showCable } from './show-cable.ts';

const as = (spec: string): Reader => {
  const r = parseReaderSpec(spec);
  if ('issue' in r) throw new Error(r.issue.message);
  return r.reader;
};

/** A reply from Prague citing the seed: CONFIDENTIAL with one UNCLASSIFIED paragraph. */
const PRAGUE = `08PRAGUE600
2008-09-24 10:10
2011-02-02 21:09
CONFIDENTIAL
Embassy Prague

VZCZCXRO1234
OO RUEHC
DE RUEHPG #0600 2681010
ZNY CCCCC ZZH
O 241010Z SEP 08
FM AMEMBASSY PRAGUE
TO RUEHC/SECSTATE WASHDC IMMEDIATE 1234
INFO RUEHSF/AMEMBASSY SOFIA PRIORITY 0001

C O N F I D E N T I A L PRAGUE 000600

SIPDIS

E.O. 12958: DECL: 09/24/2018
TAGS: PARM PREL KNNP EZ CH IR
SUBJECT: CZECHS SHARE ASSESSMENT ON CHINESE PROLIFERATION

REF: STATE 98975

Classified By: Ambassador Richard W. Graber for reasons 1.4 (b) and (d).

1. (C) Embassy delivered the nonpaper on export control to the MFA deputy director for nonproliferation.

2. (U) The Czech side shares our assessment of the aardvark question.

GRABER
`;

const stores = (process.env.STORES ?? 'sqlite,postgres').split(',').map((s) => s.trim());
const pg = stores.includes('postgres')
  ? await postgresTestDatabase()
  : { skip: 'STORES excludes postgres' };

for (const kind of ['sqlite', 'postgres'] as const)
  archiveUseCases(
    kind,
    seedPath === undefined
      ? noSharedReason
      : !stores.includes(kind)
        ? `STORES excludes ${kind}`
        : kind === 'postgres' && 'skip' in pg
          ? pg.skip
          : false,
  );

function archiveUseCases(kind: 'sqlite' | 'postgres', skip: string | false): void {
  void describe(`archive use cases: ${kind}`, { skip }, () => {
    let dir: string;
    let store: Store;
    let dropDatabase = () => Promise.resolve();
    let operator: Reader;
    const seedText = () => readFileSync(seedPath!, 'utf8');

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'chancery-archive-'));
      mkdirSync(join(dir, 'in', 'nested'), { recursive: true });
      writeFileSync(join(dir, 'in', '08STATE98975.txt'), seedText());
      writeFileSync(join(dir, 'in', 'nested', '08PRAGUE600.txt'), PRAGUE);
      writeFileSync(join(dir, 'in', 'nested', 'notes.md'), 'not a cable, not *.txt');
      writeFileSync(join(dir, 'in', 'latin1.txt'), Buffer.from([0x30, 0x38, 0xe9, 0xff, 0x0a]));
      writeFileSync(join(dir, 'in', 'noid.txt'), 'Hello, this is not an archive record.\n');
      writeFileSync(join(dir, 'in', '08ROME1.txt'), PRAGUE);
      symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'in', 'broken.txt'));
      if (kind === 'sqlite') store = await openSqliteStore(join(dir, 'archive.db'));
      else if (!('skip' in pg)) {
        const database = await pg.create();
        dropDatabase = database.drop;
        store = await openPostgresStore(database.url);
      }
    });
    after(async () => {
      await store.close();
      await dropDatabase();
      rmSync(dir, { recursive: true, force: true });
    });

    test('imports a folder recursively and reports every rejected file with its reason', async () => {
      const report = await importCables(store, [join(dir, 'in')], { batchSize: 1 });
      assert.equal(report.imported, 2);
      assert.equal(report.unchanged, 0);
      const reasons = Object.fromEntries(
        report.rejected.map((r) => [r.file.slice(join(dir, 'in').length + 1), r.reason]),
      );
      assert.deepEqual(Object.keys(reasons).sort(), [
        '08ROME1.txt',
        'broken.txt',
        'latin1.txt',
        'noid.txt',
      ]);
      assert.match(reasons['broken.txt']!, /cannot read/);
      assert.match(reasons['latin1.txt']!, /not UTF-8/);
      assert.match(reasons['noid.txt']!, /no archive id/);
      assert.match(reasons['08ROME1.txt']!, /08PRAGUE600 does not match the file name 08ROME1/);
      const stored = await store.getCable('08STATE98975');
      assert.equal(stored?.raw, seedText(), 'kept byte for byte');
      operator = await operatorOf(store);
    });

    test('importing again adds nothing; a changed text is a new version, the old one kept', async () => {
      const again = await importCables(store, [join(dir, 'in')]);
      assert.deepEqual([again.imported, again.unchanged, again.updated], [0, 2, 0]);
      writeFileSync(
        join(dir, 'in', 'nested', '08PRAGUE600.txt'),
        PRAGUE.replace('aardvark', 'anteater'),
      );
      const changed = await importCables(store, [join(dir, 'in', 'nested')]);
      assert.deepEqual([changed.imported, changed.unchanged, changed.updated], [0, 0, 1]);
      assert.deepEqual(
        (await store.versions('08PRAGUE600')).map((v) => v.current),
        [false, true],
      );
      assert.equal((await store.getCable('08PRAGUE600', 1))?.raw, PRAGUE);
    });

    test('the scenario search: the analyst finds the seed, a CONFIDENTIAL reader does not', async () => {
      const query = 'origin:STATE "export control" date:2008';
      const analyst = await searchArchive(store, { query, reader: operator });
      assert.deepEqual(
        analyst.result?.hits.map((h) => h.id),
        ['08STATE98975'],
      );
      const confidential = await searchArchive(store, { query, reader: as('CONFIDENTIAL/USA') });
      assert.equal(confidential.result?.total, 0);
      const nonpaper = await searchArchive(store, {
        query: 'nonpaper',
        reader: as('CONFIDENTIAL/USA'),
      });
      assert.deepEqual(
        nonpaper.result?.hits.map((h) => [h.id, h.banner]),
        [['08PRAGUE600', 'CONFIDENTIAL']],
      );
      const bad = await searchArchive(store, {
        query: 'colour:red date:2008-13',
        reader: operator,
      });
      assert.equal(bad.result, null);
      assert.deepEqual(
        bad.issues.map((i) => i.code),
        ['search.field.unknown', 'search.date.invalid'],
      );
    });

    test('show: the whole text, a redacted view, or the same not-found as for an absent id', async () => {
      const full = await showCable(store, '08STATE98975', operator);
      assert.equal(full.kind, 'full');
      assert.equal(full.kind === 'full' && full.text, seedText());
      const pol = await showCable(store, '08STATE98975', as('SECRET/POL'));
      assert.equal(pol.kind, 'redacted');
      if (pol.kind === 'redacted') {
        assert.match(pol.text, /Washington requests Posts deliver/);
        assert.doesNotMatch(pol.text, /Getting China to aggressively/);
        assert.doesNotMatch(pol.text, /report results within seven days/);
        assert.equal(pol.banner, 'SECRET//REL TO USA, BGR, CZE, ESP, ITA, POL, ROU, SVK, SVN');
      }
      const french = await showCable(store, '08STATE98975', as('CONFIDENTIAL/FRA'));
      const absent = await showCable(store, '08NOWHERE1', as('CONFIDENTIAL/FRA'));
      assert.deepEqual(french, { kind: 'not-found', message: notFoundMessage('08STATE98975') });
      assert.deepEqual(absent, { kind: 'not-found', message: notFoundMessage('08NOWHERE1') });
      const old = await showCable(store, '08PRAGUE600', operator, 1);
      assert.equal(old.kind === 'full' && old.text, PRAGUE);
      assert.deepEqual(await showCable(store, '08PRAGUE600', operator, 9), {
        kind: 'not-found',
        message: noVersionMessage('08PRAGUE600', 9, [1, 2]),
      });
      assert.deepEqual(
        await showCable(store, '08PRAGUE600', as('CONFIDENTIAL/FRA'), 9),
        { kind: 'not-found', message: notFoundMessage('08PRAGUE600') },
        'a reader who may see no version learns of none',
      );
    });

    test('refs: resolved references and cited-by, filtered for the reader', async () => {
      const seed = await cableReferences(store, '08STATE98975', operator);
      assert.equal(seed.kind, 'found');
      assert.deepEqual(seed.kind === 'found' && seed.citedBy, ['08PRAGUE600']);
      const prague = await cableReferences(store, '08PRAGUE600', operator);
      assert.deepEqual(
        prague.kind === 'found' && prague.outgoing.map((r) => [r.targetId, r.resolved]),
        [['08STATE98975', true]],
      );
      // An UNCLASSIFIED reader sees paragraph 2 of the reply, but not its (unmarked) REF block.
      const u = await cableReferences(store, '08PRAGUE600', as('UNCLASSIFIED/USA'));
      assert.equal(u.kind === 'found' && u.withheld, true);
      assert.deepEqual(u.kind === 'found' && u.outgoing, []);
      // A Polish reader sees the seed's REL TO POL paragraphs but not the reply: it is not listed.
      const pol = await cableReferences(store, '08STATE98975', as('SECRET/POL'));
      assert.deepEqual(pol.kind === 'found' && pol.citedBy, []);
      const french = await cableReferences(store, '08STATE98975', as('CONFIDENTIAL/FRA'));
      assert.deepEqual(french, { kind: 'not-found', message: notFoundMessage('08STATE98975') });
    });

    test('every read is in the audit trail', async () => {
      const trail = await store.auditTrail(100);
      const actions = new Set(trail.map((e) => e.action));
      assert.deepEqual([...actions].sort(), ['refs', 'search', 'show']);
      assert.ok(
        trail.some((e) => e.actor === 'CONFIDENTIAL/FRA' && e.action === 'show' && e.count === 0),
      );
    });
  });
}
