/**
 * What each page type tells the search index (see SearchMeta.astro): filter values in the
 * page's language, so that each language's index shows its own labels.
 */
import type { Commitment, Locale } from '../schemas/enums';
import { labelsFor } from '../i18n';
import { pick } from '../lib/localized';
import { communeByCode, departmentByCode, regionByCode } from '../lib/geography';
import type { TerritoryCodes } from '../lib/territory';
import type { Brochure, CaseStudy, CommitmentEntry, Page, Partner } from './content';
import { territorySummary, type Territory } from './territories';

const unique = (values: string[]) => [...new Set(values)];

/** Departments and regions a territory touches, as names. */
function places(territory: TerritoryCodes) {
  const departments = [
    ...territory.communes.map((c) => communeByCode(c)?.department),
    ...territory.departments.map((d) => departmentByCode(d)),
  ].filter((d) => d !== undefined);
  const regions = [
    ...departments.map((d) => d.region),
    ...territory.regions.map((r) => regionByCode(r)),
  ].filter((r) => r !== undefined);
  return { department: unique(departments.map((d) => d.name)), region: unique(regions.map((r) => r.name)) };
}

export function caseStudySearch(entry: CaseStudy, locale: Locale) {
  const labels = labelsFor(locale);
  const { data } = entry;
  return {
    locale,
    type: 'caseStudy' as const,
    summary: data.summary,
    image: { src: data.hero.src, alt: data.hero.alt },
    date: data.publishedAt,
    name: data.title,
    filters: {
      ...places(data.territory),
      commitment: data.commitments.map((c) => labels.commitment[c]),
      partnershipType: data.partnershipTypes.map((p) => labels.partnershipType[p]),
    },
  };
}

export function partnerSearch(entry: Partner, locale: Locale) {
  const labels = labelsFor(locale);
  const { data } = entry;
  return {
    locale,
    type: 'partner' as const,
    summary: pick(data.description, locale).text,
    date: data.updatedAt,
    name: data.name,
    filters: {
      region: data.location ? [data.location.region.name] : [],
      department: data.location ? [data.location.department.name] : [],
      commitment: data.commitments.map((c) => labels.commitment[c]),
      partnershipType: data.partnershipTypes.map((p) => labels.partnershipType[p]),
      legalForm: data.legalForm ? [labels.legalForm[data.legalForm]] : [],
    },
  };
}

export function brochureSearch(entry: Brochure, locale: Locale) {
  return {
    locale,
    type: 'brochure' as const,
    summary: entry.data.intro,
    image: { src: entry.data.cover.src, alt: entry.data.cover.alt },
    date: entry.data.publishedAt,
    name: entry.data.title,
  };
}

export function commitmentSearch(entry: CommitmentEntry, locale: Locale) {
  const id = entry.id as Commitment;
  const labels = labelsFor(locale);
  return {
    locale,
    type: 'commitment' as const,
    summary: pick(entry.data.summary, locale).text,
    name: labels.commitment[id],
    filters: { commitment: [labels.commitment[id]] },
  };
}

export function pageSearch(entry: Page, locale: Locale) {
  return {
    locale,
    type: 'page' as const,
    summary: entry.data.description,
    date: entry.data.updatedAt,
    name: entry.data.title,
  };
}

/** A territory page (region or department): found by its region and department filters. */
export function territorySearch(territory: Territory, locale: Locale) {
  return {
    locale,
    type: 'territory' as const,
    summary: territorySummary(territory, locale),
    name: territory.name,
    filters: {
      region: [territory.region?.name ?? territory.name],
      department: territory.kind === 'department' ? [territory.name] : [],
    },
  };
}
