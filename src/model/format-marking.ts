/** Canonical text of a normalised marking: portion form `S//REL TO USA, BGR`, banner form `SECRET//REL TO USA, BGR`. */
import type { PortionMarking } from '../format/cable.ts';
import { LEVEL_ABBREVIATION } from './levels.ts';
import type { Marking } from './marking.ts';

/**
 * The portion form, without parentheses: level abbreviation, then the dissemination controls
 * (`ORCON/NF`, `REL TO USA, BGR, CZE`). SBU portions read `SBU`, `SBU//NF`.
 *
 * @example formatMarking({ kind: 'marking', level: 'SECRET', sbu: false, noforn: false, relTo: ['USA', 'BGR'], other: [] }) // 'S//REL TO USA, BGR'
 */
export function formatMarking(m: Marking): string {
  const head = m.level === 'UNCLASSIFIED' && m.sbu ? 'SBU' : LEVEL_ABBREVIATION[m.level];
  return join(head, controls(m, 'NF'));
}

/** The portion form in parentheses, as written before a paragraph. @example formatPortionMark(m) // '(S//NF)' */
export function formatPortionMark(m: Marking): string {
  return `(${formatMarking(m)})`;
}

/**
 * The banner form: full level name, then `SBU`, then the controls with NOFORN spelt out.
 *
 * @example formatBanner({ kind: 'marking', level: 'SECRET', sbu: false, noforn: true, relTo: [], other: [] }) // 'SECRET//NOFORN'
 */
export function formatBanner(m: Marking): string {
  const head = m.level === 'UNCLASSIFIED' && m.sbu ? 'UNCLASSIFIED//SBU' : m.level;
  return join(head, controls(m, 'NOFORN'));
}

function controls(m: Marking, noforn: string): string[] {
  const out = [...m.other];
  if (m.noforn) out.push(noforn);
  else if (m.relTo.length > 0) out.push(`REL TO ${m.relTo.join(', ')}`);
  return out;
}

function join(head: string, controls: readonly string[]): string {
  return controls.length === 0 ? head : `${head}//${controls.join('/')}`;
}

/**
 * A PortionMarking carrying the canonical form, for views and extracts that show canonical marks.
 *
 * @example toPortionMarking(m).raw // '(S//REL TO USA, BGR)'
 */
export function toPortionMarking(m: Marking): PortionMarking {
  return {
    raw: formatPortionMark(m),
    level: m.level,
    sbu: m.sbu,
    noforn: m.noforn,
    relTo: m.relTo,
    relToCodes: m.relTo,
    other: m.other,
  };
}
