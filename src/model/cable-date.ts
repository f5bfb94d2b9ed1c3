/** The date a cable was written: what its rules (E.O. order, coalition members, 25 years) are judged on. */
import type { Cable } from '../format/cable.ts';

/**
 * The cable's own date as `YYYY-MM-DD`: the DTG, else the archive `created` date, else null.
 *
 * @example cableDate(seed) // '2008-09-16'
 */
export function cableDate(cable: Cable): string | null {
  for (const candidate of [cable.header.dtg, cable.archive?.created])
    if (candidate && /^\d{4}-\d{2}-\d{2}/.test(candidate)) return candidate.slice(0, 10);
  return null;
}
