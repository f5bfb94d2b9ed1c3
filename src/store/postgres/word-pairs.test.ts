/** Word-pair lexemes: the JS pairs are a superset of PostgreSQL's own adjacent pairs, and phrases find what phraseto_tsquery finds. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import pg from 'pg';
import { openPostgresStore } from './postgres-store.ts';
import { postgresTestDatabase } from './test-database.ts';
import { NO_PAIRS, phrasePairQuery, wordPairs } from './word-pairs.ts';

const database = await postgresTestDatabase();
const selected = (process.env.STORES ?? 'sqlite,postgres').split(',').includes('postgres');
const skip = !selected ? 'postgres not in STORES' : 'skip' in database ? database.skip : false;

void describe('wordPairs without PostgreSQL', () => {
  void test('pairs of adjacent common words only; cut-prone runs give each piece', () => {
    assert.equal(wordPairs('(C) Of the minister.'), 'c of,of the,the minister');
    assert.equal(wordPairs('the xyzzy minister'), '');
    assert.equal(wordPairs(''), '');
    assert.equal(wordPairs('the'), '');
    assert.ok(wordPairs('the -12the minister')!.split(',').includes('the minister'));
  });

  void test('texts the parser may read differently are left to SQL', () => {
    for (const text of [
      'Straße of the',
      'the <b>minister</b>',
      'the &amp; minister',
      'see http://x',
    ])
      assert.equal(wordPairs(text), null, text);
    assert.equal(wordPairs('the '.repeat(30_000)), NO_PAIRS);
  });

  void test('a phrase asks its indexed pairs, and words no pair covers', () => {
    assert.equal(phrasePairQuery(['of', 'the']), `('of the' | '${NO_PAIRS}')`);
    assert.equal(phrasePairQuery(['of', 'the', 'xyzzy']), `('of the' | '${NO_PAIRS}') & 'xyzzy'`);
    assert.equal(phrasePairQuery(['xyzzy', 'plugh']), null);
    assert.equal(phrasePairQuery(['of', 'the1']), null);
  });
});

/** Pieces of text: common words, rare words, numbers, and what the parser treats specially. */
const atom = fc.constantFrom(
  ...['the', 'of', 'minister', 'said', 'that', 'a', 'in', 'to', 'xyzzy', '12', '2008', '1e5'],
  ...['1.5', '-1', '+2', 'x1', 'a1b', 'of-the', 'v2.0', 'a.b', 'x@y.org', 'http', 'www'],
  ...[' ', ' ', '  ', '\n', '\t', '.', ',', '-', '/', '_', ':', ';', "'", '"', '(', ')'],
  ...['’', '“', '#', '=', '%', '*', '!', '?', '~', 'The', 'OF', 'Said', '--', '..'],
);

void describe('word pairs against PostgreSQL', { skip }, () => {
  let client: pg.Client;
  let drop: () => Promise<void>;

  before(async () => {
    if ('skip' in database) return;
    const created = await database.create();
    drop = created.drop;
    await (await openPostgresStore(created.url)).close();
    client = new pg.Client({ connectionString: created.url });
    await client.connect();
  });

  after(async () => {
    await client.end();
    await drop();
  });

  void test('every adjacent pair of common lexemes in to_tsvector is among the JS pairs', async () => {
    const texts = fc.sample(
      fc.array(atom, { minLength: 1, maxLength: 16 }).map((a) => a.join('')),
      { numRuns: 3000, seed: 42 },
    );
    const { rows } = await client.query<{ i: string; pairs: string[] }>(
      `SELECT t.i, tsvector_to_array(chancery_word_pairs(to_tsvector('chancery_simple', t.body))) AS pairs
       FROM unnest($1::text[]) WITH ORDINALITY t(body, i)`,
      [texts],
    );
    let checked = 0;
    for (const r of rows) {
      const text = texts[Number(r.i) - 1]!;
      const js = wordPairs(text);
      if (js === null) continue;
      checked++;
      const mine = new Set(js.split(','));
      for (const pair of r.pairs) assert.ok(mine.has(pair), `${JSON.stringify(text)}: ${pair}`);
    }
    assert.ok(checked > 2000, `${checked} texts were plain enough to check`);
  });

  void test('the pair query with the exact check finds exactly what phraseto_tsquery finds', async () => {
    const texts = fc.sample(
      fc.array(atom, { minLength: 1, maxLength: 16 }).map((a) => a.join('')),
      { numRuns: 3000, seed: 7 },
    );
    const phrases = [
      ['of', 'the'],
      ['the', 'minister'],
      ['minister', 'said', 'that'],
      ['said', 'that', 'xyzzy'],
    ];
    const { rows } = await client.query<{ phrase: number; exact: boolean; paired: boolean }>(
      `SELECT q.i AS phrase, v @@ phraseto_tsquery('chancery_simple', q.text) AS exact,
         (v || CASE WHEN t.pairs IS NULL THEN chancery_word_pairs(v)
           ELSE array_to_tsvector(string_to_array(t.pairs, ',')) END) @@ CAST(q.pq AS tsquery) AS paired
       FROM unnest($1::text[], $2::text[]) t(body, pairs),
         LATERAL (SELECT to_tsvector('chancery_simple', t.body) AS v OFFSET 0) x,
         unnest($3::text[], $4::text[]) WITH ORDINALITY q(text, pq, i)`,
      [
        texts,
        texts.map((t) => wordPairs(t)),
        phrases.map((p) => p.join(' ')),
        phrases.map((p) => phrasePairQuery(p)),
      ],
    );
    let found = 0;
    for (const r of rows) {
      if (r.exact) found++;
      assert.ok(!r.exact || r.paired, `phrase ${String(r.phrase)} matched without its pairs`);
    }
    assert.ok(found > 50, `${found} phrase matches checked`);
  });
});
