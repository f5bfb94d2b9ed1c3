/** The real marking rules (reference/*.csv through directory/) for tests of model/, which may not import directory/ itself. */
import { markingRules } from '../../src/directory/marking-rules.ts';
import type { MarkingRules } from '../../src/model/marking-rules.ts';

/** The rules every model test runs against: the vendored tables, not a stub. */
export const rules: MarkingRules = markingRules();
