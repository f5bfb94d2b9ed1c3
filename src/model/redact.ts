/** The redacted view of a cable for one reader: only what they may see, banner recomputed. */
import type { Cable, EoLine } from '../format/cable.ts';
import { canSeePortion } from './access.ts';
import { classificationLineFor, securityWarningFor } from './banner-text.ts';
import { rollUpBanner } from './banner.ts';
import { cablePortions } from './cable-portions.ts';
import { formatBanner, toPortionMarking } from './format-marking.ts';
import type { MarkingRules } from './marking-rules.ts';
import type { Marking } from './marking.ts';
import type { Reader } from './reader.ts';

export interface RedactedView {
  readonly kind: 'redacted-view';
  readonly readerId: string;
  /** The banner of what is shown, not of the whole cable. */
  readonly banner: Marking;
  /** Indexes into the original `paragraphs` of the paragraphs shown. */
  readonly shown: readonly number[];
  /**
   * The cable as this reader may see it: visible paragraphs only (canonical marks), classification
   * line, FL4 and archive classification recomputed from the shown banner, no layout hints.
   * Unmarked text (headings, TAGS, REF, summary, passing lines, unmarked subject, and the TO, INFO
   * and XMT addressees with the routing indicators of FL2 — who else was sent it) is treated as an
   * unmarked portion: shown only to a reader cleared for the whole cable. The originator, DTG and
   * message reference stay: they name the cable the reader is shown.
   */
  readonly cable: Cable;
}

/**
 * What `reader` may see of `cable`, or null when they may see no portion: a reader who may see
 * nothing learns nothing, not even that the cable exists.
 *
 * @example redactForReader(seed, parseReaderSpec('CONFIDENTIAL/USA').reader, rules)?.shown // [0, 4, 5, 6]
 */
export function redactForReader(
  cable: Cable,
  reader: Reader,
  rules: MarkingRules,
): RedactedView | null {
  const { portions, unmarked } = cablePortions(cable, rules);
  const visible = portions.filter((p) => canSeePortion(reader, p.effective, cable.captions));
  const shownParagraphs = visible.filter((p) => p.index >= 0);
  if (shownParagraphs.length === 0) return null;
  const unmarkedText = canSeePortion(reader, unmarked, cable.captions);
  const subject = visible.find((p) => p.index === -1);
  const banner = rollUpBanner(
    visible.map((p) => p.effective),
    cable.captions,
  );
  const classified = banner.level !== 'UNCLASSIFIED';
  const paragraphs = shownParagraphs.map((p) => {
    const original = cable.paragraphs[p.index]!;
    return {
      heading: unmarkedText ? original.heading : null,
      number: original.number,
      marking: p.marking ? toPortionMarking(p.marking) : null,
      text: original.text,
    };
  });
  const { layout: _layout, ...rest } = cable;
  const view: Cable = {
    ...rest,
    archive: cable.archive && { ...cable.archive, classification: formatBanner(banner) },
    to: unmarkedText ? cable.to : [],
    info: unmarkedText ? cable.info : [],
    xmt: unmarkedText ? cable.xmt : [],
    header: {
      ...cable.header,
      routingIndicators: unmarkedText ? cable.header.routingIndicators : [],
      securityWarning:
        cable.header.securityWarning === null
          ? null
          : rewriteWarning(cable.header.securityWarning, banner),
    },
    classificationLine: classificationLineFor(banner.level),
    subject: subject ? cable.subject : null,
    subjectMarking: subject?.marking ? toPortionMarking(subject.marking) : null,
    passingLines: unmarkedText ? cable.passingLines : [],
    tags: unmarkedText ? cable.tags : [],
    references: unmarkedText ? cable.references : [],
    summary: unmarkedText ? cable.summary : null,
    classifiedBy: classified ? cable.classifiedBy : null,
    eo: classified ? cable.eo : notApplicable(cable.eo),
    paragraphs,
  };
  return {
    kind: 'redacted-view',
    readerId: reader.id,
    banner,
    shown: shownParagraphs.map((p) => p.index),
    cable: view,
  };
}

/** FL4 of the shown banner, keeping the original's trailing operating signals (`ZZH`). */
function rewriteWarning(written: string, banner: Marking): string {
  const tail = written.trim().split(/\s+/).slice(2).join(' ');
  return [securityWarningFor(banner.level), tail].filter((s) => s !== '').join(' ');
}

/** An unclassified view carries no declassification instruction: `E.O. 12958: N/A`. */
function notApplicable(eo: EoLine | null): EoLine | null {
  if (eo === null) return null;
  return {
    order: eo.order,
    declassifyOn: null,
    event: null,
    notApplicable: true,
    text: `E.O. ${eo.order ?? '12958'}: N/A`,
  };
}
