/** Marking checks of a cable: unmarked and unreadable portions, portions against the banner, REL TO and NOFORN. */
import type { Cable } from '../format/cable.ts';
import { type Issue, issue } from '../format/issue.ts';
import { formatBanner, formatPortionMark } from './format-marking.ts';
import { cablePortions, declaredBanner } from './cable-portions.ts';
import { levelAbove, levelRank } from './levels.ts';
import type { MarkingRules } from './marking-rules.ts';

/**
 * Checks the portion marks against each other and against the written banner:
 * `marking.banner.missing`, `marking.portion.unmarked`, `marking.portion.above-banner`,
 * `marking.banner.over-classified`, `marking.banner.rel-to`, `marking.banner.noforn-missing`,
 * plus the normaliser's `marking.portion.unreadable`, `marking.rel-to.*` issues.
 *
 * @example validateMarkings(buildCable({ classificationLine: 'C O N F I D E N T I A L' }), rules)[0]?.code // 'marking.portion.above-banner'
 */
export function validateMarkings(cable: Cable, rules: MarkingRules): Issue[] {
  const { portions, issues } = cablePortions(cable, rules);
  const declared = declaredBanner(cable, rules);
  if (declared === null) {
    issues.push(
      issue(
        'marking.banner.missing',
        'error',
        cable.classificationLine === null
          ? 'no classification line: the cable has no readable banner'
          : `classification line "${cable.classificationLine}" names no classification level`,
        { field: 'classificationLine' },
      ),
    );
    return issues;
  }
  const banner = declared.marking;
  const classified = banner.level !== 'UNCLASSIFIED';
  for (const p of portions) {
    if (p.index < 0) continue; // an unmarked subject is common State practice; it is checked only when marked
    const paragraph = cable.paragraphs[p.index]!;
    if (paragraph.marking === null && classified)
      issues.push(
        issue(
          'marking.portion.unmarked',
          paragraph.number === null ? 'warning' : 'error',
          `${describe(paragraph.number)} has no portion mark in a ${banner.level} cable; it is treated as ${banner.level} and released to nobody`,
          { field: `${p.field}.marking` },
        ),
      );
  }
  const marked = portions.filter((p) => p.marking !== null);
  for (const p of marked)
    if (levelAbove(p.marking!.level, banner.level))
      issues.push(
        issue(
          'marking.portion.above-banner',
          'error',
          `${where(cable, p.index)} is marked ${formatPortionMark(p.marking!)}, above the banner ${banner.level}`,
          { field: `${p.field}.marking` },
        ),
      );
  const highest = Math.max(...marked.map((p) => levelRank(p.marking!.level)));
  if (classified && marked.length > 0 && levelRank(banner.level) > highest)
    issues.push(
      issue(
        'marking.banner.over-classified',
        'warning',
        `banner ${banner.level} is above every portion (highest portion: ${marked.map((p) => p.marking!.level).sort((a, b) => levelRank(b) - levelRank(a))[0]!})`,
        { field: 'classificationLine' },
      ),
    );
  if (banner.relTo.length > 0)
    for (const p of portions) {
      if (p.effective.level === 'UNCLASSIFIED' && p.marking !== null) continue;
      const refused = banner.relTo.filter((c) => c !== 'USA' && !p.effective.relTo.includes(c));
      if (refused.length > 0)
        issues.push(
          issue(
            'marking.banner.rel-to',
            'error',
            `banner ${formatBanner(banner)} releases to ${refused.join(', ')}, which ${where(cable, p.index)} ${p.marking ? `(${formatPortionMark(p.marking)})` : '(unmarked)'} does not allow`,
            { field: `${p.field}.marking` },
          ),
        );
    }
  const nofornPortion = marked.find((p) => p.marking!.noforn);
  if (nofornPortion && !banner.noforn)
    issues.push(
      issue(
        'marking.banner.noforn-missing',
        'warning',
        `${where(cable, nofornPortion.index)} is NOFORN but the banner and captions are not`,
        { field: 'captions' },
      ),
    );
  return issues;
}

function describe(number: string | null): string {
  return number === null ? 'an unnumbered paragraph' : `paragraph ${number}`;
}

function where(cable: Cable, index: number): string {
  return index < 0 ? 'the subject' : describe(cable.paragraphs[index]?.number ?? null);
}
