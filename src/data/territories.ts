/**
 * Territory pages (partner directory): one per region and per department where a partner
 * is based or a case study of the page's language takes place. Region and department
 * names are INSEE's, the same in both languages, and so are their URL slugs.
 */
import type { Locale } from '../schemas/enums';
import { allDepartments, allRegions, type Department, type Region } from '../lib/geography';
import { frenchCollator } from '../lib/format';
import { slugify } from '../lib/slug';
import { PAGE_SIZE, compareDepartmentCodes, pageCount } from '../lib/directory';
import { OTHER_LOCALE, t } from '../i18n';
import { countText } from './directory';
import { territoryPageKeys } from './cache-keys';
import {
  caseStudiesInDepartment,
  caseStudiesInRegion,
  partnersInDepartment,
  partnersInRegion,
  type CaseStudy,
  type Partner,
} from './content';

export interface TerritoryRef {
  kind: 'region' | 'department';
  code: string;
  name: string;
  slug: string;
}

export interface Territory extends TerritoryRef {
  /** The region of a department; undefined for a region. */
  region: TerritoryRef | undefined;
  /** The departments of a region that have a page; empty for a department. */
  departments: Territory[];
  /** INSEE codes of every department it covers (itself, for a department): what maps highlight. */
  departmentCodes: string[];
  partners: Partner[];
  caseStudies: CaseStudy[];
}

/** "hauts-de-france" */
export const regionSlug = (region: Pick<Region, 'name'>): string => slugify(region.name);
/** "nord-59", "corse-du-sud-2a": the code keeps department slugs apart from region slugs. */
export const departmentSlug = (department: Pick<Department, 'code' | 'name'>): string =>
  `${slugify(department.name)}-${department.code.toLowerCase()}`;

const regionRef = (r: Region): TerritoryRef => ({
  kind: 'region',
  code: r.code,
  name: r.name,
  slug: regionSlug(r),
});

const cache = new Map<Locale, Territory[]>();

/**
 * Every territory with a page in this language: regions (sorted by name), each followed
 * by its departments (sorted by code).
 */
export function territories(locale: Locale): Territory[] {
  const cached = cache.get(locale);
  if (cached) return cached;
  const departments = new Map<string, Territory[]>();
  for (const d of allDepartments().sort((a, b) => compareDepartmentCodes(a.code, b.code))) {
    const territory: Territory = {
      kind: 'department',
      code: d.code,
      name: d.name,
      slug: departmentSlug(d),
      region: regionRef(d.region),
      departments: [],
      departmentCodes: [d.code],
      partners: partnersInDepartment(d.code),
      caseStudies: caseStudiesInDepartment(d.code, locale),
    };
    if (territory.partners.length + territory.caseStudies.length === 0) continue;
    const list = departments.get(d.region.code) ?? [];
    list.push(territory);
    departments.set(d.region.code, list);
  }
  const result: Territory[] = [];
  for (const r of allRegions().sort((a, b) => frenchCollator.compare(a.name, b.name))) {
    const region: Territory = {
      ...regionRef(r),
      region: undefined,
      departments: departments.get(r.code) ?? [],
      departmentCodes: allDepartments()
        .filter((d) => d.region.code === r.code)
        .map((d) => d.code),
      partners: partnersInRegion(r.code),
      caseStudies: caseStudiesInRegion(r.code, locale),
    };
    if (region.partners.length + region.caseStudies.length === 0) continue;
    result.push(region, ...region.departments);
  }
  const slugs = new Set<string>();
  for (const t of result) {
    // INSEE names make distinct slugs today; a clash would silently hide a page.
    if (slugs.has(t.slug)) throw new Error(`two territories share the URL slug "${t.slug}"`);
    slugs.add(t.slug);
  }
  cache.set(locale, result);
  return result;
}

export function territoryBySlug(locale: Locale, slug: string): Territory | undefined {
  return territories(locale).find((t) => t.slug === slug);
}

/** Pages of each territory: its partners 24 at a time, like the directory. */
export const territoryPaths = (locale: Locale) => {
  const other = OTHER_LOCALE[locale];
  return territories(locale).flatMap((territory) => {
    const pages = pageCount(territory.partners.length, PAGE_SIZE);
    const keyOf = territoryPageKeys(territory, territoryBySlug(other, territory.slug), locale);
    return Array.from({ length: pages }, (_, i) => ({
      params: { slug: territory.slug, page: i === 0 ? undefined : String(i + 1) },
      props: { locale, territory, page: i + 1 },
      cacheKey: keyOf(i + 1),
    }));
  });
};

/** "1 partenaire", "2 études de cas": a territory's counts in words. */
export function territoryCounts(territory: Pick<Territory, 'partners' | 'caseStudies'>, locale: Locale) {
  return {
    partners: countText(locale, territory.partners.length, 'directory.countOne', 'directory.countOther'),
    caseStudies: countText(
      locale,
      territory.caseStudies.length,
      'territory.caseStudiesOne',
      'territory.caseStudiesOther',
    ),
  };
}

/** "Nord : 1 partenaire et 1 étude de cas de l’Alliance Dynamique." (descriptions, search) */
export function territorySummary(territory: Territory, locale: Locale): string {
  return t(locale)('territories.description', {
    name: territory.name,
    ...territoryCounts(territory, locale),
  });
}
