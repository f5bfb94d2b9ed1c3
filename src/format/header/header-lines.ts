/** The line shapes of a transmission header: format-line patterns, preamble and FL4 checks. */

import { codeAt } from '../chars.ts';

/**
 * FL2: a two-letter prosign and routing indicators. `TO` is the addressee keyword, never a prosign:
 * `TO RABAT` is an addressee without a routing indicator, not FL2.
 */
export const FL2 = /^(?!TO )([A-Z]{2})((?: R[A-Z]{3,7})+)$/;
export const RI_LINE = /^R[A-Z]{3,7}(?: R[A-Z]{3,7})*$/;
export const FL3 = /^DE ([A-Z]{3,8}) ?#(\d{1,6})(?:\/(\d{1,3}))? (\d{7})$/;
export const FL4 = /^ZN[YR]\b/;
export const FL5 = /^([ZOPRM](?: [ZOPRM])?) (\d{6}Z\s.*)$/;
export const DTG_WITH_SIGNALS = /^(\d{6}Z [A-Za-z]{3} \d{2}) (\S.*)$/;
export const BARE_DTG = /^\d{6}Z [A-Za-z]{3} \d{2}/;
/** Department distribution lists (`ACTION AF-00`, `INFO  LOG-00   NP-00 …`): office codes, not addressees. */
export const DISTRIBUTION = /^(?:ACTION|INFO|ORIGIN)\s+[A-Z]+-\d\d\b/;
export const DISTRIBUTION_MORE = /^\s+\S|^[A-Z]+-\d\d\b|^-{5,}/;
export const PAGE = /^PAGE \d+\b/;
/**
 * Media-partner and cables.csv material after the header: a tab-separated row or CSV row, its
 * backslash-continued lines, `id: 2745`, `<<142612>>`, `Cable dated:…`,
 * `Wednesday, 29 November 2000, 13:59`.
 */
export const PREAMBLE =
  /\t|\\$|^(?:\.\.\.)?id\s*:|^<<\d+>>|^\d+,\d|^Cable dated|^[A-Z][a-z]+day, \d|^-+ header ends/i;
/**
 * Lines that start such material only once the header proper has been read (`DATE: …`, a bare
 * number or date): before FM/TO they may belong to a received copy's drafting block.
 */
export const PREAMBLE_AFTER_HEADER =
  /^(?:date|refid|origin|classification|destination|header|source|misc)\s*:|^\d+$|^\d{4}-\d\d-\d\d( |$)|^\d{1,2}\/\d{1,2}\/\d{4}/i;

/** Cheap test that rules out PREAMBLE for ordinary header lines (upper-case words, RIs). */
export function mayBePreamble(raw: string): boolean {
  const c = codeAt(raw, 0);
  const lowerSecond = codeAt(raw, 1) >= 97 && codeAt(raw, 1) <= 122;
  return (
    (c >= 48 && c <= 57) || // digit
    c === 60 || // <
    c === 46 || // .
    c === 45 || // -
    lowerSecond ||
    raw.includes(':') ||
    raw.includes('\t') ||
    raw.endsWith('\\')
  );
}

/** FL4: `ZNY SSSSS`, `ZNR UUUUU`, TRC forms `ZNY SSSBB/FFFFF`; ZNR is for unclassified traffic only. */
export function checkSecurityWarning(
  text: string,
  i: number,
  report: (code: string, message: string, i: number, severity: 'warning' | 'info') => void,
): void {
  const m = /^(ZN[YR]) ([A-Z])\2\2([A-Z])\3(?:\/[A-Z]{5})?(?: |$)/.exec(text);
  if (!m) {
    report(
      'header.security-warning.invalid',
      `FL4 "${text}" is not ZNY/ZNR + five classification letters`,
      i,
      'warning',
    );
    return;
  }
  const letter = m[2] ?? '';
  // EFTO traffic (EEEEE) is unclassified but encrypted: seen with both ZNR and ZNY.
  if (letter !== 'E' && (m[1] === 'ZNR') !== (letter === 'U'))
    report(
      'header.security-warning.invalid',
      `FL4 "${text}": ${m[1] ?? ''} does not fit classification letter ${letter}`,
      i,
      'warning',
    );
}
