/**
 * The partner directory at build time: its static pages, the filter values with their
 * counts, and the card each partner gets. The same wording feeds the search index
 * (place, in PartnerPage's metadata), so cards drawn in the browser from Pagefind's
 * results read like the static ones.
 */
import { COMMITMENTS, ENTRY_KINDS, LEGAL_FORMS, PARTNERSHIP_TYPES, type Locale } from '../schemas/enums';
import { labelsFor, t } from '../i18n';
import type { UiKey } from '../i18n/fr';
import { formatNumber, frenchCollator, pluralCategory } from '../lib/format';
import { pick, type Picked } from '../lib/localized';
import {
  FACETS,
  PAGE_SIZE,
  compareDepartmentCodes,
  countValues,
  pageCount,
  type Facet,
  type IndexVocabulary,
} from '../lib/directory';
import { partners, type Partner } from './content';
import { partnerLink } from '../lib/partner-pages';

/** "1 partenaire", "3 partenaires": the one/other forms of a count, through Intl. */
export function countText(locale: Locale, count: number, one: UiKey, other: UiKey): string {
  const key = pluralCategory(count, locale) === 'one' ? one : other;
  return t(locale)(key, { count: formatNumber(count, locale) });
}

/** Where a partner is: "Loos (Nord)", or its scope when its location is not known. */
export function partnerPlace(entry: Partner, locale: Locale): string | undefined {
  const { location, scope } = entry.data;
  if (location) return `${location.communeName} (${location.department.name})`;
  if (scope)
    return t(locale)('directory.scopeValue', { scope: labelsFor(locale).scope[scope].toLowerCase() });
  return undefined;
}

/**
 * What a page or search result says of an entry: its description, or for a referenced
 * organisation that has none, what it is and where ("Exemple : structure ESS référencée de
 * l’annuaire…"), built from its own fields only.
 */
export function partnerSummary(entry: Partner, locale: Locale): Picked {
  const { data } = entry;
  const description = pick(data.description, locale);
  if (description) return description;
  const kind = labelsFor(locale).kind[data.kind].toLowerCase();
  const { location } = data;
  const text = location
    ? t(locale)('partner.undescribedAt', {
        name: data.name,
        kind,
        place: `${location.communeName} (${location.department.name})`,
      })
    : t(locale)('partner.undescribed', { name: data.name, kind });
  return { text, lang: locale };
}

export interface DirectoryCardData {
  href: string;
  /** Language of the partner's page when it has none in the list's language (partner-pages.ts). */
  hreflang: Locale | undefined;
  title: string;
  /** What the entry is: ESS partner, institutional partner, referenced ESS organisation. */
  kind: string;
  /** None for a referenced organisation that has no description. */
  summary: string | undefined;
  /** Language of the summary when it is not the page's (a description not yet translated). */
  summaryLang: string | undefined;
  legalForm: string | undefined;
  place: string | undefined;
  commitments: string[];
  partnershipTypes: string[];
}

export function directoryCard(entry: Partner, locale: Locale): DirectoryCardData {
  const labels = labelsFor(locale);
  const { data } = entry;
  const description = pick(data.description, locale);
  return {
    ...partnerLink(entry, locale),
    title: data.name,
    kind: labels.kind[data.kind],
    summary: description?.text,
    summaryLang: description && description.lang !== locale ? description.lang : undefined,
    legalForm: data.legalForm ? labels.legalForm[data.legalForm] : undefined,
    place: partnerPlace(entry, locale),
    commitments: data.commitments.map((c) => labels.commitment[c]),
    partnershipTypes: data.partnershipTypes.map((p) => labels.partnershipType[p]),
  };
}

let unlocated: number | undefined;

/** How many partners have no location (every directory page says it: counted once). */
export function unlocatedCount(): number {
  unlocated ??= partners.filter((p) => !p.data.location).length;
  return unlocated;
}

/** The static pages of the directory: /partenaires/, /partenaires/2/… */
export const directoryPaths = (locale: Locale) => {
  const pages = pageCount(partners.length, PAGE_SIZE);
  return Array.from({ length: pages }, (_, i) => ({
    params: { page: i === 0 ? undefined : String(i + 1) },
    props: { locale, page: i + 1 },
  }));
};

export interface FacetOption {
  /** The id in the address (INSEE code, enum value). */
  value: string;
  /** What the form shows, without the count. */
  label: string;
  /** The value as the search index holds it (labels.*, or the INSEE name). */
  indexed: string;
  /** Partners with this value in the whole directory. */
  count: number;
}

const facetCache = new Map<Locale, Record<Facet, FacetOption[]>>();

/**
 * The values of each filter, with the number of partners that have each. Regions and
 * departments list only those where a partner is based; closed lists show every value.
 */
export function directoryFacets(locale: Locale): Record<Facet, FacetOption[]> {
  const cached = facetCache.get(locale);
  if (cached) return cached;
  const labels = labelsFor(locale);
  const located = partners.flatMap((p) => (p.data.location ? [p.data.location] : []));
  const regionCounts = countValues(located, (l) => [l.region.code]);
  const departmentCounts = countValues(located, (l) => [l.department.code]);
  const regions = new Map(located.map((l) => [l.region.code, l.region.name]));
  const departments = new Map(located.map((l) => [l.department.code, l.department.name]));
  const commitmentCounts = countValues(partners, (p) => p.data.commitments);
  const typeCounts = countValues(partners, (p) => p.data.partnershipTypes);
  const formCounts = countValues(partners, (p) => (p.data.legalForm ? [p.data.legalForm] : []));
  const kindCounts = countValues(partners, (p) => [p.data.kind]);
  const facets: Record<Facet, FacetOption[]> = {
    kind: ENTRY_KINDS.map((k) => ({
      value: k,
      label: labels.kind[k],
      indexed: labels.kind[k],
      count: kindCounts.get(k) ?? 0,
    })),
    region: [...regions]
      .map(([code, name]) => ({
        value: code,
        label: name,
        indexed: name,
        count: regionCounts.get(code) ?? 0,
      }))
      .sort((a, b) => frenchCollator.compare(a.label, b.label)),
    department: [...departments]
      .map(([code, name]) => ({
        value: code,
        label: `${code} – ${name}`,
        indexed: name,
        count: departmentCounts.get(code) ?? 0,
      }))
      .sort((a, b) => compareDepartmentCodes(a.value, b.value)),
    commitment: COMMITMENTS.map((c) => ({
      value: c,
      label: labels.commitment[c],
      indexed: labels.commitment[c],
      count: commitmentCounts.get(c) ?? 0,
    })),
    partnershipType: PARTNERSHIP_TYPES.map((p) => ({
      value: p,
      label: labels.partnershipType[p],
      indexed: labels.partnershipType[p],
      count: typeCounts.get(p) ?? 0,
    })),
    legalForm: LEGAL_FORMS.map((l) => ({
      value: l,
      label: labels.legalForm[l],
      indexed: labels.legalForm[l],
      count: formCounts.get(l) ?? 0,
    })),
  };
  facetCache.set(locale, facets);
  return facets;
}

/** How the search index names the directory's filters and values in this language. */
export function indexVocabulary(locale: Locale): IndexVocabulary {
  const labels = labelsFor(locale);
  const facets = directoryFacets(locale);
  const names = Object.fromEntries(FACETS.map((f) => [f, labels.searchFilter[f]])) as Record<Facet, string>;
  const values = Object.fromEntries(
    FACETS.map((f) => [f, Object.fromEntries(facets[f].map((o) => [o.value, o.indexed]))]),
  ) as Record<Facet, Record<string, string>>;
  return { names, values, type: { name: labels.searchFilter.type, value: labels.searchType.partner } };
}
