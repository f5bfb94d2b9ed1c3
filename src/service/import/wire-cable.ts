/** A prepared cable as it crosses from an import worker thread: flat strings, no deep object graph. */
import type { Cable, Issue } from '../../format/index.ts';
import type { Marking } from '../../model/marking.ts';
import {
  attachDerivedRows,
  deriveRows,
  inflateCableJson,
  type DerivedRows,
} from '../../store/derived-rows.ts';
import { attachPortionPairs, wordPairs } from '../../store/postgres/word-pairs.ts';
import type { CableInput, PortionInput, PortionKind } from '../../store/store.ts';

/**
 * What a worker posts for one cable. Structured clone of the parsed Cable costs the main thread
 * more than parsing it did, so the cable, its issues and its portions travel as the JSON the
 * store writes anyway, with the store's rows derived in the worker.
 */
export interface WireCable {
  readonly id: string;
  readonly sha256: string;
  readonly date: string | null;
  readonly origin: string | null;
  readonly banner: Marking;
  readonly captions: readonly string[];
  /**
   * `rows.cable.raw` is the text, `rows.cable.parsed` the (compact) Cable JSON, `rows.cable.issues`
   * the issues JSON; the portions are `rows.portions` with their markings in `rows.classes`.
   */
  readonly rows: DerivedRows;
  /** PostgreSQL's word-pair lexemes of each portion (wordPairs), when the store asked for them. */
  readonly pairs?: readonly (string | null)[];
}

/** What a worker derives beyond the rows, for the store being written. */
export interface WireOptions {
  /** The PostgreSQL store's word pairs of each portion (pure JS, 1.8 s of the writing thread at 6k). */
  readonly wordPairs?: boolean;
}

/**
 * Derives the store rows of a prepared cable and packs both for `postMessage`.
 *
 * @example postMessage(toWireCable(prepared.input))
 */
export function toWireCable(input: CableInput, options: WireOptions = {}): WireCable {
  const rows = deriveRows(input);
  return {
    id: input.id,
    sha256: input.sha256,
    date: input.date,
    origin: input.origin,
    banner: input.banner,
    captions: input.captions,
    rows,
    ...(options.wordPairs === true ? { pairs: rows.portions.map((p) => wordPairs(p.body)) } : {}),
  };
}

/**
 * The CableInput of a wire cable, with its rows attached (so `deriveRows` does not run twice).
 * `cable`, `issues` and `portions` are decoded from the rows only if someone reads them (the
 * stores write the rows): the portions' texts no longer cross the thread twice.
 *
 * @example await store.putCables([fromWireCable(message)])
 */
export function fromWireCable(w: WireCable): CableInput {
  let cable: Cable | undefined;
  let issues: readonly Issue[] | undefined;
  let portions: readonly PortionInput[] | undefined;
  const input: CableInput = {
    id: w.id,
    raw: w.rows.cable.raw,
    sha256: w.sha256,
    get cable() {
      return (cable ??= inflateCableJson(
        w.rows.cable.parsed,
        (ordinal) => w.rows.portions.find((p) => p.ordinal === ordinal)?.body,
      ));
    },
    get issues() {
      return (issues ??= JSON.parse(w.rows.cable.issues) as Issue[]);
    },
    date: w.date,
    origin: w.origin,
    banner: w.banner,
    captions: w.captions,
    get portions() {
      return (portions ??= portionsOf(w.rows));
    },
  };
  if (w.pairs !== undefined) attachPortionPairs(w.rows, w.pairs);
  return attachDerivedRows(input, w.rows);
}

/** The portions a cable's rows were derived from: each row's marking is its access class's. */
function portionsOf(rows: DerivedRows): PortionInput[] {
  return rows.portions.map((p) => {
    const marking = rows.classes.get(p.classKey)?.marking;
    if (marking === undefined) throw new Error(`derived rows lack the access class ${p.classKey}`);
    return {
      kind: p.kind as PortionKind,
      number: p.num,
      marking: JSON.parse(marking) as Marking,
      marked: p.marked === 1,
      text: p.body,
    };
  });
}
