// Parses all 6,412 real cables of ../shared/corpus: no exception, the id read equals the file
// name, and the share of cables with each field extracted is printed (and held to a floor).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { directory } from '../directory/directory.ts';
import { corpusFiles, noSharedReason } from '../../test/support/shared.ts';
import type { Cable } from './cable.ts';
import { parseCable } from './parse-cable.ts';

const files = corpusFiles();

/** Field extractors; a field counts as extracted when present (non-null, non-empty). */
const fields: Record<string, (c: Cable) => unknown> = {
  'archive id': (c) => c.archive?.id,
  'header.channel': (c) => c.header.channel,
  'header.station': (c) => c.header.station,
  'header.securityWarning': (c) => c.header.securityWarning,
  'header.dtg': (c) => c.header.dtg,
  from: (c) => c.from,
  'to[]': (c) => c.to.length,
  'info[]': (c) => c.info.length,
  classificationLine: (c) => c.classificationLine,
  messageReference: (c) => c.messageReference,
  'captions[]': (c) => c.captions.length,
  eo: (c) => c.eo,
  'eo.declassifyOn': (c) => c.eo?.declassifyOn,
  'tags[]': (c) => c.tags.length,
  subject: (c) => c.subject,
  'references[]': (c) => c.references.length,
  classifiedBy: (c) => c.classifiedBy,
  'classifiedBy.reasons': (c) => c.classifiedBy?.reasons.length,
  summary: (c) => c.summary,
  'paragraphs[]': (c) => c.paragraphs.length,
  'marked paragraphs': (c) => c.paragraphs.some((p) => p.marking !== null),
  'signers[]': (c) => c.signers.length,
};

/**
 * Floors (share of cables) below which a regression fails the test. Set a little under what the
 * parser reaches today; see docs/format.md for the figures. Fields that many real cables lack
 * (info, references, summary) have no floor.
 */
const floors: Record<string, number> = {
  'archive id': 1,
  'header.dtg': 0.88,
  classificationLine: 0.88,
  subject: 0.95,
  'tags[]': 0.95,
  eo: 0.95,
  'paragraphs[]': 0.99,
  'signers[]': 0.6,
};

test(
  `parse all ${files.length} corpus cables`,
  { skip: files.length === 0 ? noSharedReason : false },
  () => {
    const reference = directory();
    const counts = new Map<string, number>(Object.keys(fields).map((k) => [k, 0]));
    const internal: string[] = [];
    const wrongId: string[] = [];
    const codes = new Map<string, number>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const { cable, issues } = parseCable(text, { reference });
      if (issues.some((i) => i.code === 'parse.internal')) internal.push(basename(file));
      const readId = cable.archive?.referenceId ?? cable.archive?.id;
      if (readId !== basename(file, '.txt')) wrongId.push(`${basename(file)} → ${readId}`);
      for (const [name, get] of Object.entries(fields)) {
        const v = get(cable);
        if (v !== null && v !== undefined && v !== 0 && v !== false && v !== '')
          counts.set(name, (counts.get(name) ?? 0) + 1);
      }
      for (const i of issues) codes.set(i.code, (codes.get(i.code) ?? 0) + 1);
    }
    const lines = [...counts].map(
      ([name, n]) =>
        `  ${name.padEnd(24)} ${((100 * n) / files.length).toFixed(1).padStart(5)}%  (${n})`,
    );
    console.log(`fields extracted over ${files.length} cables:\n${lines.join('\n')}`);
    console.log(
      `issue codes:\n${[...codes]
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `  ${c.padEnd(36)} ${n}`)
        .join('\n')}`,
    );
    assert.deepEqual(
      internal.slice(0, 10),
      [],
      `${internal.length} cables hit an internal parser error`,
    );
    assert.deepEqual(wrongId.slice(0, 10), [], `${wrongId.length} cables read with the wrong id`);
    for (const [name, floor] of Object.entries(floors)) {
      const share = (counts.get(name) ?? 0) / files.length;
      assert.ok(
        share >= floor,
        `${name}: extracted from ${(share * 100).toFixed(1)}%, floor ${floor * 100}%`,
      );
    }
  },
);
