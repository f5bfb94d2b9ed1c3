/** Pair lexemes ('export control') of common adjacent words, so that a phrase is one posting list (migration 0008). */
import type { DerivedRows } from '../derived-rows.ts';
import { PAIR_WORDS } from './pair-words.ts';

/**
 * Texts that are plain ASCII apart from typographic quotes; everything else (accented letters that
 * unaccent folds, other scripts, combining marks) is left to the exact SQL function.
 */
const PLAIN = /^[\t\n\r\x20-\x7e\u2018\u2019\u201c\u201d]*$/;
/**
 * What PostgreSQL's parser drops without giving it a position (XML tags and entities, protocol
 * heads): the words on either side become adjacent there.
 */
const DROPPED = /[<&]|:\/\//;
/** A word of 2,047 bytes or more is skipped the same way; no shorter token can hold 1,000 such characters. */
const LONG_RUN = 1000;
const WORD = /[a-z0-9]+/g;
/** Letters next to digits: only inside a run of [a-z0-9], so one test of the whole text says whether any run has them. */
const MIXED = /[a-z][0-9]|[0-9][a-z]/;
/** Where letters meet digits: the parser may cut a run there (`-12abc` is `-12`, `abc`). */
const TRANSITION = /(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/;
/** More letter-digit changes than this in one run: the exact SQL function is cheaper than the combinations. */
const MAX_PARTS = 6;
/** Above this many characters a portion gets no pairs, only NO_PAIRS (a tsvector holds at most 1 MB). */
export const MAX_PAIRED_BODY = 100_000;
/** The lexeme of a portion without pair lexemes: every pair query also matches it. */
export const NO_PAIRS = '~nopairs';

/**
 * The pair lexemes of a portion's text, comma-separated (possibly repeated, possibly empty): a
 * SUPERSET of the pairs of adjacent lexemes, both in PAIR_WORDS, of
 * `to_tsvector('chancery_simple', body)`. Null when the text is not plain enough to be sure: the
 * store then computes the exact pairs in SQL (`chancery_word_pairs`). A lexeme with a space never
 * comes out of to_tsvector, so a pair cannot collide with a word.
 *
 * Runs of [a-z0-9] are the parser's words, except that it may cut a run where letters and digits
 * meet (`1.5be12` is `1.5`, `be12`; `1e51e5aabc` is `1e51`, `e5aabc`): each piece such a run may
 * give is paired as well. Property-tested against PostgreSQL itself (word-pairs.test.ts).
 *
 * @example wordPairs('(C) Of the minister.') // 'c of,of the,the minister'
 */
export function wordPairs(body: string): string | null {
  if (body.length > MAX_PAIRED_BODY) return NO_PAIRS;
  if (!PLAIN.test(body) || DROPPED.test(body) || hasLongRun(body)) return null;
  const lower = body.toLowerCase();
  const words = lower.match(WORD) ?? [];
  let pairs = '';
  if (!MIXED.test(lower)) {
    // The common case (about 2.8 s of the writing thread for the real corpus before it was one
    // look-up per word instead of two per pair): each word is looked up once.
    let previous = '';
    let previousPaired = false;
    for (const word of words) {
      const paired = PAIR_WORDS.has(word);
      if (paired && previousPaired)
        pairs += pairs === '' ? `${previous} ${word}` : `,${previous} ${word}`;
      previous = word;
      previousPaired = paired;
    }
    return pairs;
  }
  const add = (a: string, b: string) => {
    if (PAIR_WORDS.has(a) && PAIR_WORDS.has(b)) pairs += pairs === '' ? `${a} ${b}` : `,${a} ${b}`;
  };
  // Every piece the previous run may end with.
  let ends: readonly string[] = [];
  for (const run of words) {
    const parts = run.split(TRANSITION);
    if (parts.length > MAX_PARTS) return null;
    for (let j = 1; j <= parts.length; j++) {
      const head = parts.slice(0, j).join('');
      for (const end of ends) add(end, head);
    }
    // Cuts inside the run: any piece ending at a cut next to any piece starting there.
    for (let cut = 1; cut < parts.length; cut++)
      for (let i = 0; i < cut; i++)
        for (let j = cut + 1; j <= parts.length; j++)
          add(parts.slice(i, cut).join(''), parts.slice(cut, j).join(''));
    ends = parts.map((_, i) => parts.slice(i).join(''));
  }
  return pairs;
}

// Pairs computed ahead of the store (by an import worker thread), by the rows they belong to.
const attached = new WeakMap<DerivedRows, readonly (string | null)[]>();

/**
 * Records the pairs of each of `rows.portions` (wordPairs of its body, in order), computed
 * elsewhere (an import worker), so that `portionPairs(rows)` does not compute them again on the
 * writing thread (about 1.8 s for the real corpus).
 *
 * @example attachPortionPairs(rows, rows.portions.map((p) => wordPairs(p.body)))
 */
export function attachPortionPairs(rows: DerivedRows, pairs: readonly (string | null)[]): void {
  if (pairs.length !== rows.portions.length)
    throw new Error(`${pairs.length} pair lists for ${rows.portions.length} portions`);
  attached.set(rows, pairs);
}

/**
 * wordPairs of each portion's body, in order: the ones attached by `attachPortionPairs`, else
 * computed now.
 *
 * @example portionPairs(deriveRows(input))[0] // 'of the,the minister'
 */
export function portionPairs(rows: DerivedRows): readonly (string | null)[] {
  return attached.get(rows) ?? rows.portions.map((p) => wordPairs(p.body));
}

/**
 * True when the text has LONG_RUN or more non-blank characters in a row. One pass over the text:
 * the regex /\S{1000}/ tried 1,000 characters from every start and cost 0.55 s on the real corpus.
 */
function hasLongRun(text: string): boolean {
  if (text.length < LONG_RUN) return false;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \s of plain text: tab, line feed, vertical tab, form feed, carriage return, space.
    if (c === 32 || (c >= 9 && c <= 13)) run = 0;
    else if (++run >= LONG_RUN) return true;
  }
  return false;
}

/**
 * The tsquery text that finds a superset of a phrase's matches by its pair lexemes:
 * `('a b' & 'b c' | '~nopairs')`, AND-ed with any word no indexed pair covers. Null when no
 * adjacent pair of the phrase is indexed, or when a word is not all letters or all digits (the
 * parser might cut it): the phrase then keeps the plain query. Cast it with `CAST(… AS tsquery)`;
 * the words are [a-z0-9], so nothing needs escaping.
 *
 * @example phrasePairQuery(['of', 'the', 'xyzzy']) // "('of the' | '~nopairs') & 'xyzzy'"
 */
export function phrasePairQuery(words: readonly string[]): string | null {
  if (!words.every((w) => /^(?:[a-z]+|[0-9]+)$/.test(w))) return null;
  const pairs: string[] = [];
  const covered = new Set<number>();
  for (let i = 1; i < words.length; i++)
    if (PAIR_WORDS.has(words[i - 1]!) && PAIR_WORDS.has(words[i]!)) {
      pairs.push(`'${words[i - 1]!} ${words[i]!}'`);
      covered.add(i - 1).add(i);
    }
  if (pairs.length === 0) return null;
  const rest = words.filter((_, i) => !covered.has(i)).map((w) => ` & '${w}'`);
  return `(${[...new Set(pairs)].join(' & ')} | '${NO_PAIRS}')${[...new Set(rest)].join('')}`;
}
