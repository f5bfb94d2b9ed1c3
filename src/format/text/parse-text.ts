/** Parses the text of a telegram: banner to signature. OWNED BY the text helper — placeholder. */
import type { Cable } from '../cable.ts';
import type { ParseContext } from '../parse-context.ts';

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

/** Index of the first line of the text (the classification banner) at or after `start`, or -1. */
export function findTextStart(_ctx: ParseContext, _start: number): number {
  throw new Error('findTextStart: not implemented yet');
}

/** Reads lines [start, end) of ctx.lines as the telegram text. Never throws. */
export function parseText(
  _ctx: ParseContext,
  _start: number,
  _end: number,
  _citing: CitingCable,
): TextFields {
  throw new Error('parseText: not implemented yet');
}
