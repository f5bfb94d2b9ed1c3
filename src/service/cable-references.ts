/** Use case: the reference graph around one cable, as a reader may see it, audited. */
import { canSeePortion } from '../model/access.ts';
import type { Reader } from '../model/reader.ts';
import type { OutgoingReference, Store } from '../store/store.ts';
import { notFoundMessage, unmarkedOf } from './show-cable.ts';

export type CableReferences =
  | {
      readonly kind: 'found';
      readonly id: string;
      /** The REF list; empty and `withheld` when the reader may not see the cable's unmarked text. */
      readonly outgoing: readonly OutgoingReference[];
      readonly withheld: boolean;
      /** Cables citing this one that the reader may see. */
      readonly citedBy: readonly string[];
    }
  | { readonly kind: 'not-found'; readonly message: string };

/**
 * Outgoing references (resolved only when the cited cable is stored AND visible to the reader)
 * and the cited-by list (only cables the reader may see). A reader who may see nothing of the
 * cable gets the same not-found answer as for an id that is not stored.
 *
 * @example await cableReferences(store, '08STATE98975', reader) // { kind: 'found', citedBy: ['08PRAGUE600'], ... }
 */
export async function cableReferences(
  store: Store,
  id: string,
  reader: Reader,
): Promise<CableReferences> {
  const key = id.trim().toUpperCase();
  const stored = await store.getCable(key);
  const visible =
    stored !== undefined &&
    stored.portions.some((p) => canSeePortion(reader, p.marking, stored.captions));
  if (stored === undefined || !visible) {
    await store.audit({ actor: reader.id, action: 'refs', target: id, count: 0 });
    return { kind: 'not-found', message: notFoundMessage(id) };
  }
  const graph = await store.references(key);
  // The REF block is unmarked text: shown only to a reader cleared for the whole cable's level.
  const withheld = !canSeePortion(reader, unmarkedOf(stored), stored.captions);
  const targets = graph.outgoing.flatMap((r) => (r.targetId === null ? [] : [r.targetId]));
  const seen = await store.visibleIds([...targets, ...graph.citedBy], reader);
  const outgoing = withheld
    ? []
    : graph.outgoing.map((r) => ({
        ...r,
        resolved: r.resolved && r.targetId !== null && seen.has(r.targetId),
      }));
  const citedBy = graph.citedBy.filter((c) => seen.has(c));
  await store.audit({
    actor: reader.id,
    action: 'refs',
    target: id,
    count: outgoing.length + citedBy.length,
  });
  return { kind: 'found', id: stored.id, outgoing, withheld, citedBy };
}
