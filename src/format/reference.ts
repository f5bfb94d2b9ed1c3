/**
 * What the format library needs to know about the world to canonicalise what it reads:
 * TAGS and country names. Supplied by directory/ (loaded from reference/*.csv); the format
 * library stays pure and works without it (names then stay as written).
 */
import type { TagKind } from './cable.ts';

export interface FormatReference {
  /** Kind of a known TAG code ("PREL" → subject, "CH" → country), undefined if unknown. */
  tagKind(code: string): TagKind | undefined;
  /** All known TAG codes, for repairing typos (nearest known code). */
  readonly tagCodes: ReadonlySet<string>;
  /** ISO/GENC trigraph or coalition code for a country name or code as written in a REL TO list. */
  relToCode(nameOrCode: string): string | undefined;
}
