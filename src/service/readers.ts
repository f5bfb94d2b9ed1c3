/** Who is reading: the local operator by default, or a reader given as a spec (`SECRET/POL`). */
import { markingRules } from '../directory/marking-rules.ts';
import type { Issue } from '../format/issue.ts';
import type { Reader } from '../model/reader.ts';
import { parseReaderSpec } from '../model/reader-spec.ts';

/** Caption accesses the local operator holds: every distribution caption. */
const ALL_ACCESSES = ['NODIS', 'EXDIS', 'LIMDIS', 'STADIS', 'CHEROKEE', 'LOU', 'NOFORN', 'SIPDIS'];

/** The local operator: TOP SECRET, US, every caption access. Used when no `--as` is given. */
export const operator: Reader = {
  kind: 'reader',
  id: 'operator',
  clearance: 'TOP SECRET',
  nationality: 'USA',
  accesses: ALL_ACCESSES,
  organisation: null,
};

/**
 * The reader for a command: the operator when `spec` is undefined, else the parsed spec.
 *
 * @example readerFor('CONFIDENTIAL/USA') // { reader: { clearance: 'CONFIDENTIAL', ... } }
 */
export function readerFor(spec: string | undefined): { reader: Reader } | { issue: Issue } {
  if (spec === undefined) return { reader: operator };
  const parsed = parseReaderSpec(spec, markingRules());
  if ('issue' in parsed) return parsed;
  return { reader: { ...parsed.reader, id: parsed.reader.id || spec } };
}

/**
 * The operator holding every caption access that occurs in the archive (unknown captions need
 * a matching access, so "all accesses" depends on what is stored).
 *
 * @example const op = await operatorOf(store)
 */
export async function operatorOf(store: {
  accessClasses(): Promise<readonly { captions: readonly string[] }[]>;
}): Promise<Reader> {
  const all = new Set(ALL_ACCESSES);
  for (const c of await store.accessClasses()) for (const cap of c.captions) all.add(cap);
  return { ...operator, accesses: [...all].sort() };
}

/** The reader a command acts as: the operator (with every stored caption access) or the spec's reader. */
export async function resolveReader(
  store: { accessClasses(): Promise<readonly { captions: readonly string[] }[]> },
  spec: string | undefined,
): Promise<{ reader: Reader } | { issue: Issue }> {
  if (spec === undefined) return { reader: await operatorOf(store) };
  return readerFor(spec);
}
