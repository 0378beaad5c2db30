/**
 * The partner directory at build time: its static pages, the filter values with their
 * counts, and the card each partner gets. Cards drawn in the browser come from the same
 * function, through the directory's static index (src/data/directory-index.ts), so that
 * they read like the static ones.
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
} from '../lib/directory';
import { partners, type Partner } from './content';
import { directoryPageKey } from './cache-keys';
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
    // In the lists' order, as the browser draws them from the index's bit masks.
    commitments: COMMITMENTS.filter((c) => data.commitments.includes(c)).map((c) => labels.commitment[c]),
    partnershipTypes: PARTNERSHIP_TYPES.filter((p) => data.partnershipTypes.includes(p)).map(
      (p) => labels.partnershipType[p],
    ),
  };
}

/** A partner's values of each filter (ids: INSEE codes, enum values); none when unknown. */
export function entryFacets(entry: Partner): Record<Facet, string[]> {
  const { kind, location, commitments, partnershipTypes, legalForm } = entry.data;
  return {
    kind: [kind],
    region: location ? [location.region.code] : [],
    department: location ? [location.department.code] : [],
    commitment: [...commitments],
    partnershipType: [...partnershipTypes],
    legalForm: legalForm ? [legalForm] : [],
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
    cacheKey: directoryPageKey(i + 1, locale),
  }));
};

export interface FacetOption {
  /** The id in the address (INSEE code, enum value). */
  value: string;
  /** What the form shows, without the count. */
  label: string;
  /** Partners with this value in the whole directory. */
  count: number;
}

const facetCache = new Map<Locale, Record<Facet, FacetOption[]>>();

/**
 * The values of each filter, with the number of partners that have each. Regions and
 * departments list only those where a partner is based; closed lists show every value.
 * The directory's index lists the same values (src/data/directory-index.ts).
 */
export function directoryFacets(locale: Locale): Record<Facet, FacetOption[]> {
  const cached = facetCache.get(locale);
  if (cached) return cached;
  const labels = labelsFor(locale);
  const facetsOf = partners.map(entryFacets);
  const counts = Object.fromEntries(FACETS.map((f) => [f, countValues(facetsOf, (e) => e[f])])) as Record<
    Facet,
    Map<string, number>
  >;
  const located = partners.flatMap((p) => (p.data.location ? [p.data.location] : []));
  const regions = new Map(located.map((l) => [l.region.code, l.region.name]));
  const departments = new Map(located.map((l) => [l.department.code, l.department.name]));
  const option = (facet: Facet, value: string, label: string): FacetOption => ({
    value,
    label,
    count: counts[facet].get(value) ?? 0,
  });
  const facets: Record<Facet, FacetOption[]> = {
    kind: ENTRY_KINDS.map((k) => option('kind', k, labels.kind[k])),
    region: [...regions]
      .map(([code, name]) => option('region', code, name))
      .sort((a, b) => frenchCollator.compare(a.label, b.label)),
    department: [...departments]
      .map(([code, name]) => option('department', code, `${code} – ${name}`))
      .sort((a, b) => compareDepartmentCodes(a.value, b.value)),
    commitment: COMMITMENTS.map((c) => option('commitment', c, labels.commitment[c])),
    partnershipType: PARTNERSHIP_TYPES.map((p) => option('partnershipType', p, labels.partnershipType[p])),
    legalForm: LEGAL_FORMS.map((l) => option('legalForm', l, labels.legalForm[l])),
  };
  facetCache.set(locale, facets);
  return facets;
}
