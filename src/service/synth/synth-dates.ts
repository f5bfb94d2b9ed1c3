/** Dates of synthetic cables: the corpus's year mix, in chronological order so REF lines cite earlier cables. */

export interface CableDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly dayOfYear: number; // 1-366, for the FL3 time of file
}

/** Cables per year in the real corpus (created), 2003–2010; the corpus's 2010 ends in February. */
const YEAR_WEIGHTS: readonly (readonly [number, number])[] = [
  [2003, 42],
  [2004, 141],
  [2005, 425],
  [2006, 735],
  [2007, 650],
  [2008, 1456],
  [2009, 2348],
  [2010, 582],
];
const MINUTE = 60000;

/** Calendar fields of a time given in minutes since the epoch (UTC). */
export function cableDate(minutes: number): CableDate {
  const d = new Date(minutes * MINUTE);
  const year = d.getUTCFullYear();
  return {
    year,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    dayOfYear:
      Math.floor(
        (Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / 86400000,
      ) + 1,
  };
}

/**
 * The time (minutes since the epoch) at quantile u in [0,1) of the corpus's date distribution:
 * uniform within a year, years weighted as in the corpus. Monotone in u.
 *
 * @example timeAtQuantile(0.5) // a time in 2008
 */
export function timeAtQuantile(u: number): number {
  const total = YEAR_WEIGHTS.reduce((n, [, w]) => n + w, 0);
  let acc = 0;
  for (const [year, weight] of YEAR_WEIGHTS) {
    const share = weight / total;
    if (u < acc + share || year === 2010) {
      const within = Math.min(1, (u - acc) / share);
      const start = Date.UTC(year, 0, 1) / MINUTE;
      const end = (year === 2010 ? Date.UTC(2010, 2, 1) : Date.UTC(year + 1, 0, 1)) / MINUTE;
      return Math.floor(start + within * (end - start - 1));
    }
    acc += share;
  }
  return Date.UTC(2010, 1, 28) / MINUTE;
}
