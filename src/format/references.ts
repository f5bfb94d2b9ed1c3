/** REF lists: `REF: A. STATE 12345 B. 07 PARIS 123 (NOTAL)`. OWNED BY the header helper — placeholder. */
import type { Reference } from './cable.ts';
import type { ParseContext } from './parse-context.ts';

/**
 * Parses the text of a REF block (everything after `REF:`, lines joined with "\n") into references.
 * `line` is the 1-based line of the `REF:` line, for issues. A reference without a year takes citingYear.
 */
export function parseReferences(
  _ctx: ParseContext,
  _text: string,
  _line: number,
  _citingYear: string | null,
): Reference[] {
  throw new Error('parseReferences: not implemented yet');
}

/** Renders references as the text after `REF: ` (possibly several lines). */
export function renderReferences(_refs: readonly Reference[]): string[] {
  throw new Error('renderReferences: not implemented yet');
}
