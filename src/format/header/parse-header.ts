/** Parses the transmission header (ACP 127 format lines 1–9). OWNED BY the header helper — placeholder. */
import type { Addressee, TransmissionHeader } from '../cable.ts';
import type { ParseContext } from '../parse-context.ts';

export interface HeaderFields {
  readonly header: TransmissionHeader;
  readonly from: Addressee | null;
  readonly to: readonly Addressee[];
  readonly info: readonly Addressee[];
  readonly xmt: readonly Addressee[];
  readonly layout: Readonly<Record<string, unknown>> | undefined;
}

/** Reads lines [start, end) of ctx.lines as a transmission header. Never throws. */
export function parseHeader(_ctx: ParseContext, _start: number, _end: number): HeaderFields {
  throw new Error('parseHeader: not implemented yet');
}
