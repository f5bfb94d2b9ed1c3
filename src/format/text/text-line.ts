/** A line of the telegram text with its place in the input, after glued preambles are cut away. */

export interface TextLine {
  /** The text (may be a piece of an input line when several fields were folded onto one). */
  readonly text: string;
  /** 1-based input line. */
  readonly line: number;
  /** 1-based column of text[0] in the input line. */
  readonly column: number;
}

/** True for an empty or whitespace-only line. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}
