/** The releasable extract of a cable for one country: released portions only, banner recomputed. */
import type { Cable } from '../format/cable.ts';
import { rollUpBanner } from './banner.ts';
import { cableDate } from './cable-date.ts';
import { cablePortions } from './cable-portions.ts';
import { accessesRequired, captionsImplyNoforn } from './captions.ts';
import type { MarkingRules } from './marking-rules.ts';
import type { Marking } from './marking.ts';

/** One released portion, with its canonical marking. */
export interface ExtractPortion {
  readonly field: string; // 'subject' or 'paragraphs[i]'
  readonly number: string | null; // paragraph number; null for the subject or an unnumbered paragraph
  readonly marking: Marking;
  readonly text: string;
}

export interface ReleasableExtract {
  readonly kind: 'extract';
  /** Trigraph the extract is released to. */
  readonly country: string;
  /** The parent cable: archive id, message reference number and date. */
  readonly parent: {
    readonly id: string | null;
    readonly messageReference: string | null;
    readonly date: string | null;
  };
  /** Recomputed over the released portions, REL TO USA and the country only: `SECRET//REL TO USA, BGR`. */
  readonly banner: Marking;
  readonly portions: readonly ExtractPortion[];
}

/**
 * True when a portion's marking releases it to `country`: marked (an unmarked portion is never
 * released), REL TO the country, not NOFORN, no further control (ORCON, FGI, ...), and the cable's
 * captions neither imply NOFORN nor restrict distribution (LIMDIS, STADIS, ...).
 *
 * @example releasedTo(sRelBgr, 'BGR', ['SIPDIS']) // true
 */
export function releasedTo(
  marking: Marking | null,
  country: string,
  captions: readonly string[],
): boolean {
  if (marking === null || marking.noforn || marking.other.length > 0) return false;
  if (captionsImplyNoforn(captions) || accessesRequired(captions).length > 0) return false;
  return country !== 'USA' && marking.relTo.includes(country);
}

/**
 * The portions of `cable` released to `country` (a trigraph) and nothing else but a reference
 * to the parent; null when nothing is released.
 *
 * @example formatBanner(releasableExtract(seed, 'BGR', rules)!.banner) // 'SECRET//REL TO USA, BGR'
 */
export function releasableExtract(
  cable: Cable,
  country: string,
  rules: MarkingRules,
): ReleasableExtract | null {
  const released: ExtractPortion[] = [];
  for (const p of cablePortions(cable, rules).portions) {
    if (!p.marking || !releasedTo(p.marking, country, cable.captions)) continue;
    const paragraph = p.index >= 0 ? cable.paragraphs[p.index] : undefined;
    released.push({
      field: p.field,
      number: paragraph?.number ?? null,
      marking: p.marking,
      text: paragraph ? paragraph.text : (cable.subject ?? ''),
    });
  }
  if (released.length === 0) return null;
  const rolled = rollUpBanner(
    released.map((p) => p.marking),
    [],
  );
  return {
    kind: 'extract',
    country,
    parent: {
      id: cable.archive?.id ?? null,
      messageReference: cable.messageReference,
      date: cableDate(cable),
    },
    banner: { ...rolled, relTo: ['USA', country] },
    portions: released,
  };
}
