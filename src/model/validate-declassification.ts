/** Declassification checks: Classified By line, reasons, E.O. order and declassification date against the cable's date. */
import type { Cable } from '../format/cable.ts';
import { type Issue, issue } from '../format/issue.ts';
import { cableDate } from './cable-date.ts';
import { declaredBanner } from './cable-portions.ts';

/** E.O. 12958 as amended by E.O. 13292 (renumbering §1.5 to §1.4) took effect on this date. */
const AMENDED_12958 = '2003-03-25';
/** E.O. 13526 was signed on this date and was in full effect after the second. */
const EO13526_SIGNED = '2009-12-29';
const EO13526_EFFECTIVE = '2010-06-27';
/** E.O. 12958 was signed on this date; older cables cite 11652, 12065 or 12356. */
const EO12958_SIGNED = '1995-04-17';
const OLDER_ORDERS = new Set(['11652', '12065', '12356']);
/** Exemptions that allow declassification beyond 25 years. */
const EXEMPTION = /\b(25X[1-9]|50X1-HUM|50X2-WMD)\b/i;

/**
 * `classified-by.missing`, `classified-by.reason.missing`, `classified-by.reason.invalid`,
 * `classified-by.reason.outdated`, `classified-by.unclassified`, `eo.missing`,
 * `eo.declassify.missing`, `eo.declassify.before-date`, `eo.declassify.beyond-25-years`,
 * `eo.declassify.unclassified`, `eo.order.date-mismatch`, `eo.order.unknown`.
 *
 * @example validateDeclassification(buildCable({ classifiedBy: null }))[0]?.code // 'classified-by.missing'
 */
export function validateDeclassification(cable: Cable): Issue[] {
  const issues: Issue[] = [];
  const banner = declaredBanner(cable);
  if (banner === null) return issues;
  const classified = banner.marking.level !== 'UNCLASSIFIED';
  const date = cableDate(cable);
  checkClassifiedBy(cable, classified, date, issues);
  checkEo(cable, classified, date, issues);
  return issues;
}

function checkClassifiedBy(
  cable: Cable,
  classified: boolean,
  date: string | null,
  issues: Issue[],
): void {
  const by = cable.classifiedBy;
  if (!classified) {
    if (by !== null)
      issues.push(
        issue(
          'classified-by.unclassified',
          'warning',
          'an UNCLASSIFIED cable carries a Classified By line',
          { field: 'classifiedBy' },
        ),
      );
    return;
  }
  if (by === null) {
    issues.push(
      issue(
        'classified-by.missing',
        'error',
        'classified cable without a Classified By line (classifier and reasons)',
        { field: 'classifiedBy' },
      ),
    );
    return;
  }
  if (by.reasons.length === 0) {
    issues.push(
      issue(
        'classified-by.reason.missing',
        'error',
        `Classified By line gives no reason: "${by.text}"`,
        { field: 'classifiedBy.reasons' },
      ),
    );
    return;
  }
  const section = date === null ? null : date < AMENDED_12958 ? '1.5' : '1.4';
  by.reasons.forEach((reason, i) => {
    const field = `classifiedBy.reasons[${i}]`;
    const m = /^\s*1\s*[.,]\s*([45])\s*\(?\s*([a-z])\s*\)?\s*$/i.exec(reason);
    const letter = m?.[2]?.toLowerCase() ?? '';
    const sec = m ? `1.${m[1]!}` : '';
    if (!m || letter > (sec === '1.5' ? 'g' : 'h')) {
      issues.push(
        issue(
          'classified-by.reason.invalid',
          'error',
          `reason "${reason}" is not one of 1.4 (a)–(h) or 1.5 (a)–(g)`,
          { field },
        ),
      );
      return;
    }
    if (section !== null && sec !== section)
      issues.push(
        issue(
          'classified-by.reason.outdated',
          'warning',
          `reason ${sec}(${letter}) on a cable of ${date!}: expected section ${section} (${section === '1.4' ? '1.4 (a)–(h) from 2003-03-25' : '1.5 (a)–(g) before 2003-03-25'})`,
          { field },
        ),
      );
  });
}

function checkEo(cable: Cable, classified: boolean, date: string | null, issues: Issue[]): void {
  const eo = cable.eo;
  if (eo === null) {
    issues.push(
      issue('eo.missing', classified ? 'error' : 'warning', 'no E.O. line', { field: 'eo' }),
    );
    return;
  }
  if (eo.order !== null && date !== null) checkOrder(eo.order, date, issues);
  const decl = eo.declassifyOn;
  if (!classified) {
    if (decl !== null)
      issues.push(
        issue(
          'eo.declassify.unclassified',
          'warning',
          `an UNCLASSIFIED cable carries a declassification date (${decl}); expected N/A`,
          { field: 'eo.declassifyOn' },
        ),
      );
    return;
  }
  if (decl === null) {
    if (eo.event === null)
      issues.push(
        issue(
          'eo.declassify.missing',
          'error',
          `classified cable without a declassification date or event: "${eo.text}"`,
          { field: 'eo' },
        ),
      );
    return;
  }
  if (date === null) return;
  if (decl < date)
    issues.push(
      issue(
        'eo.declassify.before-date',
        'error',
        `declassification date ${decl} is before the cable's date ${date}`,
        { field: 'eo.declassifyOn' },
      ),
    );
  const limit = `${String(Number(date.slice(0, 4)) + 25).padStart(4, '0')}${date.slice(4)}`;
  if (decl > limit && !EXEMPTION.test(`${eo.event ?? ''} ${eo.text}`))
    issues.push(
      issue(
        'eo.declassify.beyond-25-years',
        'error',
        `declassification date ${decl} is more than 25 years after ${date} (limit ${limit}) without an exemption (25X1–25X9, 50X1-HUM, 50X2-WMD)`,
        { field: 'eo.declassifyOn' },
      ),
    );
}

function checkOrder(order: string, date: string, issues: Issue[]): void {
  const mismatch = (expected: string) => {
    issues.push(
      issue(
        'eo.order.date-mismatch',
        'warning',
        `E.O. ${order} on a cable of ${date}: expected ${expected}`,
        { field: 'eo.order' },
      ),
    );
  };
  if (order === '13526') {
    if (date < EO13526_SIGNED) mismatch('E.O. 12958 before 2009-12-29');
  } else if (order === '12958') {
    if (date > EO13526_EFFECTIVE) mismatch('E.O. 13526 after 2010-06-27');
    else if (date < EO12958_SIGNED) mismatch('an order older than E.O. 12958 (signed 1995-04-17)');
  } else if (OLDER_ORDERS.has(order)) {
    if (date >= EO12958_SIGNED) mismatch(date > EO13526_EFFECTIVE ? 'E.O. 13526' : 'E.O. 12958');
  } else
    issues.push(
      issue('eo.order.unknown', 'warning', `E.O. ${order} is not a classification order`, {
        field: 'eo.order',
      }),
    );
}
