// parse(render(c)) gives c back for every cable Chancery can draft: the whole telegram, header,
// text and archive metadata together (each half has its own round trip beside it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { draftedCableArb, testReference } from '../../test/support/arbitrary-cable.ts';
import type { Cable } from './cable.ts';
import { parseCable } from './parse-cable.ts';
import { renderCable } from './render-cable.ts';

/** A cable without its layout hints: drafted cables have none, parsed ones may record spacing. */
const fieldsOf = ({ layout: _layout, ...fields }: Cable) => fields;

test('parse(render(c)) equals c for generated drafted cables, with no error issues', () => {
  fc.assert(
    fc.property(draftedCableArb, (cable) => {
      const text = renderCable(cable);
      const { cable: back, issues } = parseCable(text, { reference: testReference });
      assert.deepEqual(fieldsOf(back), fieldsOf(cable), text);
      assert.deepEqual(
        issues.filter((i) => i.severity === 'error'),
        [],
        text,
      );
    }),
    { numRuns: 300 },
  );
});

test('render is stable: rendering the parsed cable again gives the same text', () => {
  fc.assert(
    fc.property(draftedCableArb, (cable) => {
      const text = renderCable(cable);
      assert.equal(renderCable(parseCable(text, { reference: testReference }).cable), text);
    }),
    { numRuns: 200 },
  );
});
