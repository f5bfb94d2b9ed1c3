/** Canonical cable ids (`08STATE98975`). OWNED BY the header helper — placeholder. */

/**
 * Canonical id of a raw id or reference: `07 PARIS 123` → `07PARIS123`,
 * `08SCTION02OF02SAOPAULO335` → `08SAOPAULO335`, `08SECSTATE98975` → `08STATE98975`.
 * Returns null when no cable id can be read.
 */
export function canonicalCableId(_raw: string, _citingYear?: string | null): string | null {
  throw new Error('canonicalCableId: not implemented yet');
}
