/** Message precedence: addressee precedences, their order and FL2 prosign digraphs (reference/precedence.csv). */
import type { PrecedenceName } from '../format/cable.ts';

/** Highest first. NIACT IMMEDIATE is State's IMMEDIATE with night action. */
export const PRECEDENCES: readonly PrecedenceName[] = [
  'FLASH',
  'NIACT IMMEDIATE',
  'IMMEDIATE',
  'PRIORITY',
  'ROUTINE',
];

/** FL2 prosign digraph of each precedence; NIACT's is IMMEDIATE's (precedence.csv marks it unsure). */
export const PROSIGN: Readonly<Record<PrecedenceName, string>> = {
  FLASH: 'ZZ',
  'NIACT IMMEDIATE': 'OO',
  IMMEDIATE: 'OO',
  PRIORITY: 'PP',
  ROUTINE: 'RR',
};

/**
 * The highest of some precedences, or null when there are none.
 *
 * @example highestPrecedence(['PRIORITY', 'IMMEDIATE']) // 'IMMEDIATE'
 */
export function highestPrecedence(
  precedences: readonly (PrecedenceName | null)[],
): PrecedenceName | null {
  let best: PrecedenceName | null = null;
  for (const p of precedences)
    if (p !== null && (best === null || PRECEDENCES.indexOf(p) < PRECEDENCES.indexOf(best)))
      best = p;
  return best;
}
