/**
 * French administrative geography, read from @etalab/decoupage-administratif
 * (INSEE's official code lists): communes, departments and regions are never
 * typed by hand in this project.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  /** A municipal arrondissement's city (13055 for Marseille 1er). */
  commune?: string;
  departement?: string;
  region?: string;
  codesPostaux?: string[];
}
interface RawDepartment {
  code: string;
  nom: string;
  region: string;
}
interface RawRegion {
  code: string;
  nom: string;
}

export interface Region {
  code: string;
  name: string;
}
export interface Department {
  code: string;
  name: string;
  region: Region;
}
export interface Commune {
  code: string;
  name: string;
  postalCodes: readonly string[];
  department: Department;
  region: Region;
  /** For a municipal arrondissement (75111, 13201, 69381…), the code of its city. */
  parent?: string | undefined;
}

const DATA = '@etalab/decoupage-administratif/data/';

// Built lazily: the commune list is 8 MB and only the build and tests need it.
let cache:
  | {
      communes: Map<string, Commune>;
      departments: Map<string, Department>;
      regions: Map<string, Region>;
    }
  | undefined;

function tables() {
  if (cache) return cache;
  const regions = new Map<string, Region>();
  for (const r of require(`${DATA}regions.json`) as RawRegion[]) {
    regions.set(r.code, { code: r.code, name: r.nom });
  }
  const departments = new Map<string, Department>();
  for (const d of require(`${DATA}departements.json`) as RawDepartment[]) {
    const region = regions.get(d.region);
    if (region) departments.set(d.code, { code: d.code, name: d.nom, region });
  }
  const communes = new Map<string, Commune>();
  // Municipal arrondissements (Paris, Lyon, Marseille) are valid addresses too.
  const raw = [
    ...(require(`${DATA}communes.json`) as RawCommune[]),
    ...(require(`${DATA}arrondissements.json`) as RawCommune[]),
  ];
  for (const c of raw) {
    if (c.type !== 'commune-actuelle' && c.type !== 'arrondissement-municipal') continue;
    const department = c.departement ? departments.get(c.departement) : undefined;
    if (!department) continue;
    communes.set(c.code, {
      code: c.code,
      name: c.nom,
      postalCodes: c.codesPostaux ?? [],
      department,
      region: department.region,
      parent: c.type === 'arrondissement-municipal' ? c.commune : undefined,
    });
  }
  cache = { communes, departments, regions };
  return cache;
}

/** The commune with this INSEE code (5 characters: 59360, 2A004, 97101), if it exists today. */
export function communeByCode(code: string): Commune | undefined {
  return tables().communes.get(code);
}

export function departmentByCode(code: string): Department | undefined {
  return tables().departments.get(code);
}

export function regionByCode(code: string): Region | undefined {
  return tables().regions.get(code);
}

export function allDepartments(): Department[] {
  return [...tables().departments.values()];
}

export function allRegions(): Region[] {
  return [...tables().regions.values()];
}

/** A commune name as people type it: no accents, case, hyphens or apostrophes; "St" is "Saint". */
export function communeNameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .trim();
}

let byName: Map<string, Commune[]> | undefined;
let byPostalCode: Map<string, Commune[]> | undefined;

/** The current communes (and municipal arrondissements) with this name, however it is typed. */
export function communesNamed(name: string): Commune[] {
  if (!byName) {
    byName = new Map();
    for (const c of tables().communes.values()) {
      const key = communeNameKey(c.name);
      byName.set(key, [...(byName.get(key) ?? []), c]);
    }
  }
  return byName.get(communeNameKey(name)) ?? [];
}

/** The communes that have this postal code. */
export function communesWithPostalCode(postalCode: string): Commune[] {
  if (!byPostalCode) {
    byPostalCode = new Map();
    for (const c of tables().communes.values()) {
      for (const p of c.postalCodes) byPostalCode.set(p, [...(byPostalCode.get(p) ?? []), c]);
    }
  }
  return byPostalCode.get(postalCode) ?? [];
}

/** True when `postalCode` is one of the commune's postal codes. */
export function postalCodeMatches(commune: Commune, postalCode: string): boolean {
  return commune.postalCodes.includes(postalCode);
}

/**
 * Why a string is not a known INSEE commune code, in words an editor can act on.
 * Postal codes are the usual mistake: 59120 is Loos's postal code, 59360 its INSEE code.
 */
export function explainUnknownCommune(code: string): string {
  const asPostal = communesWithPostalCode(code);
  if (asPostal.length > 0) {
    const names = asPostal
      .slice(0, 3)
      .map((c) => `${c.name} (${c.code})`)
      .join(', ');
    return `« ${code} » est un code postal, pas un code commune INSEE : vouliez-vous dire ${names} ?`;
  }
  return `« ${code} » n’est le code INSEE d’aucune commune française actuelle`;
}

// --- Where French territory lies (open-data import and data-quality check) ---

/** A rectangle of latitudes and longitudes in decimal degrees (WGS 84), edges included. */
export interface BoundingBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

/** A part of France that coordinates can fall in, and the department codes it covers. */
export interface FrenchTerritory {
  name: string;
  /** INSEE department codes; `undefined` for metropolitan France: every code not listed elsewhere. */
  departments: readonly string[] | undefined;
  boxes: readonly BoundingBox[];
}

const box = (south: number, west: number, north: number, east: number): BoundingBox => ({
  south,
  west,
  north,
  east,
});

/**
 * Generous rectangles around each part of France (about 0.1° of margin around the
 * coasts), so that a typo, swapped columns or a spreadsheet's (0, 0) cannot place a partner
 * at sea or abroad. They are a sanity check, not borders: a point in a neighbouring
 * country close to the border passes.
 */
export const FRENCH_TERRITORIES: readonly FrenchTerritory[] = [
  // Mainland with its coastal islands, from Ouessant to Lauterbourg and Bray-Dunes to Lamanère.
  { name: 'France métropolitaine', departments: undefined, boxes: [box(42.3, -5.25, 51.15, 8.3)] },
  { name: 'Corse', departments: ['2A', '2B'], boxes: [box(41.3, 8.5, 43.1, 9.65)] },
  { name: 'Guadeloupe', departments: ['971'], boxes: [box(15.8, -61.9, 16.55, -60.9)] },
  { name: 'Martinique', departments: ['972'], boxes: [box(14.35, -61.3, 14.9, -60.75)] },
  { name: 'Guyane', departments: ['973'], boxes: [box(2.1, -54.7, 5.85, -51.55)] },
  { name: 'La Réunion', departments: ['974'], boxes: [box(-21.45, 55.15, -20.8, 55.9)] },
  { name: 'Saint-Pierre-et-Miquelon', departments: ['975'], boxes: [box(46.7, -56.5, 47.2, -56.05)] },
  { name: 'Mayotte', departments: ['976'], boxes: [box(-13.05, 44.9, -12.6, 45.35)] },
  { name: 'Saint-Barthélemy', departments: ['977'], boxes: [box(17.85, -62.97, 17.98, -62.77)] },
  { name: 'Saint-Martin', departments: ['978'], boxes: [box(18.0, -63.2, 18.15, -62.95)] },
  {
    name: 'Terres australes et antarctiques françaises',
    departments: ['984'],
    boxes: [
      box(-50.1, 68.3, -48.3, 70.7), // Kerguelen
      box(-46.6, 50.0, -45.9, 52.4), // Crozet
      box(-38.9, 77.4, -37.7, 77.7), // Amsterdam and Saint-Paul
      box(-90, 136, -66, 142.1), // Adélie Land
      box(-11.7, 47.2, -11.4, 47.5), // Glorieuses
      box(-17.15, 42.6, -16.95, 42.85), // Juan de Nova
      box(-21.6, 39.55, -21.35, 39.8), // Bassas da India
      box(-22.45, 40.25, -22.25, 40.45), // Europa
      box(-15.95, 54.45, -15.85, 54.6), // Tromelin
    ],
  },
  {
    name: 'Wallis-et-Futuna',
    departments: ['986'],
    boxes: [box(-13.45, -176.3, -13.15, -176.05), box(-14.4, -178.25, -14.15, -177.95)],
  },
  { name: 'Polynésie française', departments: ['987'], boxes: [box(-28, -155, -7.5, -134)] },
  { name: 'Nouvelle-Calédonie', departments: ['988'], boxes: [box(-23, 163, -18, 168.3)] },
  { name: 'Île de Clipperton', departments: ['989'], boxes: [box(10.25, -109.27, 10.35, -109.17)] },
];

const inBox = (b: BoundingBox, latitude: number, longitude: number) =>
  latitude >= b.south && latitude <= b.north && longitude >= b.west && longitude <= b.east;

/** The part of France whose rectangle holds these coordinates, if any. */
export function territoryAt(latitude: number, longitude: number): FrenchTerritory | undefined {
  return FRENCH_TERRITORIES.find((t) => t.boxes.some((b) => inBox(b, latitude, longitude)));
}

/** The part of France a department belongs to (metropolitan France for 01–95). */
export function territoryOfDepartment(code: string): FrenchTerritory {
  return (
    FRENCH_TERRITORIES.find((t) => t.departments?.includes(code)) ??
    FRENCH_TERRITORIES.find((t) => t.departments === undefined)!
  );
}
