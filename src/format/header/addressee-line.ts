/** One FM/TO/INFO/XMT addressee: `RUEHSL/AMEMBASSY BRATISLAVA IMMEDIATE 0000`, read and written. */
import type { Addressee, PrecedenceName } from '../cable.ts';

const PRECEDENCES: readonly PrecedenceName[] = [
  'NIACT IMMEDIATE',
  'IMMEDIATE',
  'PRIORITY',
  'ROUTINE',
  'FLASH',
];

/** Routing indicator before the slash: 3–8 letters (`RUEHSL`, `RHMFISS`, and `ZEN` for "no RI"). */
const RI = /^([A-Z]{3,8})\/(?=\S)/;
/** Message continuity number, also as a range for multi-part cables (`4024-4027`). */
const SERIAL = / (\d{3,5}(?:-\d{3,5})?)$/;

/**
 * Reads one addressee from the text after `TO `/`INFO `/`XMT ` (or a continuation line), trimmed.
 * Returns null when nothing is left to name an addressee.
 *
 * @example parseAddressee('RUEHSL/AMEMBASSY BRATISLAVA IMMEDIATE 0000')
 *   // { routingIndicator: 'RUEHSL', name: 'AMEMBASSY BRATISLAVA', precedence: 'IMMEDIATE', serial: '0000', collective: false }
 */
export function parseAddressee(text: string): Addressee | null {
  let rest = text.trim();
  let routingIndicator: string | null = null;
  const ri = RI.exec(rest);
  if (ri) {
    routingIndicator = ri[1] ?? null;
    rest = rest.slice(ri[0].length);
  }
  let serial: string | null = null;
  const sn = SERIAL.exec(rest);
  if (sn && sn.index > 0) {
    serial = sn[1] ?? null;
    rest = rest.slice(0, sn.index);
  }
  let precedence: PrecedenceName | null = null;
  for (const p of PRECEDENCES)
    if (rest.endsWith(` ${p}`)) {
      precedence = p;
      rest = rest.slice(0, -p.length - 1);
      break;
    }
  const name = rest.trim();
  if (name === '') return null;
  return { routingIndicator, name, precedence, serial, collective: /\bCOLLECTIVE$/.test(name) };
}

/** The addressee as one header line's text (without `TO `). */
export function renderAddressee(a: Addressee, gap = 1): string {
  const name = a.routingIndicator === null ? a.name : `${a.routingIndicator}/${a.name}`;
  const tail = [
    ...(a.precedence === null ? [] : [a.precedence]),
    ...(a.serial === null ? [] : [a.serial]),
  ].join(' ');
  return tail === '' ? name : `${name}${' '.repeat(gap)}${tail}`;
}
