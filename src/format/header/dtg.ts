/** Date-time groups (`161657Z SEP 08`) and ACP 127 times of file (`2601705`): reading and checking. */

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `DDHHMMZ MON YY` at the start of a text, case-insensitive (partial extracts write `Nov`). */
export const DTG_PATTERN = /^(\d{2})(\d{2})(\d{2})Z\s+([A-Za-z]{3})\s+(\d{2}|\d{4})\b/;

/** Two-digit years: 00–49 are 20xx, 50–99 are 19xx (the corpus runs from 1966 to 2010). */
export function fullYear(yy: string): string {
  if (yy.length === 4) return yy;
  return `${Number(yy) < 50 ? '20' : '19'}${yy}`;
}

/**
 * ISO 8601 minute of a DTG, or null when the DTG names no real moment (day 31 of April,
 * hour 24, month `SEQ`).
 *
 * @example dtgToIso('161657Z SEP 08') // '2008-09-16T16:57Z'
 */
export function dtgToIso(text: string): string | null {
  const m = DTG_PATTERN.exec(text);
  if (!m) return null;
  const [, dd = '', hh = '', mi = '', mon = '', yy = ''] = m;
  const month = MONTHS.indexOf(mon.toUpperCase()) + 1;
  const year = fullYear(yy);
  if (month === 0 || Number(hh) > 23 || Number(mi) > 59) return null;
  const day = Number(dd);
  if (day < 1 || day > daysInMonth(Number(year), month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${dd}T${hh}:${mi}Z`;
}

/** The DTG of an ISO minute, as FL5 writes it: `2008-09-16T16:57Z` → `161657Z SEP 08`. */
export function isoToDtg(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z$/.exec(iso);
  if (!m) return null;
  const [, year = '', month = '', day = '', hh = '', mi = ''] = m;
  const mon = MONTHS[Number(month) - 1];
  return mon === undefined ? null : `${day}${hh}${mi}Z ${mon} ${year.slice(2)}`;
}

/** True when a time of file `JJJHHMM` names a real day of the year and time. */
export function isValidFiled(filed: string): boolean {
  if (!/^\d{7}$/.test(filed)) return false;
  const day = Number(filed.slice(0, 3));
  return day >= 1 && day <= 366 && Number(filed.slice(3, 5)) < 24 && Number(filed.slice(5, 7)) < 60;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
