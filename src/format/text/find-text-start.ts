/** Where the telegram text begins: the classification banner, or the first text line of a partial extract. */
import type { ParseContext } from '../parse-context.ts';
import { findBannerInLine, readBanner } from './banner.ts';
import {
  captionWords,
  isClassifiedBy,
  isEoLine,
  subjectKeyword,
  tagsKeyword,
} from './line-kind.ts';
import { isBlank } from './text-line.ts';

/** Lines that belong to a transmission header or a media-partner preamble, never to the text. */
const HEADERISH =
  /^(?:PAGE \d|VZCZC|DE [A-Z]{4}|FM |TO |INFO |XMT |ACTION |ZNY |ZNR |[A-Z]{1,2} \d{6}Z|R \d|O \d|P \d|\d{4,}\s*$|id:|date:|refid:|header:|<<)/;

/**
 * Index of the banner line at or after `start`, or of the first text line when there is no banner
 * (partial extracts start at SIPDIS, the E.O. line or a folded `E.o. 12958: decl: … Tags: …` line).
 * A letter-spaced banner or one with an MRN wins over anything earlier; a bare `CONFIDENTIAL` counts
 * only when text lines, not header lines, follow it. -1 when nothing text-like exists.
 *
 * @example findTextStart(ctx, 6) // 22 for the seed (`S E C R E T STATE 098975`)
 */
export function findTextStart(ctx: ParseContext, start: number): number {
  const lines = ctx.lines;
  let fallback = -1;
  let weak = -1;
  const limit = lines.length;
  for (let i = start; i < limit; i++) {
    const text = lines[i]!;
    if (isBlank(text)) continue;
    if (fallback !== -1 && i - fallback > 60) break;
    const banner = bannerAt(text);
    if (banner === 'strong') return i;
    if (banner === 'weak') {
      if (weak === -1 && followedByText(lines, i + 1)) weak = i;
      continue;
    }
    if (fallback === -1 && isTextLine(text.trimStart())) fallback = i;
  }
  if (weak !== -1 && (fallback === -1 || weak < fallback)) return weak;
  return fallback;
}

function bannerAt(text: string): 'strong' | 'weak' | null {
  const c = text.charCodeAt(0);
  // Banners start with C, S, T, U, L (or a blank, a broken `O N F…`): other lines skip the regexes.
  if (
    c === 67 ||
    c === 83 ||
    c === 84 ||
    c === 85 ||
    c === 76 ||
    c === 79 ||
    c === 99 ||
    c === 115 ||
    c === 32 ||
    c === 9 ||
    c === 34 ||
    c === 0xa0 ||
    c === 0x2028
  ) {
    const at = readBanner(text);
    if (at) return at.strong ? 'strong' : at.rest.trim() === '' ? 'weak' : null;
  }
  // Glued media preambles: `Cable dated:…S E C R E T`, `","C O N…`, a cables.csv row with TABs.
  const digit = c >= 48 && c <= 57; // a record number glued before the banner: `167579C O N F…`
  if (text.length < 12 || !(digit || mayBeGlued(text))) return null;
  return findBannerInLine(text)?.strong ? 'strong' : null;
}

/**
 * A TAB, a quote or `Cable dated` in the line. Three native searches: a character loop over every
 * transmission header line cost more than all three.
 */
function mayBeGlued(text: string): boolean {
  return text.includes('\t') || text.includes('"') || text.includes('Cable dated');
}

function isTextLine(text: string): boolean {
  const c = text.charCodeAt(0);
  // E.O., TAGS, SUBJECT, Classified By, SIPDIS (and lower-case folds): other lines rule out at once.
  if (
    c !== 69 &&
    c !== 101 &&
    c !== 84 &&
    c !== 116 &&
    c !== 83 &&
    c !== 115 &&
    c !== 67 &&
    c !== 99 &&
    c !== 40
  )
    return false;
  return (
    isEoLine(text) ||
    tagsKeyword(text) > 0 ||
    subjectKeyword(text) > 0 ||
    isClassifiedBy(text) ||
    (captionWords(text)?.includes('SIPDIS') ?? false)
  );
}

/** A bare classification line is a banner only when captions, E.O., TAGS or prose follow, not header lines. */
function followedByText(lines: readonly string[], from: number): boolean {
  for (let i = from; i < lines.length && i < from + 8; i++) {
    const t = lines[i]!.trimStart();
    if (t === '') continue;
    if (HEADERISH.test(t)) return false;
    return true;
  }
  return false;
}
