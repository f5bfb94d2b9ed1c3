/** Smoke test of the benchmark code on 60 synthetic cables: every stage runs and returns sane figures (no timing asserted). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { directory } from '../src/directory/directory.ts';
import { listCableFiles } from '../src/service/synth/corpus-files.ts';
import { createSynthWorld, writeSynthCorpus } from '../src/service/synth/synth-corpus.ts';
import { parseReaderSpec } from '../src/model/reader-spec.ts';
import { corpusFiles } from '../test/support/shared.ts';
import type { Corpus } from './corpora.ts';
import { oursImport, oursSearcher } from './ours.ts';
import { formatParseBench, runParseBench } from './parse.ts';
import { queryMix } from './query-mix.ts';
import { sqliteDesignImport, sqliteDesignSearcher } from './sqlite-design.ts';
import { sqliteFloorImport, sqliteFloorSearcher, sqliteVocabulary } from './sqlite-floor.ts';

const dir = mkdtempSync(join(tmpdir(), 'chancery-bench-smoke-'));
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('benchmark smoke (60 cables)', () => {
  const world = createSynthWorld(directory(), corpusFiles().slice(0, 100));
  const report = writeSynthCorpus({ world, count: 60, seed: 'smoke', out: join(dir, 'corpus') });
  const corpus: Corpus = {
    name: 'smoke',
    files: listCableFiles(join(dir, 'corpus')),
    bytes: report.bytes,
  };
  const reader = parseReaderSpec('CONFIDENTIAL/USA');
  if (!('reader' in reader)) throw new Error('reader spec');

  it('parses the cables beside the read-and-split floor', () => {
    const parse = runParseBench(1, corpus.files);
    assert.ok(parse !== null);
    assert.equal(parse.cables, 60);
    assert.ok(
      parse.floorMs > 0 &&
        parse.parseMs > 0 &&
        parse.ratio > 0 &&
        parse.parseOnlyMs > 0 &&
        parse.perFileFloorMs > 0 &&
        parse.perFileParseMs > 0,
    );
    assert.match(formatParseBench(parse), /parse \/ floor/);
  });

  it('imports into the floor, the design index and the store, and searches all three', async () => {
    const floor = sqliteFloorImport(corpus, join(dir, 'floor.db'));
    assert.equal(floor.cables, 60);
    assert.ok(floor.seconds > 0);
    const design = sqliteDesignImport(corpus, join(dir, 'design.db'));
    assert.equal(design.cables, 60);
    const vocab = sqliteVocabulary(join(dir, 'floor.db'), 60);
    assert.equal(vocab.documents, 60);
    const common = vocab.terms
      .filter((t) => /^[a-z]{3,}$/.test(t.term))
      .sort((a, b) => b.docs - a.docs)[0]!;
    const q = { kind: 'common' as const, words: [common.term], date: null };
    const bare = sqliteFloorSearcher(join(dir, 'floor.db'));
    assert.ok(bare.run(q) > 0, `the floor finds "${common.term}"`);
    bare.close();
    const searcher = sqliteDesignSearcher(join(dir, 'design.db'), reader.reader, 'join');
    const found = searcher.run(q);
    assert.ok(found.total > 0 && found.hits.length <= 20);
    searcher.close();
    const ours = await oursImport(corpus, { kind: 'sqlite', path: join(dir, 'ours.db') });
    if (typeof ours === 'string') assert.fail(ours);
    const store = await oursSearcher({ kind: 'sqlite', path: join(dir, 'ours.db') }, reader.reader);
    if (typeof store === 'string') assert.fail(store);
    if (typeof store !== 'string') {
      assert.ok((await store.run(q)) > 0);
      await store.close();
    }
  });

  it('draws 200 queries, half with a date range, when the bands are populated', (t) => {
    const vocab = sqliteVocabulary(join(dir, 'floor.db'), 60);
    try {
      const mix = queryMix(
        vocab.terms,
        vocab.documents,
        vocab.pairs.length > 0 ? vocab.pairs : [['the', 'embassy']],
      );
      assert.equal(mix.length, 200);
      assert.equal(mix.filter((m) => m.date !== null).length, 100);
    } catch (error) {
      t.skip(`60 cables are too few for every frequency band: ${String(error)}`);
    }
  });
});
