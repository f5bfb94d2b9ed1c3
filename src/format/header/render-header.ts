/** Renders the transmission header lines. OWNED BY the header helper — placeholder. */
import type { Cable } from '../cable.ts';

/** The header's lines (no trailing newline on each), honouring cable.layout?.header spacing hints. */
export function renderHeader(_cable: Cable): string[] {
  throw new Error('renderHeader: not implemented yet');
}
