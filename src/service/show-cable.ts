/** Use case: show one stored cable to a reader — in full, redacted, or not at all — audited. */
import { markingRules } from '../directory/marking-rules.ts';
import { renderCable } from '../format/render-cable.ts';
import { canSeePortion } from '../model/access.ts';
import { rollUpBanner } from '../model/banner.ts';
import { formatBanner } from '../model/format-marking.ts';
import { plainMarking, type Marking } from '../model/marking.ts';
import type { Reader } from '../model/reader.ts';
import { redactForReader } from '../model/redact.ts';
import type { StoredCable, StoredPortion, Store } from '../store/store.ts';

export type ShownCable =
  | {
      readonly kind: 'full';
      readonly id: string;
      readonly version: number;
      readonly banner: string;
      /** The stored text, byte for byte. */
      readonly text: string;
    }
  | {
      readonly kind: 'redacted';
      readonly id: string;
      readonly version: number;
      readonly banner: string;
      /** Only what the reader may see, rendered in the telegram format. */
      readonly text: string;
    }
  | { readonly kind: 'not-found'; readonly message: string };

/** The one message for "absent" and "not for you": a reader who may see nothing learns nothing. */
export function notFoundMessage(id: string): string {
  return `no cable ${id}`;
}

/**
 * The answer to a version that is not there for this reader, when other versions are: it names
 * only the versions the reader may see, and reads the same whether the version asked for is
 * absent or hidden, so it tells nothing about what the reader may not see.
 *
 * @example noVersionMessage('08PRAGUE600', 9, [1, 2]) // 'no version 9 of 08PRAGUE600 (versions you may see: 1, 2)'
 */
export function noVersionMessage(id: string, version: number, seen: readonly number[]): string {
  return `no version ${version} of ${id} (versions you may see: ${seen.join(', ')})`;
}

/** The marking of a cable's unmarked text (headers, REF, TAGS): its whole level, no REL TO. */
export function unmarkedOf(stored: StoredCable): Marking {
  return plainMarking(stored.banner.level);
}

/** True when the reader may see every portion and the unmarked text: the whole cable. */
export function seesWholeCable(stored: StoredCable, reader: Reader): boolean {
  return (
    canSeePortion(reader, unmarkedOf(stored), stored.captions) &&
    stored.portions.every((p) => canSeePortion(reader, p.marking, stored.captions))
  );
}

/**
 * The cable as the reader may see it: the original text when they may see all of it, the
 * model's redacted view when they may see part, else not-found (the same answer as for an id
 * that is not stored).
 *
 * @example await showCable(store, '08STATE98975', parseReaderSpec('SECRET/POL').reader) // { kind: 'redacted', ... }
 */
export async function showCable(
  store: Store,
  id: string,
  reader: Reader,
  version?: number,
): Promise<ShownCable> {
  const key = id.trim().toUpperCase();
  const stored = await store.getCable(key, version);
  const shown = stored === undefined ? null : present(stored, reader);
  await store.audit({
    actor: reader.id,
    action: 'show',
    target: version === undefined ? id : `${id} version ${version}`,
    count: shown === null ? 0 : 1,
  });
  if (shown !== null) return shown;
  const seen = version === undefined ? [] : await versionsSeenBy(store, key, reader);
  return {
    kind: 'not-found',
    message: seen.length > 0 ? noVersionMessage(id, version!, seen) : notFoundMessage(id),
  };
}

/** The stored versions of `id` of which the reader may see something, oldest first. */
async function versionsSeenBy(store: Store, id: string, reader: Reader): Promise<number[]> {
  const seen: number[] = [];
  for (const { version } of await store.versions(id)) {
    const stored = await store.getCable(id, version);
    if (stored !== undefined && visiblePart(stored, reader) !== null) seen.push(version);
  }
  return seen.sort((a, b) => a - b);
}

/**
 * What of a stored cable the reader may see: all of it, some of its portions, or nothing (null).
 * The one rule behind both what `show` presents and which versions it names.
 */
function visiblePart(stored: StoredCable, reader: Reader): 'whole' | StoredPortion[] | null {
  if (seesWholeCable(stored, reader)) return 'whole';
  const visible = stored.portions.filter((p) => canSeePortion(reader, p.marking, stored.captions));
  return visible.length > 0 ? visible : null;
}

function present(stored: StoredCable, reader: Reader): ShownCable | null {
  const visible = visiblePart(stored, reader);
  if (visible === null) return null;
  if (visible === 'whole') {
    return {
      kind: 'full',
      id: stored.id,
      version: stored.version,
      banner: formatBanner(stored.banner),
      text: stored.raw,
    };
  }
  const banner = formatBanner(
    rollUpBanner(
      visible.map((p) => p.marking),
      stored.captions,
    ),
  );
  const view = redactForReader(stored.cable, reader, markingRules());
  // The model shows nothing when no paragraph is visible; a visible subject alone is still shown.
  const text =
    view === null
      ? [
          banner,
          ...visible.map((p) => `${p.kind === 'subject' ? 'SUBJECT: ' : ''}${p.text}`),
          '',
        ].join('\n')
      : renderCable(view.cable);
  return { kind: 'redacted', id: stored.id, version: stored.version, banner, text };
}
