/** The TAGS line: codes canonicalised, kinds from the reference, typos repaired. */
import type { Tag, TagKind } from '../cable.ts';
import type { Issue } from '../issue.ts';
import { issue } from '../issue.ts';
import type { FormatReference } from '../reference.ts';

/** A code (`PREL`), a code with a name in parentheses (`OVIP (STEINBERG, JAMES B.)`), or a name alone. */
const TOKEN = /([^\s,;()]+)(\s*\([^)]*\)?)?|(\([^)]*\)?)/g;

/**
 * Reads the text after `TAGS:` (wrapped lines joined with a space). Commas and/or spaces separate
 * codes; a parenthesised name joins the code before it (`OVIP (STEINBERG, JAMES B.)`).
 *
 * @example parseTags('PREL, PGOV CH', 30, [], undefined).map((t) => t.code) // ['PREL', 'PGOV', 'CH']
 */
export function parseTags(
  text: string,
  line: number,
  issues: Issue[],
  reference: FormatReference | undefined,
): Tag[] {
  const tags: Tag[] = [];
  const seen = new Set<string>();
  // The shared regex, from the start (its loop below ends at lastIndex 0, unless a call threw).
  const re = TOKEN;
  re.lastIndex = 0;
  const phrases = reference?.tagPhrases;
  const heads = phrases && phrases.length > 0 ? phraseHeads(phrases) : undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // The word upper-cased once, for the phrase heads and as the code of a plain token.
    const upper = m[1]?.toUpperCase();
    // A known code of several words (`COUNTER TERRORISM`): one tag, not one per word. Only a
    // token that is some phrase's first word is looked at further.
    const phrase =
      heads !== undefined && upper !== undefined && heads.has(upper)
        ? phraseAt(text, m.index, phrases!)
        : undefined;
    if (phrase !== undefined) {
      re.lastIndex = m.index + phrase.length;
      const tag = classify(phrase, text.slice(m.index, re.lastIndex), line, issues, reference);
      if (!seen.has(tag.code)) {
        seen.add(tag.code);
        tags.push(tag);
      }
      continue;
    }
    const raw = m[0];
    const person = m[2] !== undefined || m[3] !== undefined;
    // Not a person: the token is the word alone (raw === m[1]), so upper is raw upper-cased.
    const code = person
      ? raw.toUpperCase().replace(/\s+/g, ' ').replace(/\s*\(/, ' (')
      : endsWithDotOrColon(raw)
        ? upper!.replace(/[.:]+$/, '')
        : upper!;
    if (code === '') continue;
    const found = person
      ? [{ code, kind: 'person' as TagKind, raw }]
      : (glued(code, raw, line, issues, reference) ?? [
          classify(code, raw, line, issues, reference),
        ]);
    for (const tag of found) {
      if (seen.has(tag.code)) continue;
      seen.add(tag.code);
      tags.push(tag);
    }
  }
  return tags;
}

/**
 * Two known codes written without a separator (`VTPREL` = VT + PREL, `IZPREL`): split them, with
 * an info issue. Only when the whole is unknown and exactly one split gives two known codes.
 */
function glued(
  code: string,
  raw: string,
  line: number,
  issues: Issue[],
  reference: FormatReference | undefined,
): Tag[] | null {
  if (!reference || code.length < 6 || reference.tagKind(code) !== undefined) return null;
  if (code.length > 8) return gluedRun(code, raw, line, issues, reference);
  const splits: [string, string][] = [];
  for (let k = 2; k <= code.length - 2; k++) {
    const a = code.slice(0, k);
    const b = code.slice(k);
    if (reference.tagKind(a) !== undefined && reference.tagKind(b) !== undefined)
      splits.push([a, b]);
  }
  if (splits.length !== 1) return null;
  const [a, b] = splits[0]!;
  issues.push(
    issue('tags.split', 'info', `TAG "${raw}" read as two codes, ${a} and ${b}`, {
      line,
      field: 'tags',
    }),
  );
  return [
    { code: a, kind: reference.tagKind(a)!, raw: raw.slice(0, a.length) },
    { code: b, kind: reference.tagKind(b)!, raw: raw.slice(a.length) },
  ];
}

/**
 * A longer run of known codes written together (`KFRDCVISCMGTCASCKOCIASECPHUMSMIGEG`, 09CAIRO2205):
 * split into known codes of 2–5 letters, the fewest parts, where exactly one cut gives that few.
 */
function gluedRun(
  code: string,
  raw: string,
  line: number,
  issues: Issue[],
  reference: FormatReference,
): Tag[] | null {
  if (code.length > 60 || !/^[A-Z]+$/.test(code)) return null;
  // From the end: parts[i] the fewest parts code[i…] cuts into (Infinity: none), ways[i] how
  // many cuts reach that (capped at 2), next[i] the first part's length in one of them.
  const n = code.length;
  const parts = new Array<number>(n + 1).fill(Infinity);
  const ways = new Array<number>(n + 1).fill(0);
  const next = new Array<number>(n + 1).fill(0);
  parts[n] = 0;
  ways[n] = 1;
  for (let i = n - 2; i >= 0; i--)
    for (let len = 2; len <= 5 && i + len <= n; len++) {
      const rest = parts[i + len]!;
      if (rest === Infinity || reference.tagKind(code.slice(i, i + len)) === undefined) continue;
      if (rest + 1 < parts[i]!) {
        parts[i] = rest + 1;
        ways[i] = ways[i + len]!;
        next[i] = len;
      } else if (rest + 1 === parts[i]) ways[i] = Math.min(2, ways[i]! + ways[i + len]!);
    }
  if (ways[0] !== 1) return null;
  const tags: Tag[] = [];
  for (let i = 0; i < n; i += next[i]!) {
    const part = code.slice(i, i + next[i]!);
    tags.push({ code: part, kind: reference.tagKind(part)!, raw: raw.slice(i, i + part.length) });
  }
  issues.push(
    issue('tags.split', 'info', `TAG "${raw}" read as ${tags.length} codes written together`, {
      line,
      field: 'tags',
    }),
  );
  return tags;
}

function classify(
  code: string,
  raw: string,
  line: number,
  issues: Issue[],
  reference: FormatReference | undefined,
): Tag {
  if (!reference) return { code, kind: 'unknown', raw };
  const alias = reference.tagAlias?.(code);
  if (alias !== undefined) {
    issues.push(
      issue('tags.alias', 'info', `TAG "${raw}" is another writing of "${alias}"`, {
        line,
        field: 'tags',
      }),
    );
    return { code: alias, kind: reference.tagKind(alias) ?? 'unknown', raw };
  }
  const kind = reference.tagKind(code);
  if (kind !== undefined) return { code, kind, raw };
  const near = nearCodes(code, reference.tagCodes);
  if (near.length === 1) {
    const fixed = near[0]!;
    issues.push(
      issue('tags.repaired', 'info', `TAG "${raw}" read as "${fixed}" (one letter off)`, {
        line,
        field: 'tags',
      }),
    );
    return { code: fixed, kind: reference.tagKind(fixed) ?? 'unknown', raw };
  }
  issues.push(
    issue(
      'tags.unknown',
      'warning',
      near.length > 1
        ? `TAG "${raw}" is unknown; it could be any of ${near.join(', ')}`
        : `TAG "${raw}" is unknown`,
      { line, field: 'tags' },
    ),
  );
  return { code, kind: 'unknown', raw };
}

/** Near codes already worked out, per reference table (the same typos recur across cables). */
const nearCache = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

function nearCodes(code: string, known: ReadonlySet<string>): string[] {
  let cache = nearCache.get(known);
  if (!cache) {
    cache = new Map();
    nearCache.set(known, cache);
  }
  let near = cache.get(code);
  if (!near) {
    near = computeNearCodes(code, known);
    if (cache.size < 10000) cache.set(code, near);
  }
  return near;
}

/** Known codes one edit from `code`: a letter dropped, added, changed, or two neighbours swapped. */
function computeNearCodes(code: string, known: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let i = 0; i <= code.length; i++) {
    const head = code.slice(0, i);
    if (i < code.length) {
      const tail = code.slice(i + 1);
      if (known.has(head + tail)) out.add(head + tail);
      for (const l of letters) if (known.has(head + l + tail)) out.add(head + l + tail);
    }
    for (const l of letters)
      if (known.has(head + l + code.slice(i))) out.add(head + l + code.slice(i));
  }
  // Adjacent letters swapped ("PRLE") count as one edit too (Damerau).
  for (let i = 0; i + 1 < code.length; i++) {
    const swapped = code.slice(0, i) + code[i + 1]! + code[i]! + code.slice(i + 2);
    if (known.has(swapped)) out.add(swapped);
  }
  out.delete(code);
  return [...out].sort();
}

/**
 * The tags as written after `TAGS:`: the raw spelling when it still reads as the code.
 *
 * @example renderTags([{ code: 'PREL', kind: 'subject', raw: 'PREL' }], ', ') // 'PREL'
 */
export function renderTags(tags: readonly Tag[], separator: string): string {
  return tags
    .map((t) =>
      t.raw !== '' && t.raw.toUpperCase().replace(/[.:]+$/, '') === t.code && !/[\s,]/.test(t.raw)
        ? t.raw
        : t.code,
    )
    .join(separator);
}

/** First words of the phrases, upper case, per phrase list. */
const headsCache = new WeakMap<readonly string[], ReadonlySet<string>>();

function phraseHeads(phrases: readonly string[]): ReadonlySet<string> {
  let heads = headsCache.get(phrases);
  if (!heads) {
    heads = new Set(phrases.map((p) => p.slice(0, p.indexOf(' ')).toUpperCase()));
    headsCache.set(phrases, heads);
  }
  return heads;
}

/** The phrase (as listed) written at `at` in any case, ending at a separator, or undefined. */
function phraseAt(text: string, at: number, phrases: readonly string[]): string | undefined {
  for (const p of phrases) {
    if (text.length - at < p.length) continue;
    const end = at + p.length;
    if (end < text.length && !/[\s,;]/.test(text.charAt(end))) continue;
    if (text.slice(at, end).toUpperCase() === p.toUpperCase()) return p;
  }
  return undefined;
}

function endsWithDotOrColon(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 46 || c === 58;
}
