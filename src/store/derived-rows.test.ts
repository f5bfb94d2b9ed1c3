/** Derived rows: the stored Cable JSON shares the paragraph texts with the portion rows and restores exactly. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { corpusFiles, noSharedReason, seedPath } from '../../test/support/shared.ts';
import { directory } from '../directory/directory.ts';
import { markingRules } from '../directory/marking-rules.ts';
import { prepareCable } from '../service/prepare-cable.ts';
import { compactCableJson, deriveRows, inflateCableJson } from './derived-rows.ts';

const ctx = { reference: directory(), rules: markingRules() };

void test(
  'the compact Cable JSON restores every cable exactly and is smaller',
  {
    skip: seedPath === undefined ? noSharedReason : false,
  },
  () => {
    let full = 0;
    let compact = 0;
    for (const file of [seedPath!, ...corpusFiles().filter((_, i) => i % 50 === 0)]) {
      const prepared = prepareCable(readFileSync(file), file, ctx);
      if (prepared.kind !== 'ready') continue;
      const rows = deriveRows(prepared.input);
      const bodies = new Map(rows.portions.map((p) => [p.ordinal, p.body]));
      assert.deepEqual(
        inflateCableJson(rows.cable.parsed, (o) => bodies.get(o)),
        prepared.input.cable,
        file,
      );
      full += JSON.stringify(prepared.input.cable).length;
      compact += rows.cable.parsed.length;
    }
    assert.ok(compact < full / 2, `compact ${String(compact)} vs full ${String(full)}`);
  },
);

void test('a summary that is a portion body is written as a reference and restored', () => {
  const cable = {
    summary: 'S.',
    paragraphs: [{ heading: null, number: '1', marking: null, text: 'A.' }],
  } as never;
  const json = compactCableJson(cable, [
    { ordinal: 0, body: 'A.' },
    { ordinal: 1, body: 'S.' },
  ]);
  assert.match(json, /"summary":\{"\$portion":1\}/);
  assert.deepEqual(
    inflateCableJson(json, (o) => ['A.', 'S.'][o]),
    cable,
  );
});

void test('plain Cable JSON (rows written before compaction) reads back unchanged', () => {
  const cable = {
    kind: 'cable',
    paragraphs: [{ heading: null, number: '1', marking: null, text: 'T.' }],
  };
  assert.deepEqual(
    inflateCableJson(JSON.stringify(cable), () => undefined),
    cable,
  );
});

void test('a paragraph text that is no portion body stays inline', () => {
  const json = compactCableJson(
    {
      paragraphs: [
        { heading: null, number: '1', marking: null, text: 'A.' },
        { heading: null, number: '2', marking: null, text: 'B.' },
      ],
    } as never,
    [{ ordinal: 3, body: 'B.' }],
  );
  assert.match(json, /"text":"A\."/);
  assert.match(json, /"text":\{"\$portion":3\}/);
});
