/** The body of the text: paragraphs with their numbers, marks and headings, then the signature. */
import type { ClassifiedBy, Paragraph, PortionMarking } from '../cable.ts';
import { codeAt, isSpace, leadingBlanks, leadingSpaces, moreWordsThan } from '../chars.ts';
import { issue } from '../issue.ts';
import type { ParseContext } from '../parse-context.ts';
import type { FormatReference } from '../reference.ts';
import { parsePortionMarking } from '../portion-mark.ts';
import { readBanner } from './banner.ts';
import { parseClassifiedBy } from './classified-by.ts';
import { isClassifiedBy, isDivider, isPageMarker, paragraphNumber } from './line-kind.ts';
import type { ParagraphSpacing } from './text-layout.ts';
import { isBlank } from './text-line.ts';

export interface Body {
  readonly paragraphs: Paragraph[];
  readonly signers: string[];
  /** Blank lines before each unit: (heading?, paragraph)…, signature. */
  readonly gaps: number[];
  /** Classified By found in the body: in paragraph `paragraph`, or (-1) in a block of its own. */
  readonly classifiedBy: { readonly value: ClassifiedBy; readonly paragraph: number } | null;
  readonly layout: Record<string, unknown>;
}

/** Media-copy trailers: `=====CABLE ENDS=====`, `> 2002ROME01196 - Classification: …`, `NNNN`, a stray quote. */
const TRAILER =
  /^(?:=+\s*CABLE ENDS\s*=+|>.*|"+|\.\.\.|NNNN|.*\bClassification: [A-Z].*|\d{4}[A-Z]{3,}\d{5} - [A-Z/ ]+"?|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS)(?:\/\/[A-Z]+)?)\s*$/;
function isTrailer(text: string): boolean {
  return text.length < 120 && TRAILER.test(text.trim());
}

/** A surname glued after the last sentence: `… END COMMENT. GUTIERREZ`, `… Consulate Rio. Danilovich`. */
const GLUED_SIGNER = /([.!?)"”'])(\s+)([A-Z][A-Za-z'’-]{2,}(?:\/[A-Z][A-Za-z'’-]+)?)\s*$/;
/** The same in capitals with a stop: `… with the voters. CHICOLA.`, `… decision. STEVENS.` */
const GLUED_SIGNER_STOP = /([.!?)"”'])(\s+)([A-Z][A-Z'’-]{2,})\.\s*$/;
/** A surname glued after a post's website footer: `…/london/index. cfm Tuttle`, `XXXXXXXXXXXX  ROEMER`. */
const FOOTER_SIGNER = /(\bc ?fm|X{6,})(\s+)([A-Z][A-Za-z'’-]{2,})\s*$/;
const NOT_SIGNER =
  /^(?:END|BEGIN|COMMENT|SUMMARY|TEXT|NOTE|SIPDIS|NOFORN|UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS|CLASSIFIED)\b|^RU[A-Z]{2,6}\//i;
/** A surname in mixed case, alone on the last line: `Susman`, `LeBaron`. */
const NAME_WORD = /^[A-Z][a-z]+(?:[A-Z][a-z]+)?$/;
/** A surname in lower case (`curran`) or with a stop (`Sobel.`): only after a finished sentence. */
const LOWER_WORD = /^[a-z]{3,}$/;
const NAME_STOP = /^[A-Z][A-Za-z]+\.$/;
/** A line that runs on into the next one (ends in a small letter, digit, comma or semicolon). */
const RUNS_ON = /[a-z0-9,;]$/;
/**
 * A post's website footer (`Visit London's Classified Website: XXXXXXXXXXXX`,
 * `http://www.state.sgov.gov/p/eur/paris/index.c fm`) or a page marker (`… 002.2 OF 002`).
 */
const FOOTER = /c ?fm$|sgov\.gov\/|Web ?[Ss]ite|XXXXXX|^x+$|\d OF \d{3}$/;

/** The body's lines as parallel arrays (no object per line: bodies are most of the corpus). */
export interface BodyLines {
  /** Owned by the body parser, which may trim it in place. */
  readonly texts: string[];
  /** 1-based input line of texts[i] (see lineAt: no array of numbers is built for every body). */
  readonly lineOf: LineMap;
  /** The input the lines came from, when they are exact pieces of it (see ParseContext.input). */
  readonly input?: BodyInput | undefined;
  /** False when the caller saw no line that may be a page marker (saves a pass over the lines). */
  readonly mayHavePageMarkers?: boolean | undefined;
  /**
   * True when texts[i] is input line lineAt(lineOf, i) as it stands for every i from
   * lineOf.nos.length on (nothing cut off their ends): paragraphs there are input slices without a
   * line-by-line check.
   */
  readonly verbatimTail?: boolean | undefined;
}

/**
 * Where body lines came from: texts[i] is input line nos[i] for the first nos.length lines, and
 * base + i after them (0 when base is -1). Data, not a closure made per cable.
 */
export interface LineMap {
  readonly nos: readonly number[];
  readonly base: number;
}

/** 1-based input line of body line i. @example lineAt({ nos: [3], base: 10 }, 2) // 12 */
export function lineAt(map: LineMap, i: number): number {
  const nos = map.nos;
  if (i < nos.length) return nos[i] ?? 0;
  return map.base === -1 ? 0 : map.base + i;
}

/** The input text and its lines (split on "\n"). */
export interface BodyInput {
  readonly text: string;
  readonly lines: readonly string[];
}

/**
 * Reads the body. `gap` is the number of blank lines before it.
 * Sub-paragraphs (`A. (C) …`, `-- …`) stay in their parent's text.
 */
export function parseBody(
  ctx: ParseContext,
  source: BodyLines,
  gap: number,
  needsClassifiedBy = false,
): Body {
  const issues = ctx.issues;
  const layout: Record<string, unknown> = {};
  const all = source.texts;
  const lineOf = source.lineOf;
  const start = 0;
  let end = all.length;
  let trailing = 0;
  while (end > start && isBlank(all[end - 1]!)) {
    end--;
    trailing++;
  }
  // Media-partner trailers ("=====CABLE ENDS=====", a stray quote) are not text.
  let trailerLine = 0;
  while (end > start && (isBlank(all[end - 1]!) || isTrailer(all[end - 1]!))) {
    if (!isBlank(all[end - 1]!)) trailerLine = lineAt(lineOf, end - 1);
    end--;
  }
  if (trailerLine !== 0) {
    issues.push(
      issue('text.trailer', 'info', 'trailer after the text dropped', { line: trailerLine }),
    );
    trailing = 2;
  }
  if (trailing !== 2) layout.trailing = trailing;

  // Signature: the last line, when it is a surname or two.
  const signers: string[] = [];
  let sigGap = -1;
  let lastLine: string | null = null;
  if (end > start) {
    const last = all[end - 1]!.trim();
    let k = end - 2;
    let blanksBefore = 0;
    while (k >= start && isBlank(all[k]!)) {
      k--;
      blanksBefore++;
    }
    const prev = k >= start ? all[k]!.trim() : '';
    const afterSentence =
      blanksBefore > 0 || /[.!?)"'”:]$/.test(prev) || /END COMMENT$/i.test(prev);
    // One name in mixed or lower case (`Susman`, `LeBaron`, `curran`, `Sobel.`): a sentence
    // would end with a stop, so a lone capitalised word is a name unless the line before runs on
    // into it (`… the Legislative` / `Assembl` of a truncated copy, a table's `53.5`); the
    // website footers of London and Paris (`…/index.c fm`) end a text too. Lower case or a stop
    // only after a finished sentence.
    const name =
      k < start
        ? null
        : NAME_WORD.test(last) && (afterSentence || !RUNS_ON.test(prev) || FOOTER.test(prev))
          ? last
          : afterSentence && (LOWER_WORD.test(last) || NAME_STOP.test(last))
            ? last.replace(/\.$/, '')
            : null;
    if (name !== null) {
      signers.push(name);
      const tail = /[ \t]*$/.exec(all[end - 1]!)![0];
      if (tail !== '') layout.signerTail = tail;
      sigGap = blanksBefore;
      end = k + 1;
    } else if (isSigner(last) && (afterSentence || last === last.toUpperCase()) && k >= start) {
      const parts = last.includes('/') ? last.split(/\s*\/\s*/) : [last];
      if (parts.length > 1) layout.signerSep = '/';
      signers.push(...parts);
      const tail = /[ \t]*$/.exec(all[end - 1]!)![0];
      if (tail !== '') layout.signerTail = tail;
      sigGap = blanksBefore;
      end = k + 1;
    } else {
      const line = all[end - 1]!;
      const glued = endsInWord(line)
        ? (gluedSigner(line) ?? footerSigner(line))
        : endsInCapitalStop(line)
          ? gluedSigner(line, GLUED_SIGNER_STOP)
          : null;
      if (glued && !NOT_SIGNER.test(glued[3]!) && all[end - 1]!.length > glued[0].length + 10) {
        lastLine = all[end - 1]!.slice(0, glued.index + glued[1]!.length);
        layout.signerInline = glued[2];
        signers.push(...glued[3]!.split('/'));
        if (signers.length > 1) layout.signerSep = '/';
      }
    }
  }
  if (signers.length === 0)
    issues.push(
      issue('text.signature.missing', 'info', 'no signature line at the end of the text', {
        line: end > 0 ? lineAt(lineOf, end - 1) : 0,
        field: 'signers',
      }),
    );

  const content = withoutPageMarkers(source, end, lastLine);
  if (content.markers > 0)
    issues.push(
      issue(
        'text.page.marker',
        'info',
        `${content.markers} page/section marker(s) removed from the body`,
        {
          line: content.firstMarker,
        },
      ),
    );
  const lines = content.texts;
  const lineNos = content.lineOf;
  // Lines [verbatimFrom, verbatimTo) are the input's own lines, one after the other (see joinLines).
  const verbatim = source.verbatimTail === true && content.lineOf === lineOf;
  const verbatimFrom = verbatim ? lineOf.nos.length : Infinity;
  const verbatimTo = verbatim ? (lastLine === null ? lines.length : lines.length - 1) : 0;

  // Paragraph starts: numbered lines in sequence (or with ¶ or a portion mark).
  interface Start {
    readonly at: number;
    readonly number: string;
    readonly prefix: number;
    readonly pre: string;
  }
  const starts: Start[] = [];
  let last = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const c = codeAt(text, 0);
    if (!((c >= 48 && c <= 57) || c === 0xb6 || c === 32)) continue;
    const p = paragraphNumber(text);
    if (p === null) continue;
    const n = Number(p.number);
    let a = p.length;
    while (a < text.length && isSpace(text.charCodeAt(a))) a++;
    const marked = codeAt(text, a) === 40; // "(" after the number
    if (n === last + 1 || p.pilcrow || (marked && n > last && n <= last + 5)) {
      if (n !== last + 1)
        issues.push(
          issue(
            'text.paragraph.number.sequence',
            'info',
            `paragraph ${p.number} follows paragraph ${last}`,
            {
              line: lineAt(lineNos, i),
              field: `paragraphs[${starts.length}].number`,
            },
          ),
        );
      starts.push({
        at: i,
        number: p.number,
        prefix: p.length,
        pre: text.slice(0, p.length - p.number.length - 1),
      });
      last = n;
    }
  }

  const paragraphs: Paragraph[] = [];
  const spacing: (ParagraphSpacing | 0)[] = [];
  const gaps: number[] = [];
  const a: Paragraphs = {
    ctx,
    lines,
    lineNos,
    input: source.input,
    gap,
    needsClassifiedBy,
    paragraphs,
    spacing,
    gaps,
    pendingHeading: null,
    pendingGap: gap,
    headingGap: 0,
    classifiedBy: null,
    cursorLine: 0,
    cursorOffset: 0,
    verbatimFrom,
    verbatimTo,
  };

  // Before the first numbered paragraph: blank-separated blocks, headings or unnumbered paragraphs.
  const firstStart = starts[0]?.at ?? lines.length;
  const introBlocks = blocks(lines, 0, firstStart);
  for (const b of introBlocks) takeBlock(a, b);
  if (introBlocks.length > 0) a.pendingGap = trailingBlanks(lines, 0, firstStart);
  for (let s = 0; s < starts.length; s++) {
    const st = starts[s]!;
    const stop = s + 1 < starts.length ? starts[s + 1]!.at : lines.length;
    let e = stop;
    while (e > st.at + 1 && isBlank(lines[e - 1]!)) e--;
    const nextGap = stop - e;
    let headingFrom = e;
    // Trailing heading blocks (dividers, short titles) belong to the next paragraph.
    let nextHeading: string[] | null = null;
    let hGap = 0;
    if (s + 1 < starts.length) {
      // Walk back over trailing blocks while they read as headings (only the tail is looked at).
      let from = e;
      for (;;) {
        let b = from;
        // A block of more than 4 lines is no heading: the walk stops there, not at the block's
        // start (most paragraphs are one block of many lines).
        while (b > st.at + 1 && from - b <= 4 && !isBlank(lines[b - 1]!)) b--;
        if (b <= st.at + 1 || from - b > 4) break;
        const texts: string[] = [];
        for (let k = b; k < from; k++) texts.push(lines[k]!);
        if (!isHeading(texts)) break;
        headingFrom = b;
        let gapStart = b;
        while (gapStart > st.at + 1 && isBlank(lines[gapStart - 1]!)) gapStart--;
        from = gapStart;
      }
      if (headingFrom < e) {
        nextHeading = [];
        for (let k = headingFrom; k < e; k++) nextHeading.push(lines[k]!);
        hGap = nextGap;
      }
    }
    let textEnd = headingFrom;
    while (textEnd > st.at + 1 && isBlank(lines[textEnd - 1]!)) textEnd--;
    push(
      a,
      st.number,
      st.pre,
      lines[st.at]!.slice(st.prefix),
      lines,
      st.at + 1,
      textEnd,
      lineAt(lineNos, st.at),
    );
    if (nextHeading !== null) {
      a.pendingHeading = nextHeading;
      a.headingGap = headingFrom - textEnd;
      a.pendingGap = hGap;
    } else a.pendingGap = nextGap;
  }
  if (a.pendingHeading !== null) {
    // A heading with no paragraph after it: keep it as an unnumbered paragraph of its own.
    const h: string[] = a.pendingHeading;
    a.pendingHeading = null;
    push(a, null, '', h[0]!, h, 1, h.length, 0);
  }
  if (signers.length > 0 && sigGap >= 0) gaps.push(sigGap);
  if (paragraphs.length === 0)
    issues.push(
      issue('text.paragraphs.missing', 'warning', 'the text has no paragraphs', {
        line: all.length > 0 ? lineAt(lineOf, start) : 0,
        field: 'paragraphs',
      }),
    );
  if (anySpacing(spacing)) layout.paragraphs = spacing;
  return { paragraphs, signers, gaps, classifiedBy: a.classifiedBy, layout };
}

/**
 * The paragraphs read so far and what the readers of the next one need. Shared by module-level
 * functions rather than closures: closures made per cable cost a function object each (and under
 * tsx, which keeps names, a property definition each).
 */
interface Paragraphs {
  readonly ctx: ParseContext;
  readonly lines: readonly string[];
  readonly lineNos: LineMap;
  readonly input: BodyInput | undefined;
  /** Blank lines before the body. */
  readonly gap: number;
  readonly needsClassifiedBy: boolean;
  readonly paragraphs: Paragraph[];
  readonly spacing: (ParagraphSpacing | 0)[];
  readonly gaps: number[];
  pendingHeading: string[] | null;
  pendingGap: number;
  headingGap: number;
  classifiedBy: Body['classifiedBy'];
  /**
   * Where input line `cursorLine` starts in input.text: found by walking forward from the last
   * line asked about (paragraphs come in order), so no table of offsets is built for every cable.
   */
  cursorLine: number;
  cursorOffset: number;
  /** Lines [verbatimFrom, verbatimTo) are consecutive input lines as they stand. */
  readonly verbatimFrom: number;
  readonly verbatimTo: number;
}

function startOf(a: Paragraphs, at: number): number {
  if (a.input === undefined) return 0;
  if (at < a.cursorLine) {
    a.cursorLine = 0;
    a.cursorOffset = 0;
  }
  const inputLines = a.input.lines;
  for (; a.cursorLine < at; a.cursorLine++) a.cursorOffset += inputLines[a.cursorLine]!.length + 1;
  return a.cursorOffset;
}

/**
 * `first` (the end of the line before rest[from]) and rest[from..to) joined with "\n": one flat
 * string per paragraph. When those lines are consecutive input lines as they were read, that is
 * a slice of the input (no copy); otherwise the lines are joined.
 */
function joinLines(
  a: Paragraphs,
  first: string,
  rest: readonly string[],
  from: number,
  to: number,
): string {
  if (a.input !== undefined && rest === a.lines && from > 0) {
    const at = lineAt(a.lineNos, from - 1) - 1;
    const verbatim = from - 1 >= a.verbatimFrom && to <= a.verbatimTo;
    let same = verbatim || a.lines[from - 1] === a.input.lines[at];
    for (let k = from; same && !verbatim && k < to; k++)
      same =
        lineAt(a.lineNos, k) - 1 === at + (k - from + 1) &&
        a.lines[k] === a.input.lines[at + (k - from + 1)];
    if (same) {
      const start = startOf(a, at) + a.lines[from - 1]!.length - first.length;
      const last = at + (to - from);
      return a.input.text.slice(start, startOf(a, last) + a.lines[to - 1]!.length);
    }
  }
  const parts = rest.slice(from, to);
  parts.unshift(first);
  return parts.join('\n');
}

function push(
  a: Paragraphs,
  number: string | null,
  pre: string,
  first: string,
  rest: readonly string[],
  from: number,
  to: number,
  line: number,
): void {
  const {
    marking,
    text: firstText,
    afterNum,
    afterMark,
  } = splitMark(a, first, line, a.paragraphs.length);
  if (a.pendingHeading !== null) {
    a.gaps.push(a.headingGap);
  }
  a.gaps.push(a.pendingGap);
  const text = to > from ? joinLines(a, firstText, rest, from, to) : firstText;
  a.paragraphs.push({
    heading: a.pendingHeading === null ? null : a.pendingHeading.join('\n'),
    number,
    marking,
    text,
  });
  const sp: ParagraphSpacing = [pre, number === null ? '' : afterNum, afterMark];
  a.spacing.push(
    sp[0] === '' && sp[1] === (number === null ? '' : ' ') && (marking === null || sp[2] === ' ')
      ? 0
      : sp,
  );
  // Test the first line (a flat string), not the whole text (a rope that would be flattened here).
  const c0 = codeAt(firstText, 0);
  if (
    a.classifiedBy === null &&
    (c0 === 67 || c0 === 99) &&
    /^CLASSIFIED\s+BY\b/i.test(firstText)
  ) {
    const block = text.split(/\n\s*\n/)[0]!;
    a.classifiedBy = { value: parseClassifiedBy(block), paragraph: a.paragraphs.length - 1 };
  }
  a.pendingHeading = null;
}

function splitMark(a: Paragraphs, first: string, line: number, index: number) {
  const afterNum = first.slice(0, leadingSpaces(first));
  const body = first.slice(afterNum.length);
  let marking: PortionMarking | null = null;
  let text = body;
  let afterMark = '';
  if (body.startsWith('(')) {
    const close = body.indexOf(')');
    if (close > 0 && close < 100) {
      const raw = body.slice(0, close + 1);
      marking = markingOf(raw, a.ctx.reference);
      if (marking === null && /^\([SCUT][A-Z/ ]{0,4}\)$/.test(raw)) {
        marking = {
          raw,
          level: null,
          sbu: false,
          noforn: false,
          relTo: [],
          relToCodes: [],
          other: [],
        };
        a.ctx.issues.push(
          issue(
            'text.paragraph.marking.unreadable',
            'warning',
            `portion mark ${raw} is unreadable`,
            {
              line,
              field: `paragraphs[${index}].marking`,
            },
          ),
        );
      }
      if (marking !== null) {
        const restText = body.slice(close + 1);
        afterMark = restText.slice(0, leadingBlanks(restText));
        text = restText.slice(afterMark.length);
      }
    }
  }
  return { marking, text, afterNum, afterMark };
}

function takeBlock(a: Paragraphs, b: Block): void {
  let texts = a.lines.slice(b.from, b.to);
  // A Classified By block that landed among the first blocks (its header line was damaged):
  // read it as the cable's Classified By; the renderer writes it back in its usual place.
  if (a.classifiedBy === null && a.needsClassifiedBy) {
    const at = classifiedByIndex(texts);
    if (at !== -1) {
      a.classifiedBy = { value: parseClassifiedBy(texts.slice(at).join('\n')), paragraph: -1 };
      if (at === 0) return;
      texts = texts.slice(0, at);
    }
  }
  if (isHeading(texts)) {
    if (a.pendingHeading === null) {
      a.pendingHeading = texts;
      a.headingGap = b.gapBefore === -1 ? a.gap : b.gapBefore;
    } else {
      a.pendingHeading = [...a.pendingHeading, ...Array<string>(b.gapBefore).fill(''), ...texts];
    }
    a.pendingGap = 0;
    return;
  }
  if (a.pendingHeading === null) a.pendingGap = b.gapBefore === -1 ? a.gap : b.gapBefore;
  const first = texts[0]!;
  const pre = first.slice(0, leadingSpaces(first));
  // The block's a.lines are a.lines[b.from …): passing them as such lets the text be an input slice.
  push(
    a,
    null,
    pre,
    first.slice(pre.length),
    a.lines,
    b.from + 1,
    b.from + texts.length,
    lineAt(a.lineNos, b.from),
  );
}

interface Block {
  readonly from: number;
  readonly to: number;
  /** Blank lines before the block; -1 for the first block of a range. */
  readonly gapBefore: number;
}

/** Blank-separated blocks of lines [from, to). */
function blocks(lines: readonly string[], from: number, to: number): Block[] {
  const out: Block[] = [];
  let i = from;
  let first = true;
  while (i < to) {
    let blanks = 0;
    while (i < to && isBlank(lines[i]!)) {
      i++;
      blanks++;
    }
    if (i >= to) break;
    const s = i;
    while (i < to && !isBlank(lines[i]!)) i++;
    out.push({ from: s, to: i, gapBefore: first && from === 0 ? -1 : blanks });
    first = false;
  }
  return out;
}

function trailingBlanks(lines: readonly string[], from: number, to: number): number {
  let n = 0;
  for (let i = to - 1; i >= from && isBlank(lines[i]!); i--) n++;
  return n;
}

/** A block of dividers and short titles: `------ SUMMARY ------`, `THE KURDS: …` between dashes, `BEGIN POINTS`. */
function isHeading(texts: readonly string[]): boolean {
  if (texts.length > 4) return false;
  let divider = false;
  for (const raw of texts) {
    const t = raw.trim();
    if (isDivider(t)) {
      divider = true;
      continue;
    }
    if (t.length > 70) return false;
    const z = codeAt(t, t.length - 1);
    if (z === 46 || z === 59 || z === 44) return false; // . ; ,
    const a = codeAt(t, 0);
    if (a === 45 && t.startsWith('--')) return false;
    if ((a === 40 || a === 69 || a === 101) && /^\(?END\b/i.test(t)) return false;
    if (moreWordsThan(t, 10)) return false;
    if (t.startsWith('(') && !divider) return false;
  }
  return divider || texts.length <= 2;
}

function isSigner(t: string): boolean {
  if (t.length === 0 || t.length > 40 || NOT_SIGNER.test(t)) return false;
  if (!/[A-Z]/.test(t)) return false;
  return (
    /^[A-Za-z][A-Za-z'’.-]*(?:(?: |\/| \/ )[A-Za-z][A-Za-z'’.-]*){0,3}$/.test(t) &&
    !/\.$/.test(t.replace(/\b[A-Z]\.$/, ''))
  );
}

/** Body lines without page/section markers (and the blank lines and classification line around them). */
function withoutPageMarkers(
  source: BodyLines,
  end: number,
  lastLine: string | null,
): { texts: string[]; lineOf: LineMap; markers: number; firstMarker: number } {
  const all = source.texts;
  const lineOf = source.lineOf;
  let any = false;
  if (source.mayHavePageMarkers !== false)
    for (let i = 0; i < end && !any; i++) any = mayBePageMarker(all[i]!);
  if (!any) {
    // The common case: no copy, the arrays are cut to length in place.
    all.length = end;
    if (lastLine !== null && end > 0) all[end - 1] = lastLine;
    return { texts: all, lineOf, markers: 0, firstMarker: 0 };
  }
  const out: string[] = [];
  const outNos: number[] = [];
  let markers = 0;
  let firstMarker = 0;
  for (let i = 0; i < end; i++) {
    const t = i === end - 1 && lastLine !== null ? lastLine : all[i]!;
    if (mayBePageMarker(t) && isPageMarker(t)) {
      markers++;
      if (firstMarker === 0) firstMarker = lineAt(lineOf, i);
      // Drop the blank lines before it and a bare classification line above them (old page breaks).
      while (out.length > 0 && isBlank(out[out.length - 1]!)) {
        out.pop();
        outNos.pop();
      }
      const above = out[out.length - 1];
      if (
        above !== undefined &&
        above.trim().length < 30 &&
        readBanner(above)?.rest.trim() === ''
      ) {
        out.pop();
        outNos.pop();
        while (out.length > 0 && isBlank(out[out.length - 1]!)) {
          out.pop();
          outNos.pop();
        }
      }
      while (i + 1 < end && isBlank(all[i + 1]!)) i++;
      continue;
    }
    out.push(t);
    outNos.push(lineAt(lineOf, i));
  }
  return { texts: out, lineOf: { nos: outNos, base: -1 }, markers, firstMarker };
}

/** Cheap gate before the page-marker regex: short, and starting with PAGE or ending in a digit. */
export function mayBePageMarker(t: string): boolean {
  const n = t.length;
  if (n < 10 || n > 90) return false;
  if (codeAt(t, 0) === 80 && t.startsWith('PAGE ')) return true;
  let e = n - 1;
  while (e > 0 && codeAt(t, e) === 32) e--;
  const c = codeAt(t, e);
  return c >= 48 && c <= 57 && t.includes(' OF ');
}

/**
 * Portion marks read so far, per reference table: a handful of marks ((C), (U), (SBU), (S//NF)…)
 * open most paragraphs of the corpus. The cached marks are frozen, as they are shared by cables.
 */
const markCache = new WeakMap<FormatReference, Map<string, PortionMarking | null>>();
const markCacheNoReference = new Map<string, PortionMarking | null>();

function markingOf(raw: string, reference: FormatReference | undefined): PortionMarking | null {
  let cache = markCacheNoReference;
  if (reference !== undefined) {
    const known = markCache.get(reference);
    if (known === undefined) {
      cache = new Map<string, PortionMarking | null>();
      markCache.set(reference, cache);
    } else cache = known;
  }
  let marking = cache.get(raw);
  if (marking === undefined) {
    marking = parsePortionMarking(raw, reference);
    if (marking !== null) {
      Object.freeze(marking.relTo);
      Object.freeze(marking.relToCodes);
      Object.freeze(marking.other);
      Object.freeze(marking);
    }
    if (cache.size < 2000) cache.set(raw, marking);
  }
  return marking;
}

/** True when the last non-blank character can end a surname (a letter, apostrophe or hyphen). */
function endsInWord(text: string): boolean {
  let e = text.length - 1;
  while (e >= 0 && isSpace(codeAt(text, e))) e--;
  const c = codeAt(text, e);
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 0x2019 || c === 45 // ' ’ -
  );
}

/**
 * GLUED_SIGNER run on the only part of the line it can match (the last word, the blanks before
 * it and the character before those), with the match's index in the whole line: bodies re-wrapped
 * to one line per paragraph made the regex scan whole paragraphs.
 */
function gluedSigner(line: string, re = GLUED_SIGNER): RegExpExecArray | null {
  let k = line.length;
  while (k > 0 && isSpace(codeAt(line, k - 1))) k--;
  while (k > 0 && !isSpace(codeAt(line, k - 1))) k--;
  while (k > 0 && isSpace(codeAt(line, k - 1))) k--;
  const from = k - 1;
  if (from < 0) return null;
  const m = re.exec(line.slice(from));
  if (m) m.index += from;
  return m;
}

/** FOOTER_SIGNER on the end of the line only (a footer is short; the line may be a paragraph). */
function footerSigner(line: string): RegExpExecArray | null {
  const from = Math.max(0, line.length - 60);
  const m = FOOTER_SIGNER.exec(line.slice(from));
  if (m) m.index += from;
  return m;
}

/** Whether the line ends in a capital and a stop (`CHICOLA.`), blanks aside. */
function endsInCapitalStop(text: string): boolean {
  let e = text.length - 1;
  while (e >= 0 && isSpace(codeAt(text, e))) e--;
  const c = codeAt(text, e - 1);
  return codeAt(text, e) === 46 && c >= 65 && c <= 90;
}

/** Whether any paragraph has spacing of its own (a loop: no callback made per cable). */
function anySpacing(spacing: readonly (ParagraphSpacing | 0)[]): boolean {
  for (const s of spacing) if (s !== 0) return true;
  return false;
}

/** The first of `texts` that opens a Classified By block, or -1. */
function classifiedByIndex(texts: readonly string[]): number {
  for (let i = 0; i < texts.length; i++) if (isClassifiedBy(texts[i]!.trimStart())) return i;
  return -1;
}
