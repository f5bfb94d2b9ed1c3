/** Portion marks `(S//REL TO USA, BGR)`: syntax only. OWNED BY the text helper — placeholder. */
import type { PortionMarking } from './cable.ts';
import type { FormatReference } from './reference.ts';

/**
 * Parses a portion mark as written, with its parentheses: `(U)`, `(C/NF)`, `(S//NF)`,
 * `(S/REL BULGARIA, CZECH REPUBLIC)`, `(SECRET//REL TO USA, GBR)`, `(SBU)`, `(SBU-N)`, `(TS)`.
 * Returns null when the text is not a portion mark.
 */
export function parsePortionMarking(
  _raw: string,
  _reference?: FormatReference,
): PortionMarking | null {
  throw new Error('parsePortionMarking: not implemented yet');
}
