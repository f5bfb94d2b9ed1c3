/** The five metadata lines of an archive record (Cablegate layout) that precede the telegram. */
import type { ArchiveMeta } from './cable.ts';
import { canonicalCableId } from './cable-id.ts';
import { issue } from './issue.ts';
import type { ParseContext } from './parse-context.ts';

const RAW_ID = /^\d{2}[A-Z][A-Z0-9]*\d$/;
const CREATED = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

/** Line i of the metadata block, trimmed; null when absent or blank. */
function cell(ctx: ParseContext, i: number): string | null {
  const v = ctx.lines[i]?.trim();
  return v === undefined || v === '' ? null : v;
}

/**
 * Reads the archive metadata when the text starts with it: id, created, released,
 * classification, origin, then a blank line. Returns the metadata and the index of the first
 * telegram line; `{ meta: null, next: 0 }` for a bare telegram.
 */
export function parseArchiveMeta(ctx: ParseContext): { meta: ArchiveMeta | null; next: number } {
  const first = ctx.lines[0]?.trim() ?? '';
  if (!RAW_ID.test(first)) return { meta: null, next: 0 };
  const id = canonicalCableId(first);
  if (id === null) return { meta: null, next: 0 };
  if (id !== first)
    ctx.issues.push(
      issue('archive.id.repaired', 'info', `archive id "${first}" read as ${id}`, {
        line: 1,
        column: 1,
        field: 'archive.id',
      }),
    );
  // The metadata block ends at the first blank line within the five lines after the id.
  let end = 1;
  while (end < 6 && end < ctx.lines.length && (ctx.lines[end] ?? '').trim() !== '') end++;
  const count = end - 1;
  if (count < 4)
    ctx.issues.push(
      issue(
        'archive.meta.short',
        'warning',
        `archive record has ${count} of 4 metadata lines after the id`,
        {
          line: end + 1,
          field: 'archive',
        },
      ),
    );
  const created = count >= 1 ? cell(ctx, 1) : null;
  const released = count >= 2 ? cell(ctx, 2) : null;
  for (const [value, line, field] of [
    [created, 2, 'archive.created'],
    [released, 3, 'archive.released'],
  ] as const)
    if (value !== null && !CREATED.test(value))
      ctx.issues.push(
        issue('archive.date.invalid', 'warning', `${field} "${value}" is not YYYY-MM-DD HH:MM`, {
          line,
          column: 1,
          field,
        }),
      );
  const classification = count >= 3 ? cell(ctx, 3) : null;
  const origin = count >= 4 ? cell(ctx, 4) : null;
  const meta: ArchiveMeta =
    id === first
      ? { id, created, released, classification, origin }
      : { id, referenceId: first, created, released, classification, origin };
  return { meta, next: Math.min(end + 1, ctx.lines.length) };
}

/** The archive metadata lines and the blank line after them. */
export function renderArchiveMeta(meta: ArchiveMeta): string[] {
  return [
    meta.id,
    meta.created ?? '',
    meta.released ?? '',
    meta.classification ?? '',
    meta.origin ?? '',
    '',
  ];
}
