/** The portions of a cable (subject and paragraphs) with their normalised marks, and the cable's declared banner. */
import type { Cable, Level } from '../format/cable.ts';
import type { Issue } from '../format/issue.ts';
import { parsePortionMarking } from '../format/portion-mark.ts';
import { parseBannerText } from './banner-text.ts';
import { cableDate } from './cable-date.ts';
import { captionsImplyNoforn } from './captions.ts';
import { maxLevel } from './levels.ts';
import type { MarkingRules } from './marking-rules.ts';
import { plainMarking, type Marking } from './marking.ts';
import { normalizeMarking } from './normalize-marking.ts';

/** One marked (or unmarked) part of a cable's text. */
export interface CablePortion {
  readonly kind: 'portion';
  /** `subject` or `paragraphs[i]`. */
  readonly field: string;
  /** Index into `cable.paragraphs`; -1 for the subject. */
  readonly index: number;
  /** The normalised mark; null when the portion is unmarked or its mark unreadable. */
  readonly marking: Marking | null;
  /**
   * The marking access decisions use. For a marked portion, its marking. For an unmarked one
   * (fail closed): the cable's level (the highest of the written banner and every portion, TOP
   * SECRET when nothing is readable), no REL TO, so no foreign reader ever sees it.
   */
  readonly effective: Marking;
}

/** The banner the cable declares: classification line (else archive classification) plus captions. */
export interface DeclaredBanner {
  readonly marking: Marking;
  readonly source: 'classification-line' | 'archive';
}

/**
 * The banner as written: level and NOFORN of the classification line (the archive classification
 * when the line is missing or unreadable), NOFORN also from captions, and a REL TO list when the
 * written banner has one (`SECRET//REL TO USA, GBR`, drafted cables), normalised with `rules`.
 * Null when neither is readable.
 *
 * @example declaredBanner(seed, rules)?.marking.level // 'SECRET'
 */
export function declaredBanner(cable: Cable, rules?: MarkingRules): DeclaredBanner | null {
  const line = cable.classificationLine === null ? null : parseBannerText(cable.classificationLine);
  const archive = cable.archive?.classification
    ? parseBannerText(cable.archive.classification)
    : null;
  const read = line ?? archive;
  if (read === null) return null;
  const text = (line ? cable.classificationLine : cable.archive?.classification) ?? '';
  const noforn = read.noforn || captionsImplyNoforn(cable.captions);
  return {
    marking: {
      kind: 'marking',
      level: read.level,
      sbu: read.sbu,
      noforn,
      relTo: noforn ? [] : bannerRelTo(text, rules, cableDate(cable) ?? undefined),
      other: [],
    },
    source: line ? 'classification-line' : 'archive',
  };
}

/** The REL TO list of a written banner, normalised; empty when it has none or no rules are given. */
function bannerRelTo(
  text: string,
  rules: MarkingRules | undefined,
  asOf: string | undefined,
): readonly string[] {
  const rel = /\bREL(EASABLE)?\b[^/]*/i.exec(text);
  if (!rel || !rules) return [];
  const parsed = parsePortionMarking(`(S//${rel[0].trim()})`);
  if (!parsed) return [];
  return normalizeMarking(parsed, rules, { asOf }).marking?.relTo ?? [];
}

/**
 * Every portion of the cable with its normalised mark (coalitions expanded as of the cable's
 * date) and the normaliser's issues, located by field; `unmarked` is the fail-closed marking
 * given to unmarked text of this cable.
 *
 * @example cablePortions(seed, rules).portions[3]?.marking // S//REL TO USA, BGR, CZE, ...
 */
export function cablePortions(
  cable: Cable,
  rules: MarkingRules,
): { portions: CablePortion[]; issues: Issue[]; unmarked: Marking } {
  const asOf = cableDate(cable) ?? undefined;
  const issues: Issue[] = [];
  const read: { field: string; index: number; marking: Marking | null }[] = [];
  const add = (field: string, index: number, mark: Cable['subjectMarking']) => {
    if (mark === null) {
      read.push({ field, index, marking: null });
      return;
    }
    const n = normalizeMarking(mark, rules, { asOf, field: `${field}.marking` });
    issues.push(...n.issues);
    read.push({ field, index, marking: n.marking });
  };
  if (cable.subject !== null || cable.subjectMarking !== null)
    add('subject', -1, cable.subjectMarking);
  cable.paragraphs.forEach((p, i) => {
    add(`paragraphs[${i}]`, i, p.marking);
  });
  const level = unmarkedLevel(
    cable,
    read.map((r) => r.marking),
  );
  const unmarked = plainMarking(level);
  return {
    portions: read.map((r) => ({ kind: 'portion', ...r, effective: r.marking ?? unmarked })),
    issues,
    unmarked,
  };
}

/** Level of an unmarked portion: the highest of the written banner and the marked portions. */
function unmarkedLevel(cable: Cable, markings: readonly (Marking | null)[]): Level {
  const declared = declaredBanner(cable);
  if (declared === null) return 'TOP SECRET';
  return markings.reduce<Level>((l, m) => (m ? maxLevel(l, m.level) : l), declared.marking.level);
}
