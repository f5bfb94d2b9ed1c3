/** parseCable: reads one cable (bare telegram or archive record) into fields plus issues. Never throws. */
import type { Cable, ParseResult } from './cable.ts';
import { parseArchiveMeta } from './archive-meta.ts';
import { emptyCable } from './empty-cable.ts';
import { parseHeader } from './header/parse-header.ts';
import { issue } from './issue.ts';
import type { ParseContext } from './parse-context.ts';
import type { FormatReference } from './reference.ts';
import { findTextStart, parseText } from './text/parse-text.ts';

export interface ParseOptions {
  /** Reference data (TAGS, country names); from directory/. Without it names stay as written. */
  readonly reference?: FormatReference;
}

/**
 * Parses one cable. Damaged, truncated and partial cables are normal: every field present is
 * extracted and every problem is reported as an issue.
 *
 * @example parseCable(readFileSync('08STATE98975.txt', 'utf8')).cable.messageReference // 'STATE 098975'
 */
export function parseCable(text: string, options: ParseOptions = {}): ParseResult {
  const crlf = text.includes('\r');
  const ctx: ParseContext = {
    lines: splitLines(text, crlf),
    issues: [],
    reference: options.reference,
    // Lines that are exact pieces of the input let paragraphs be slices of it (see ParseContext).
    input: crlf ? undefined : text,
  };
  try {
    return { cable: parseLines(ctx), issues: ctx.issues };
  } catch (error) {
    // A bug in the parser must not take down an import of half a million cables: report it.
    ctx.issues.push(
      issue(
        'parse.internal',
        'error',
        `internal parser error: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    return { cable: emptyCable(null), issues: ctx.issues };
  }
}

function splitLines(text: string, crlf: boolean): string[] {
  const lines = text.split('\n');
  if (crlf) for (let i = 0; i < lines.length; i++) lines[i] = lines[i]!.replace(/\r$/, '');
  return lines;
}

function parseLines(ctx: ParseContext): Cable {
  const { meta, next } = parseArchiveMeta(ctx);
  const textStart = findTextStart(ctx, next);
  const headerEnd = textStart === -1 ? ctx.lines.length : textStart;
  const head = parseHeader(ctx, next, headerEnd);
  const year = meta?.id.slice(0, 2) ?? head.header.dtg?.slice(2, 4) ?? null;
  if (textStart === -1) {
    ctx.issues.push(
      issue('text.missing', 'error', 'no telegram text found (no classification line)', {
        line: next + 1,
      }),
    );
    return { ...emptyCable(meta), ...headFields(head) };
  }
  const text = parseText(ctx, textStart, ctx.lines.length, { year });
  // Built as one literal (the key order of emptyCable, layout last): spreading the parts costs
  // more than the rest of a small cable's parse.
  const result: { -readonly [K in keyof Cable]: Cable[K] } = {
    kind: 'cable',
    archive: meta,
    header: head.header,
    from: head.from,
    to: head.to,
    info: head.info,
    xmt: head.xmt,
    classificationLine: text.classificationLine,
    messageReference: text.messageReference,
    section: text.section,
    captions: text.captions,
    passingLines: text.passingLines,
    eo: text.eo,
    tags: text.tags,
    subject: text.subject,
    subjectMarking: text.subjectMarking,
    references: text.references,
    classifiedBy: text.classifiedBy,
    summary: text.summary,
    paragraphs: text.paragraphs,
    signers: text.signers,
  };
  if (head.layout && text.layout) result.layout = { header: head.layout, text: text.layout };
  else if (head.layout) result.layout = { header: head.layout };
  else if (text.layout) result.layout = { text: text.layout };
  return result;
}

function headFields(
  head: ReturnType<typeof parseHeader>,
): Pick<Cable, 'header' | 'from' | 'to' | 'info' | 'xmt'> {
  return { header: head.header, from: head.from, to: head.to, info: head.info, xmt: head.xmt };
}

export { emptyCable } from './empty-cable.ts';
