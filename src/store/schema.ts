/** Kysely table types of the archive schema, shared by both adapters. */
import type { Generated } from 'kysely';

export interface CableTable {
  seq: Generated<number>;
  id: string;
  version: number;
  /** 1 for the current version of an id, 0 for older ones (integers: the same in both dialects). */
  is_current: number;
  sha256: string;
  raw: string;
  /** The parsed Cable as JSON. */
  parsed: string;
  /** Parse issues as JSON. */
  issues: string;
  cable_date: string | null;
  origin: string | null;
  /** Canonical banner Marking as JSON. */
  banner: string;
  banner_level: number;
  /** Captions as a JSON array. */
  captions: string;
  subject: string | null;
  imported_at: string;
  /** Access class of the cable's unmarked text (TAGS, REF); NULL (hidden from all) for rows older than migration 0004. */
  unmarked_class?: number | null;
}

export interface AccessClassTable {
  id: Generated<number>;
  key: string;
  marking: string;
  captions: string;
  level: number;
}

export interface PortionTable {
  id: Generated<number>;
  cable_seq: number;
  ordinal: number;
  kind: string;
  num: string | null;
  class_id: number;
  marked: number;
  body: string;
  /** Date-ordered key (migration 0003); the FTS5 rowid on SQLite. */
  search_key?: number | null;
}

export interface CableTagTable {
  cable_seq: number;
  tag: string;
}

export interface CableCaptionTable {
  cable_seq: number;
  caption: string;
}

export interface AddresseeTable {
  cable_seq: number;
  role: string;
  ordinal: number;
  ri: string | null;
  name: string;
}

export interface CableRefTable {
  cable_seq: number;
  ordinal: number;
  label: string | null;
  target_id: string | null;
  text: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  target: string;
  result_count: number;
}

export interface ArchiveDatabase {
  cable: CableTable;
  access_class: AccessClassTable;
  portion: PortionTable;
  cable_tag: CableTagTable;
  cable_caption: CableCaptionTable;
  addressee: AddresseeTable;
  cable_ref: CableRefTable;
  audit: AuditTable;
}
