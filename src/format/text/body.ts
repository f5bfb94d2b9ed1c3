/** The body of the text: paragraphs with their numbers, marks and headings, then the signature. */
import type { ClassifiedBy, Paragraph, PortionMarking } from '../cable.ts';
import { issue } from '../issue.ts';
import type { ParseContext } from '../parse-context.ts';
import { parsePortionMarking } from '../portion-mark.ts';
import { readBanner } from './banner.ts';
import { parseClassifiedBy } from './classified-by.ts';
import { isDivider, isPageMarker, paragraphNumber } from './line-kind.ts';
import type { ParagraphSpacing } from './text-layout.ts';
import { isBlank, type TextLine } from './text-line.ts';

export interface Body {
  readonly paragraphs: Paragraph[];
  readonly signers: string[];
  /** Blank lines before each unit: (heading?, paragraph)…, signature. */
  readonly gaps: number[];
  readonly classifiedBy: { readonly value: ClassifiedBy; readonly paragraph: number } | null;
  readonly layout: Record<string, unknown>;
}

/** Media-copy trailers: `=====CABLE ENDS=====`, `> 2002ROME01196 - Classification: …`, `NNNN`, a stray quote. */
const TRAILER =
  /^(?:=+\s*CABLE ENDS\s*=+|>.*|"+|\.\.\.|NNNN|.*\bClassification: [A-Z].*|\d{4}[A-Z]{3,}\d{5} - [A-Z/ ]+"?|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS)(?:\/\/[A-Z]+)?)\s*$/;
/** A surname glued after the last sentence: `… END COMMENT. GUTIERREZ`, `… Consulate Rio. Danilovich`. */
const GLUED_SIGNER = /([.!?)"”'])(\s+)([A-Z][A-Za-z'’-]{2,}(?:\/[A-Z][A-Za-z'’-]+)?)\s*$/;
const NOT_SIGNER =
  /^(?:END|BEGIN|COMMENT|SUMMARY|TEXT|NOTE|SIPDIS|NOFORN|UNCLASSIFIED|CONFIDENTIAL|SECRET|UNCLAS|CLASSIFIED)\b/i;

/**
 * Reads the body from `all[start]` to the end. `gap` is the number of blank lines before it.
 * Sub-paragraphs (`A. (C) …`, `-- …`) stay in their parent's text.
 */
export function parseBody(
  ctx: ParseContext,
  all: readonly TextLine[],
  start: number,
  gap: number,
): Body {
  const issues = ctx.issues;
  const layout: Record<string, unknown> = {};
  let end = all.length;
  let trailing = 0;
  while (end > start && isBlank(all[end - 1]!.text)) {
    end--;
    trailing++;
  }
  // Media-partner trailers ("=====CABLE ENDS=====", a stray quote) are not text.
  let trailerLine = 0;
  while (end > start && (TRAILER.test(all[end - 1]!.text.trim()) || isBlank(all[end - 1]!.text))) {
    if (!isBlank(all[end - 1]!.text)) trailerLine = all[end - 1]!.line;
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
  let lastLine: TextLine | null = null;
  if (end > start) {
    const last = all[end - 1]!.text.trim();
    let k = end - 2;
    let blanksBefore = 0;
    while (k >= start && isBlank(all[k]!.text)) {
      k--;
      blanksBefore++;
    }
    const prev = k >= start ? all[k]!.text.trim() : '';
    if (
      isSigner(last) &&
      (blanksBefore > 0 || /[.!?)"'”:]$/.test(prev) || last === last.toUpperCase()) &&
      k >= start
    ) {
      const parts = last.includes('/') ? last.split(/\s*\/\s*/) : [last];
      if (parts.length > 1) layout.signerSep = '/';
      signers.push(...parts);
      sigGap = blanksBefore;
      end = k + 1;
    } else {
      const glued = GLUED_SIGNER.exec(all[end - 1]!.text);
      if (
        glued &&
        !NOT_SIGNER.test(glued[3]!) &&
        all[end - 1]!.text.length > glued[0].length + 10
      ) {
        const line = all[end - 1]!;
        const cut = glued.index + glued[1]!.length;
        lastLine = { text: line.text.slice(0, cut), line: line.line, column: line.column };
        layout.signerInline = glued[2];
        signers.push(...glued[3]!.split('/'));
        if (signers.length > 1) layout.signerSep = '/';
      }
    }
  }
  if (signers.length === 0)
    issues.push(
      issue('text.signature.missing', 'info', 'no signature line at the end of the text', {
        line: all[end - 1]?.line ?? 0,
        field: 'signers',
      }),
    );

  const content = withoutPageMarkers(all, start, end, lastLine);
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
  const lines = content.lines;

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
    const text = lines[i]!.text;
    const c = text.charCodeAt(0);
    if (!((c >= 48 && c <= 57) || c === 0xb6 || c === 32)) continue;
    const p = paragraphNumber(text);
    if (p === null) continue;
    const n = Number(p.number);
    const after = text.slice(p.length).trimStart();
    const marked = after.startsWith('(');
    if (n === last + 1 || p.pilcrow || (marked && n > last && n <= last + 5)) {
      if (n !== last + 1)
        issues.push(
          issue(
            'text.paragraph.number.sequence',
            'info',
            `paragraph ${p.number} follows paragraph ${last}`,
            {
              line: lines[i]!.line,
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
  let pendingHeading: string[] | null = null;
  let pendingGap = gap;
  let headingGap = 0;
  let classifiedBy: Body['classifiedBy'] = null;

  const push = (
    number: string | null,
    pre: string,
    first: string,
    rest: readonly TextLine[] | readonly string[],
    from: number,
    to: number,
    line: number,
  ) => {
    const {
      marking,
      text: firstText,
      afterNum,
      afterMark,
    } = splitMark(first, line, paragraphs.length);
    if (pendingHeading !== null) {
      gaps.push(headingGap);
    }
    gaps.push(pendingGap);
    let text = firstText;
    for (let k = from; k < to; k++) {
      const r = rest[k]!;
      text += `\n${typeof r === 'string' ? r : r.text}`;
    }
    paragraphs.push({
      heading: pendingHeading === null ? null : pendingHeading.join('\n'),
      number,
      marking,
      text,
    });
    const sp: ParagraphSpacing = [pre, number === null ? '' : afterNum, afterMark];
    spacing.push(
      sp[0] === '' && sp[1] === (number === null ? '' : ' ') && (marking === null || sp[2] === ' ')
        ? 0
        : sp,
    );
    if (classifiedBy === null && /^CLASSIFIED\s+BY\b/i.test(text)) {
      const block = text.split(/\n\s*\n/)[0]!;
      classifiedBy = { value: parseClassifiedBy(block), paragraph: paragraphs.length - 1 };
    }
    pendingHeading = null;
  };
  const splitMark = (first: string, line: number, index: number) => {
    const afterNum = /^\s*/.exec(first)![0];
    const body = first.slice(afterNum.length);
    let marking: PortionMarking | null = null;
    let text = body;
    let afterMark = '';
    if (body.startsWith('(')) {
      const close = body.indexOf(')');
      if (close > 0 && close < 100) {
        const raw = body.slice(0, close + 1);
        marking = parsePortionMarking(raw, ctx.reference);
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
          issues.push(
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
          afterMark = /^[ \t]*/.exec(restText)![0];
          text = restText.slice(afterMark.length);
        }
      }
    }
    return { marking, text, afterNum, afterMark };
  };

  // Before the first numbered paragraph: blank-separated blocks, headings or unnumbered paragraphs.
  const firstStart = starts[0]?.at ?? lines.length;
  const introBlocks = blocks(lines, 0, firstStart);
  for (const b of introBlocks) takeBlock(b);
  if (introBlocks.length > 0) pendingGap = trailingBlanks(lines, 0, firstStart);
  for (let s = 0; s < starts.length; s++) {
    const st = starts[s]!;
    const stop = s + 1 < starts.length ? starts[s + 1]!.at : lines.length;
    let e = stop;
    while (e > st.at + 1 && isBlank(lines[e - 1]!.text)) e--;
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
        while (b > st.at + 1 && !isBlank(lines[b - 1]!.text)) b--;
        if (b <= st.at + 1 || from - b > 4) break;
        const texts: string[] = [];
        for (let k = b; k < from; k++) texts.push(lines[k]!.text);
        if (!isHeading(texts)) break;
        headingFrom = b;
        let gapStart = b;
        while (gapStart > st.at + 1 && isBlank(lines[gapStart - 1]!.text)) gapStart--;
        from = gapStart;
      }
      if (headingFrom < e) {
        nextHeading = [];
        for (let k = headingFrom; k < e; k++) nextHeading.push(lines[k]!.text);
        hGap = nextGap;
      }
    }
    let textEnd = headingFrom;
    while (textEnd > st.at + 1 && isBlank(lines[textEnd - 1]!.text)) textEnd--;
    const head = lines[st.at]!;
    push(st.number, st.pre, head.text.slice(st.prefix), lines, st.at + 1, textEnd, head.line);
    if (nextHeading !== null) {
      pendingHeading = nextHeading;
      headingGap = headingFrom - textEnd;
      pendingGap = hGap;
    } else pendingGap = nextGap;
  }
  if (pendingHeading !== null) {
    // A heading with no paragraph after it: keep it as an unnumbered paragraph of its own.
    const h: string[] = pendingHeading;
    pendingHeading = null;
    push(null, '', h[0]!, h, 1, h.length, 0);
  }
  if (signers.length > 0 && sigGap >= 0) gaps.push(sigGap);
  if (paragraphs.length === 0)
    issues.push(
      issue('text.paragraphs.missing', 'warning', 'the text has no paragraphs', {
        line: all[start]?.line ?? 0,
        field: 'paragraphs',
      }),
    );
  if (spacing.some((s) => s !== 0)) layout.paragraphs = spacing;
  return { paragraphs, signers, gaps, classifiedBy, layout };

  function takeBlock(b: Block): void {
    const texts = b.lines.map((l) => l.text);
    if (isHeading(texts)) {
      if (pendingHeading === null) {
        pendingHeading = texts;
        headingGap = b.gapBefore === -1 ? gap : b.gapBefore;
      } else {
        pendingHeading = [...pendingHeading, ...Array<string>(b.gapBefore).fill(''), ...texts];
      }
      pendingGap = 0;
      return;
    }
    if (pendingHeading === null) pendingGap = b.gapBefore === -1 ? gap : b.gapBefore;
    const first = texts[0]!;
    const pre = /^\s*/.exec(first)![0];
    push(null, pre, first.slice(pre.length), texts, 1, texts.length, b.lines[0]!.line);
  }
}

interface Block {
  readonly from: number;
  readonly lines: readonly TextLine[];
  /** Blank lines before the block; -1 for the first block of a range. */
  readonly gapBefore: number;
}

/** Blank-separated blocks of lines [from, to). */
function blocks(lines: readonly TextLine[], from: number, to: number): Block[] {
  const out: Block[] = [];
  let i = from;
  let first = true;
  while (i < to) {
    let blanks = 0;
    while (i < to && isBlank(lines[i]!.text)) {
      i++;
      blanks++;
    }
    if (i >= to) break;
    const s = i;
    while (i < to && !isBlank(lines[i]!.text)) i++;
    out.push({ from: s, lines: lines.slice(s, i), gapBefore: first && from === 0 ? -1 : blanks });
    first = false;
  }
  return out;
}

function trailingBlanks(lines: readonly TextLine[], from: number, to: number): number {
  let n = 0;
  for (let i = to - 1; i >= from && isBlank(lines[i]!.text); i--) n++;
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
    if (t.length > 70 || /[.;,]$/.test(t) || t.startsWith('--') || /^\(?END\b/i.test(t))
      return false;
    if (t.split(/\s+/).length > 10) return false;
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
  all: readonly TextLine[],
  start: number,
  end: number,
  lastLine: TextLine | null,
): { lines: TextLine[]; markers: number; firstMarker: number } {
  let any = false;
  for (let i = start; i < end && !any; i++) any = mayBePageMarker(all[i]!.text);
  if (!any) {
    const lines = all.slice(start, end);
    if (lastLine !== null && end > start) lines[lines.length - 1] = lastLine;
    return { lines, markers: 0, firstMarker: 0 };
  }
  const out: TextLine[] = [];
  let markers = 0;
  let firstMarker = 0;
  for (let i = start; i < end; i++) {
    const l = i === end - 1 && lastLine !== null ? lastLine : all[i]!;
    const t = l.text;
    if (mayBePageMarker(t) && isPageMarker(t)) {
      markers++;
      if (firstMarker === 0) firstMarker = l.line;
      // Drop the blank lines before it and a bare classification line above them (old page breaks).
      while (out.length > 0 && isBlank(out[out.length - 1]!.text)) out.pop();
      const above = out[out.length - 1];
      if (above && readBanner(above.text)?.rest.trim() === '' && above.text.trim().length < 30) {
        out.pop();
        while (out.length > 0 && isBlank(out[out.length - 1]!.text)) out.pop();
      }
      while (i + 1 < end && isBlank(all[i + 1]!.text)) i++;
      continue;
    }
    out.push(l);
  }
  return { lines: out, markers, firstMarker };
}

/** Cheap gate before the page-marker regex: short, and starting with PAGE or ending in a digit. */
function mayBePageMarker(t: string): boolean {
  const n = t.length;
  if (n < 10 || n > 90) return false;
  if (t.charCodeAt(0) === 80 && t.startsWith('PAGE ')) return true;
  let e = n - 1;
  while (e > 0 && t.charCodeAt(e) === 32) e--;
  const c = t.charCodeAt(e);
  return c >= 48 && c <= 57 && t.includes(' OF ');
}
