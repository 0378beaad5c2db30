/**
 * The partner map's data: one compact file (/carte/points.json) written at build time, and
 * the filters the map applies to it in the browser. Pure functions, shared by the build
 * (encoding) and the client script (decoding, filtering, counting), so that both read the
 * same format. The format stays small at 20,000 partners: one short array per point, with
 * filter values as small integers (indexes into lookup tables, or bit masks for the lists)
 * instead of repeated strings. It is not the open-data export (GeoJSON): names and slugs
 * only, just what the map shows and links to.
 */
import {
  COMMITMENTS,
  ENTRY_KINDS,
  LEGAL_FORMS,
  PARTNERSHIP_TYPES,
  type Commitment,
  type EntryKind,
  type LegalForm,
  type PartnershipType,
} from '../schemas/enums';
import { hasPartnerPage } from './partner-pages';
// Not commune-positions.ts: its table is read at build time, and this module runs in the browser too.
import { PRECISIONS, type LocationLike, type Place, type Precision } from './places';

export { PRECISIONS, type Place, type Precision };

/** Bumped whenever the layout of a point changes, so that a stale client can tell. */
export const MAP_DATA_VERSION = 4;

/**
 * One partner on the map: [longitude, latitude, name, slug, region index, department index,
 * commitments bit mask, partnership types bit mask, legal form index or -1 when unknown,
 * 1 when the partner has an English page or else 0 (partner-pages.ts: the English map links
 * the others to their French page), precision of the position as an index of PRECISIONS
 * (0 exact; 1 its commune's, 2 its department's: approximate, and shown as such), kind of
 * entry as an index of ENTRY_KINDS].
 * Longitude first, as in GeoJSON and supercluster.
 */
export type MapPoint = [
  lon: number,
  lat: number,
  name: string,
  slug: string,
  region: number,
  department: number,
  commitments: number,
  partnershipTypes: number,
  legalForm: number,
  english: 0 | 1,
  precision: number,
  kind: number,
];

/** Field positions inside a MapPoint, named for readability. */
export const P = {
  lon: 0,
  lat: 1,
  name: 2,
  slug: 3,
  region: 4,
  department: 5,
  commitments: 6,
  partnershipTypes: 7,
  legalForm: 8,
  english: 9,
  precision: 10,
  kind: 11,
} as const;

export interface MapData {
  version: number;
  /** INSEE codes of the regions that have at least one point; points hold an index into it. */
  regions: string[];
  /** Codes of the departments that have at least one point. */
  departments: string[];
  /** Bit i of a point's commitments mask stands for commitments[i]. */
  commitments: readonly Commitment[];
  partnershipTypes: readonly PartnershipType[];
  legalForms: readonly LegalForm[];
  /** Index i of a point's kind stands for kinds[i]. */
  kinds: readonly EntryKind[];
  /** Index i of a point's precision stands for precisions[i]. */
  precisions: readonly Precision[];
  points: MapPoint[];
}

/** What the map needs to know of a partner (a subset of the partner schema's output). */
export interface MapPartnerInput {
  slug: string;
  name: string;
  kind: EntryKind;
  /** Whether the partner has an English page (hasPartnerPage). */
  english: boolean;
  legalForm?: LegalForm | undefined;
  commitments: readonly Commitment[];
  partnershipTypes: readonly PartnershipType[];
  location?: (LocationLike & { region: { code: string } }) | undefined;
}

/**
 * Where a partner goes on the map, from what its location says. The build passes
 * commune-positions.ts's placeOf (commune and department positions); without it, only
 * coordinates given by the entry count.
 */
export type Locate = (location: MapPartnerInput['location']) => Place | undefined;

export const exactPlace: Locate = (location) =>
  location?.latitude !== undefined && location.longitude !== undefined
    ? { longitude: location.longitude, latitude: location.latitude, precision: 'exact' }
    : undefined;

/** True when a precision is not the entry's own coordinates. */
export function isApproximate(precision: Precision | number): boolean {
  return typeof precision === 'number' ? precision > 0 : precision !== 'exact';
}

/** A partner entry as the content collection gives it: its id is the URL slug. */
export interface PartnerEntryLike {
  id: string;
  data: Omit<MapPartnerInput, 'slug' | 'english'> & {
    description?: { fr: string; en?: string | undefined } | undefined;
  };
}

export function toMapInput(entry: PartnerEntryLike): MapPartnerInput {
  const { name, kind, legalForm, commitments, partnershipTypes, location } = entry.data;
  const english = hasPartnerPage(entry, 'en');
  return { slug: entry.id, name, kind, english, legalForm, commitments, partnershipTypes, location };
}

/** True when the partner has a place on the map (with `locate`: its commune's or department's too). */
export function isMapped(partner: MapPartnerInput, locate: Locate = exactPlace): boolean {
  return locate(partner.location) !== undefined;
}

/**
 * Up to this many partners with a place, the map page lists them all (the map's text
 * alternative, without JavaScript); beyond, the list would weigh more than the map itself
 * and the directory takes over.
 */
export const MAP_LIST_LIMIT = 200;

export interface MapListing<T> {
  /** The partners with a place on the map, each with it. */
  mapped: { partner: T; place: Place }[];
  /** The list the page shows without JavaScript; undefined past `limit` (the directory then). */
  listed: { partner: T; place: Place }[] | undefined;
  /** How many partners have no location at all: no place on the map. */
  unmapped: number;
  /** How many have a location whose position is not known (commune and department absent from the source). */
  unknownPosition: number;
}

/** What the map page says without JavaScript, from every partner of the directory. */
export function mapListing<T extends PartnerEntryLike>(
  partners: readonly T[],
  locate: Locate = exactPlace,
  limit = MAP_LIST_LIMIT,
): MapListing<T> {
  const mapped: { partner: T; place: Place }[] = [];
  let unmapped = 0;
  let unknownPosition = 0;
  for (const partner of partners) {
    const place = locate(partner.data.location);
    if (place) mapped.push({ partner, place });
    else if (partner.data.location) unknownPosition += 1;
    else unmapped += 1;
  }
  return { mapped, listed: mapped.length <= limit ? mapped : undefined, unmapped, unknownPosition };
}

/** Five decimals are about a metre: more would only make the file bigger. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** A bit mask with bit i set for each value of `values` found at position i of `all`. */
export function toMask<T>(values: readonly T[], all: readonly T[]): number {
  let mask = 0;
  for (const value of values) {
    const i = all.indexOf(value);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

/** The values of `all` whose bit is set in `mask`. */
export function fromMask<T>(mask: number, all: readonly T[]): T[] {
  return all.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** French department codes in reading order: 01 … 19, 2A, 2B, 21 … 95, 971 … (and region codes). */
export function compareCodes(a: string, b: string): number {
  // Corsica's 2A and 2B took the place of 20.
  const key = (code: string) => code.replace(/^2([AB])$/, '20$1');
  return key(a).localeCompare(key(b), 'fr', { numeric: true });
}

/** Encodes the partners that have a place (see Locate); the others are left out. */
export function buildMapData(partners: readonly MapPartnerInput[], locate: Locate = exactPlace): MapData {
  const located = partners.flatMap((p) => {
    const place = locate(p.location);
    return place && p.location ? [{ p, place, location: p.location }] : [];
  });
  const regions = [...new Set(located.map(({ location }) => location.region.code))].sort(compareCodes);
  const departments = [...new Set(located.map(({ location }) => location.department.code))].sort(
    compareCodes,
  );
  const regionIndex = new Map(regions.map((code, i) => [code, i]));
  const departmentIndex = new Map(departments.map((code, i) => [code, i]));
  const points = located.map(({ p, place, location }): MapPoint => [
    roundCoordinate(place.longitude),
    roundCoordinate(place.latitude),
    p.name,
    p.slug,
    regionIndex.get(location.region.code)!,
    departmentIndex.get(location.department.code)!,
    toMask(p.commitments, COMMITMENTS),
    toMask(p.partnershipTypes, PARTNERSHIP_TYPES),
    p.legalForm ? LEGAL_FORMS.indexOf(p.legalForm) : -1,
    p.english ? 1 : 0,
    PRECISIONS.indexOf(place.precision),
    ENTRY_KINDS.indexOf(p.kind),
  ]);
  return {
    version: MAP_DATA_VERSION,
    regions,
    departments,
    commitments: COMMITMENTS,
    partnershipTypes: PARTNERSHIP_TYPES,
    legalForms: LEGAL_FORMS,
    kinds: ENTRY_KINDS,
    precisions: PRECISIONS,
    points,
  };
}

// --- Filters ---

/**
 * The filters of the map, in the order the form shows them: the directory's (FACETS in
 * src/lib/directory.ts), with the same query keys, so that a filtered link works on both.
 */
export const FACETS = ['kind', 'region', 'department', 'commitment', 'partnershipType', 'legalForm'] as const;
export type Facet = (typeof FACETS)[number];

/**
 * Names of the filters in the query string (?region=53&commitment=digital-inclusion), the
 * same in both languages so that a shared link works after switching language.
 */
export const QUERY_KEYS: Record<Facet, string> = {
  kind: 'kind',
  region: 'region',
  department: 'department',
  commitment: 'commitment',
  partnershipType: 'type',
  legalForm: 'legalForm',
};

/** The chosen value of each filter (a code or an enum value); absent means "all". */
export type MapFilters = Partial<Record<Facet, string>>;

/** The values a facet can take in `data`, in the order of its lookup table. */
export function facetValues(data: MapData, facet: Facet): readonly string[] {
  switch (facet) {
    case 'kind':
      return data.kinds;
    case 'region':
      return data.regions;
    case 'department':
      return data.departments;
    case 'commitment':
      return data.commitments;
    case 'partnershipType':
      return data.partnershipTypes;
    case 'legalForm':
      return data.legalForms;
  }
}

/**
 * Reads the filters of a query string. Unknown keys and values are ignored: an old or
 * hand-edited link still opens the map, with fewer filters. `allowed` lists the values each
 * facet accepts (those of the form), so that a value absent from the data still counts.
 */
export function parseFilters(params: URLSearchParams, allowed: Record<Facet, readonly string[]>): MapFilters {
  const filters: MapFilters = {};
  for (const facet of FACETS) {
    const value = params.get(QUERY_KEYS[facet]);
    if (value && allowed[facet].includes(value)) filters[facet] = value;
  }
  return filters;
}

/**
 * Writes the filters into `params` (other parameters are kept), in the form's order so that
 * the same filters always give the same address.
 */
export function writeFilters(params: URLSearchParams, filters: MapFilters): URLSearchParams {
  const result = new URLSearchParams(params);
  for (const facet of FACETS) result.delete(QUERY_KEYS[facet]);
  for (const facet of FACETS) {
    const value = filters[facet];
    if (value) result.set(QUERY_KEYS[facet], value);
  }
  return result;
}

/**
 * One test per active facet, on a point's integer fields: compiled once per filter change
 * so that the 20,000 checks compare integers only. A value absent from the data matches
 * no point.
 */
type Test = (point: MapPoint) => boolean;

function compileFacet(data: MapData, facet: Facet, value: string): Test {
  const index = facetValues(data, facet).indexOf(value);
  switch (facet) {
    case 'kind':
      return (p) => p[P.kind] === index;
    case 'region':
      return (p) => p[P.region] === index;
    case 'department':
      return (p) => p[P.department] === index;
    case 'legalForm':
      return (p) => p[P.legalForm] === index && index >= 0;
    case 'commitment': {
      const bit = index < 0 ? 0 : 1 << index;
      return (p) => (p[P.commitments] & bit) !== 0;
    }
    case 'partnershipType': {
      const bit = index < 0 ? 0 : 1 << index;
      return (p) => (p[P.partnershipTypes] & bit) !== 0;
    }
  }
}

function compile(data: MapData, filters: MapFilters): { facet: Facet; test: Test }[] {
  return FACETS.flatMap((facet) => {
    const value = filters[facet];
    return value ? [{ facet, test: compileFacet(data, facet, value) }] : [];
  });
}

/** The points that pass every filter. */
export function filterPoints(data: MapData, filters: MapFilters): MapPoint[] {
  const tests = compile(data, filters);
  if (tests.length === 0) return data.points;
  return data.points.filter((p) => tests.every(({ test }) => test(p)));
}

/** For each facet, the number of points per value (as indexes of its lookup table). */
export type FacetCounts = Record<Facet, Map<string, number>>;

/**
 * How many points each value of each filter would show, given the other filters: the
 * usual faceted-search counts (choosing a region keeps every region's count, and narrows
 * the others'). One pass over the points: a point that fails no filter counts for every
 * facet; one that fails exactly one filter still counts for that facet's other values.
 */
export function facetCounts(data: MapData, filters: MapFilters): FacetCounts {
  const tests = compile(data, filters);
  const counts = {} as FacetCounts;
  const tallies = {} as Record<Facet, number[]>;
  for (const facet of FACETS) {
    counts[facet] = new Map();
    tallies[facet] = new Array<number>(facetValues(data, facet).length).fill(0);
  }
  const tally = (facet: Facet, point: MapPoint) => {
    const t = tallies[facet];
    switch (facet) {
      case 'kind':
        if (point[P.kind] >= 0) t[point[P.kind]]! += 1;
        break;
      case 'region':
        t[point[P.region]]! += 1;
        break;
      case 'department':
        t[point[P.department]]! += 1;
        break;
      case 'legalForm':
        if (point[P.legalForm] >= 0) t[point[P.legalForm]]! += 1;
        break;
      case 'commitment':
      case 'partnershipType': {
        const mask = point[facet === 'commitment' ? P.commitments : P.partnershipTypes];
        for (let i = 0; i < t.length; i++) if (mask & (1 << i)) t[i]! += 1;
        break;
      }
    }
  };
  for (const point of data.points) {
    let failed: Facet | undefined;
    let failures = 0;
    for (const { facet, test } of tests) {
      if (!test(point)) {
        failed = facet;
        if (++failures > 1) break;
      }
    }
    if (failures === 0) for (const facet of FACETS) tally(facet, point);
    else if (failures === 1) tally(failed!, point);
  }
  for (const facet of FACETS) {
    facetValues(data, facet).forEach((value, i) => counts[facet].set(value, tallies[facet][i]!));
  }
  return counts;
}
