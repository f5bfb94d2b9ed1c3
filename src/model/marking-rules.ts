/** The reference facts the marking rules need (countries, coalitions, TAGS): a port implemented by directory/. */

/**
 * What model/ needs to know about the world. Implemented from reference/*.csv by
 * `directory/marking-rules.ts`; tests may supply a small real table.
 */
export interface MarkingRules {
  /** Trigraph or coalition code for a country name, trigraph or coalition code as written; undefined if unknown. */
  relToCode(nameOrCode: string): string | undefined;
  /** Trigraph for a FIPS 10-4 digraph (`GM` → DEU), the geographic TAG codes some cables put in REL lists. */
  fipsCountry(digraph: string): string | undefined;
  /** True for a coalition code (NATO, FVEY, EU, ISAF, ...). */
  isCoalition(code: string): boolean;
  /** True for a known country trigraph (USA, BGR, ...). */
  isCountry(trigraph: string): boolean;
  /**
   * Member trigraphs of a coalition as of an ISO date (the cable's date), or undefined when the
   * coalition must stay an atom: not decomposable (EU), no published membership (ISAF), or no
   * membership known for that date. Undefined is the fail-closed answer: nobody matches an atom.
   */
  coalitionMembers(code: string, asOf?: string): readonly string[] | undefined;
  /** True for a known TAG (subject, program, country, organisation; person TAGS by their prefix). */
  knownTag(code: string): boolean;
  /** True for a known subject TAG (the kind every cable needs at least one of). */
  subjectTag(code: string): boolean;
}
