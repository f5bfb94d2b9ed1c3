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
  const cable = emptyCable(meta);
  if (textStart === -1) {
    ctx.issues.push(
      issue('text.missing', 'error', 'no telegram text found (no classification line)', {
        line: next + 1,
      }),
    );
    return { ...cable, ...headFields(head) };
  }
  const text = parseText(ctx, textStart, ctx.lines.length, { year });
  const { layout: textLayout, ...textFields } = text;
  const layout = {
    ...(head.layout ? { header: head.layout } : {}),
    ...(textLayout ? { text: textLayout } : {}),
  };
  return {
    ...cable,
    ...headFields(head),
    ...textFields,
    ...(Object.keys(layout).length > 0 ? { layout } : {}),
  };
}

function headFields(
  head: ReturnType<typeof parseHeader>,
): Pick<Cable, 'header' | 'from' | 'to' | 'info' | 'xmt'> {
  return { header: head.header, from: head.from, to: head.to, info: head.info, xmt: head.xmt };
}

export { emptyCable } from './empty-cable.ts';
