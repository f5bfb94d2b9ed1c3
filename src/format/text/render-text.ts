/** Renders the telegram text lines. OWNED BY the text helper — placeholder. */
import type { Cable } from '../cable.ts';

/** The text's lines, banner to signature, honouring cable.layout?.text spacing hints. */
export function renderText(_cable: Cable): string[] {
  throw new Error('renderText: not implemented yet');
}
