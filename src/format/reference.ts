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
  /**
   * The canonical code of a TAG written another way ("RU" → "RS"), undefined if none. Optional:
   * without it TAGS are kept as written.
   */
  tagAlias?(code: string): string | undefined;
  /**
   * Known TAGS written as several words ("COUNTER TERRORISM", "PHALANAGE PARTY"), longest first:
   * read as one code, not word by word. Optional.
   */
  readonly tagPhrases?: readonly string[];
  /** ISO/GENC trigraph or coalition code for a country name or code as written in a REL TO list. */
  relToCode(nameOrCode: string): string | undefined;
  /**
   * Station names as they appear in cable ids, spaces removed ("SOFIA", "SAOPAULO", "USNATO"):
   * used to tell a cable reference (`SAO PAULO 335`) from other text (`PARA 5`). Optional: the
   * format library also knows the common stations itself.
   */
  readonly stations?: ReadonlySet<string>;
}
