/**
 * The cable columns a candidate scan returns beside each portion (both adapters join the cable
 * for `is_current` and the field filters anyway), and the CandidateRow they make.
 */
import { sql } from 'kysely';
import type { CandidateRow } from './search-execute.ts';

/** The select list of the cable `c`'s search columns, under the names `scannedCandidate` reads. */
export const CANDIDATE_CABLE_COLUMNS = sql`c.id AS cid, c.cable_date AS cdate, c.origin AS corigin, c.unmarked_class AS cclass`;

/** A scanned row: the portion, its score, and its cable's columns as `CANDIDATE_CABLE_COLUMNS` names them. */
export interface ScannedCandidate {
  readonly cable_seq: number | string;
  readonly pid: number | string;
  readonly score: number | string;
  readonly cid: string;
  readonly cdate: string | null;
  readonly corigin: string | null;
  readonly cclass: number | null;
}

/**
 * The CandidateRow of a scanned row.
 *
 * @example scannedCandidate({ cable_seq: 1, pid: 2, score: 0, cid: '08STATE1', cdate: '2008-01-01', corigin: 'STATE', cclass: 3 }).cable.id // '08STATE1'
 */
export function scannedCandidate(r: ScannedCandidate): CandidateRow {
  return {
    cable_seq: r.cable_seq,
    pid: r.pid,
    score: r.score,
    cable: { id: r.cid, cable_date: r.cdate, origin: r.corigin, unmarked_class: r.cclass },
  };
}
