/** The E.O. line: `E.O. 12958: DECL: 09/16/2033`, `EO 12958 N/A`, `E.O. 12958: DECL: 1.6X1`. */
import type { EoLine } from '../cable.ts';
import type { Issue } from '../issue.ts';
import { issue } from '../issue.ts';

const HEAD = /^E\s?\.?\s?[O0]\s?\.?\s*(\d{4,5})\s*:?\s*/i;
const DECL = /^DECL(?:ASSIFY)?(?:\s+ON)?\s*:?\s*/i;
/** A downgrade instruction (`DNG: CO 04/08/2026`): its date is not a declassification date. */
const DNG = /^DNG\b/i;
const MDY = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})(?!\d)/;
const YMD = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?!\d)/;

/**
 * Reads an E.O. line (text as written, already cut from any caption before it). Issues carry `line`.
 *
 * @example parseEoLine('E.O. 12958: DECL: 09/16/2033', 25, []).declassifyOn // '2033-09-16'
 */
export function parseEoLine(text: string, line: number, issues: Issue[], column = 1): EoLine {
  const head = HEAD.exec(text);
  const order = head ? head[1]! : null;
  let rest = head ? text.slice(head[0].length) : text;
  rest = rest.trim();
  if (/^N\s?\/\s?A\b|^NA$/i.test(rest))
    return { order, declassifyOn: null, event: null, notApplicable: true, text };
  if (DNG.test(rest))
    return withOrderChecked(
      { order, declassifyOn: null, event: rest, notApplicable: false, text },
      issues,
      line,
      column,
    );
  const decl = DECL.exec(rest);
  if (decl) rest = rest.slice(decl[0].length).trim();
  else if (rest !== '' && !MDY.test(rest) && !YMD.test(rest))
    issues.push(
      issue('text.eo.decl.missing', 'warning', `E.O. line has no DECL: "${text.trim()}"`, {
        line,
        column,
        field: 'eo',
      }),
    );
  // A downgrade instruction "CO 10/30/2010" carries its level before the date.
  const dated = /^(?:[A-Z]{1,2}\s+)?(?=\d)/.exec(rest);
  const afterLevel = dated ? rest.slice(dated[0].length) : rest;
  let declassifyOn: string | null = null;
  let event: string | null = rest === '' ? null : rest;
  const ymd = YMD.exec(afterLevel);
  const mdy = ymd ? null : MDY.exec(afterLevel);
  if (ymd || mdy) {
    const [y, m, d] = ymd ? [ymd[1]!, ymd[2]!, ymd[3]!] : [mdy![3]!, mdy![1]!, mdy![2]!];
    const iso = isoDate(y, m, d);
    const matched = (ymd ?? mdy)![0];
    const tail = afterLevel.slice(matched.length).trim();
    if (iso === null)
      issues.push(
        issue(
          'text.eo.date.invalid',
          'warning',
          `E.O. declassification date "${matched}" is not a date`,
          {
            line,
            column,
            field: 'eo.declassifyOn',
          },
        ),
      );
    else {
      declassifyOn = iso;
      event = tail === '' ? null : tail;
    }
  }
  return withOrderChecked(
    { order, declassifyOn, event, notApplicable: false, text },
    issues,
    line,
    column,
  );
}

/** The E.O. line as read, with a warning when it names no executive order (N/A lines need none). */
function withOrderChecked(eo: EoLine, issues: Issue[], line: number, column: number): EoLine {
  if (eo.order === null)
    issues.push(
      issue('text.eo.order.missing', 'warning', 'E.O. line names no executive order', {
        line,
        column,
        field: 'eo.order',
      }),
    );
  return eo;
}

function isoDate(y: string, m: string, d: string): string | null {
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Days in a month, as Date.UTC counts them (it reads years 0–99 as 1900–1999): arithmetic, not a
 * Date per E.O. line.
 */
function daysIn(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  const y = year >= 0 && year <= 99 ? 1900 + year : year;
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
}

/**
 * The canonical E.O. line for the fields; the parsed `text` is used instead when it still says the same.
 *
 * @example renderEoLine({ order: '12958', declassifyOn: '2033-09-16', event: null, notApplicable: false, text: '' })
 * // 'E.O. 12958: DECL: 09/16/2033'
 */
export function renderEoLine(eo: EoLine): string {
  if (eo.text !== '' && sameEo(parseEoLine(eo.text, 0, []), eo)) return eo.text;
  const order = `E.O. ${eo.order ?? '12958'}:`;
  if (eo.notApplicable) return `${order} N/A`;
  const parts: string[] = [];
  if (eo.declassifyOn) {
    const [y, m, d] = eo.declassifyOn.split('-');
    parts.push(`${m}/${d}/${y}`);
  }
  if (eo.event) parts.push(eo.event);
  return `${order} DECL: ${parts.join(' ')}`;
}

function sameEo(a: EoLine, b: EoLine): boolean {
  return (
    a.order === b.order &&
    a.declassifyOn === b.declassifyOn &&
    a.event === b.event &&
    a.notApplicable === b.notApplicable
  );
}
