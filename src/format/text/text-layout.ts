/** Spacing hints of the text half (cable.layout.text): never text, only small layout choices. */

/** Per-paragraph spacing: before the number (`¶`, indent), after `N.`, after the mark. */
export type ParagraphSpacing = readonly [string, string, string];

export interface TextLayout {
  /** Whitespace after the banner. */
  readonly bannerTail?: string;
  /** Blank lines before each rendered unit (banner, caption lines, passing lines, E.O., …). */
  readonly gaps?: readonly number[];
  /** What a blank line holds ("" or " "); `headBlank` for the header part when it differs. */
  readonly blank?: string;
  readonly headBlank?: string;
  /** The captions (by index) on each caption line, when not one new caption per line (shared or repeated). */
  readonly captionRefs?: readonly (readonly number[])[];
  /** The captions (by index) written before `E.O.` when one of them repeats an earlier caption line. */
  readonly eoCaptionRefs?: readonly number[];
  /** Number of captions written before `E.O.` on the E.O. line (`SIPDIS E.O. 12958: …`). */
  readonly eoCaptions?: number;
  /** The TAGS keyword as written when not `TAGS:` (`TAGS`, `Tags:`). */
  readonly tagsKey?: string;
  readonly tagsPad?: string;
  readonly tagsTail?: string;
  /** Trailing blanks of each caption line, passing line and subject line. */
  readonly captionTails?: readonly string[];
  readonly passingTails?: readonly string[];
  readonly subjectTails?: readonly string[];
  readonly refTails?: readonly string[];
  readonly tagsSep?: string;
  /** Keyword as written, with its spacing: "SUBJECT: ", "SUBJ:  ". */
  readonly subjectKey?: string;
  /** Spacing between a subject's portion mark and its text. */
  readonly subjectMarkSep?: string;
  /** Offsets in the subject where the original wrapped onto a new line. */
  readonly subjectBreaks?: readonly number[];
  readonly refKey?: string;
  readonly paragraphs?: readonly (ParagraphSpacing | 0)[];
  /** Index of the paragraph that carries the Classified By text (old cables: `1. CLASSIFIED BY …`). */
  readonly classifiedByIn?: number;
  /** Separator when several signers share one line ("/"). */
  readonly signerSep?: string;
  /** Trailing blanks of the signature line. */
  readonly signerTail?: string;
  /** Spacing before a signature written at the end of the last paragraph line (`… comment. RICE`). */
  readonly signerInline?: string;
  /** Blank lines after the last line. */
  readonly trailing?: number;
}

/** Reads hints back from the untyped record, dropping anything malformed (fail closed: canonical). */
export function readTextLayout(record: Readonly<Record<string, unknown>> | undefined): TextLayout {
  if (!record) return {};
  // Hints may only ever carry spacing and keywords: anything else is dropped (fail closed).
  const str = (k: string, ok: RegExp) => {
    const v = record[k];
    return typeof v === 'string' && ok.test(v) ? v : undefined;
  };
  const space = /^[ \t]*$/;
  const num = (k: string): number | undefined => {
    const v = record[k];
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
  };
  const spaces = (k: string) => {
    const v = record[k];
    return Array.isArray(v) && v.every((x) => typeof x === 'string' && space.test(x))
      ? (v as string[])
      : undefined;
  };
  const refLists = (k: string) => {
    const v = record[k];
    return Array.isArray(v) &&
      v.every(
        (r) =>
          Array.isArray(r) &&
          r.length > 0 &&
          r.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0),
      )
      ? (v as number[][])
      : undefined;
  };
  const nums = (k: string) => {
    const v = record[k];
    return Array.isArray(v) &&
      v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)
      ? (v as number[])
      : undefined;
  };
  const paras = record.paragraphs;
  const paragraphs =
    Array.isArray(paras) &&
    paras.every(
      (p) =>
        p === 0 ||
        (Array.isArray(p) &&
          p.length === 3 &&
          typeof p[0] === 'string' &&
          /^[ \t¶]*$/.test(p[0]) &&
          typeof p[1] === 'string' &&
          space.test(p[1]) &&
          typeof p[2] === 'string' &&
          space.test(p[2])),
    )
      ? (paras as (ParagraphSpacing | 0)[])
      : undefined;
  const out: Record<string, unknown> = {
    bannerTail: str('bannerTail', space),
    gaps: nums('gaps'),
    blank: str('blank', space),
    headBlank: str('headBlank', space),
    captionRefs: refLists('captionRefs'),
    eoCaptionRefs: nums('eoCaptionRefs'),
    eoCaptions: num('eoCaptions'),
    tagsKey: str('tagsKey', /^TAGS?[ \t]*:?$/i),
    tagsPad: str('tagsPad', space),
    tagsTail: str('tagsTail', space),
    captionTails: spaces('captionTails'),
    passingTails: spaces('passingTails'),
    subjectTails: spaces('subjectTails'),
    refTails: spaces('refTails'),
    tagsSep: str('tagsSep', /^[ ,;]+$/),
    subjectKey: str('subjectKey', /^SUBJ(?:ECT)?[ \t]*:?[ \t]*$/i),
    subjectMarkSep: str('subjectMarkSep', space),
    subjectBreaks: nums('subjectBreaks'),
    refKey: str('refKey', /^REF(?:S|\(S\)|TELS?|ERENCES?)?[ \t]*:?[ \t]*$/i),
    paragraphs,
    classifiedByIn: num('classifiedByIn'),
    signerSep: str('signerSep', /^ ?\/ ?$/),
    signerTail: str('signerTail', space),
    signerInline: str('signerInline', /^[ \t]+$/),
    trailing: num('trailing'),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
