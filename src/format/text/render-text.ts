/** Renders the telegram text lines, banner to signature, from the fields (layout hints for spacing only). */
import type { Cable, Paragraph } from '../cable.ts';
import { renderReferences } from '../references.ts';
import { renderBanner } from './banner.ts';
import { renderClassifiedBy } from './classified-by.ts';
import { renderEoLine } from './eo-line.ts';
import { renderTags } from './tags.ts';
import { readTextLayout, type ParagraphSpacing, type TextLayout } from './text-layout.ts';

interface Unit {
  readonly lines: readonly string[];
  /** Blank lines before the unit in canonical form. */
  readonly canonicalGap: number;
}

/**
 * The text's lines, banner to signature and trailing blank lines, honouring cable.layout?.text
 * spacing hints. A drafted cable (no layout) renders canonically:
 * banner, blank, captions, E.O., TAGS, SUBJECT, REF, blank, Classified By, blank, paragraphs.
 *
 * @example renderText(parseCable(seed).cable)[0] // 'S E C R E T STATE 098975'
 */
export function renderText(cable: Cable): string[] {
  const layout = readTextLayout(cable.layout?.text);
  const units: Unit[] = [];
  const add = (lines: readonly string[], canonicalGap: number) => {
    units.push({ lines, canonicalGap: units.length === 0 ? 0 : canonicalGap });
  };
  if (
    cable.classificationLine !== null ||
    cable.messageReference !== null ||
    cable.section !== null
  )
    add(
      [
        renderBanner(
          cable.classificationLine ?? 'UNCLASSIFIED',
          cable.section,
          cable.messageReference,
        ) + (layout.bannerTail ?? ''),
      ],
      0,
    );
  const afterBanner = () => (units.length === 1 ? 1 : 0);

  const eoCaptions =
    cable.eo !== null ? Math.min(layout.eoCaptions ?? 0, cable.captions.length) : 0;
  let eoLead = cable.captions.slice(cable.captions.length - eoCaptions);
  let groups = cable.captions.slice(0, cable.captions.length - eoCaptions).map((c) => [c]);
  // Caption lines by index (shared or repeated lines), used only while they still cover every caption.
  const refs = layout.captionRefs;
  const eoRefs = cable.eo !== null ? (layout.eoCaptionRefs ?? null) : null;
  if (refs !== undefined) {
    const n = cable.captions.length;
    const lead = eoRefs ?? [...Array(eoCaptions).keys()].map((k) => n - eoCaptions + k);
    const used = new Set([...refs.flat(), ...lead]);
    if ([...used].every((k) => k < n) && used.size === n) {
      groups = refs.map((r) => r.map((k) => cable.captions[k]!));
      eoLead = lead.map((k) => cable.captions[k]!);
    }
  }
  const tail = (list: readonly string[] | undefined, i: number, n: number) =>
    list !== undefined && list.length === n ? (list[i] ?? '') : '';
  groups.forEach((g, i) => {
    add([g.join(' ') + tail(layout.captionTails, i, groups.length)], afterBanner());
  });
  cable.passingLines.forEach((p, i) => {
    add([p + tail(layout.passingTails, i, cable.passingLines.length)], afterBanner());
  });
  if (cable.eo !== null) {
    add([[...eoLead, renderEoLine(cable.eo)].join(' ')], afterBanner());
  }
  if (cable.tags.length > 0 || layout.tagsPad !== undefined)
    add(
      [
        `${layout.tagsKey ?? 'TAGS:'}${layout.tagsPad ?? ' '}${renderTags(cable.tags, layout.tagsSep ?? ', ')}${cable.tags.length > 0 ? (layout.tagsTail ?? '') : ''}`,
      ],
      afterBanner(),
    );
  if (cable.subject !== null) add(subjectLines(cable, layout), afterBanner());
  if (cable.references.length > 0) {
    const refs = renderReferences(cable.references);
    const lines = [`${layout.refKey ?? 'REF: '}${refs[0] ?? ''}`, ...refs.slice(1)];
    const tails = layout.refTails;
    if (tails !== undefined && tails.length === lines.length)
      for (let k = 0; k < lines.length; k++) lines[k] = `${lines[k]!}${tails[k]!}`;
    add(lines, afterBanner());
  }
  const inParagraph =
    layout.classifiedByIn !== undefined &&
    layout.classifiedByIn < cable.paragraphs.length &&
    /^CLASSIFIED\s+BY\b/i.test(cable.paragraphs[layout.classifiedByIn]!.text);
  if (cable.classifiedBy !== null && !inParagraph) add(renderClassifiedBy(cable.classifiedBy), 1);

  const headUnits = units.length;
  const spacing =
    layout.paragraphs !== undefined && layout.paragraphs.length === cable.paragraphs.length
      ? layout.paragraphs
      : undefined;
  cable.paragraphs.forEach((p, i) => {
    if (p.heading !== null) add(p.heading.split('\n'), 1);
    add(paragraphLines(p, spacing?.[i] ?? 0), 1);
  });
  const inline =
    layout.signerInline !== undefined && units.length > 0 && cable.paragraphs.length > 0;
  if (cable.signers.length > 0 && inline) {
    const lastUnit = units[units.length - 1]!;
    const lines = [...lastUnit.lines];
    lines[lines.length - 1] =
      `${lines[lines.length - 1] ?? ''}${layout.signerInline ?? ' '}${cable.signers.join(layout.signerSep ?? '/')}`;
    units[units.length - 1] = { ...lastUnit, lines };
  } else if (cable.signers.length > 0) {
    const sigTail = layout.signerTail ?? '';
    if (layout.signerSep !== undefined) add([cable.signers.join(layout.signerSep) + sigTail], 1);
    else for (const [i, s] of cable.signers.entries()) add([s + sigTail], i === 0 ? 1 : 0);
  }

  const gaps =
    layout.gaps !== undefined && layout.gaps.length === units.length ? layout.gaps : undefined;
  const blank = layout.blank ?? '';
  const headBlank = layout.headBlank ?? blank;
  const out: string[] = [];
  units.forEach((u, i) => {
    const gap = gaps?.[i] ?? u.canonicalGap;
    for (let g = 0; g < gap; g++) out.push(i < headUnits ? headBlank : blank);
    out.push(...u.lines);
  });
  const trailing = layout.trailing ?? 2;
  for (let t = 0; t < trailing; t++) out.push('');
  return out;
}

function subjectLines(cable: Cable, layout: TextLayout): string[] {
  const subject = cable.subject ?? '';
  const mark = cable.subjectMarking
    ? `${cable.subjectMarking.raw}${layout.subjectMarkSep ?? ' '}`
    : '';
  const key = layout.subjectKey ?? 'SUBJECT: ';
  const breaks = (layout.subjectBreaks ?? []).filter(
    (b, i, all) =>
      b > 0 && b < subject.length && subject[b] === ' ' && (i === 0 || b > all[i - 1]!),
  );
  const pieces: string[] = [];
  let from = 0;
  for (const b of breaks.length === (layout.subjectBreaks ?? []).length ? breaks : []) {
    pieces.push(subject.slice(from, b));
    from = b + 1;
  }
  pieces.push(subject.slice(from));
  const lines = [`${key}${mark}${pieces[0] ?? ''}`, ...pieces.slice(1)];
  const tails = layout.subjectTails;
  if (tails !== undefined && tails.length === lines.length)
    for (let i = 0; i < lines.length; i++) lines[i] = `${lines[i]!}${tails[i]!}`;
  return lines;
}

function paragraphLines(p: Paragraph, spacing: ParagraphSpacing | 0): string[] {
  const [pre, afterNum, afterMark] =
    spacing === 0 ? ['', p.number === null ? '' : ' ', ' '] : spacing;
  const lines = p.text.split('\n');
  const mark = p.marking ? `${p.marking.raw}${afterMark}` : '';
  const head = p.number !== null ? `${pre}${p.number}.${afterNum}${mark}` : `${pre}${mark}`;
  return [`${head}${lines[0] ?? ''}`, ...lines.slice(1)];
}
