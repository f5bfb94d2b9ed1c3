/** Parses the transmission header (ACP 127 format lines 1–9) from whatever fragment a cable has. */
import type { Addressee, TransmissionHeader } from '../cable.ts';
import { codeAt, isSpace } from '../chars.ts';
import { issue } from '../issue.ts';
import type { ParseContext } from '../parse-context.ts';
import { parseAddressee } from './addressee-line.ts';
import { dtgToIso, DTG_PATTERN, isValidFiled } from './dtg.ts';
import { canonicalRiWrap, type HeaderLayout } from './header-layout.ts';
import {
  BARE_DTG,
  checkSecurityWarning,
  DISTRIBUTION,
  DISTRIBUTION_MORE,
  DTG_WITH_SIGNALS,
  FL2,
  FL3,
  FL4,
  FL5,
  mayBePreamble,
  PAGE,
  PREAMBLE,
  PREAMBLE_AFTER_HEADER,
  RI_LINE,
} from './header-lines.ts';

export interface HeaderFields {
  readonly header: TransmissionHeader;
  readonly from: Addressee | null;
  readonly to: readonly Addressee[];
  readonly info: readonly Addressee[];
  readonly xmt: readonly Addressee[];
  readonly layout: Readonly<Record<string, unknown>> | undefined;
}

/** The archive's note before truncated cables. */
export const PARTIAL_EXTRACT_NOTE =
  'This record is a partial extract of the original cable. The full text of the original cable is not available.';

type Section = 'none' | 'fl2' | 'to' | 'info' | 'xmt' | 'distribution' | 'duplicate';

interface Draft {
  channel: string | null;
  precedence: string | null;
  routingIndicators: string[];
  station: string | null;
  serial: string | null;
  stationSection: string | null;
  filed: string | null;
  securityWarning: string | null;
  dtgPrecedence: string | null;
  dtgText: string | null;
  dtg: string | null;
  operatingSignals: string | null;
  partialExtract: boolean;
}

/**
 * What the header reader's helpers share (module-level functions, not closures: closures made per
 * cable cost a function object each, and under tsx a name definition each too).
 */
interface Run {
  readonly ctx: ParseContext;
  readonly lists: Record<'to' | 'info' | 'xmt', Addressee[]>;
  readonly pad: Record<string, number>;
  readonly gap: Record<string, number>;
  /** Index of the next line the renderer will write. */
  out: number;
}

function report(
  ctx: ParseContext,
  code: string,
  message: string,
  i: number,
  severity: 'warning' | 'info',
  column = 1 + Math.max(0, (ctx.lines[i] ?? '').search(/\S/)),
): void {
  ctx.issues.push(issue(code, severity, message, { line: i + 1, column, field: 'header' }));
}

function emit(r: Run, raw: string, text: string): void {
  if (raw.length > text.length) r.pad[String(r.out)] = raw.length - text.length;
  r.out++;
}

function duplicate(ctx: ParseContext, i: number, what: string): boolean {
  report(ctx, 'header.line.duplicate', `second ${what} line ignored`, i, 'info');
  return true;
}

// Some posts put two spaces between the PLAD and the precedence: a spacing hint, not data.
function noteGap(r: Run, a: Addressee, written: string): void {
  const w = written.trim();
  const from = w.indexOf(a.name) + a.name.length - 1; // the name's last letter
  const n = gapAt(w, from < 0 ? Math.max(0, w.length + from) : from);
  if (n > 0) r.gap[String(r.out)] = n;
}

function addTo(r: Run, list: 'to' | 'info' | 'xmt', text: string, i: number): boolean {
  const a = parseAddressee(text);
  if (a === null) return false;
  r.lists[list].push(a);
  noteGap(r, a, text);
  if (mayHaveLowerCase(a.name) && a.name !== a.name.toUpperCase())
    report(r.ctx, 'header.addressee.case', `addressee "${a.name}" is not upper case`, i, 'info');
  return true;
}

/**
 * Reads lines [start, end) of ctx.lines as a transmission header. Every field present is read,
 * whatever the order or fragment (partial extracts, 1970s headers without FL1–FL4); lines that
 * are not header lines are reported as `header.*` issues and skipped. Never throws.
 *
 * @example parseHeader(ctx, 6, 21).header.dtg // '2008-09-16T16:57Z' for the seed
 */
export function parseHeader(ctx: ParseContext, start: number, end: number): HeaderFields {
  const d: Draft = {
    channel: null,
    precedence: null,
    routingIndicators: [],
    station: null,
    serial: null,
    stationSection: null,
    filed: null,
    securityWarning: null,
    dtgPrecedence: null,
    dtgText: null,
    dtg: null,
    operatingSignals: null,
    partialExtract: false,
  };
  let from: Addressee | null = null;
  const r: Run = {
    ctx,
    lists: { to: [], info: [], xmt: [] },
    pad: {},
    gap: {},
    out: 0,
  };
  const lists = r.lists;
  const blankAt: number[] = [];
  const riWrap: number[] = [];
  let xmtSlash = false;
  let section: Section = 'none';
  let preamble = false;
  let lastList: 'to' | 'info' | 'xmt' | null = null;

  for (let i = Math.max(0, start); i < end && i < ctx.lines.length; i++) {
    // Everything after archive or media-partner material is skipped.
    if (preamble) break;
    const raw = ctx.lines[i] ?? '';
    const text = trimBlanksEnd(raw);
    const c0 = codeAt(text, 0);
    if (text === '' && !raw.includes('\t')) {
      blankAt.push(r.out);
      emit(r, raw, text);
      section = 'none';
      continue;
    }
    if (
      mayBePreamble(raw) &&
      (PREAMBLE.test(raw) ||
        ((from !== null || lists.to.length > 0) && PREAMBLE_AFTER_HEADER.test(raw)))
    ) {
      preamble = true;
      report(
        ctx,
        'header.preamble',
        'archive or media-partner material before the text skipped (not part of the telegram)',
        i,
        'info',
      );
      continue;
    }
    // Fast path for the commonest line, an addressee continuing a TO/INFO list.
    if (
      (section === 'to' || section === 'info' || section === 'xmt') &&
      !hasLowerCase(text) &&
      !startsWithListKeyword(text)
    ) {
      if (addTo(r, section, text, i)) emit(r, raw, text);
      continue;
    }
    if (text.startsWith('This record is a partial extract')) {
      if (d.partialExtract) duplicate(ctx, i, 'partial-extract note');
      else {
        d.partialExtract = true;
        emit(r, raw, text);
        if (text !== PARTIAL_EXTRACT_NOTE)
          report(ctx, 'header.extract.note', 'partial-extract note worded unusually', i, 'info');
      }
      section = 'none';
      continue;
    }
    if (text.startsWith('VZCZC')) {
      if (d.channel !== null) duplicate(ctx, i, 'FL1');
      else {
        d.channel = text;
        emit(r, raw, text);
        if (!/^VZCZC[A-Z]{3}\d{3,4}$/.test(text))
          report(
            ctx,
            'header.channel.unusual',
            `FL1 "${text}" is not VZCZC + trigraph + 3–4 digits`,
            i,
            'info',
          );
      }
      section = 'none';
      continue;
    }
    // FL2 (`RR RUEHXX …`), FL4 (`ZNY …`), FL5 (`O 161657Z …`, a bare DTG), distribution lists,
    // page headers and TO/INFO/XMT keywords are told apart by their first characters first.
    const mayBeFl2 = codeAt(text, 2) === 32 && codeAt(text, 3) === 82;
    if (mayBeFl2 && d.precedence !== null && section !== 'fl2' && FL2.test(text)) {
      duplicate(ctx, i, 'FL2');
      continue;
    }
    const fl2 = mayBeFl2 && section === 'none' && d.precedence === null ? FL2.exec(text) : null;
    if (fl2) {
      d.precedence = fl2[1] ?? null;
      const ris = (fl2[2] ?? '').trim().split(' ');
      d.routingIndicators.push(...ris);
      riWrap.push(ris.length);
      if (!/^(ZZ|OO|PP|RR)$/.test(d.precedence ?? ''))
        report(
          ctx,
          'header.prosign.unusual',
          `FL2 prosign "${d.precedence ?? ''}" is not ZZ, OO, PP or RR`,
          i,
          'info',
        );
      emit(r, raw, text);
      section = 'fl2';
      continue;
    }
    if (section === 'fl2' && c0 === 82 && RI_LINE.test(text)) {
      const ris = text.split(' ');
      d.routingIndicators.push(...ris);
      riWrap.push(ris.length);
      emit(r, raw, text);
      continue;
    }
    if (text.startsWith('DE ')) {
      section = 'none';
      if (d.station !== null) {
        duplicate(ctx, i, 'FL3');
        continue;
      }
      const m = FL3.exec(text);
      if (!m) {
        report(
          ctx,
          'header.fl3.invalid',
          `FL3 "${text}" is not DE RI #SSSS[/NN] JJJHHMM`,
          i,
          'warning',
        );
        continue;
      }
      d.station = m[1] ?? null;
      d.serial = m[2] ?? null;
      d.stationSection = m[3] ?? null;
      d.filed = m[4] ?? null;
      if (d.filed !== null && !isValidFiled(d.filed))
        report(
          ctx,
          'header.filed.invalid',
          `time of file "${d.filed}" is not a day of year and time`,
          i,
          'warning',
          text.lastIndexOf(d.filed) + 1,
        );
      emit(r, raw, text);
      continue;
    }
    if (c0 === 90 && codeAt(text, 1) === 78 && FL4.test(text)) {
      section = 'none';
      if (d.securityWarning !== null) duplicate(ctx, i, 'FL4');
      else {
        d.securityWarning = text;
        checkSecurityWarning(text, i, (code, message, at, severity) => {
          report(ctx, code, message, at, severity);
        });
        emit(r, raw, text);
      }
      continue;
    }
    const fl5 = isPrecedenceLetter(c0)
      ? FL5.exec(text)
      : c0 >= 48 && c0 <= 57 && BARE_DTG.test(text)
        ? [text, undefined, text]
        : null;
    if (fl5) {
      section = 'none';
      if (d.dtgText !== null) duplicate(ctx, i, 'FL5');
      else {
        d.dtgPrecedence = fl5[1] ?? null;
        d.dtgText = fl5[2] ?? null;
        // Operating signals may follow a well-formed DTG: `O 201519Z AUG 06 ZDK`.
        const signals = DTG_WITH_SIGNALS.exec(d.dtgText ?? '');
        if (signals) {
          d.dtgText = signals[1] ?? null;
          d.operatingSignals = signals[2] ?? null;
        }
        d.dtg = dtgToIso(d.dtgText ?? '');
        if (d.dtg === null || !DTG_PATTERN.test(d.dtgText ?? ''))
          report(
            ctx,
            'header.dtg.invalid',
            `date-time group "${d.dtgText ?? ''}" is not a real DDHHMMZ MON YY`,
            i,
            'warning',
            text.length - (d.dtgText ?? '').length + 1,
          );
        emit(r, raw, text);
      }
      continue;
    }
    if (text.startsWith('FM ')) {
      section = 'none';
      if (from !== null) duplicate(ctx, i, 'FM');
      else {
        from = parseAddressee(text.slice(3));
        if (from !== null) {
          noteGap(r, from, text.slice(3));
          emit(r, raw, text);
        }
      }
      continue;
    }
    if ((c0 === 65 || c0 === 73 || c0 === 79) && DISTRIBUTION.test(text)) {
      section = 'distribution';
      report(
        ctx,
        'header.distribution.skipped',
        'Department distribution list (office codes) skipped',
        i,
        'info',
      );
      continue;
    }
    if (section === 'distribution' && DISTRIBUTION_MORE.test(raw)) continue;
    if (section === 'duplicate' && text !== '' && !hasLowerCase(text)) continue;
    if (c0 === 80 && PAGE.test(text)) {
      report(
        ctx,
        'header.page.skipped',
        'page header inside the transmission header skipped',
        i,
        'info',
      );
      continue;
    }
    const keyword = c0 === 84 || c0 === 73 || c0 === 88 ? listKeyword(text) : null;
    if (keyword) {
      const list = keyword[1] === 'TO' ? 'to' : keyword[1] === 'INFO' ? 'info' : 'xmt';
      const rest = (keyword[3] ?? keyword[4] ?? '').trim();
      // A second TO or INFO block is a copy (cables.csv rows repeat the header): keep the first.
      if (list !== 'xmt' && lists[list].length > 0 && section !== list) {
        duplicate(ctx, i, list.toUpperCase());
        section = 'duplicate';
        continue;
      }
      if (keyword[4] !== undefined)
        report(
          ctx,
          'header.keyword.glued',
          `"${list.toUpperCase()}" is glued to its first addressee`,
          i,
          'warning',
          keyword[1].length + 1,
        );
      if (list === 'xmt' && keyword[2] === '/') xmtSlash = true;
      section = list;
      lastList = list;
      if (PAGE.test(rest)) {
        report(
          ctx,
          'header.page.skipped',
          'page header inside the transmission header skipped',
          i,
          'info',
        );
        continue;
      }
      if (rest === '' || addTo(r, list, rest, i)) emit(r, raw, text);
      continue;
    }
    if (
      (section === 'to' || section === 'info' || section === 'xmt') &&
      text !== '' &&
      !hasLowerCase(text)
    ) {
      if (addTo(r, section, text, i)) emit(r, raw, text);
      continue;
    }
    // A blank line inside a long addressee list: RI/PLAD lines after it still belong to the list.
    if (section === 'none' && lastList !== null && /^[A-Z]{3,8}\/[^a-z]+$/.test(text)) {
      section = lastList;
      if (addTo(r, section, text, i)) emit(r, raw, text);
      continue;
    }
    report(
      ctx,
      'header.line.unknown',
      `line not understood as a header line: "${text.slice(0, 60)}"`,
      i,
      'warning',
    );
  }

  const header: { -readonly [K in keyof TransmissionHeader]: TransmissionHeader[K] } = {
    channel: d.channel,
    precedence: d.precedence,
    routingIndicators: d.routingIndicators,
    station: d.station,
    serial: d.serial,
    stationSection: d.stationSection,
    filed: d.filed,
    securityWarning: d.securityWarning,
    dtgPrecedence: d.dtgPrecedence,
    dtgText: d.dtgText,
    dtg: d.dtg,
  };
  // Optional keys last, assigned (not spread) so the key order stays the same.
  if (d.operatingSignals !== null) header.operatingSignals = d.operatingSignals;
  if (d.partialExtract) header.partialExtract = true;
  const contentLines = r.out - blankAt.length;
  // Only what differs from the canonical layout is kept; written key by key (no spreads).
  const layout: { -readonly [K in keyof HeaderLayout]: HeaderLayout[K] } = {};
  let hints = false;
  if (
    contentLines === 0 ? blankAt.length !== 0 : blankAt.length !== 1 || blankAt[0] !== contentLines
  ) {
    layout.blankAt = blankAt;
    hints = true;
  }
  if (Object.keys(r.pad).length > 0) {
    layout.pad = r.pad;
    hints = true;
  }
  if (Object.keys(r.gap).length > 0) {
    layout.gap = r.gap;
    hints = true;
  }
  if (
    riWrap.length !== 0 &&
    !sameNumbers(riWrap, canonicalRiWrap(d.precedence, d.routingIndicators))
  ) {
    layout.riWrap = riWrap;
    hints = true;
  }
  if (xmtSlash) {
    layout.xmtSlash = true;
    hints = true;
  }
  return {
    header,
    from,
    to: lists.to,
    info: lists.info,
    xmt: lists.xmt,
    layout: hints ? layout : undefined,
  };
}

/** True when both lists hold the same numbers in the same order. */
function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `text` without the blanks (spaces, TABs) it ends with: what `replace(/[ \t]+$/, '')` gives. */
function trimBlanksEnd(text: string): string {
  let e = text.length;
  for (let c = codeAt(text, e - 1); c === 32 || c === 9; c = codeAt(text, --e - 1));
  return e === text.length ? text : text.slice(0, e);
}

/** True when `text` holds a lower-case ASCII letter. */
function hasLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

/** `TO`, `INFO`, `XMT` or `PAGE` as the first word (what `^(?:TO|INFO|XMT|PAGE)\b` matches). */
function startsWithListKeyword(text: string): boolean {
  const c = codeAt(text, 0);
  const n =
    c === 84 && text.startsWith('TO')
      ? 2
      : c === 73 && text.startsWith('INFO')
        ? 4
        : c === 88 && text.startsWith('XMT')
          ? 3
          : c === 80 && text.startsWith('PAGE')
            ? 4
            : 0;
  return n > 0 && !isWordChar(codeAt(text, n));
}

function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 // _
  );
}

/** Z, O, P, R, M: the precedence letters that open FL5. */
function isPrecedenceLetter(c: number): boolean {
  return c === 90 || c === 79 || c === 80 || c === 82 || c === 77;
}

/**
 * The run of two or more spaces right after `text[from]`, when it is the first run of spaces
 * followed by a non-blank from `from` on (what `/ {2,}(?=\S)/` finds at index 1 of
 * `text.slice(from)`); 0 otherwise.
 */
function gapAt(text: string, from: number): number {
  if (spaceRunAt(text, from) > 0) return 0;
  return spaceRunAt(text, from + 1);
}

/** Length of a run of 2+ spaces starting at `at` and followed by a non-blank, else 0. */
function spaceRunAt(text: string, at: number): number {
  if (codeAt(text, at) !== 32 || codeAt(text, at + 1) !== 32) return 0;
  let k = at + 2;
  while (codeAt(text, k) === 32) k++;
  return k < text.length && !isSpace(text.charCodeAt(k)) ? k - at : 0;
}

/** False when `text` is plain ASCII without a-z (then it is its own upper case). */
function mayHaveLowerCase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c > 127) return true;
  }
  return false;
}

type KeywordMatch = readonly [
  string,
  string,
  string | undefined,
  string | undefined,
  string | undefined,
];

/**
 * What `/^(TO|INFO|XMT)(?:([ /])(.*)|(?=R[A-Z]{3,7}\/)(.*))?$/.exec(text)` gives, by hand: the
 * keyword, the blank or slash after it and the rest, or the rest glued to the keyword when an
 * RI follows at once (`TORUEHC/…`).
 */
function listKeyword(text: string): KeywordMatch | null {
  const word = text.startsWith('TO')
    ? 'TO'
    : text.startsWith('INFO')
      ? 'INFO'
      : text.startsWith('XMT')
        ? 'XMT'
        : null;
  if (word === null) return null;
  const n = word.length;
  if (n === text.length) return [text, word, undefined, undefined, undefined];
  if (hasLineTerminator(text, n)) return null; // `.` stops at a line terminator, `$` needs the end
  const c = codeAt(text, n);
  if (c === 32 || c === 47) return [text, word, text[n], text.slice(n + 1), undefined];
  if (c === 82 && /^R[A-Z]{3,7}\//.test(text.slice(n)))
    return [text, word, undefined, undefined, text.slice(n)];
  return null;
}

function hasLineTerminator(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}
