/** A normalised portion or banner marking: what access decisions, roll-ups and extracts work on. */
import type { Level } from '../format/cable.ts';

export interface Marking {
  readonly kind: 'marking';
  readonly level: Level;
  /** Sensitive But Unclassified (administrative control on an UNCLASSIFIED portion). */
  readonly sbu: boolean;
  readonly noforn: boolean;
  /** Canonical REL TO list: "USA" first, then trigraphs A–Z, then coalition codes A–Z. Empty when not REL. */
  readonly relTo: readonly string[];
  /** Other dissemination controls as written (e.g. "ORCON"), sorted. */
  readonly other: readonly string[];
}

/**
 * A marking at `level` with no control: no SBU, no NOFORN, no REL TO. It is how unmarked text
 * (headers, TAGS, REF, an unmarked paragraph) is treated, at the level of its cable.
 *
 * @example plainMarking('SECRET') // { kind: 'marking', level: 'SECRET', sbu: false, noforn: false, relTo: [], other: [] }
 */
export function plainMarking(level: Level): Marking {
  return { kind: 'marking', level, sbu: false, noforn: false, relTo: [], other: [] };
}
