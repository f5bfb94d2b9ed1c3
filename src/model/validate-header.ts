/** Header checks: FL4 security warning and classification line against the banner, FL2 prosign, NIACT justification. */
import type { Cable } from '../format/cable.ts';
import { type Issue, issue } from '../format/issue.ts';
import { parseBannerText, parseSecurityWarning } from './banner-text.ts';
import { declaredBanner } from './cable-portions.ts';
import { PROSIGN, highestPrecedence } from './precedence.ts';

/**
 * `header.security-warning.mismatch`, `text.classification-line.mismatch`,
 * `header.precedence.mismatch`, `niact.justification.missing`.
 *
 * @example validateHeader(buildCable({ header: { ...h, securityWarning: 'ZNY CCCCC ZZH' } }))[0]?.code // 'header.security-warning.mismatch'
 */
export function validateHeader(cable: Cable): Issue[] {
  const issues: Issue[] = [];
  checkBanners(cable, issues);
  checkPrecedence(cable, issues);
  checkNiact(cable, issues);
  return issues;
}

function checkBanners(cable: Cable, issues: Issue[]): void {
  const banner = declaredBanner(cable);
  if (banner === null) return;
  const level = banner.marking.level;
  const written = cable.header.securityWarning;
  if (written !== null) {
    const fl4 = parseSecurityWarning(written);
    const classified = level !== 'UNCLASSIFIED';
    if (fl4 === null)
      issues.push(
        issue(
          'header.security-warning.mismatch',
          'error',
          `security warning "${written}" is not ZNR/ZNY with a classification letter repeated`,
          { field: 'header.securityWarning' },
        ),
      );
    else if (fl4.level !== level || (fl4.opsig === 'ZNY') !== (classified || fl4.efto))
      issues.push(
        issue(
          'header.security-warning.mismatch',
          'error',
          `security warning "${written}" says ${fl4.opsig} ${fl4.level}${fl4.efto ? ' (EFTO)' : ''}, the banner ${level}`,
          { field: 'header.securityWarning' },
        ),
      );
  }
  const archiveText = cable.archive?.classification ?? null;
  if (banner.source !== 'classification-line' || archiveText === null) return;
  const archive = parseBannerText(archiveText);
  if (archive === null) return;
  if (archive.level !== level)
    issues.push(
      issue(
        'text.classification-line.mismatch',
        'error',
        `classification line "${cable.classificationLine ?? ''}" (${level}) disagrees with the archive classification ${archiveText}`,
        { field: 'classificationLine' },
      ),
    );
  else if (archive.noforn !== banner.marking.noforn)
    issues.push(
      issue(
        'text.classification-line.mismatch',
        'warning',
        archive.noforn
          ? `archive classification ${archiveText} is NOFORN but neither the classification line nor a caption says so`
          : `classification line and captions are NOFORN but the archive classification ${archiveText} is not`,
        { field: 'captions' },
      ),
    );
}

function checkPrecedence(cable: Cable, issues: Issue[]): void {
  const prosign = cable.header.precedence?.trim().toUpperCase() ?? '';
  const highest = highestPrecedence([...cable.to, ...cable.info].map((a) => a.precedence));
  if (prosign === '' || highest === null) return;
  const expected = PROSIGN[highest];
  if (prosign !== expected)
    issues.push(
      issue(
        'header.precedence.mismatch',
        'error',
        `FL2 prosign ${prosign} is not ${expected}, the prosign of the highest addressee precedence ${highest}`,
        { field: 'header.precedence' },
      ),
    );
}

function checkNiact(cable: Cable, issues: Issue[]): void {
  const niact = [...cable.to, ...cable.info].find((a) => a.precedence === 'NIACT IMMEDIATE');
  if (!niact) return;
  const index = cable.paragraphs.findIndex((p) => p.number === '1');
  const first = index >= 0 ? index : 0;
  const text = cable.paragraphs[first]?.text ?? '';
  if (!/NIACT|NIGHT ACTION|URGEN/i.test(text))
    issues.push(
      issue(
        'niact.justification.missing',
        'error',
        `${niact.name} is NIACT IMMEDIATE but paragraph 1 does not justify NIACT`,
        { field: `paragraphs[${first}]` },
      ),
    );
}
