/** A bigram word model of cable prose: trained on the real corpus when present so word frequencies follow its Zipf curve. */
import { readFileSync } from 'node:fs';
import { BUILTIN_VOCABULARY } from './builtin-vocabulary.ts';
import { pickCumulative, type Random } from './random.ts';

export interface WordModel {
  readonly kind: 'word-model';
  /** Where the model came from: "corpus (6412 files)" or "built-in vocabulary". */
  readonly source: string;
  readonly words: readonly string[];
  /** Cumulative unigram counts, one per word. */
  readonly unigram: Float64Array;
  /** Successors of word w are succWord[succStart[w] .. succStart[w+1]). */
  readonly succStart: Uint32Array;
  readonly succWord: Uint32Array;
  /** Global cumulative successor counts (segments are contiguous). */
  readonly succCum: Float64Array;
  /** Id of the sentence end ".": paragraphs start where a sentence would. */
  readonly period: number;
}

/** Chance of drawing from the unigram instead of the bigram: adds combinations the corpus never had. */
const BACKOFF = 0.05;

/** Tokens: words (with inner dots, apostrophes, hyphens, ampersands) or single punctuation marks. */
const TOKEN =
  /[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F'’&.\-/]*[A-Za-z0-9\u00C0-\u024F]|[A-Za-z0-9]|[.,;:?!()"$%]/g;

/** Lines that are not prose: page markers, classification lines, dividers, signature block material. */
const NOT_PROSE =
  /^(\s*$|[A-Z .]+ \d{6,8}\s+\d{3}(\.\d)? OF \d{3}|Classified By|CLASSIFIED BY|-{3,}|\s*END (SUMMARY|COMMENT)\.?\s*$)/;
const INLINE_HEAD = /\s¶?\d{1,2}\s?\.\s*\([A-Za-z/ ,-]{1,80}\)/g;
const INLINE_MARK = /\((?:U|C|S|TS|SBU|FOUO)(?:\/{1,2}[A-Z ,]+)?\)\s?/g;
const PARAGRAPH_HEAD = /^\s*¶?\s*\d{1,2}\s?\.\s*(\([A-Za-z/ ,-]{1,80}\)\s*)?/;

/** The prose of one corpus file: everything after SUBJECT/REF/Classified-By, without paragraph numbers and marks. */
export function proseOf(text: string): string {
  const lines = text.split('\n');
  // Only cables whose first marked paragraph is found: elsewhere the header would leak into the prose.
  const start = lines.findIndex((l) => /^\s*¶?\s*1\s?\.\s*\(/.test(l));
  if (start === -1) return '';
  const out: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (NOT_PROSE.test(line)) continue;
    out.push(line.replace(PARAGRAPH_HEAD, ''));
  }
  // Paragraph heads inside joined lines are layout, not prose.
  return out.join(' ').replace(INLINE_HEAD, ' ').replace(INLINE_MARK, '');
}

/**
 * Trains the model on files' prose. Deterministic for the same files in the same order.
 *
 * @example buildWordModel(corpusFiles()).words.length // ~100k distinct tokens
 */
export function buildWordModel(files: readonly string[]): WordModel {
  if (files.length === 0) return builtinWordModel();
  const ids = new Map<string, number>();
  const words: string[] = [];
  const counts: number[] = [];
  const bigrams = new Map<number, number>();
  const idOf = (w: string): number => {
    let id = ids.get(w);
    if (id === undefined) {
      id = words.length;
      ids.set(w, id);
      words.push(w);
      counts.push(0);
    }
    return id;
  };
  const period = idOf('.');
  for (const file of files) {
    const prose = proseOf(readFileSync(file, 'utf8'));
    let prev = period;
    for (const m of prose.matchAll(TOKEN)) {
      const id = idOf(m[0]);
      counts[id] = counts[id]! + 1;
      const key = prev * 4194304 + id;
      bigrams.set(key, (bigrams.get(key) ?? 0) + 1);
      prev = id;
    }
  }
  const keys = Float64Array.from(bigrams.keys()).sort();
  const succStart = new Uint32Array(words.length + 1);
  const succWord = new Uint32Array(keys.length);
  const succCum = new Float64Array(keys.length);
  let total = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const prev = Math.floor(key / 4194304);
    succStart[prev + 1] = i + 1;
    succWord[i] = key - prev * 4194304;
    total += bigrams.get(key)!;
    succCum[i] = total;
  }
  // Words with no successor get an empty segment starting where the previous one ended.
  for (let w = 1; w <= words.length; w++) succStart[w] = Math.max(succStart[w]!, succStart[w - 1]!);
  return {
    kind: 'word-model',
    source: `corpus (${files.length} files)`,
    words,
    unigram: cumulative(counts),
    succStart,
    succWord,
    succCum,
    period,
  };
}

/** A unigram model over the built-in vocabulary with Zipf weights (rank⁻¹): for machines without the corpus. */
export function builtinWordModel(): WordModel {
  const words = ['.', ...BUILTIN_VOCABULARY];
  const weights = words.map((_, rank) => (rank === 0 ? 0.06 : 1 / rank));
  return {
    kind: 'word-model',
    source: 'built-in vocabulary',
    words,
    unigram: cumulative(weights),
    succStart: new Uint32Array(words.length + 1),
    succWord: new Uint32Array(0),
    succCum: new Float64Array(0),
    period: 0,
  };
}

function cumulative(values: readonly number[]): Float64Array {
  const out = new Float64Array(values.length);
  let total = 0;
  for (let i = 0; i < values.length; i++) out[i] = total += values[i]!;
  return out;
}

/** The word to follow `prev` (a word id). */
export function nextWord(model: WordModel, prev: number, random: Random): number {
  const from = model.succStart[prev]!;
  const to = model.succStart[prev + 1]!;
  if (to > from && random.next() >= BACKOFF)
    return model.succWord[pickCumulative(model.succCum, from, to, random.next())]!;
  return pickCumulative(model.unigram, 0, model.unigram.length, random.next());
}

const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', '?', '!', ')', '%']);

/**
 * Prose of about `chars` characters that ends with a full sentence (within a bounded overshoot).
 *
 * @example generateProse(model, 600, random) // "The Ambassador met ... on October 3."
 */
export function generateProse(model: WordModel, chars: number, random: Random): string {
  const parts: string[] = [];
  let length = 0;
  let prev = model.period;
  let afterOpen = true;
  let tokens = 0;
  for (;;) {
    let id = nextWord(model, prev, random);
    // A paragraph must not open with punctuation or a number (it would read as a paragraph number).
    while (tokens === 0 && !/^[A-Za-z]/.test(model.words[id]!))
      id = nextWord(model, model.period, random);
    const word = model.words[id]!;
    if (!afterOpen && !NO_SPACE_BEFORE.has(word)) {
      parts.push(' ');
      length++;
    }
    const text =
      tokens === 0 || (prev === model.period && model.succWord.length === 0)
        ? capitalise(word)
        : word;
    parts.push(text);
    length += text.length;
    tokens++;
    afterOpen = word === '(' || word === '$';
    prev = id;
    if (length >= chars && (id === model.period || length >= chars * 1.5 + 200)) break;
  }
  if (prev !== model.period) parts.push('.');
  return parts.join('');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
