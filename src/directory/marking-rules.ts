/** MarkingRules from the reference tables: country names, FIPS digraphs, dated coalition memberships, TAGS. */
import type { MarkingRules } from '../model/marking-rules.ts';
import { type Directory, directory, foldName } from './directory.ts';
import { referenceTable } from './reference-data.ts';

interface Membership {
  readonly decomposable: boolean;
  /** Members as of `asOf` (the table's `as_of` date). */
  readonly members: readonly string[];
  readonly asOf: string;
  /** Members during 2008 (`members_2008`), empty when unknown. */
  readonly members2008: readonly string[];
}

let built: MarkingRules | undefined;

/**
 * The marking rules backed by the vendored reference tables, built once.
 *
 * @example markingRules().coalitionMembers('NATO', '2008-09-16')?.includes('ALB') // false
 */
export function markingRules(): MarkingRules {
  built ??= buildMarkingRules(directory());
  return built;
}

function buildMarkingRules(dir: Directory): MarkingRules {
  const fips = new Map<string, string>();
  for (const c of dir.countries) if (c.fips !== '') fips.set(c.fips, c.trigraph);
  const trigraphs = new Set(dir.countries.map((c) => c.trigraph));
  const memberships = new Map<string, Membership>();
  const split = (s: string | undefined) => (s ?? '').split(/\s+/).filter((x) => x !== '');
  for (const r of referenceTable('coalitions'))
    memberships.set(r.code ?? '', {
      decomposable: r.decomposable === 'Yes',
      members: split(r.members),
      asOf: r.as_of ?? '',
      members2008: split(r.members_2008),
    });
  // Coalitions are also written by name: `REL TO FIVE EYES`, `REL NORTH ATLANTIC TREATY ORGANIZATION`.
  const coalitionNames = new Map<string, string>();
  for (const c of dir.coalitions.values()) coalitionNames.set(foldName(c.name), c.code);
  return {
    relToCode: (name) => dir.relToCode(name) ?? coalitionNames.get(foldName(name)),
    fipsCountry: (digraph) => fips.get(digraph.trim().toUpperCase()),
    isCoalition: (code) => memberships.has(code),
    isCountry: (code) => trigraphs.has(code),
    coalitionMembers: (code, asOf) => membersAsOf(memberships.get(code), asOf),
    knownTag: (code) => dir.tagKind(tagPrefix(code)) !== undefined,
    subjectTag: (code) => dir.tagKind(tagPrefix(code)) === 'subject',
  };
}

/** Person TAGS are written `OVIP (STEINBERG, JAMES B.)`: the code is the part before the name. */
function tagPrefix(code: string): string {
  return code
    .replace(/\s*\(.*$/, '')
    .trim()
    .toUpperCase();
}

/**
 * Members on a date, from the two snapshots the table has (2008 and `as_of`). Between them only
 * the states in both lists are certain members throughout (NATO grew, the EU lost GBR), so that is
 * the answer; before 2008, or before `as_of` with no 2008 list, membership is unknown and the
 * coalition stays an atom. Under-releasing is the fail-closed side of the error.
 */
function membersAsOf(
  m: Membership | undefined,
  asOf: string | undefined,
): readonly string[] | undefined {
  if (!m || !m.decomposable || m.members.length === 0) return undefined;
  if (asOf === undefined || asOf === '' || asOf >= m.asOf) return m.members;
  const year = asOf.slice(0, 4);
  if (m.members2008.length === 0 || year < '2008') return undefined;
  if (year === '2008') return m.members2008;
  const now = new Set(m.members);
  return m.members2008.filter((t) => now.has(t));
}
