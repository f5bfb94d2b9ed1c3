/** Shared state of one parse: the input lines, the issues found so far, optional reference data. */
import type { Issue } from './issue.ts';
import type { FormatReference } from './reference.ts';

export interface ParseContext {
  /** The input split on "\n" (a trailing "\r" is kept out by the splitter). Index 0 is line 1. */
  readonly lines: readonly string[];
  /** Issues are appended here by every part of the parser. */
  readonly issues: Issue[];
  /** Reference data for canonicalising TAGS and country names; parsing works without it. */
  readonly reference: FormatReference | undefined;
  /**
   * The input itself, when `lines` is exactly `input.split("\n")` (no "\r" removed). Optional: with
   * it, a paragraph of several input lines is one slice of the input instead of a copy joined
   * line by line (bodies are most of the bytes of a cable).
   */
  readonly input?: string | undefined;
}
