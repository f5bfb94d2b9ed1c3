export type * from './cable.ts';
export type { Issue, Severity } from './issue.ts';
export { issue, hasErrors } from './issue.ts';
export type { FormatReference } from './reference.ts';
export { parseCable, emptyCable, type ParseOptions } from './parse-cable.ts';
export { renderCable } from './render-cable.ts';
export { canonicalCableId } from './cable-id.ts';
export { parsePortionMarking } from './portion-mark.ts';
