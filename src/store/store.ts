/** The archive store port: what the services need from persistence, independent of the database. */
import type { Cable, Issue } from '../format/index.ts';
import type { Marking } from '../model/marking.ts';
import type { Reader } from '../model/reader.ts';
import type { SearchQuery } from './search-query.ts';

/** Kind of a searchable unit of a cable. */
export type PortionKind = 'subject' | 'summary' | 'paragraph';

/** One searchable portion of a cable as the importer prepared it (marking already normalised). */
export interface PortionInput {
  readonly kind: PortionKind;
  /** Paragraph number as written ("3", "3.A"); null for the subject, summary and unnumbered paragraphs. */
  readonly number: string | null;
  /**
   * The normalised marking. An unmarked portion carries the banner level with no REL TO
   * (fail closed: a foreign reader never sees it) and `marked: false`.
   */
  readonly marking: Marking;
  readonly marked: boolean;
  readonly text: string;
}

/** A cable ready to be stored: the original bytes beside everything derived from them. */
export interface CableInput {
  readonly id: string;
  /** The file's text exactly as read (decoded UTF-8); kept byte for byte. */
  readonly raw: string;
  /** SHA-256 of the raw bytes, hex. Decides unchanged versus updated. */
  readonly sha256: string;
  readonly cable: Cable;
  readonly issues: readonly Issue[];
  /** The cable's date, YYYY-MM-DD: the DTG date, else the archive "created" date. */
  readonly date: string | null;
  /** Originating station as in the id ("STATE" for 08STATE98975). */
  readonly origin: string | null;
  /** Canonical banner marking of the whole cable. */
  readonly banner: Marking;
  readonly captions: readonly string[];
  readonly portions: readonly PortionInput[];
}

/** What `putCables` did with one item. */
export type PutOutcome = 'imported' | 'unchanged' | 'updated';

/** One stored portion with its marking. */
export interface StoredPortion {
  readonly ordinal: number;
  readonly kind: PortionKind;
  readonly number: string | null;
  readonly marking: Marking;
  readonly marked: boolean;
  readonly text: string;
}

/** One stored version of a cable. */
export interface StoredCable {
  readonly kind: 'stored-cable';
  readonly id: string;
  readonly version: number;
  readonly current: boolean;
  readonly sha256: string;
  readonly raw: string;
  readonly cable: Cable;
  readonly issues: readonly Issue[];
  readonly date: string | null;
  readonly origin: string | null;
  /** Canonical banner of the whole cable (never shown as such to a reader who sees less). */
  readonly banner: Marking;
  readonly captions: readonly string[];
  readonly importedAt: string;
  readonly portions: readonly StoredPortion[];
}

/** A version's identity, for `versions(id)`. */
export interface VersionInfo {
  readonly version: number;
  readonly current: boolean;
  readonly sha256: string;
  readonly importedAt: string;
}

/** One REF entry of a cable with its resolution against the archive. */
export interface OutgoingReference {
  readonly label: string | null;
  readonly text: string;
  /** Canonical id of the cited cable; null for a non-cable reference (a telcon, an e-mail). */
  readonly targetId: string | null;
  /** True when the cited cable is stored (and, through the service, visible to the reader). */
  readonly resolved: boolean;
}

/** The reference graph around one cable (current versions only). */
export interface ReferenceGraph {
  readonly outgoing: readonly OutgoingReference[];
  /** Ids of stored cables whose REF lists this cable, unfiltered: the service filters by reader. */
  readonly citedBy: readonly string[];
}

/** A distinct (portion marking, cable captions) combination; every portion belongs to one. */
export interface AccessClass {
  readonly id: number;
  readonly marking: Marking;
  readonly captions: readonly string[];
}

export type SearchSort = 'relevance' | 'date';

export interface SearchPage {
  readonly sort: SearchSort;
  /** 1-based page number. */
  readonly page: number;
  readonly size: number;
}

/** A run of snippet text; `match` marks a highlighted query term. */
export interface SnippetPart {
  readonly text: string;
  readonly match: boolean;
}

export interface SearchHit {
  readonly id: string;
  readonly date: string | null;
  readonly origin: string | null;
  /** Null unless the reader may see the subject portion. */
  readonly subject: string | null;
  /** Banner recomputed from the portions this reader may see, e.g. "UNCLASSIFIED". */
  readonly banner: string;
  /** From visible matching portions only. */
  readonly snippets: readonly (readonly SnippetPart[])[];
}

export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

export interface SearchResult {
  /** Cables with at least one visible matching portion that pass the field filters. */
  readonly total: number;
  /**
   * True when `total` (and the facets) cover only the newest matches because there were more
   * than the search ranks (SQLite's bounded search; shown as "1,000+"). Absent when exact.
   */
  readonly totalIsLowerBound?: boolean;
  readonly hits: readonly SearchHit[];
  readonly facets: {
    readonly tags: readonly FacetCount[];
    readonly origin: readonly FacetCount[];
    readonly year: readonly FacetCount[];
  };
}

/** An entry of the audit trail: every read of the archive. */
export interface AuditEntry {
  readonly actor: string;
  readonly action: 'search' | 'show' | 'refs';
  readonly target: string;
  readonly count: number;
}

export interface StoredAuditEntry extends AuditEntry {
  readonly at: string;
}

/** The archive store. Both adapters (SQLite, PostgreSQL) pass the same contract tests. */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Stores a batch in ONE transaction: all items or none. Per item: `imported` (new id),
   * `unchanged` (same text as a stored version), `updated` (new current version; the old kept).
   *
   * @example await store.putCables([input]) // ['imported']
   */
  putCables(batch: readonly CableInput[]): Promise<PutOutcome[]>;
  /** The current version, or the given one; undefined when absent. */
  getCable(id: string, version?: number): Promise<StoredCable | undefined>;
  /** Every version of a cable, oldest first. */
  versions(id: string): Promise<VersionInfo[]>;
  /** REF entries of the current version (resolved against stored cables) and cited-by ids. */
  references(id: string): Promise<ReferenceGraph>;
  /** Ids among `ids` (current versions) that have at least one portion in a class `reader` may see. */
  visibleIds(ids: readonly string[], reader: Reader): Promise<Set<string>>;
  /** Full text plus fields, filtered portion by portion for the reader. */
  search(query: SearchQuery, reader: Reader, page: SearchPage): Promise<SearchResult>;
  accessClasses(): Promise<AccessClass[]>;
  /**
   * For each (id, sha256), whether some stored version of the id has exactly that text: lets an
   * importer skip parsing files it has already stored (the same rule `putCables` applies).
   */
  knownTexts(
    items: readonly { readonly id: string; readonly sha256: string }[],
  ): Promise<boolean[]>;
  /** Number of cables (current versions) and of stored versions. */
  counts(): Promise<{ cables: number; versions: number }>;
  /**
   * Housekeeping after a bulk import so the next searches are fast: PostgreSQL merges GIN pending
   * lists and refreshes planner statistics; SQLite lets the query planner refresh its statistics.
   */
  settle(): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  auditTrail(limit: number): Promise<StoredAuditEntry[]>;
  close(): Promise<void>;
}
