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
