/** A problem found in input: data, never an exception. Codes are stable; messages are for people. */
export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  /** Stable machine code, e.g. `header.dtg.invalid`. Never reworded once published. */
  readonly code: string;
  readonly severity: Severity;
  /** 1-based line in the input text; 0 when the issue concerns the whole cable. */
  readonly line: number;
  /** 1-based column; 0 when not meaningful. */
  readonly column: number;
  /** Field path the issue concerns, e.g. `eo.declassifyOn` or `paragraphs[2].marking`. */
  readonly field?: string;
  readonly message: string;
}

/** Builds an issue; keeps call sites short and the shape uniform. */
export function issue(
  code: string,
  severity: Severity,
  message: string,
  where: { line?: number; column?: number; field?: string } = {},
): Issue {
  const line = where.line ?? 0;
  const column = where.column ?? 0;
  // Two literals rather than a conditional spread (which builds and copies a third object).
  return where.field === undefined
    ? { code, severity, line, column, message }
    : { code, severity, line, column, field: where.field, message };
}

/** True when any issue is an error. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
