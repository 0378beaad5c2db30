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

/** True when `postalCode` is one of the commune's postal codes. */
export function postalCodeMatches(commune: Commune, postalCode: string): boolean {
  return commune.postalCodes.includes(postalCode);
}

/**
 * Why a string is not a known INSEE commune code, in words an editor can act on.
 * Postal codes are the usual mistake: 59120 is Loos's postal code, 59360 its INSEE code.
 */
export function explainUnknownCommune(code: string): string {
  const { communes } = tables();
  const asPostal = [...communes.values()].filter((c) => c.postalCodes.includes(code));
  if (asPostal.length > 0) {
    const names = asPostal
      .slice(0, 3)
      .map((c) => `${c.name} (${c.code})`)
      .join(', ');
    return `"${code}" is a postal code, not an INSEE commune code; did you mean ${names}?`;
  }
  return `"${code}" is not the INSEE code of a current French commune`;
}
