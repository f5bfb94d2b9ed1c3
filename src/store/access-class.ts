/** Access classes: distinct (portion marking, cable captions) pairs, the unit of every access decision in search. */
import { canSeePortion } from '../model/access.ts';
import type { Marking } from '../model/marking.ts';
import type { Reader } from '../model/reader.ts';
import type { AccessClass } from './store.ts';

/**
 * The stable key of a class: canonical JSON of the marking (`markingJson`) and the sorted,
 * de-duplicated captions (`canonicalCaptions`). Two portions share a class exactly when every
 * access decision about them agrees. Takes both already written, as the import has them.
 *
 * @example accessClassKeyOf(markingJson(m), canonicalCaptions(['SIPDIS'])) // '{"kind":"marking","level":"SECRET",...}|SIPDIS'
 */
export function accessClassKeyOf(markingJson: string, canonical: readonly string[]): string {
  return `${markingJson}|${canonical.join(',')}`;
}

/** The marking as JSON with a fixed key order (so equal markings give equal keys). */
export function markingJson(m: Marking): string {
  return JSON.stringify({
    kind: 'marking',
    level: m.level,
    sbu: m.sbu,
    noforn: m.noforn,
    relTo: m.relTo,
    other: m.other,
  });
}

/** Captions sorted and de-duplicated. */
export function canonicalCaptions(captions: readonly string[]): string[] {
  return [...new Set(captions.map((c) => c.trim().toUpperCase()))].filter((c) => c !== '').sort();
}

/**
 * Ids of the classes a reader may see, decided in code by the model's `canSeePortion` over the
 * small class table. Fails closed: a class whose decision throws is not visible.
 *
 * @example visibleClassIds(await store.accessClasses(), reader) // Set { 1, 4 }
 */
export function visibleClassIds(classes: readonly AccessClass[], reader: Reader): Set<number> {
  const out = new Set<number>();
  for (const c of classes) {
    if (decide(() => canSeePortion(reader, c.marking, c.captions))) out.add(c.id);
  }
  return out;
}

function decide(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
