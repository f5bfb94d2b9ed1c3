/** Property: whatever the markings and the reader, search reveals only portions the reader may see. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Level } from '../format/index.ts';
import { canSeePortion } from '../model/access.ts';
import { plainMarking, type Marking } from '../model/marking.ts';
import type { Reader } from '../model/reader.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import { cableInput } from './store.contract.ts';
import { parseSearchQuery } from './search-query.ts';
import { snippetText } from './snippet.ts';

const LEVELS: Level[] = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'];
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];

const marking = fc.record({
  level: fc.constantFrom(...LEVELS),
  noforn: fc.boolean(),
  rel: fc.subarray(['BGR', 'POL', 'GBR']),
});
const toMarking = (m: { level: Level; noforn: boolean; rel: string[] }): Marking => ({
  kind: 'marking',
  level: m.level,
  sbu: false,
  noforn: m.noforn,
  relTo: m.noforn || m.rel.length === 0 ? [] : ['USA', ...[...m.rel].sort()],
  other: [],
});
const cable = fc.record({
  captions: fc.subarray(['SIPDIS', 'NODIS', 'EXDIS']),
  portions: fc.array(fc.record({ marking, words: fc.subarray(WORDS, { minLength: 1 }) }), {
    minLength: 1,
    maxLength: 4,
  }),
});
const reader = fc.record({
  clearance: fc.constantFrom(...LEVELS),
  nationality: fc.constantFrom('USA', 'POL', 'FRA'),
  accesses: fc.subarray(['NODIS', 'EXDIS']),
});

test('hits, totals, snippets and facets come only from portions the reader may see', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(cable, { minLength: 1, maxLength: 6 }), reader, async (cables, r) => {
      const store = await openSqliteStore(':memory:');
      try {
        const inputs = cables.map((c, i) =>
          cableInput({
            id: `08STATE${i + 1}`,
            date: `2008-01-${String(i + 1).padStart(2, '0')}`,
            tags: [`T${i}`],
            captions: c.captions,
            portions: c.portions.map((p, j) => [
              'paragraph',
              toMarking(p.marking),
              `${p.words.join(' ')} portion${i}x${j}`,
            ]),
          }),
        );
        await store.putCables(inputs);
        const who: Reader = { kind: 'reader', id: 'r', organisation: null, ...r };
        for (const word of [...WORDS, '']) {
          const res = await store.search(parseSearchQuery(word).query, who, {
            sort: 'date',
            page: 1,
            size: 50,
          });
          // The expected answer, computed independently from the model's decision.
          const expected = inputs.filter((c) =>
            c.portions.some(
              (p) =>
                canSeePortion(who, p.marking, c.captions) && (word === '' || p.text.includes(word)),
            ),
          );
          assert.equal(res.total, expected.length, `total for "${word}"`);
          assert.deepEqual(res.hits.map((h) => h.id).sort(), expected.map((c) => c.id).sort());
          for (const hit of res.hits) {
            const input = inputs.find((c) => c.id === hit.id)!;
            for (const s of hit.snippets) {
              const text = snippetText(s, '', '');
              const from = input.portions.find((p) => p.text === text);
              assert.ok(from, `snippet ${text} is a whole portion`);
              assert.ok(
                canSeePortion(who, from.marking, input.captions),
                'snippet from a visible portion',
              );
            }
          }
          assert.equal(
            res.facets.year.reduce((n, f) => n + f.count, 0),
            expected.length,
            'facet counts cover visible hits only',
          );
          // TAGS belong to the unmarked text: counted only for hits whose unmarked text (the
          // cable's whole level, no REL TO, its captions) the reader may see.
          assert.deepEqual(
            res.facets.tags.map((f) => `${f.value}:${f.count}`).sort(),
            expected
              .filter((c) => canSeePortion(who, plainMarking(c.banner.level), c.captions))
              .flatMap((c) => c.cable.tags.map((t) => `${t.code}:1`))
              .sort(),
            'TAGS facet counts hits whose unmarked text is visible',
          );
        }
      } finally {
        await store.close();
      }
    }),
    { numRuns: 60 },
  );
});
