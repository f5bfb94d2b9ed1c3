/** The fixed mix of 200 benchmark queries: common, mid and rare words, two-word AND, phrases, each with and without a date range. */
import { createRandom } from '../src/service/synth/random.ts';

export type QueryKind = 'common' | 'mid' | 'rare' | 'and' | 'phrase';

export interface BenchQuery {
  readonly kind: QueryKind;
  /** Words of the query; a phrase when kind is "phrase". */
  readonly words: readonly string[];
  /** Inclusive day range YYYY-MM-DD .. exclusive end, or null. */
  readonly date: { readonly from: string; readonly until: string } | null;
}

/** A term and the number of documents containing it, from the indexed text. */
export interface TermFrequency {
  readonly term: string;
  readonly docs: number;
}

/**
 * 100 text queries (20 of each kind) drawn with a fixed seed from the document frequencies of the
 * indexed text, each once without and once with a date range: 200 queries.
 * Common: in ≥ 10% of documents; mid: 0.2%–2%; rare: 3 to max(10, 0.02%) documents.
 */
export function queryMix(
  terms: readonly TermFrequency[],
  documents: number,
  phrasePairs: readonly (readonly [string, string])[],
  seed = 'bench-queries',
): BenchQuery[] {
  const random = createRandom(seed);
  const words = terms
    .filter((t) => /^[a-z]{3,}$/.test(t.term))
    .sort((a, b) => (a.term < b.term ? -1 : 1));
  const band = (lo: number, hi: number) =>
    words.filter((t) => t.docs >= lo && t.docs <= hi).map((t) => t.term);
  const common = band(documents * 0.1, documents);
  const mid = band(documents * 0.002, documents * 0.02);
  const rare = band(3, Math.max(10, documents * 0.0002));
  const draw = (pool: readonly string[], n: number) => {
    if (pool.length === 0)
      throw new Error('query mix: a frequency band is empty (corpus too small)');
    return Array.from({ length: n }, () => random.pick(pool));
  };
  const text: { kind: QueryKind; words: string[] }[] = [
    ...draw(common, 20).map((w) => ({ kind: 'common' as const, words: [w] })),
    ...draw(mid, 20).map((w) => ({ kind: 'mid' as const, words: [w] })),
    ...draw(rare, 20).map((w) => ({ kind: 'rare' as const, words: [w] })),
    ...draw(common, 20).map((w) => ({ kind: 'and' as const, words: [w, random.pick(mid)] })),
    ...Array.from({ length: 20 }, () => ({
      kind: 'phrase' as const,
      words: [...random.pick(phrasePairs)],
    })),
  ];
  const out: BenchQuery[] = [];
  for (const q of text) {
    out.push({ ...q, date: null });
    const year = 2005 + random.int(5);
    const month = 1 + random.int(12);
    const span = random.chance(0.5) ? 12 : 3;
    const end = new Date(Date.UTC(year, month - 1 + span, 1));
    out.push({
      ...q,
      date: {
        from: `${year}-${String(month).padStart(2, '0')}-01`,
        until: end.toISOString().slice(0, 10),
      },
    });
  }
  return out;
}

/** The query in Chancery's query language, e.g. `"export control" date:2008-01-01..2008-12-31`. */
export function queryString(q: BenchQuery): string {
  const text = q.kind === 'phrase' ? `"${q.words.join(' ')}"` : q.words.join(' ');
  if (q.date === null) return text;
  const last = new Date(Date.parse(q.date.until) - 86_400_000).toISOString().slice(0, 10);
  return `${text} date:${q.date.from}..${last}`;
}
