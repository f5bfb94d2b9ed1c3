/** The world Chancery knows: countries, coalitions, TAGS, posts, E.O. reasons. Built from reference/. */
import type { TagKind } from '../format/cable.ts';
import type { FormatReference } from '../format/reference.ts';
import { referenceTable } from './reference-data.ts';

export interface Country {
  readonly trigraph: string; // REL TO code (ISO alpha-3 or GENC)
  readonly alpha2: string;
  readonly fips: string; // FIPS 10-4 digraph, used as geographic TAG
  readonly name: string;
  readonly cableNames: readonly string[];
}

export interface Coalition {
  readonly code: string; // NATO
  readonly name: string;
  readonly members: readonly string[]; // trigraphs, empty when not decomposable
  readonly members2008: readonly string[];
  readonly decomposable: boolean;
}

export interface Post {
  readonly routingIndicator: string;
  readonly plad: string;
  readonly type: string;
  readonly city: string;
  readonly country: string;
  readonly trigraph: string;
}

export interface Directory extends FormatReference {
  readonly countries: readonly Country[];
  readonly coalitions: ReadonlyMap<string, Coalition>;
  readonly posts: readonly Post[];
  /** Country by trigraph ("BGR"). */
  country(trigraph: string): Country | undefined;
  /** Posts serving a routing indicator (one RI may serve several PLADs). */
  postsByRoutingIndicator(ri: string): readonly Post[];
  /** Post by PLAD ("AMEMBASSY SOFIA"). */
  postByPlad(plad: string): Post | undefined;
}

/** Upper-cases, folds accents to ASCII and drops a leading "THE ": the matching rule of countries.csv. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^THE /, '');
}

/** PLAD prefixes that name the kind of post, not the station (`USMISSION USNATO` → USNATO). */
const PLAD_PREFIX = /^(AMEMBASSY|AMCONSUL|USMISSION|USOFFICE|US MISSION|USLO|USINT|AIT|REO|USREP) /;

/**
 * Station names as cable ids spell them: each post's city and its PLAD without the post-kind
 * prefix, with spaces, hyphens and dots removed ("SAO PAULO" → SAOPAULO, "USMISSION USNATO" →
 * USNATO, "AIT TAIPEI" → AITTAIPEI as well as TAIPEI).
 */
function stationNames(posts: readonly Post[]): ReadonlySet<string> {
  const squeeze = (s: string) => s.toUpperCase().replace(/[\s.'-]+/g, '');
  const out = new Set<string>(['STATE']);
  for (const p of posts) {
    if (p.city !== '') out.add(squeeze(p.city));
    if (PLAD_PREFIX.test(p.plad)) out.add(squeeze(p.plad.replace(PLAD_PREFIX, '')));
    if (p.plad.startsWith('AIT ')) out.add(squeeze(p.plad));
  }
  out.delete('');
  return out;
}

let loaded: Directory | undefined;

/** The directory, loaded on first use. */
export function directory(): Directory {
  loaded ??= buildDirectory();
  return loaded;
}

function buildDirectory(): Directory {
  const countries: Country[] = referenceTable('countries')
    .filter((r) => (r.rel_to_code ?? '') !== '' || (r.iso3166_alpha3 ?? '') !== '')
    .map((r) => ({
      trigraph: r.rel_to_code || r.iso3166_alpha3 || '',
      alpha2: r.iso3166_alpha2 ?? '',
      fips: r.fips10_4 ?? '',
      name: r.name ?? '',
      cableNames: (r.cable_names ?? '').split('|').filter((n) => n !== ''),
    }));
  const byTrigraph = new Map(countries.map((c) => [c.trigraph, c]));
  const split = (s: string | undefined) => (s ?? '').split(/\s+/).filter((x) => x !== '');
  const coalitions = new Map<string, Coalition>(
    referenceTable('coalitions').map((r) => [
      r.code ?? '',
      {
        code: r.code ?? '',
        name: r.name ?? '',
        members: split(r.members),
        members2008: split(r.members_2008),
        decomposable: r.decomposable === 'Yes',
      },
    ]),
  );
  const relTo = new Map<string, string>();
  for (const c of countries) {
    relTo.set(c.trigraph, c.trigraph);
    for (const n of [c.name, ...c.cableNames]) relTo.set(foldName(n), c.trigraph);
  }
  for (const code of coalitions.keys()) relTo.set(code, code);
  const tagKinds = new Map<string, TagKind>();
  for (const r of referenceTable('tags'))
    tagKinds.set(r.tag ?? '', (r.kind ?? 'unknown') as TagKind);
  // Chancery's own rows (tags-supplement.csv, not a copy of shared/reference): real codes that
  // tags.csv lacks, and other writings of known codes, each with its evidence and reason.
  const tagAliases = new Map<string, string>();
  for (const r of referenceTable('tags-supplement')) {
    const tag = r.tag ?? '';
    if ((r.canonical ?? '') !== '') tagAliases.set(tag, r.canonical ?? '');
    else tagKinds.set(tag, (r.kind ?? 'unknown') as TagKind);
  }
  const tagPhrases = [...tagKinds.keys(), ...tagAliases.keys()]
    .filter((t) => t.includes(' '))
    .sort((a, b) => b.length - a.length);
  const posts: Post[] = referenceTable('posts').map((r) => ({
    routingIndicator: r.routing_indicator ?? '',
    plad: r.plad ?? '',
    type: r.post_type ?? '',
    city: r.city ?? '',
    country: r.country ?? '',
    trigraph: r.iso3166_alpha3 ?? '',
  }));
  const byRi = new Map<string, Post[]>();
  for (const p of posts) byRi.set(p.routingIndicator, [...(byRi.get(p.routingIndicator) ?? []), p]);
  const byPlad = new Map(posts.map((p) => [p.plad, p]));
  return {
    stations: stationNames(posts),
    countries,
    coalitions,
    posts,
    tagCodes: new Set(tagKinds.keys()),
    tagKind: (code) => tagKinds.get(code),
    tagAlias: (code) => tagAliases.get(code),
    tagPhrases,
    relToCode: (name) => relTo.get(foldName(name)),
    country: (t) => byTrigraph.get(t),
    postsByRoutingIndicator: (ri) => byRi.get(ri) ?? [],
    postByPlad: (plad) => byPlad.get(plad),
  };
}
