/** REF lists: `REF: A. STATE 12345 B. 07 PARIS 123 (NOTAL)` read into references and written back. */
import type { Reference } from './cable.ts';
import { canonicalCableId, canonicalStation, KNOWN_STATIONS } from './cable-id.ts';
import { issue } from './issue.ts';
import type { ParseContext } from './parse-context.ts';
import { codeAt } from './chars.ts';

/** Handling captions that may trail a reference, in parentheses or (NOTAL) bare. */
const CAPTIONS = /^(NOTAL|EXDIS|NODIS|LIMDIS|STADIS|SIPDIS|NOFORN|ROGER|CHEROKEE)$/;
/**
 * A label: `A.`, `A)`, `(A)`, `(A )`, `A:` at the start or after a blank, comma or semicolon; glued
 * forms (`A)BRASILIA 1073`, `A.BOGOTA 5486`) too. Only labels in sequence count (see splitItems), so
 * `J. SMITH` or `U.S.` inside an item do not split it.
 */
const LABEL = /(^|[\s,;])(?:\(([A-Za-z]) ?\)|([A-Za-z])\)|([A-Za-z])[.:](?=\s|$|[A-Z0-9]{2}))/g;
/** A label repeated inside its item: `A. A) VATICAN 72`, `A. A: HAVANA 00118`. */
const INNER_LABEL = /^\(?([A-Za-z])[.):]\s+/;
/** A label repeated bare, perhaps after REF: `B. B HAVANA 772`, `A. REF A HAVANA 639` (10HAVANA9). */
const BARE_LABEL = /^(?:REF\s+)?([A-Za-z])\s+/;
/** The year written after the serial in parentheses: `LIMA 4516 (06)`, `THE HAGUE 3350 (2004)`. */
const YEAR_AFTER = /^\s*\((\d{2}|\d{4})\)/;
/** Page markers of multi-page cables that slip into REF blocks: `TRIPOLI 00000064  001.2 OF 004`. */
const PAGE_MARKER = /\s*\b[A-Z][A-Z ]*? \d{8}\s+\d{3}(?:\.\d)? OF \d{3}\b\s*/g;
/** A cable id at the start of a text: optional year, station words, serial. */
const LEADING_ID =
  /^(?:(\d{4}|\d{2})\s*)?([A-Za-z][A-Za-z.' -]*?[A-Za-z])\s*(\d{1,8})(?:\/(\d{2})(?!\d))?(?![\d/-])/;
/** Between two ids of an unlettered list: `STATE 1, STATE 2`, `STATE 1 AND STATE 2`. */
const ID_SEPARATOR = /^\s*(?:,|AND\b|&)?\s*/i;

interface Item {
  readonly label: string | null;
  readonly text: string;
  readonly offset: number; // in the REF text, for the issue's line
}

/**
 * Parses the text of a REF block (everything after `REF:`, lines joined with "\n") into references.
 * `line` is the 1-based line of the `REF:` line, for issues. A reference without a year takes
 * citingYear. Lettered items (`A.`, `A)`, `(A)`, `A:`) give one reference each, read from the
 * item's first cable id; an unlettered list is split at `;` and between cable ids. What is not a cable id
 * (e-mails, telcons, `STATE CA-3400`) is kept with kind "other" and id null.
 *
 * @example parseReferences(ctx, 'A. STATE 12345 B. 07 PARIS 123 (NOTAL)', 20, '08')
 *   // [{ label: 'A', id: '08STATE12345', ... }, { label: 'B', id: '07PARIS123', captions: ['NOTAL'], ... }]
 */
export function parseReferences(
  ctx: ParseContext,
  text: string,
  line: number,
  citingYear: string | null,
): Reference[] {
  const stations = ctx.reference?.stations;
  const unmarked = text.includes('¶') ? text.replace(/¶/g, ' ') : text;
  // A page marker always has a digit, " OF ", a digit in it: most REF blocks skip its slow regex.
  const cleaned = !digitsAroundOf(unmarked)
    ? unmarked
    : unmarked.replace(PAGE_MARKER, (m) => {
        ctx.issues.push(
          issue(
            'ref.page-marker',
            'info',
            `page marker "${m.trim()}" inside the REF block ignored`,
            {
              line,
              field: 'references',
            },
          ),
        );
        return m.includes('\n') ? '\n' : ' ';
      });
  const refs: Reference[] = [];
  for (const item of splitItems(cleaned)) {
    for (const piece of item.label === null ? splitUnlettered(item.text, stations) : [item.text]) {
      const ref = readReference(item.label, piece, citingYear, stations);
      if (ref === null) continue;
      refs.push(ref);
      const where = { line: line + newlinesBefore(text, item.offset), field: 'references' };
      if (ref.kind === 'other')
        ctx.issues.push(
          issue(
            'ref.not-cable',
            'info',
            `reference "${ref.text}" is not a cable id: kept as text`,
            where,
          ),
        );
      else if (ref.id === null)
        ctx.issues.push(
          issue(
            'ref.year.missing',
            'warning',
            `reference "${ref.text}" has no year and the citing cable's year is unknown`,
            where,
          ),
        );
    }
  }
  if (refs.length === 0 && cleaned.trim() !== '')
    ctx.issues.push(
      issue('ref.empty', 'warning', 'REF block holds no reference', { line, field: 'references' }),
    );
  return refs;
}

/** Splits at labels that follow each other (A, B, C … or a repeated letter); other text is one item. */
function splitItems(text: string): Item[] {
  const starts: { index: number; end: number; label: string }[] = [];
  let expected: number | null = null;
  // An exec loop over the shared global regex (left at lastIndex 0 when it stops): matchAll
  // would clone the regex for every REF block.
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m !== null; m = LABEL.exec(text)) {
    const label = (m[2] ?? m[3] ?? m[4] ?? '').toUpperCase();
    const code = codeAt(label, 0);
    const index = m.index + (m[1] ?? '').length;
    const first = starts.length === 0;
    if (
      first
        ? !isBlankOrRef(text.slice(0, index))
        : code !== expected && code !== (expected ?? 0) - 1
    )
      continue;
    starts.push({ index, end: m.index + m[0].length, label });
    expected = code + 1;
  }
  if (starts.length === 0) return [{ label: null, text, offset: 0 }];
  return starts.map((s, i) => {
    let body = text.slice(s.end, starts[i + 1]?.index ?? text.length);
    const inner = INNER_LABEL.exec(body.trimStart());
    if (inner && inner[1]?.toUpperCase() === s.label)
      body = body.trimStart().slice(inner[0].length);
    return { label: s.label, text: body, offset: s.index };
  });
}

/** An unlettered list: `STATE 1; STATE 2`, `10 CARACAS 9, 10 CARACAS 11`, `MADRID 1 AND MADRID 2`. */
function splitUnlettered(text: string, stations: ReadonlySet<string> | undefined): string[] {
  const out: string[] = [];
  for (const part of text.split(';')) {
    let rest = part.trim();
    for (;;) {
      const m = leadingCableId(rest, stations);
      if (!m) break;
      const after = rest.slice(m[0].length);
      const sep = ID_SEPARATOR.exec(after)?.[0] ?? '';
      if (sep === '') break; // the last (or only) id: no second regex run
      if (!leadingCableId(after.slice(sep.length), stations)) break;
      out.push(rest.slice(0, m[0].length));
      rest = after.slice(sep.length);
    }
    out.push(rest);
  }
  return out;
}

function readReference(
  label: string | null,
  written: string,
  citingYear: string | null,
  stations: ReadonlySet<string> | undefined,
): Reference | null {
  const oneLine = (written.includes('\n') ? written.replace(/\s*\n\s*/g, ' ') : written).trim();
  const z = codeAt(oneLine, oneLine.length - 1);
  const text = z === 44 || z === 59 ? oneLine.replace(/\s*[,;]$/, '').trim() : oneLine;
  if (!/[A-Za-z0-9]/.test(text)) return null;
  const captions: string[] = [];
  let core = text;
  // Only a text ending in ")" or "NOTAL" can carry trailing captions.
  while (core.endsWith(')') || core.endsWith('NOTAL')) {
    const m = /\s*\(([A-Z, /]+)\)$|\s+(NOTAL)$/.exec(core);
    const words = (m?.[1] ?? m?.[2] ?? '').split(/[\s,/]+/).filter((w) => w !== '');
    if (!m || words.length === 0 || !words.every((w) => CAPTIONS.test(w))) break;
    captions.unshift(...words);
    core = core.slice(0, m.index);
  }
  let m = leadingCableId(core, stations);
  if (m === null && label !== null) {
    // `B. B HAVANA 772`: the label written again without its dot.
    const bare = BARE_LABEL.exec(core);
    m =
      bare?.[1]?.toUpperCase() === label
        ? leadingCableId(core.slice(bare[0].length), stations)
        : null;
    if (m !== null) core = core.slice(bare?.[0].length ?? 0);
  }
  // `PANAMA 00933/08`, `LIMA 4516 (06)`: the year written after the serial.
  const yearAfter =
    m && m[1] === undefined && m[4] === undefined ? YEAR_AFTER.exec(core.slice(m[0].length)) : null;
  return {
    label,
    id: m
      ? canonicalCableId(
          `${m[1] ?? ''} ${m[2] ?? ''} ${m[3] ?? ''}`,
          m[4] ?? yearAfter?.[1] ?? citingYear,
        )
      : null,
    kind: m ? 'cable' : 'other',
    text,
    captions,
  };
}

/**
 * Renders references as the text after `REF: ` (possibly several lines): one lettered item per
 * line (`A. STATE 12345`), a single unlettered reference as is, several unlettered ones joined
 * with "; ".
 *
 * @example renderReferences(refs) // ['A. STATE 12345', 'B. 07 PARIS 123 (NOTAL)']
 */
export function renderReferences(refs: readonly Reference[]): string[] {
  const lines: string[] = [];
  let unlettered: string[] = [];
  const flush = () => {
    if (unlettered.length > 0) lines.push(unlettered.join('; '));
    unlettered = [];
  };
  for (const ref of refs) {
    if (ref.label === null) unlettered.push(ref.text);
    else {
      flush();
      lines.push(`${ref.label}. ${ref.text}`);
    }
  }
  flush();
  return lines;
}

/**
 * True when `text` starts with a cable id of a known station (`08 CAIRO 2562`, `Brasilia 2233`):
 * tells a reference label `(C) CAIRO 207` from a paragraph marked `(C)`.
 *
 * @example startsWithCableId('CAIRO 207 (D) CAIRO 600') // true
 * @example startsWithCableId('Embassy officials met 3 times') // false
 */
export function startsWithCableId(text: string, stations?: ReadonlySet<string>): boolean {
  return leadingCableId(text, stations) !== null;
}

/** LEADING_ID's match at the start of `text` when it names a known station, else null. */
function leadingCableId(
  text: string,
  stations: ReadonlySet<string> | undefined,
): RegExpExecArray | null {
  const m = LEADING_ID.exec(text);
  return m !== null && known(canonicalStation(m[2] ?? ''), stations) ? m : null;
}

/** Nothing, or the keyword written twice (`REF: REF (A) MADRID 3785`, 05MADRID4026). */
function isBlankOrRef(text: string): boolean {
  const t = text.trim();
  return t === '' || t === 'REF' || t === 'Ref';
}

/** A station the format library or the reference data knows. */
function known(station: string, stations: ReadonlySet<string> | undefined): boolean {
  return KNOWN_STATIONS.has(station) || stations?.has(station) === true;
}

/** Number of line breaks in text[0, end). */
function newlinesBefore(text: string, end: number): number {
  let n = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < end; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

/** True when some " OF " stands between two digits (`001.2 OF 004`). */
function digitsAroundOf(text: string): boolean {
  for (let k = text.indexOf(' OF '); k !== -1; k = text.indexOf(' OF ', k + 1)) {
    const a = codeAt(text, k - 1);
    const b = codeAt(text, k + 4);
    if (a >= 48 && a <= 57 && b >= 48 && b <= 57) return true;
  }
  return false;
}
