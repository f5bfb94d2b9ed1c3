/** Renders the transmission header lines from the fields, with the parser's spacing hints if any. */
import type { Addressee, Cable } from '../cable.ts';
import { renderAddressee } from './addressee-line.ts';
import { isoToDtg } from './dtg.ts';
import { canonicalRiWrap, readHeaderLayout } from './header-layout.ts';
import { PARTIAL_EXTRACT_NOTE } from './parse-header.ts';

/**
 * The header's lines (no trailing newline on each), honouring cable.layout?.header spacing hints.
 * Canonical form (no hints): FL1–FL5, FM, one line per TO/INFO/XMT addressee, then one blank
 * line before the text; nothing at all when the cable has no header field.
 *
 * @example renderHeader(seed).slice(0, 3) // ['VZCZCXYZ0003', 'OO RUEHWEB', '']
 */
export function renderHeader(cable: Cable): string[] {
  const h = cable.header;
  const layout = readHeaderLayout(cable.layout?.header);
  const lines: string[] = [];
  if (h.partialExtract === true) lines.push(PARTIAL_EXTRACT_NOTE);
  if (h.channel !== null) lines.push(h.channel);
  if (h.precedence !== null || h.routingIndicators.length > 0)
    lines.push(...fl2Lines(cable, layout.riWrap));
  if (h.station !== null || h.serial !== null || h.filed !== null) {
    const serial =
      h.serial === null
        ? ''
        : ` #${h.serial}${h.stationSection === null ? '' : `/${h.stationSection}`}`;
    lines.push(`DE ${h.station ?? ''}${serial}${h.filed === null ? '' : ` ${h.filed}`}`);
  }
  if (h.securityWarning !== null) lines.push(h.securityWarning);
  const dtgText = h.dtgText ?? (h.dtg === null ? null : isoToDtg(h.dtg));
  const fl5 =
    dtgText === null || h.operatingSignals === undefined
      ? dtgText
      : `${dtgText} ${h.operatingSignals}`;
  if (fl5 !== null) lines.push(h.dtgPrecedence === null ? fl5 : `${h.dtgPrecedence} ${fl5}`);
  // Output line index of each line is known only after blanks are placed: gaps are keyed by
  // that index, so addressee lines are rendered once the blank positions are known.
  const blankAt = layout.blankAt;
  const outIndex = (contentIndex: number): number => {
    if (blankAt === undefined) return contentIndex;
    let index = contentIndex;
    for (const b of [...blankAt].sort((x, y) => x - y)) if (b <= index) index++;
    return index;
  };
  const addressee = (a: Addressee) =>
    renderAddressee(a, layout.gap?.[String(outIndex(lines.length))] ?? 1);
  if (cable.from !== null) lines.push(`FM ${addressee(cable.from)}`);
  const list = (keyword: string, addressees: Cable['to']) => {
    addressees.forEach((a, i) => {
      lines.push(i === 0 ? `${keyword}${addressee(a)}` : addressee(a));
    });
  };
  list('TO ', cable.to);
  list('INFO ', cable.info);
  cable.xmt.forEach((a) => {
    lines.push(`${layout.xmtSlash === true ? 'XMT/' : 'XMT '}${addressee(a)}`);
  });
  return space(lines, layout.blankAt ?? (lines.length === 0 ? [] : [lines.length]), layout.pad);
}

function fl2Lines(cable: Cable, wrap: readonly number[] | undefined): string[] {
  const { precedence, routingIndicators: ris } = cable.header;
  const total = (wrap ?? []).reduce((a, b) => a + b, 0);
  const counts =
    wrap !== undefined && total === ris.length ? wrap : canonicalRiWrap(precedence, ris);
  const lines: string[] = [];
  let at = 0;
  counts.forEach((n, i) => {
    const part = ris.slice(at, at + n);
    at += n;
    lines.push((i === 0 && precedence !== null ? [precedence, ...part] : part).join(' '));
  });
  return lines;
}

/** Puts blank lines at their output positions and restores trailing spaces. */
function space(
  content: readonly string[],
  blankAt: readonly number[],
  pad: Readonly<Record<string, number>> | undefined,
): string[] {
  const blanks = new Set(blankAt);
  const out: string[] = [];
  let next = 0;
  const total = content.length + blanks.size;
  for (let i = 0; i < total; i++) out.push(blanks.has(i) ? '' : (content[next++] ?? ''));
  while (next < content.length) out.push(content[next++] ?? '');
  if (pad !== undefined)
    for (const [k, n] of Object.entries(pad)) {
      const i = Number(k);
      if (out[i] !== undefined) out[i] += ' '.repeat(n);
    }
  return out;
}
