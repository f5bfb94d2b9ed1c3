/** Normalises a parsed portion mark into a Marking: names to trigraphs, coalitions expanded, canonical order. */
import type { PortionMarking } from '../format/cable.ts';
import { type Issue, issue } from '../format/issue.ts';
import type { MarkingRules } from './marking-rules.ts';
import type { Marking } from './marking.ts';

export interface NormalizeOptions {
  /** ISO date the marking was applied (the cable's date): picks coalition memberships. */
  readonly asOf?: string | undefined;
  /** Where the mark is, for the issues: field path and line. */
  readonly field?: string;
  readonly line?: number;
}

/** Portion controls that imply NOFORN (ISM-ID-00313/00314: ND and XD imply NF). */
const IMPLY_NOFORN = new Set(['NODIS', 'EXDIS', 'ND', 'XD']);

/**
 * Normalises a portion mark. Unknown REL TO entries are reported (`marking.rel-to.unknown-country`)
 * and left out of the list, which only narrows the release; a REL list with NOFORN keeps NOFORN.
 * The marking is null when the level is unreadable (`marking.portion.unreadable`).
 *
 * @example normalizeMarking(parsePortionMarking('(S/REL BULGARIA, SPAIN)')!, rules).marking // S//REL TO USA, BGR, ESP
 */
export function normalizeMarking(
  p: PortionMarking,
  rules: MarkingRules,
  options: NormalizeOptions = {},
): { marking: Marking | null; issues: Issue[] } {
  const where = {
    ...(options.line === undefined ? {} : { line: options.line }),
    ...(options.field === undefined ? {} : { field: options.field }),
  };
  const issues: Issue[] = [];
  if (p.level === null) {
    issues.push(
      issue(
        'marking.portion.unreadable',
        'error',
        `portion mark ${p.raw} has no readable classification level`,
        where,
      ),
    );
    return { marking: null, issues };
  }
  const other = [
    ...new Set(p.other.map((o) => o.trim().toUpperCase()).filter((o) => o !== '')),
  ].sort();
  const noforn = p.noforn || other.some((o) => IMPLY_NOFORN.has(o));
  const codes = new Set<string>();
  for (const entry of p.relTo) {
    const code = resolveEntry(entry, rules, issues, p.raw, where);
    if (code === undefined) continue;
    const members = rules.isCoalition(code)
      ? rules.coalitionMembers(code, options.asOf)
      : undefined;
    for (const c of members ?? [code]) codes.add(c);
  }
  let relTo = canonicalRelTo([...codes], rules);
  if (noforn && relTo.length > 0) {
    issues.push(
      issue(
        'marking.portion.noforn-rel-to',
        'warning',
        `portion mark ${p.raw} is both NOFORN and REL TO; NOFORN wins`,
        where,
      ),
    );
    relTo = [];
  }
  if (relTo.length === 1) relTo = []; // REL TO USA alone releases to nobody: it is no REL at all
  return {
    marking: {
      kind: 'marking',
      level: p.level,
      sbu: p.level === 'UNCLASSIFIED' && p.sbu,
      noforn,
      relTo,
      other,
    },
    issues,
  };
}

/**
 * Canonical REL TO order: USA first, then country trigraphs A–Z, then coalition codes A–Z; USA is
 * added when the list is not empty (State cables omit it).
 *
 * @example canonicalRelTo(['ESP', 'NATO', 'BGR'], rules) // ['USA', 'BGR', 'ESP', 'NATO']
 */
export function canonicalRelTo(codes: readonly string[], rules: MarkingRules): string[] {
  const unique = new Set(codes);
  unique.delete('USA');
  if (unique.size === 0) return [];
  const all = [...unique].sort();
  return [
    'USA',
    ...all.filter((c) => !rules.isCoalition(c)),
    ...all.filter((c) => rules.isCoalition(c)),
  ];
}

function resolveEntry(
  entry: string,
  rules: MarkingRules,
  issues: Issue[],
  raw: string,
  where: { line?: number; field?: string },
): string | undefined {
  const written = entry.trim().toUpperCase();
  const code = rules.relToCode(written);
  if (code !== undefined) return code;
  if (/^[A-Z]{2}$/.test(written)) {
    const fromFips = rules.fipsCountry(written);
    if (fromFips !== undefined) {
      issues.push(
        issue(
          'marking.rel-to.digraph',
          'warning',
          `REL TO entry ${written} in ${raw} read as the FIPS 10-4 digraph of ${fromFips}`,
          where,
        ),
      );
      return fromFips;
    }
  }
  issues.push(
    issue(
      'marking.rel-to.unknown-country',
      'error',
      `REL TO entry ${written} in ${raw} is not a known country or coalition; it is not released to`,
      where,
    ),
  );
  return undefined;
}
