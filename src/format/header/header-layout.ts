/** Spacing hints of a parsed transmission header: where blank lines and trailing blanks stood. */

/**
 * Stored at cable.layout.header. Only spacing: which output lines are blank, trailing spaces,
 * how the FL2 routing indicators were wrapped, `XMT/` instead of `XMT `. Every line's text is
 * still generated from the fields.
 */
export interface HeaderLayout {
  /** 0-based indexes, among the header's output lines, of the blank lines. */
  readonly blankAt?: readonly number[];
  /** Trailing spaces by output line index (also on blank lines made of spaces). */
  readonly pad?: Readonly<Record<string, number>>;
  /** Spaces between PLAD and precedence/serial by output line index, where more than one. */
  readonly gap?: Readonly<Record<string, number>>;
  /** How many routing indicators each FL2 line carried (first line has the prosign too). */
  readonly riWrap?: readonly number[];
  /** Exemptions were written `XMT/AMEMBASSY SOFIA` rather than `XMT AMEMBASSY SOFIA`. */
  readonly xmtSlash?: boolean;
}

/** FL2 lines are filled up to this width, the wrapping seen in 341 of 342 wrapped corpus FL2s. */
export const FL2_WIDTH = 70;

/** Counts of routing indicators per FL2 line when filled greedily to FL2_WIDTH. */
export function canonicalRiWrap(precedence: string | null, ris: readonly string[]): number[] {
  const counts: number[] = [];
  let width = precedence === null ? -1 : precedence.length;
  let count = 0;
  for (const ri of ris) {
    if (count > 0 && width + 1 + ri.length > FL2_WIDTH) {
      counts.push(count);
      count = 0;
      width = -1;
    }
    width += 1 + ri.length;
    count++;
  }
  if (count > 0 || counts.length === 0) counts.push(count);
  return counts;
}

/** Reads a layout stored by the parser; anything malformed is ignored, so rendering stays canonical. */
export function readHeaderLayout(
  value: Readonly<Record<string, unknown>> | undefined,
): HeaderLayout {
  if (value === undefined) return {};
  const numbers = (v: unknown): number[] | undefined =>
    Array.isArray(v) && v.every((n) => Number.isInteger(n) && (n as number) >= 0)
      ? (v as number[])
      : undefined;
  const blankAt = numbers(value.blankAt);
  const riWrap = numbers(value.riWrap);
  const counts = (v: unknown): Record<string, number> => {
    const out: Record<string, number> = {};
    if (typeof v === 'object' && v !== null)
      for (const [k, n] of Object.entries(v))
        if (Number.isInteger(n) && (n as number) > 0) out[k] = n as number;
    return out;
  };
  const pad = counts(value.pad);
  const gap = counts(value.gap);
  return {
    ...(blankAt ? { blankAt } : {}),
    ...(Object.keys(pad).length > 0 ? { pad } : {}),
    ...(Object.keys(gap).length > 0 ? { gap } : {}),
    ...(riWrap ? { riWrap } : {}),
    ...(value.xmtSlash === true ? { xmtSlash: true } : {}),
  };
}
