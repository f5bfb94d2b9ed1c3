/** What the captions of a cable mean for its marking and its readers. */

/** Captions that make the whole cable NOFORN (NOFORN itself; NODIS and EXDIS imply it). */
export const NOFORN_CAPTIONS: ReadonlySet<string> = new Set(['NOFORN', 'NODIS', 'EXDIS']);

/**
 * Captions that restrict nobody: SIPDIS widens distribution, NOFORN is a dissemination control
 * handled on its own, LOU, SENSITIVE (SBU) and SENSITIVE BUT UNCLASSIFIED are administrative
 * markings that the portion marks already carry, CODEL names a congressional-delegation channel
 * for routing, not a readership. Every other caption (NODIS, EXDIS, LIMDIS, STADIS, CHEROKEE and
 * any caption we do not know) needs the matching access: fail closed.
 */
const FREE_CAPTIONS: ReadonlySet<string> = new Set([
  'SIPDIS',
  'NOFORN',
  'LOU',
  'SENSITIVE',
  'SENSITIVE BUT UNCLASSIFIED',
  'CODEL',
]);

/** Normalised caption word: upper case, single spaces. */
export function normalizeCaption(caption: string): string {
  return caption.trim().toUpperCase().replace(/\s+/g, ' ');
}

/**
 * True when any caption makes the cable NOFORN.
 *
 * @example captionsImplyNoforn(['SIPDIS', 'NODIS']) // true
 */
export function captionsImplyNoforn(captions: readonly string[]): boolean {
  return captions.some((c) => NOFORN_CAPTIONS.has(normalizeCaption(c)));
}

/**
 * The caption accesses a reader must hold for a cable with these captions.
 *
 * @example accessesRequired(['SIPDIS', 'EXDIS']) // ['EXDIS']
 */
export function accessesRequired(captions: readonly string[]): string[] {
  return [...new Set(captions.map(normalizeCaption))].filter(
    (c) => c !== '' && !FREE_CAPTIONS.has(c),
  );
}
