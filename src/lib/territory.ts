/**
 * Territories in words: "Loos (Nord)", "Indre", "France entière".
 */
import type { Locale } from '../schemas/enums';
import { communeByCode, departmentByCode, regionByCode } from './geography';
import { formatList } from './format';

export interface TerritoryCodes {
  national: boolean;
  communes: readonly string[];
  departments: readonly string[];
  regions: readonly string[];
}

const NATIONAL: Record<Locale, string> = { fr: 'France entière', en: 'All of France' };

export function territoryNames(territory: TerritoryCodes): string[] {
  return [
    ...territory.communes.map((code) => {
      const c = communeByCode(code);
      return c ? `${c.name} (${c.department.name})` : code;
    }),
    ...territory.departments.map((code) => departmentByCode(code)?.name ?? code),
    ...territory.regions.map((code) => regionByCode(code)?.name ?? code),
  ];
}

export function describeTerritory(territory: TerritoryCodes, locale: Locale): string {
  const names = territoryNames(territory);
  if (territory.national) names.unshift(NATIONAL[locale]);
  return formatList(names, locale);
}
