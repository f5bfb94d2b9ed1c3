/** Field-by-field agreement between cablemap's extraction and Chancery's parseCable, on normalised values. */
import type { Cable } from '../../src/format/cable.ts';

/** One cable as the cablemap driver (bench/cablemap/driver.py) prints it. */
export interface CablemapRecord {
  readonly file: string;
  readonly id: string;
  readonly partial: boolean;
  readonly to: readonly (readonly [string | null, string])[];
  readonly info: readonly (readonly [string | null, string])[];
  readonly subject: string;
  readonly deadline: string | null;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  readonly summary: string | null;
  readonly signers: readonly string[];
  readonly classifiedBy: readonly string[] | null;
  /** Line (0-based) where the driver found the telegram text to begin. */
  readonly textLine: number;
}

export const FIELDS = [
  'id',
  'to',
  'info',
  'tags',
  'subject',
  'references',
  'classifiedBy',
  'signers',
  'summary',
  'deadline',
] as const;
export type Field = (typeof FIELDS)[number];

export type Verdict = 'same' | 'bothNone' | 'onlyCablemap' | 'onlyChancery' | 'differ';

/** A field's normalised value: null when the parser found nothing. */
type Value = string | null;

/** One disagreement, kept so a person can read the cable and decide who is right. */
export interface Disagreement {
  readonly file: string;
  readonly field: Field;
  readonly verdict: Exclude<Verdict, 'same' | 'bothNone'>;
  readonly cablemap: Value;
  readonly chancery: Value;
}

export interface Agreement {
  readonly counts: Record<Field, Record<Verdict, number>>;
  readonly disagreements: Disagreement[];
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
const upper = (s: string): string => collapse(s).toUpperCase();

/** A set of strings as one comparable value: sorted, deduplicated, joined; null when empty. */
function setValue(items: Iterable<string>): Value {
  const set = [...new Set([...items].map(upper).filter((s) => s !== ''))].sort();
  return set.length === 0 ? null : set.join(' | ');
}

/** Free text compared on its letters and digits only (line breaks, dashes, spacing differ by copy). */
function textValue(s: string | null | undefined): Value {
  if (s === null || s === undefined) return null;
  const v = s.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return v === '' ? null : v;
}

/** cablemap splits `OVIP (STEINBERG, JAMES B.)` into the code and the person: so does the comparison. */
function chanceryTags(cable: Cable): string[] {
  const out: string[] = [];
  for (const t of cable.tags) {
    const m = /^(\S+)\s*\((.+)\)$/.exec(t.code);
    if (m) out.push(m[1]!, m[2]!);
    else out.push(t.code);
  }
  return out;
}

/** The two parsers' values of every field, normalised the same way. */
export function fieldValues(cm: CablemapRecord, cable: Cable): Record<Field, [Value, Value]> {
  const names = (list: readonly { readonly name: string }[]) => list.map((a) => a.name);
  return {
    id: [cm.id, cable.archive?.id ?? null],
    to: [setValue(cm.to.map((r) => r[1])), setValue(names(cable.to))],
    info: [setValue(cm.info.map((r) => r[1])), setValue(names(cable.info))],
    tags: [setValue(cm.tags), setValue(chanceryTags(cable))],
    subject: [textValue(cm.subject), textValue(cable.subject)],
    references: [
      setValue(cm.references),
      setValue(
        cable.references.flatMap((r) => (r.kind === 'cable' && r.id !== null ? [r.id] : [])),
      ),
    ],
    classifiedBy: [
      cm.classifiedBy?.[0] ? upper(cm.classifiedBy[0]) : null,
      cable.classifiedBy?.names[0] ? upper(cable.classifiedBy.names[0]) : null,
    ],
    signers: [setValue(cm.signers), setValue(cable.signers)],
    summary: [textValue(cm.summary), textValue(cable.summary)],
    deadline: [cm.deadline, cable.eo?.declassifyOn ?? null],
  };
}

function verdict(a: Value, b: Value): Verdict {
  if (a === null && b === null) return 'bothNone';
  if (a === null) return 'onlyChancery';
  if (b === null) return 'onlyCablemap';
  return a === b ? 'same' : 'differ';
}

/**
 * Counts, per field, how often the two parsers agree, and lists every disagreement.
 *
 * @example agreement([[cm, cable]]).counts.tags.same // 1 when both read the same TAGS set
 */
export function agreement(pairs: Iterable<readonly [CablemapRecord, Cable]>): Agreement {
  const counts = Object.fromEntries(
    FIELDS.map((f) => [f, { same: 0, bothNone: 0, onlyCablemap: 0, onlyChancery: 0, differ: 0 }]),
  ) as Record<Field, Record<Verdict, number>>;
  const disagreements: Disagreement[] = [];
  for (const [cm, cable] of pairs) {
    const values = fieldValues(cm, cable);
    for (const field of FIELDS) {
      const [a, b] = values[field];
      const v = verdict(a, b);
      counts[field][v]++;
      if (v !== 'same' && v !== 'bothNone')
        disagreements.push({ file: cm.file, field, verdict: v, cablemap: a, chancery: b });
    }
  }
  return { counts, disagreements };
}
