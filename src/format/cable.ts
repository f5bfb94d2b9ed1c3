/** The structured cable: every field the telegram format carries, as plain readonly data. */
import type { Issue } from './issue.ts';

/** The five metadata lines of an archive record (Cablegate layout). Verbatim strings. */
export interface ArchiveMeta {
  readonly id: string; // canonical id, e.g. 08STATE98975
  /** The archive's own reference id as written on line 1 when it differs from the canonical id
   * (WikiLeaks ids such as `08SCTION02OF02SAOPAULO335`); absent when they are the same. */
  readonly referenceId?: string;
  readonly created: string | null; // as written, e.g. "2008-09-16 16:04"
  readonly released: string | null;
  readonly classification: string | null; // e.g. "SECRET//NOFORN"
  readonly origin: string | null; // e.g. "Secretary of State"
}

/** ACP 127 format lines 1–5. Null where absent; never guessed. */
export interface TransmissionHeader {
  readonly channel: string | null; // FL1 "VZCZCXYZ0003"
  readonly precedence: string | null; // FL2 prosign digraph "OO"
  readonly routingIndicators: readonly string[]; // FL2 RIs ["RUEHWEB"]
  readonly station: string | null; // FL3 originating station RI "RUEHC"
  readonly serial: string | null; // FL3 station serial "8975"
  readonly stationSection: string | null; // FL3 "/01" section, "01"
  readonly filed: string | null; // FL3 time of file as written "2601705" (JJJHHMM)
  readonly securityWarning: string | null; // FL4 "ZNY SSSSS ZZH"
  readonly dtgPrecedence: string | null; // FL5 precedence letters "O" or "O P"
  readonly dtgText: string | null; // FL5 as written "161657Z SEP 08"
  readonly dtg: string | null; // ISO 8601 "2008-09-16T16:57Z"
  /** FL5 operating signals after the DTG, as written ("ZDK", "ZFR ZFR ZFR"); absent when none. */
  readonly operatingSignals?: string;
  /**
   * The archive's note "This record is a partial extract of the original cable…" stood before
   * the header: the cable is truncated. Absent (never false) when there is no such note.
   */
  readonly partialExtract?: true;
}

/** Precedence names as written on addressee lines. */
export type PrecedenceName = 'FLASH' | 'NIACT IMMEDIATE' | 'IMMEDIATE' | 'PRIORITY' | 'ROUTINE';

/** One FM/TO/INFO/XMT line. */
export interface Addressee {
  readonly routingIndicator: string | null; // "RUEHSL"; null when the line has no RI
  readonly name: string; // PLAD "AMEMBASSY BRATISLAVA" or collective name
  readonly precedence: PrecedenceName | null;
  readonly serial: string | null; // message continuity number "0000"
  readonly collective: boolean; // name ends in COLLECTIVE
}

/** Classification levels, lowest first. */
export type Level = 'UNCLASSIFIED' | 'CONFIDENTIAL' | 'SECRET' | 'TOP SECRET';

/**
 * A portion mark as parsed from the text: syntax only. `model/` normalises it
 * (country names to trigraphs, coalitions expanded, canonical form).
 */
export interface PortionMarking {
  readonly raw: string; // as written, with parentheses: "(S/REL BULGARIA, CZECH REPUBLIC)"
  readonly level: Level | null; // null when the level token is unreadable
  readonly sbu: boolean; // SBU / SBU NOFORN / FOUO-like administrative control
  readonly noforn: boolean;
  readonly relTo: readonly string[]; // REL TO entries as written, upper-cased and trimmed
  readonly relToCodes: readonly string[]; // REL TO as ISO trigraphs/coalition codes where resolvable
  readonly other: readonly string[]; // any further controls as written (e.g. "ORCON")
}

/** Caption and handling lines of the text header. */
export type Caption =
  'SIPDIS' | 'NODIS' | 'EXDIS' | 'LIMDIS' | 'STADIS' | 'NOFORN' | 'LOU' | 'CHEROKEE';

export interface EoLine {
  readonly order: string | null; // "12958", "13526", "11652"
  readonly declassifyOn: string | null; // ISO date "2033-09-16" when a date is given
  readonly event: string | null; // event or exemption text when not a date ("1.6X1", "OADR", ...)
  readonly notApplicable: boolean; // "N/A"
  readonly text: string; // the line as written
}

export type TagKind = 'subject' | 'program' | 'country' | 'organization' | 'person' | 'unknown';

export interface Tag {
  readonly code: string; // canonical "PREL", "CH", "OVIP (STEINBERG, JAMES B.)"
  readonly kind: TagKind;
  readonly raw: string; // as written
}

export type ReferenceKind = 'cable' | 'other';

export interface Reference {
  readonly label: string | null; // "A", "B"; null for a single reference
  readonly id: string | null; // canonical cable id "07PARIS123" when kind is cable
  readonly kind: ReferenceKind;
  readonly text: string; // as written "07 PARIS 123 (NOTAL)"
  readonly captions: readonly string[]; // trailing "NOTAL", "EXDIS", ...
}

export interface ClassifiedBy {
  readonly names: readonly string[]; // ["Patricia A. McNerney"]
  readonly position: string | null; // "ISN"
  readonly reasons: readonly string[]; // ["1.4(b)", "1.4(d)"]
  readonly text: string; // the line(s) as written
}

/** One numbered (or unnumbered) paragraph of the body. */
export interface Paragraph {
  /** Free text between the previous paragraph and this one: dividers, headings ("---- SUMMARY ----"). */
  readonly heading: string | null;
  readonly number: string | null; // "1", "3.A"; null for an unnumbered paragraph
  readonly marking: PortionMarking | null; // null when unmarked
  readonly text: string; // paragraph text without number and mark
}

/** The whole cable. Fields absent from the input are null or empty arrays. */
export interface Cable {
  readonly kind: 'cable';
  readonly archive: ArchiveMeta | null;
  readonly header: TransmissionHeader;
  readonly from: Addressee | null;
  readonly to: readonly Addressee[];
  readonly info: readonly Addressee[];
  readonly xmt: readonly Addressee[];
  readonly classificationLine: string | null; // banner as written "S E C R E T", "UNCLAS"
  readonly messageReference: string | null; // "STATE 098975"
  readonly section: { readonly number: number; readonly of: number } | null;
  readonly captions: readonly string[];
  readonly passingLines: readonly string[]; // "DEPT FOR EUR/RUS"
  readonly eo: EoLine | null;
  readonly tags: readonly Tag[];
  readonly subject: string | null;
  readonly subjectMarking: PortionMarking | null;
  readonly references: readonly Reference[];
  readonly classifiedBy: ClassifiedBy | null;
  readonly summary: string | null;
  readonly paragraphs: readonly Paragraph[];
  readonly signers: readonly string[];
  /**
   * Small spacing hints recorded by the parser so that a parsed cable renders back byte for byte
   * (e.g. a caption sharing the E.O. line, padding after `TAGS:`). Never a copy of the text:
   * the renderer builds every line from the fields and only consults these for spacing choices.
   * Absent on drafted cables, which render in canonical form.
   */
  readonly layout?: CableLayout;
}

/** Spacing hints, one part per half of the telegram; each half owns its own shape. */
export interface CableLayout {
  readonly header?: Readonly<Record<string, unknown>>;
  readonly text?: Readonly<Record<string, unknown>>;
}

/** Result of parsing: whatever could be read, plus the issues found. Never throws. */
export interface ParseResult {
  readonly cable: Cable;
  readonly issues: readonly Issue[];
}
