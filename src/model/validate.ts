/** validateCable: every rule that keeps a cable's classification, handling and format honest, as issues. */
import type { Cable } from '../format/cable.ts';
import type { Issue } from '../format/issue.ts';
import type { MarkingRules } from './marking-rules.ts';
import { validateDeclassification } from './validate-declassification.ts';
import { validateHeader } from './validate-header.ts';
import { validateMarkings } from './validate-markings.ts';
import { validateTags } from './validate-tags.ts';

/**
 * All validation issues of a cable (codes documented in docs/markings.md). Pure; never throws on
 * bad data. The cable's own date is its DTG, else the archive `created` date.
 *
 * @example validateCable(buildCable(), rules) // []
 */
export function validateCable(cable: Cable, rules: MarkingRules): Issue[] {
  return [
    ...validateMarkings(cable, rules),
    ...validateDeclassification(cable),
    ...validateHeader(cable),
    ...validateTags(cable, rules),
  ];
}
