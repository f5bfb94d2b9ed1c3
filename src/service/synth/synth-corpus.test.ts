/** The synthetic corpus: deterministic per seed, parseable, markings consistent with banners. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { directory } from '../../directory/directory.ts';
import { markingRules } from '../../directory/marking-rules.ts';
import { parseCable } from '../../format/parse-cable.ts';
import { validateMarkings } from '../../model/validate-markings.ts';
import { corpusFiles, noSharedReason } from '../../../test/support/shared.ts';
import { createSynthWorld, synthCables, writeSynthCorpus } from './synth-corpus.ts';

const builtin = createSynthWorld(directory(), []);
const texts = (seed: string, n: number) => [...synthCables(builtin, n, seed)].map((c) => c.text);

describe('synthetic corpus', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    assert.deepEqual(texts('1', 40), texts('1', 40));
    assert.notDeepEqual(texts('1', 40), texts('2', 40));
  });

  it('writes DIR/<YEAR>/<ID>.txt with ids that are unique and match the first line', () => {
    const out = mkdtempSync(join(tmpdir(), 'chancery-synth-'));
    try {
      const report = writeSynthCorpus({ world: builtin, count: 300, seed: '3', out });
      assert.equal(report.written, 300);
      const files = readdirSync(out).flatMap((y) =>
        readdirSync(join(out, y)).map((f) => join(out, y, f)),
      );
      assert.equal(files.length, 300);
      for (const f of files.slice(0, 50)) {
        const text = readFileSync(f, 'utf8');
        const [id = '', created = ''] = text.split('\n', 2);
        assert.equal(`${id}.txt`, f.split('/').pop());
        assert.equal(created.slice(0, 4), f.split('/').at(-2));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('cites earlier synthetic cables in REF lines, and some cables outside the archive', () => {
    const cables = [...synthCables(builtin, 400, '5')];
    const seen = new Set<string>();
    let resolved = 0;
    let unresolved = 0;
    for (const c of cables) {
      const line = /^REF: (.*)$/m.exec(c.text)?.[1];
      for (const m of line?.matchAll(/(?:(\d\d) )?([A-Z][A-Z ]*?) (\d+)/g) ?? []) {
        const id = `${m[1] ?? c.id.slice(0, 2)}${m[2]!.replace(/ /g, '')}${m[3]!}`;
        if (seen.has(id)) resolved++;
        else unresolved++;
      }
      seen.add(c.id);
    }
    assert.ok(resolved > 50, `${resolved} references to earlier cables`);
    assert.ok(unresolved > 0 && unresolved < resolved / 4, `${unresolved} unresolved`);
  });

  it('generates cables that parse without errors and whose markings validate', (t) => {
    const rules = markingRules();
    const world =
      corpusFiles().length > 0
        ? createSynthWorld(directory(), corpusFiles().slice(0, 300))
        : builtin;
    const sample = [...synthCables(world, 150, '11')];
    const probe = parseCable(sample[0]!.text, { reference: directory() });
    if (
      probe.issues.some((i) => i.code === 'parse.internal' && i.message.includes('not implemented'))
    ) {
      t.skip('parseCable is not implemented yet (format helpers still landing)');
      return;
    }
    for (const c of sample) {
      const { cable, issues } = parseCable(c.text, { reference: directory() });
      const errors = issues.filter((i) => i.severity === 'error');
      assert.deepEqual(errors, [], `${c.id}: ${JSON.stringify(errors)}`);
      assert.equal(cable.archive?.id, c.id);
      assert.ok(cable.paragraphs.length > 0, c.id);
      const markingErrors = validateMarkings(cable, rules).filter((i) => i.severity === 'error');
      assert.deepEqual(markingErrors, [], `${c.id}: ${JSON.stringify(markingErrors)}`);
    }
  });

  it('learns its words from the real corpus when present', (t) => {
    const files = corpusFiles();
    if (files.length === 0) {
      t.skip(noSharedReason);
      return;
    }
    const world = createSynthWorld(directory(), files.slice(0, 200));
    assert.match(world.model.source, /corpus \(200 files\)/);
    assert.ok(world.model.words.length > 5000);
  });
});
