/** A prepared cable as it crosses from an import worker thread: flat strings, no deep object graph. */
import type { Cable, Issue } from '../../format/index.ts';
import type { Marking } from '../../model/marking.ts';
import {
  attachDerivedRows,
  deriveRows,
  inflateCableJson,
  type DerivedRows,
} from '../../store/derived-rows.ts';
import type { CableInput, PortionInput } from '../../store/store.ts';

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
  readonly portionsJson: string;
  /** `rows.cable.raw` is the text, `rows.cable.parsed` the (compact) Cable JSON, `rows.cable.issues` the issues JSON. */
  readonly rows: DerivedRows;
}

/**
 * Derives the store rows of a prepared cable and packs both for `postMessage`.
 *
 * @example postMessage(toWireCable(prepared.input))
 */
export function toWireCable(input: CableInput): WireCable {
  return {
    id: input.id,
    sha256: input.sha256,
    date: input.date,
    origin: input.origin,
    banner: input.banner,
    captions: input.captions,
    portionsJson: JSON.stringify(input.portions),
    rows: deriveRows(input),
  };
}

/**
 * The CableInput of a wire cable, with its rows attached (so `deriveRows` does not run twice).
 * `cable`, `issues` and `portions` are decoded from their JSON only if someone reads them.
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
      return (portions ??= JSON.parse(w.portionsJson) as PortionInput[]);
    },
  };
  return attachDerivedRows(input, w.rows);
}
