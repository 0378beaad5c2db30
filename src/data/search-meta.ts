/**
 * What each page type tells the search index (see SearchMeta.astro): filter values in the
 * page's language, so that each language's index shows its own labels.
 */
import type { Commitment, Locale } from '../schemas/enums';
import { labelsFor } from '../i18n';
import { pick } from '../lib/localized';
import { partnerLink } from '../lib/partner-pages';
import { MAIN_CONTENT_ID } from '../lib/urls';
import {
  SEARCH_FILTERS,
  mdxPlainText,
  searchBundle,
  type SearchFilter,
  type SearchRecord,
  type SearchType,
} from '../lib/search';
import { partnerPlace, partnerSummary } from './directory';
import { caseStudyLink } from './cards';
import { communeByCode, departmentByCode, regionByCode } from '../lib/geography';
import type { TerritoryCodes } from '../lib/territory';
import type { Brochure, CaseStudy, CommitmentEntry, Page, Partner } from './content';
import { territorySummary, type Territory } from './territories';

const unique = (values: string[]) => [...new Set(values)];

/**
 * A page's filter values keyed by the filters' names in the index, which are their labels in
 * the page's language (labels.searchFilter): Pagefind's filter pane shows them as they are.
 */
export function indexFilters(
  locale: Locale,
  type: SearchType,
  filters: Partial<Record<SearchFilter, readonly string[]>> = {},
): Record<string, string[]> {
  const labels = labelsFor(locale);
  const result: Record<string, string[]> = { [labels.searchFilter.type]: [labels.searchType[type]] };
  for (const filter of SEARCH_FILTERS) {
    const values = filter === 'type' ? [] : (filters[filter] ?? []);
    if (values.length > 0) result[labels.searchFilter[filter]] = [...values];
  }
  return result;
}

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
    // Its bundle: programme partners and referenced organisations are indexed apart.
    kind: data.kind,
    summary: partnerSummary(entry, locale).text,
    // No sort: "newest first" is for publications, and a sort over 20,000 partners would
    // add the order of every one of them to what the first search with partners downloads.
    name: data.name,
    filters: {
      kind: [labels.kind[data.kind]],
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

/**
 * The search record of a partner that has no page in `locale` (src/lib/partner-pages.ts):
 * the same title, type, summary, place and filters as its page would give, and the
 * text of its details; its URL is its French page, and meta.page_lang says so.
 */
export function partnerSearchRecord(entry: Partner, locale: Locale): SearchRecord {
  const labels = labelsFor(locale);
  const { data } = entry;
  const link = partnerLink(entry, locale);
  const search = partnerSearch(entry, locale);
  const description = partnerSummary(entry, locale);
  const place = partnerPlace(entry, locale);
  const { location } = data;
  // The same text as the indexed part of a partner page (PartnerPage.astro).
  const content = [
    data.name,
    pick(data.description, locale)?.text,
    location?.address,
    location && `${location.postalCode} ${location.communeName}`,
    data.siret,
    data.rna,
    data.partnerSince && String(data.partnerSince),
    data.website,
  ];
  const meta: Record<string, string> = {
    title: data.name,
    // As its page says (SearchMeta): a referenced organisation is no partner.
    type: labels.kind[data.kind],
    summary: description.text,
  };
  if (place) meta['place'] = place;
  if (description.lang !== locale) meta['summary_lang'] = description.lang;
  if (link.hreflang) meta['page_lang'] = link.hreflang;
  return {
    bundle: searchBundle('partner', data.kind),
    // Pagefind keys what it indexes by URL, in every language at once: a record with the
    // French page's own URL would replace that page in the French index. The anchor makes
    // it another URL for Pagefind, and leads to the same page, at its main content.
    url: `${link.href}#${MAIN_CONTENT_ID}`,
    language: locale,
    content: content.filter((line) => line !== undefined && line !== '').join('\n'),
    meta,
    filters: indexFilters(locale, 'partner', search.filters),
  };
}

/**
 * The search record of a case study told only in French, for the index of `locale`: the
 * title, type, summary, filters and sort its page gives, the text of its story, and
 * `thumb`, the URL of its thumbnail. Like a partner's record, it leads to the French page.
 */
export function caseStudySearchRecord(entry: CaseStudy, locale: Locale, thumb: string): SearchRecord {
  const labels = labelsFor(locale);
  const { data } = entry;
  const search = caseStudySearch(entry, locale);
  const link = caseStudyLink(entry, locale);
  const meta: Record<string, string> = {
    title: data.title,
    type: labels.searchType.caseStudy,
    summary: data.summary,
    thumb,
  };
  if (link.hreflang) {
    meta['summary_lang'] = link.hreflang;
    meta['page_lang'] = link.hreflang;
  }
  return {
    bundle: searchBundle('caseStudy'),
    // Another URL than the French page's for Pagefind (see partnerSearchRecord).
    url: `${link.href}#${MAIN_CONTENT_ID}`,
    language: locale,
    content: [data.title, data.summary, mdxPlainText(entry.body ?? '')].join('\n'),
    meta,
    filters: indexFilters(locale, 'caseStudy', search.filters),
    sort: { date: data.publishedAt },
  };
}
