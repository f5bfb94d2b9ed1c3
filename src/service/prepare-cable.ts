/** Turns the text of one archive-format file into what the store keeps, or a rejection reason. */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Directory } from '../directory/directory.ts';
import { canonicalCableId } from '../format/cable-id.ts';
import { parseArchiveMeta } from '../format/archive-meta.ts';
import { emptyCable, parseCable } from '../format/parse-cable.ts';
import type { ParseContext } from '../format/parse-context.ts';
import { rollUpBanner } from '../model/banner.ts';
import { cableDate } from '../model/cable-date.ts';
import { cablePortions, declaredBanner } from '../model/cable-portions.ts';
import { maxLevel } from '../model/levels.ts';
import type { MarkingRules } from '../model/marking-rules.ts';
import type { Marking } from '../model/marking.ts';
import type { CableInput, PortionInput } from '../store/store.ts';

export type Prepared =
  | { readonly kind: 'ready'; readonly input: CableInput }
  | { readonly kind: 'rejected'; readonly reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes, parses and derives one file. The text is kept exactly as read; markings are
 * normalised by the model; unmarked text gets the model's fail-closed marking.
 *
 * @example prepareCable(readFileSync(seedPath), seedPath, ctx) // { kind: 'ready', input: { id: '08STATE98975', ... } }
 */
export function prepareCable(
  bytes: Uint8Array,
  file: string,
  ctx: { readonly reference: Directory; readonly rules: MarkingRules },
  sha256?: string,
): Prepared {
  let raw: string;
  try {
    raw = utf8.decode(bytes);
  } catch {
    return { kind: 'rejected', reason: 'not UTF-8 text' };
  }
  const parsed = parseCable(raw, { reference: ctx.reference });
  const { issues } = parsed;
  let { cable } = parsed;
  // A parser bug loses every field; the archive metadata lines are still read on their own so the
  // cable is kept (and found by its full text) rather than rejected.
  if (cable.archive === null && issues.some((i) => i.code === 'parse.internal')) {
    const metaCtx: ParseContext = { lines: raw.split('\n'), issues: [], reference: ctx.reference };
    cable = emptyCable(parseArchiveMeta(metaCtx).meta);
  }
  const id = cable.archive?.id ?? null;
  if (id === null) return { kind: 'rejected', reason: 'no archive id on the first line' };
  const stem = basename(file).replace(/\.txt$/i, '');
  let fileId: string | null;
  try {
    fileId = canonicalCableId(stem);
  } catch {
    fileId = null;
  }
  if (fileId !== id && stem !== id)
    return { kind: 'rejected', reason: `archive id ${id} does not match the file name ${stem}` };
  const { portions, unmarked } = cablePortions(cable, ctx.rules);
  const out: PortionInput[] = portions.map((p) => ({
    kind: p.index === -1 ? 'subject' : 'paragraph',
    number: p.index === -1 ? null : (cable.paragraphs[p.index]?.number ?? null),
    marking: p.effective,
    marked: p.marking !== null,
    text: p.index === -1 ? (cable.subject ?? '') : (cable.paragraphs[p.index]?.text ?? ''),
  }));
  if (cable.summary !== null && cable.summary.trim() !== '')
    out.push({
      kind: 'summary',
      number: null,
      marking: unmarked,
      marked: false,
      text: cable.summary,
    });
  // A cable the parser could not split still gets searched: its whole text, as unmarked text.
  if (out.length === 0)
    out.push({ kind: 'paragraph', number: null, marking: unmarked, marked: false, text: raw });
  const declared = declaredBanner(cable)?.marking;
  const rolled = rollUpBanner(
    out.map((p) => p.marking),
    cable.captions,
  );
  const banner: Marking = declared
    ? {
        ...rolled,
        level: maxLevel(rolled.level, declared.level),
        noforn: rolled.noforn || declared.noforn,
        relTo: declared.noforn ? [] : rolled.relTo,
      }
    : rolled;
  return {
    kind: 'ready',
    input: {
      id,
      raw,
      // The importer hashes every file it reads (to skip stored texts unparsed) and passes it on.
      sha256: sha256 ?? createHash('sha256').update(bytes).digest('hex'),
      cable,
      issues,
      date: cableDate(cable),
      origin: id.slice(2).replace(/\d+$/, '') || null,
      banner,
      captions: cable.captions,
      portions: out.filter((p) => p.text.trim() !== '' || p.kind !== 'subject'),
    },
  };
}
