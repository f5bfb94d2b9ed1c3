/** Parses the text of a telegram: banner to signature. */
import type { Cable } from '../cable.ts';
import type { ParseContext } from '../parse-context.ts';
import { issue } from '../issue.ts';
import { findBannerInLine } from './banner.ts';
import { mayBePageMarker, parseBody } from './body.ts';
import { parsePreamble } from './preamble.ts';
import { summaryOf } from './summary.ts';
import type { TextLine } from './text-line.ts';

export { findTextStart } from './find-text-start.ts';

/**
 * Lines the header part (banner to Classified By) is read from; the body beyond is read as plain
 * strings. Far more than any real header (the longest passing-line lists run to a few dozen).
 */
const HEADER_WINDOW = 120;
/**
 * Lines tried first: most headers end well within them. When the header part does not stop
 * inside them (see Preamble.stopped), it is read again from the full window, so the result is
 * the same; only the TextLine objects for the rest of the window are saved.
 */
const FIRST_WINDOW = 40;

/** The fields of Cable that the text part carries. */
export type TextFields = Pick<
  Cable,
  | 'classificationLine'
  | 'messageReference'
  | 'section'
  | 'captions'
  | 'passingLines'
  | 'eo'
  | 'tags'
  | 'subject'
  | 'subjectMarking'
  | 'references'
  | 'classifiedBy'
  | 'summary'
  | 'paragraphs'
  | 'signers'
> & { readonly layout: Readonly<Record<string, unknown>> | undefined };

/** What the text parser needs to know of the cable around it (for REF years and MRN checks). */
export interface CitingCable {
  /** Two-digit year of the cable ("08"), from the id or the DTG; null when unknown. */
  readonly year: string | null;
}

/**
 * Reads lines [start, end) of ctx.lines as the telegram text. Never throws: every oddity becomes a
 * `text.*` issue. `start` is what findTextStart returned (a banner, possibly after a glued preamble,
 * or the first text line of a partial extract).
 *
 * @example parseText(ctx, 22, ctx.lines.length, { year: '08' }).messageReference // 'STATE 098975'
 */
export function parseText(
  ctx: ParseContext,
  start: number,
  end: number,
  citing: CitingCable,
): TextFields {
  const full = Math.min(end, start + HEADER_WINDOW);
  const mark = ctx.issues.length;
  let window = Math.min(full, start + FIRST_WINDOW);
  let { lines, backslashes } = textLines(ctx, start, window);
  let pre = parsePreamble(ctx, lines, citing);
  if (!pre.stopped && window < full) {
    ctx.issues.length = mark; // what the first reading reported is reported again
    window = full;
    ({ lines, backslashes } = textLines(ctx, start, window));
    pre = parsePreamble(ctx, lines, citing);
  }
  // The body: what the header part left of its window, then the input lines as they are, in one
  // pass that also counts blank lines and looks for page markers.
  const pieces = pre.lines;
  const head = pieces.length - pre.bodyStart;
  // The body's lines as one copy of the input lines (a slice), the header part's leftovers
  // written over its first `head` entries.
  const all = ctx.lines;
  const from = window - head;
  const texts =
    from >= 0 ? all.slice(from, end) : Array<string>(-from).fill('').concat(all.slice(0, end));
  let empty = 0;
  let space = 0;
  let markers = false;
  const nos: number[] = []; // input line numbers of the first `head` body lines
  for (let i = 0; i < texts.length; i++) {
    let t: string;
    if (i < head) {
      const piece = pieces[pre.bodyStart + i]!;
      t = piece.text;
      nos.push(piece.line);
      texts[i] = t;
    } else {
      t = texts[i]!;
      if (backslashes && t.endsWith('\\')) texts[i] = t = t.replace(/ ?\\$/, '');
    }
    if (t.length === 0) empty++;
    else if (t.length === 1 && t === ' ') space++;
    else if (!markers) markers = mayBePageMarker(t);
  }
  // Body line i is pieces[bodyStart + i] for the first `head` lines, then input line window + (i - head).
  const lineOf = { nos, base: window - head + 1 };
  // What blank lines hold in this text: "" or, in re-wrapped releases, a single space.
  const bodyBlank = space > empty ? ' ' : '';
  const input = ctx.input === undefined ? undefined : { text: ctx.input, lines: ctx.lines };
  const body = parseBody(
    ctx,
    { texts, lineOf, input, mayHavePageMarkers: markers, verbatimTail: !backslashes },
    pre.bodyGap,
    pre.classifiedBy === null,
  );
  const blank = bodyBlank;
  // The header part's hints (headBlank only where it differs from blank), then the body's.
  // Written into the preamble's own layout object (it is not used again): what spreading it into
  // a new object gives, without the copy.
  const layout = pre.layout;
  if (pre.headBlank !== undefined && pre.headBlank !== blank) layout.headBlank = pre.headBlank;
  const late = pre.lateLayout;
  if (late.captionRefs !== undefined) layout.captionRefs = late.captionRefs;
  if (late.captionTails !== undefined) layout.captionTails = late.captionTails;
  if (late.passingTails !== undefined) layout.passingTails = late.passingTails;
  Object.assign(layout, body.layout);
  let classifiedBy = pre.classifiedBy;
  if (classifiedBy === null && body.classifiedBy !== null) {
    classifiedBy = body.classifiedBy.value;
    if (body.classifiedBy.paragraph >= 0) layout.classifiedByIn = body.classifiedBy.paragraph;
  }
  const gaps = pre.gaps;
  for (const g of body.gaps) gaps.push(g);
  layout.gaps = gaps;
  if (blank !== '') layout.blank = blank;
  return {
    classificationLine: pre.classificationLine,
    messageReference: pre.messageReference,
    section: pre.section,
    captions: pre.captions,
    passingLines: pre.passingLines,
    eo: pre.eo,
    tags: pre.tags,
    subject: pre.subject,
    subjectMarking: pre.subjectMarking,
    references: pre.references,
    classifiedBy,
    summary: summaryOf(body.paragraphs),
    paragraphs: body.paragraphs,
    signers: body.signers,
    layout,
  };
}

/**
 * The text's lines with glued preambles cut off the first line (`Cable dated:…`, a cables.csv row
 * before a TAB) and the trailing backslashes of cables.csv continuation lines removed.
 */
function textLines(
  ctx: ParseContext,
  start: number,
  end: number,
): { lines: TextLine[]; backslashes: boolean } {
  const out: TextLine[] = [];
  const first = ctx.lines[start] ?? '';
  const banner = findBannerInLine(first);
  const offset = banner && banner.offset > 0 && banner.strong ? banner.offset : 0;
  if (offset > 0)
    ctx.issues.push(
      issue(
        'text.preamble.glued',
        'info',
        `text glued to a preamble ("${first.slice(0, Math.min(offset, 40))}")`,
        {
          line: start + 1,
          column: offset + 1,
        },
      ),
    );
  // cables.csv rows end every line with a backslash: strip them where the first lines show it.
  const backslashes = /\\\s*$/.test(first) || /\\\s*$/.test(ctx.lines[start + 1] ?? '');
  if (backslashes)
    ctx.issues.push(
      issue('text.backslash', 'info', 'lines end in "\\" (a cables.csv row): removed', {
        line: start + 1,
      }),
    );
  for (let i = start; i < end; i++) {
    let text = ctx.lines[i]!;
    let column = 1;
    if (i === start && offset > 0) {
      text = text.slice(offset);
      column = offset + 1;
    }
    if (backslashes && text.endsWith('\\')) text = text.replace(/ ?\\$/, '');
    out.push({ text, line: i + 1, column });
  }
  return { lines: out, backslashes };
}
