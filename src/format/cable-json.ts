/**
 * The JSON form of a cable (`chancery parse --json`, `chancery render FILE.json`): the documented
 * flat keys first (file, id, created, … issues), carrying every Cable field so it reads back.
 */
import type {
  Addressee,
  Cable,
  ClassifiedBy,
  EoLine,
  Paragraph,
  PortionMarking,
  Reference,
  Tag,
  TransmissionHeader,
} from './cable.ts';
import { canonicalCableId } from './cable-id.ts';
import { emptyHeader } from './empty-cable.ts';
import { type Issue, issue } from './issue.ts';

/**
 * The JSON object of one parsed cable: the archive cells flattened, every other Cable field as
 * it is, and the issues. Absent fields are null or empty, never guessed.
 */
export type CableJson = {
  readonly file: string | null;
  /** The reference id as the archive writes it (the file name of a Cablegate record). */
  readonly id: string | null;
  /** The canonical id references resolve to (`08SAOPAULO335` for `08SCTION02OF02SAOPAULO335`). */
  readonly canonicalId: string | null;
  readonly created: string | null;
  readonly released: string | null;
  readonly classification: string | null;
  readonly origin: string | null;
} & Omit<Cable, 'kind' | 'archive' | 'layout'> & {
    readonly archive: boolean;
    readonly layout: Cable['layout'] | null;
    readonly issues: readonly Issue[];
  };

/**
 * The id of a cable: the archive id, else derived from the message reference and the DTG year.
 *
 * @example cableId(parseCable(seed).cable) // '08STATE98975'
 */
export function cableId(cable: Cable): string | null {
  if (cable.archive) return cable.archive.id;
  const year = cable.header.dtg?.slice(2, 4) ?? null;
  return cable.messageReference && year ? canonicalCableId(cable.messageReference, year) : null;
}

/** The JSON object for a parsed cable. */
export function cableToJson(
  cable: Cable,
  issues: readonly Issue[],
  file: string | null,
): CableJson {
  return {
    file,
    id: cable.archive?.referenceId ?? cableId(cable),
    canonicalId: cableId(cable),
    created: cable.archive?.created ?? null,
    released: cable.archive?.released ?? null,
    classification: cable.archive?.classification ?? null,
    origin: cable.archive?.origin ?? null,
    header: cable.header,
    from: cable.from,
    to: cable.to,
    info: cable.info,
    xmt: cable.xmt,
    classificationLine: cable.classificationLine,
    messageReference: cable.messageReference,
    section: cable.section,
    captions: cable.captions,
    passingLines: cable.passingLines,
    eo: cable.eo,
    tags: cable.tags,
    subject: cable.subject,
    subjectMarking: cable.subjectMarking,
    references: cable.references,
    classifiedBy: cable.classifiedBy,
    summary: cable.summary,
    paragraphs: cable.paragraphs,
    signers: cable.signers,
    archive: cable.archive !== null,
    layout: cable.layout ?? null,
    issues,
  };
}

/**
 * Reads a cable back from its JSON form. Checks the shape of every top-level field and reports
 * the first problems as issues naming the field; returns null when the object is not a cable.
 */
export function cableFromJson(value: unknown): { cable: Cable | null; issues: Issue[] } {
  const issues: Issue[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      cable: null,
      issues: [issue('json.not-object', 'error', 'expected a JSON object describing a cable')],
    };
  const o = value as Record<string, unknown>;
  const str = (k: string): string | null => {
    const v = o[k];
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return v;
    issues.push(
      issue('json.field.type', 'error', `field "${k}" must be a string or null`, { field: k }),
    );
    return null;
  };
  const arr = (k: string): readonly unknown[] => {
    const v = o[k];
    if (v === null || v === undefined) return [];
    if (Array.isArray(v)) return v as unknown[];
    issues.push(issue('json.field.type', 'error', `field "${k}" must be an array`, { field: k }));
    return [];
  };
  const obj = (k: string): object | null => {
    const v = o[k];
    if (v === null || v === undefined) return null;
    if (typeof v === 'object' && !Array.isArray(v)) return v;
    issues.push(
      issue('json.field.type', 'error', `field "${k}" must be an object or null`, { field: k }),
    );
    return null;
  };
  const header = obj('header') as TransmissionHeader | null;
  if (header === null)
    issues.push(
      issue('json.field.missing', 'error', 'field "header" is required', { field: 'header' }),
    );
  const id = str('id');
  const archive =
    o.archive === true && id !== null
      ? {
          id,
          created: str('created'),
          released: str('released'),
          classification: str('classification'),
          origin: str('origin'),
        }
      : null;
  const layout = obj('layout') as NonNullable<Cable['layout']> | null;
  const cable: Cable = {
    kind: 'cable',
    archive,
    header: header ?? emptyHeader(),
    from: obj('from') as Addressee | null,
    to: arr('to') as readonly Addressee[],
    info: arr('info') as readonly Addressee[],
    xmt: arr('xmt') as readonly Addressee[],
    classificationLine: str('classificationLine'),
    messageReference: str('messageReference'),
    section: obj('section') as NonNullable<Cable['section']> | null,
    captions: arr('captions') as readonly string[],
    passingLines: arr('passingLines') as readonly string[],
    eo: obj('eo') as EoLine | null,
    tags: arr('tags') as readonly Tag[],
    subject: str('subject'),
    subjectMarking: obj('subjectMarking') as PortionMarking | null,
    references: arr('references') as readonly Reference[],
    classifiedBy: obj('classifiedBy') as ClassifiedBy | null,
    summary: str('summary'),
    paragraphs: arr('paragraphs') as readonly Paragraph[],
    signers: arr('signers') as readonly string[],
    ...(layout ? { layout } : {}),
  };
  return { cable: issues.some((i) => i.severity === 'error') ? null : cable, issues };
}
