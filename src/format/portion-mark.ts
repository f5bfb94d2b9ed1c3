/** Portion marks `(S//REL TO USA, BGR)`: syntax only; model/ normalises what this reads. */
import type { Level, PortionMarking } from './cable.ts';
import type { FormatReference } from './reference.ts';

/** Level tokens as written (upper-cased), longest first so `TS` wins over `T…` and `SBU` over `S`. */
const LEVELS: readonly (readonly [string, Level, boolean])[] = [
  ['TOP SECRET', 'TOP SECRET', false],
  ['CONFIDENTIAL', 'CONFIDENTIAL', false],
  ['UNCLASSIFIED', 'UNCLASSIFIED', false],
  ['UNCLAS', 'UNCLASSIFIED', false],
  ['SECRET', 'SECRET', false],
  ['SBU', 'UNCLASSIFIED', true],
  ['TS', 'TOP SECRET', false],
  ['C', 'CONFIDENTIAL', false],
  ['S', 'SECRET', false],
  ['U', 'UNCLASSIFIED', false],
];

/** Controls that mean NOFORN. `N` only ever follows SBU in State usage (`SBU-N`, `SBU/N`). */
const NOFORN = new Set(['NF', 'NOFORN', 'N', 'NOFORNDIS']);
/** Administrative controls that make an unclassified portion SBU-like. */
const SBU_LIKE = new Set(['SBU', 'FOUO', 'LOU', 'SENSITIVE']);
/**
 * Further dissemination controls and non-IC markings a State or IC portion mark may carry. A token
 * after a single `/` or a space must be one of these (or NOFORN/REL) for the text to count as a
 * mark: otherwise `(U/S)` (Under Secretary) would read as UNCLASSIFIED.
 */
const OTHER = new Set([
  'ORCON',
  'OC',
  'FGI',
  'PROPIN',
  'PR',
  'IMCON',
  'IMC',
  'RELIDO',
  'EYES ONLY',
  'DISPLAY ONLY',
  'NODIS',
  'EXDIS',
  'LIMDIS',
  'STADIS',
  'SPECAT',
  'ND',
  'XD',
  'DS',
  'RD',
  'FRD',
  'CNWDI',
  'SI',
  'TK',
  'HCS',
  'FISA',
  'RSEN',
  'DEA SENSITIVE',
  'LES',
]);

/**
 * Parses a portion mark as written, with its parentheses: `(U)`, `(C/NF)`, `(S//NF)`,
 * `(S/REL BULGARIA, CZECH REPUBLIC)`, `(SECRET//REL TO USA, GBR)`, `(SBU)`, `(SBU-N)`, `(TS)`,
 * lower case too. REL TO entries are kept as written (upper-cased, trimmed; "AND" separates like a
 * comma) and, where `reference` resolves them, as codes in `relToCodes`.
 * Returns null when the text is not a portion mark (`(1)`, `(NOTE)`, `(U/S)`).
 *
 * @example parsePortionMarking('(S//REL TO USA, GBR)')?.relTo // ['USA', 'GBR']
 */
export function parsePortionMarking(
  raw: string,
  reference?: FormatReference,
): PortionMarking | null {
  const written = raw.trim();
  if (written.length < 3 || written[0] !== '(' || !written.endsWith(')')) return null;
  const inner = written.slice(1, -1).trim().toUpperCase();
  const lead = readLevel(inner);
  if (lead === null) return null;
  const state: MarkState = {
    sbu: lead.sbu,
    noforn: false,
    relTo: [],
    other: [],
    inRel: false,
  };
  // Split the rest on slashes; a run of two or more is IC style (`//`), where any token is a control.
  const rest = inner.slice(lead.length);
  const parts = rest.split(/(\/+)/);
  let icStyle = false;
  for (let i = 0; i < parts.length; i += 2) {
    const segment = parts[i]!.replace(/^[\s,-]+|[\s,]+$/g, '');
    const separator = i === 0 ? '' : parts[i - 1]!;
    if (separator.length >= 2) icStyle = true;
    if (segment === '') continue;
    if (!readSegment(segment, state, icStyle || separator.length >= 2)) return null;
  }
  const relToCodes: string[] = [];
  if (reference)
    for (const entry of state.relTo) {
      const code = reference.relToCode(entry);
      if (code !== undefined && !relToCodes.includes(code)) relToCodes.push(code);
    }
  return {
    raw: written,
    level: lead.level,
    sbu: state.sbu,
    noforn: state.noforn,
    relTo: state.relTo,
    relToCodes,
    other: state.other,
  };
}

interface MarkState {
  sbu: boolean;
  noforn: boolean;
  relTo: string[];
  other: string[];
  /** True once a REL segment was read: later unknown slash segments extend its list (`REL TO NATO/AUS`). */
  inRel: boolean;
}

interface Lead {
  readonly level: Level | null;
  readonly sbu: boolean;
  readonly length: number;
}

/** The level token at the start of the mark, or null when the text does not start like a mark. */
function readLevel(inner: string): Lead | null {
  for (const [token, level, sbu] of LEVELS) {
    if (!inner.startsWith(token)) continue;
    const next = inner.charAt(token.length);
    if (next === '' || next === '/' || next === ' ' || next === '-' || next === ',')
      return { level, sbu, length: token.length };
  }
  // No readable level but clearly a mark: `(NF)`, `(//NF)`, `(REL TO USA, GBR)`, `(FOUO)`.
  const stripped = inner.replace(/^\/+/, '');
  if (
    NOFORN.has(stripped) ||
    /^REL(EASABLE)?\b/.test(stripped) ||
    /^[A-Z]+\/\/?(NF|NOFORN)$/.test(stripped)
  )
    return { level: null, sbu: false, length: inner.length - stripped.length };
  if (SBU_LIKE.has(stripped)) return { level: null, sbu: true, length: inner.length };
  return null;
}

/** Reads one slash-separated segment into the state; false when it is not marking syntax. */
function readSegment(segment: string, state: MarkState, icStyle: boolean): boolean {
  const rel = /^REL(?:EASABLE)?(?:\s+TO)?(?:\s+|$)/.exec(segment);
  if (rel) {
    state.inRel = true;
    pushRel(state, segment.slice(rel[0].length));
    return true;
  }
  if (NOFORN.has(segment)) {
    state.noforn = true;
    return true;
  }
  if (SBU_LIKE.has(segment)) {
    state.sbu = true;
    return true;
  }
  // Space-separated controls within one segment: `SBU NOFORN`, `S NF` (level already taken).
  const words = segment.split(/[\s-]+/);
  if (words.length > 1 && words.every((w) => NOFORN.has(w) || SBU_LIKE.has(w) || OTHER.has(w))) {
    for (const w of words) readSegment(w, state, icStyle);
    return true;
  }
  if (OTHER.has(segment)) {
    state.other.push(segment);
    return true;
  }
  if (state.inRel && /^[A-Z][A-Z .'&-]*$/.test(segment)) {
    pushRel(state, segment);
    return true;
  }
  if (icStyle && /^[A-Z0-9][A-Z0-9 .-]*$/.test(segment)) {
    state.other.push(segment);
    return true;
  }
  return false;
}

function pushRel(state: MarkState, list: string): void {
  for (const part of list.split(','))
    for (const entry of part.split(/(?:^|\s)AND(?:\s|$)/)) {
      const e = entry.trim().replace(/\s+/g, ' ');
      if (e !== '') state.relTo.push(e);
    }
}
