/** The rows derived from one cable for the field tables (tags, captions, addressees, references). */
import { levelRank } from '../model/levels.ts';
import type { Cable } from '../format/index.ts';
import { plainMarking, type Marking } from '../model/marking.ts';
import { accessClassKeyOf, canonicalCaptions, markingJson } from './access-class.ts';
import type { CableInput } from './store.ts';

export interface DerivedRows {
  readonly cable: {
    readonly id: string;
    readonly sha256: string;
    readonly raw: string;
    readonly parsed: string;
    readonly issues: string;
    readonly cable_date: string | null;
    readonly origin: string | null;
    readonly banner: string;
    readonly banner_level: number;
    readonly captions: string;
    readonly subject: string | null;
  };
  readonly portions: readonly {
    readonly ordinal: number;
    readonly kind: string;
    readonly num: string | null;
    readonly classKey: string;
    readonly marked: number;
    readonly body: string;
  }[];
  /** Class key of the cable's unmarked text: its whole level, no REL TO, its captions. */
  readonly unmarkedKey: string;
  /** Access classes this cable needs, by key. */
  readonly classes: ReadonlyMap<string, { marking: string; captions: string; level: number }>;
  readonly tags: readonly string[];
  readonly captions: readonly string[];
  readonly addressees: readonly {
    role: string;
    ordinal: number;
    ri: string | null;
    name: string;
  }[];
  readonly refs: readonly {
    ordinal: number;
    label: string | null;
    target_id: string | null;
    text: string;
  }[];
}

// Rows computed ahead of the store (by an import worker thread), by the input they belong to.
const attached = new WeakMap<CableInput, DerivedRows>();

/**
 * Records rows already derived from `input` (with `deriveRows`, elsewhere: an import worker), so
 * the store's `deriveRows(input)` returns them instead of computing them again.
 *
 * @example attachDerivedRows(input, rowsFromWorker); deriveRows(input) === rowsFromWorker // true
 */
export function attachDerivedRows(input: CableInput, rows: DerivedRows): CableInput {
  attached.set(input, rows);
  return input;
}

/**
 * Everything a store writes for one cable, computed once and the same for both adapters.
 *
 * @example deriveRows(input).tags // ['PARM', 'PREL']
 */
export function deriveRows(input: CableInput): DerivedRows {
  return attached.get(input) ?? computeRows(input);
}

function computeRows(input: CableInput): DerivedRows {
  const captions = canonicalCaptions(input.captions);
  const captionsJson = JSON.stringify(captions);
  const classes = new Map<string, { marking: string; captions: string; level: number }>();
  // The portions of a cable mostly share a few marking objects: each is written as JSON once.
  const jsonOf = new Map<Marking, string>();
  const markingText = (m: Marking): string => {
    let json = jsonOf.get(m);
    if (json === undefined) jsonOf.set(m, (json = markingJson(m)));
    return json;
  };
  const portions = input.portions.map((p, i) => {
    const marking = markingText(p.marking);
    const key = accessClassKeyOf(marking, captions);
    if (!classes.has(key))
      classes.set(key, { marking, captions: captionsJson, level: levelRank(p.marking.level) });
    return {
      ordinal: i,
      kind: p.kind,
      num: p.number,
      classKey: key,
      marked: p.marked ? 1 : 0,
      body: p.text,
    };
  });
  const unmarked = plainMarking(input.banner.level);
  const unmarkedJson = markingJson(unmarked);
  const unmarkedKey = accessClassKeyOf(unmarkedJson, captions);
  if (!classes.has(unmarkedKey))
    classes.set(unmarkedKey, {
      marking: unmarkedJson,
      captions: captionsJson,
      level: levelRank(unmarked.level),
    });
  const c = input.cable;
  const addressees = [
    ...(c.from ? [{ role: 'from', a: c.from }] : []),
    ...c.to.map((a) => ({ role: 'to', a })),
    ...c.info.map((a) => ({ role: 'info', a })),
    ...c.xmt.map((a) => ({ role: 'xmt', a })),
  ].map(({ role, a }, ordinal) => ({
    role,
    ordinal,
    ri: a.routingIndicator === null ? null : a.routingIndicator.toUpperCase(),
    name: a.name.toUpperCase().replace(/\s+/g, ' ').trim(),
  }));
  return {
    cable: {
      id: input.id,
      sha256: input.sha256,
      raw: input.raw,
      parsed: compactCableJson(c, portions),
      issues: JSON.stringify(input.issues),
      cable_date: input.date,
      origin: input.origin,
      banner: markingJson(input.banner),
      banner_level: levelRank(input.banner.level),
      captions: captionsJson,
      subject: c.subject,
    },
    portions,
    unmarkedKey,
    classes,
    tags: [...new Set(c.tags.map((t) => t.code.toUpperCase()))],
    captions,
    addressees,
    refs: c.references.map((r, ordinal) => ({
      ordinal,
      label: r.label,
      target_id: r.kind === 'cable' ? r.id : null,
      text: r.text,
    })),
  };
}

/** How a paragraph's text that is also a portion's body is written in the stored Cable JSON. */
interface PortionText {
  readonly $portion: number;
}

/**
 * The Cable as JSON, with each paragraph text and the summary that is exactly some portion's
 * body written as `{"$portion": ordinal}`: the paragraphs are most of the text, and the portion
 * rows keep it already (the summary is a portion too: 0.6 KB a cable on the real corpus).
 * `inflateCableJson` restores the Cable exactly.
 *
 * @example compactCableJson(cable, [{ ordinal: 1, body: 'Text.' }]) // '{..."text":{"$portion":1}...}'
 */
export function compactCableJson(
  cable: Cable,
  portions: readonly { readonly ordinal: number; readonly body: string }[],
): string {
  const byBody = new Map<string, number>();
  for (const p of portions) if (!byBody.has(p.body)) byBody.set(p.body, p.ordinal);
  const summary = typeof cable.summary === 'string' ? byBody.get(cable.summary) : undefined;
  return JSON.stringify({
    ...cable,
    summary: summary === undefined ? cable.summary : { $portion: summary },
    paragraphs: cable.paragraphs.map((p) => {
      const ordinal = byBody.get(p.text);
      return ordinal === undefined ? p : { ...p, text: { $portion: ordinal } };
    }),
  });
}

/**
 * The Cable of a stored `parsed` JSON: paragraph texts and a summary written as portion
 * references are taken from the portions' bodies (older rows hold the text itself and are
 * returned as they are).
 *
 * @example inflateCableJson(row.parsed, (ordinal) => bodies[ordinal])
 */
export function inflateCableJson(
  json: string,
  body: (ordinal: number) => string | undefined,
): Cable {
  const cable = JSON.parse(json) as Omit<Cable, 'paragraphs' | 'summary'> & {
    summary: string | null | PortionText;
    paragraphs: (Omit<Cable['paragraphs'][number], 'text'> & { text: string | PortionText })[];
  };
  const text = (ref: PortionText): string => {
    const found = body(ref.$portion);
    if (found === undefined)
      throw new Error(`stored cable refers to a missing portion ${String(ref.$portion)}`);
    return found;
  };
  if (typeof cable.summary === 'object' && cable.summary !== null)
    cable.summary = text(cable.summary);
  for (const p of cable.paragraphs) if (typeof p.text !== 'string') p.text = text(p.text);
  return cable as Cable;
}
