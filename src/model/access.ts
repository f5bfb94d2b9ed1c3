/** Access decisions: may this reader see this portion? Fail closed on anything unexpected. */
import type { Cable } from '../format/cable.ts';
import { type CablePortion, cablePortions } from './cable-portions.ts';
import { accessesRequired, captionsImplyNoforn } from './captions.ts';
import { LEVELS, levelRank } from './levels.ts';
import type { MarkingRules } from './marking-rules.ts';
import type { Marking } from './marking.ts';
import type { Reader } from './reader.ts';

/**
 * True when the reader may see a portion with this marking in a cable with these captions.
 * Everyone needs a clearance at or above the portion's level and every caption access the
 * captions require (NODIS, EXDIS, LIMDIS, STADIS, any unknown caption; SIPDIS needs none).
 * A foreign reader (nationality other than USA) also needs the portion to be REL TO their
 * nationality (coalitions were expanded by the normaliser; an unexpanded coalition code matches
 * nobody), with no NOFORN on the portion or implied by the captions and no further control such
 * as ORCON or FGI that would need the originator's decision. Unmarked portions carry no REL TO,
 * so a foreign reader never sees one, even in an UNCLASSIFIED cable.
 *
 * @example canSeePortion(secretPol, sRelBgrPol, ['SIPDIS']) // true
 */
export function canSeePortion(
  reader: Reader,
  portion: Marking,
  captions: readonly string[],
): boolean {
  if (!LEVELS.includes(reader.clearance) || !LEVELS.includes(portion.level)) return false;
  if (levelRank(portion.level) > levelRank(reader.clearance)) return false;
  const held = new Set(reader.accesses.map((a) => a.trim().toUpperCase()));
  if (!accessesRequired(captions).every((c) => held.has(c))) return false;
  if (reader.nationality === 'USA') return true;
  if (!/^[A-Z]{3}$/.test(reader.nationality)) return false;
  if (portion.noforn || captionsImplyNoforn(captions)) return false;
  if (portion.other.length > 0) return false;
  return portion.relTo.includes(reader.nationality);
}

/**
 * The portions of a cable (subject and paragraphs) this reader may see, in order.
 *
 * @example visiblePortions(confidentialUsa, seed, rules).map((p) => p.index) // [0, 4, 5, 6]
 */
export function visiblePortions(reader: Reader, cable: Cable, rules: MarkingRules): CablePortion[] {
  return cablePortions(cable, rules).portions.filter((p) =>
    canSeePortion(reader, p.effective, cable.captions),
  );
}
