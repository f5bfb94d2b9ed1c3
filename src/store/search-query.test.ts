/** The query language: fields, phrases, exclusions, dates, and issues that name the bad token. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseSearchQuery } from './search-query.ts';
import { makeSnippet, snippetText } from './snippet.ts';

test('the scenario query', () => {
  const { query, issues } = parseSearchQuery('tag:PARM origin:STATE "export control" date:2008');
  assert.deepEqual(issues, []);
  assert.deepEqual(query.tags, ['PARM']);
  assert.deepEqual(query.origins, ['STATE']);
  assert.deepEqual(query.phrases, ['export control']);
  assert.deepEqual([query.dateFrom, query.dateUntil], ['2008-01-01', '2009-01-01']);
});

test('every field of the language', () => {
  const { query, issues } = parseSearchQuery(
    'tag:parm class:SECRET caption:NODIS date:2008-01..2008-12 to:RUEHSL to:"AMEMBASSY SOFIA" ' +
      'cites:08STATE98975 citedby:09PRAGUE123 words -excluded Export* "u.s. policy"',
  );
  assert.deepEqual(issues, []);
  assert.deepEqual(query.tags, ['PARM']);
  assert.deepEqual(query.levels, ['SECRET']);
  assert.deepEqual(query.captions, ['NODIS']);
  assert.deepEqual([query.dateFrom, query.dateUntil], ['2008-01-01', '2009-01-01']);
  assert.deepEqual(query.to, ['RUEHSL', 'AMEMBASSY SOFIA']);
  assert.deepEqual(query.cites, ['08STATE98975']);
  assert.deepEqual(query.citedBy, ['09PRAGUE123']);
  assert.deepEqual(query.terms, ['words', 'export*']);
  assert.deepEqual(query.excluded, ['excluded']);
  assert.deepEqual(query.phrases, ['u s policy']);
});

test('date forms: a day, a month, open ranges; several dates narrow each other', () => {
  const range = (s: string) => {
    const { query } = parseSearchQuery(s);
    return [query.dateFrom, query.dateUntil];
  };
  assert.deepEqual(range('date:2008-09-16'), ['2008-09-16', '2008-09-17']);
  assert.deepEqual(range('date:2008-12-31'), ['2008-12-31', '2009-01-01']);
  assert.deepEqual(range('date:2008-02'), ['2008-02-01', '2008-03-01']);
  assert.deepEqual(range('date:2008..'), ['2008-01-01', null]);
  assert.deepEqual(range('date:..2009-06'), [null, '2009-07-01']);
  assert.deepEqual(range('date:2008 date:2008-05..2010'), ['2008-05-01', '2009-01-01']);
});

test('bad input is an issue naming the token, and the rest still parses', () => {
  const { query, issues } = parseSearchQuery(
    'colour:red date:2008-13 date:2008-02-30 class:SECRETISH iran "open',
  );
  assert.deepEqual(
    issues.map((i) => [i.code, i.column]),
    [
      ['search.field.unknown', 1],
      ['search.date.invalid', 12],
      ['search.date.invalid', 25],
      ['search.class.invalid', 41],
      ['search.quote.unclosed', 62],
    ],
  );
  assert.match(issues[0]!.message, /"colour:red"/);
  assert.match(issues[1]!.message, /"date:2008-13"/);
  assert.deepEqual(query.terms, ['iran']);
  assert.deepEqual(query.phrases, ['open']);
});

test('parsing never throws and keeps every plain word', () => {
  fc.assert(
    fc.property(
      fc.string(),
      fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 5 }),
      (noise, words) => {
        const { query } = parseSearchQuery(`${words.join(' ')} ${noise.replace(/[":*-]/g, ' ')}`);
        for (const w of words)
          assert.ok(query.terms.includes(w) || query.phrases.some((p) => p.includes(w)));
      },
    ),
  );
});

test('snippets mark query words, folded for case and accents, in a window around the first', () => {
  const { query } = parseSearchQuery('elysee "export control" nonprolif*');
  const text = `${'filler '.repeat(60)}The Élysée discussed EXPORT controls and nonproliferation.${' tail'.repeat(60)}`;
  const parts = makeSnippet(text, query);
  assert.deepEqual(
    parts.filter((p) => p.match).map((p) => p.text),
    ['Élysée', 'EXPORT', 'nonproliferation'],
  );
  const shown = snippetText(parts);
  assert.ok(shown.startsWith('…') && shown.endsWith('…'));
  assert.ok(shown.length < 260);
});
