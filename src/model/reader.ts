/** Who is reading: the facts every access decision is made on. */
import type { Level } from '../format/cable.ts';

export interface Reader {
  readonly kind: 'reader';
  readonly id: string;
  /** Highest level the reader is cleared for. */
  readonly clearance: Level;
  /** Nationality as an ISO trigraph; "USA" for US persons. Foreign nationals see only what is REL TO them. */
  readonly nationality: string;
  /** Caption accesses held (NODIS, EXDIS, LIMDIS, STADIS, ...). SIPDIS needs none. */
  readonly accesses: readonly string[];
  readonly organisation: string | null;
}
