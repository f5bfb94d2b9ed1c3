/** Banner roll-up: the overall marking of a set of portions. */
import type { Level } from '../format/cable.ts';
import { captionsImplyNoforn } from './captions.ts';
import { maxLevel } from './levels.ts';
import type { Marking } from './marking.ts';

/**
 * The banner for these portions: highest level; NOFORN when any portion is NOFORN or a caption
 * implies it (NOFORN, NODIS, EXDIS); REL TO the intersection of the classified portions' REL TO
 * lists, empty as soon as one classified portion has none (with no classified portion, the
 * intersection over all portions). SBU only on an UNCLASSIFIED banner; other controls are united.
 *
 * @example formatBanner(rollUpBanner([u, s, sRelBgr], ['SIPDIS'])) // 'SECRET' (the seed)
 */
export function rollUpBanner(portions: readonly Marking[], captions: readonly string[]): Marking {
  const level = portions.reduce<Level>((l, p) => maxLevel(l, p.level), 'UNCLASSIFIED');
  const noforn = captionsImplyNoforn(captions) || portions.some((p) => p.noforn);
  const classified = portions.filter((p) => p.level !== 'UNCLASSIFIED');
  const relTo = noforn ? [] : intersect(classified.length > 0 ? classified : portions);
  return {
    kind: 'marking',
    level,
    sbu: level === 'UNCLASSIFIED' && portions.some((p) => p.sbu),
    noforn,
    relTo,
    other: [...new Set(portions.flatMap((p) => p.other))].sort(),
  };
}

/** REL TO lists intersected in the order of the first (already canonical); empty when any is empty. */
function intersect(portions: readonly Marking[]): readonly string[] {
  const [first, ...rest] = portions;
  if (!first) return [];
  const common = first.relTo.filter((c) => rest.every((p) => p.relTo.includes(c)));
  return common.length > 1 ? common : [];
}
