/**
 * Every URL of the site is built here, so that routes and links cannot drift apart.
 * French lives at the root, English under /en/; section names are translated.
 */
import type { Commitment, Locale } from '../schemas/enums';
import { labelsFor } from '../i18n';

export const SECTIONS = {
  caseStudies: { fr: 'etudes-de-cas', en: 'case-studies' },
  partners: { fr: 'partenaires', en: 'partners' },
  commitments: { fr: 'engagements', en: 'commitments' },
  brochures: { fr: 'brochures', en: 'brochures' },
  territories: { fr: 'territoires', en: 'territories' },
} as const satisfies Record<string, Record<Locale, string>>;

export type Section = keyof typeof SECTIONS;

/** The id of every page's <main>: the skip link's target, and where search records lead. */
export const MAIN_CONTENT_ID = 'contenu';

/** "/" or "/en/". */
export function homeUrl(locale: Locale): string {
  return locale === 'fr' ? '/' : `/${locale}/`;
}

/** The list page of a section: /etudes-de-cas/, /en/case-studies/. */
export function sectionUrl(section: Section, locale: Locale): string {
  return `${homeUrl(locale)}${SECTIONS[section][locale]}/`;
}

/** One entry of a section: /etudes-de-cas/loos-point-poste-ess/. */
export function entryUrl(section: Section, locale: Locale, slug: string): string {
  return `${sectionUrl(section, locale)}${slug}/`;
}

/** The RSS feed of case studies told in `locale`: /etudes-de-cas/rss.xml, /en/case-studies/rss.xml. */
export function feedUrl(locale: Locale): string {
  return `${sectionUrl('caseStudies', locale)}rss.xml`;
}

/** What an embed page shows: the map or the directory. */
export type EmbedKind = 'map' | 'partners';

/**
 * A page made for other sites' iframes (no site header; framing allowed, src/lib/
 * security-policy.ts): /embed/carte/, /embed/partenaires/, with the filters as the map and
 * the directory take them (?region=32&commitment=…).
 */
export function embedUrl(kind: EmbedKind, query = ''): string {
  return `/embed/${kind === 'map' ? 'carte' : 'partenaires'}/${query ? `?${query.replace(/^\?/, '')}` : ''}`;
}

/** What a sharing image shows: a case study or a brochure. */
export type ShareKind = 'case-study' | 'brochure';

/** The sharing image (1200×630) of an entry, by language and key: /partage/fr/case-study-loos-point-poste-ess.png. */
export function shareImageUrl(kind: ShareKind, locale: Locale, key: string): string {
  return `/partage/${locale}/${kind}-${key}.png`;
}

/** A content page (about, legal notice…) at the root of its language: /a-propos/, /en/about/. */
export function pageUrl(locale: Locale, slug: string): string {
  return `${homeUrl(locale)}${slug}/`;
}

/** The search page: /recherche/, /en/search/; `query` prefills it (?q=). */
export function searchUrl(locale: Locale, query?: string): string {
  const base = `${homeUrl(locale)}${locale === 'fr' ? 'recherche' : 'search'}/`;
  return query ? `${base}?q=${encodeURIComponent(query)}` : base;
}

/** The site map: /plan-du-site/, /en/site-map/. */
export function siteMapUrl(locale: Locale): string {
  return `${homeUrl(locale)}${locale === 'fr' ? 'plan-du-site' : 'site-map'}/`;
}

/** The partner map: /carte/, /en/map/; `query` carries its filters (?region=53). */
export function mapUrl(locale: Locale, query?: string): string {
  const base = `${homeUrl(locale)}${locale === 'fr' ? 'carte' : 'map'}/`;
  return query ? `${base}?${query}` : base;
}

/** The map's data file, one for both languages (names and codes, no translated text). */
export function mapDataUrl(): string {
  return '/carte/points.json';
}

export function commitmentUrl(locale: Locale, commitment: Commitment): string {
  return entryUrl('commitments', locale, labelsFor(locale).commitmentSlug[commitment]);
}

/** The last segment of a collection id: "fr/loos-point-poste-ess" → "loos-point-poste-ess". */
export function slugOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}

// --- Open data: the page documenting the exports, and the exported files ---

const DATA_SEGMENT: Record<Locale, string> = { fr: 'donnees', en: 'data' };

/** The open-data page: /donnees/, /en/data/. */
export function dataUrl(locale: Locale): string {
  return `${homeUrl(locale)}${DATA_SEGMENT[locale]}/`;
}

/**
 * The exported files, published once, under the French page (their names follow the
 * French open-data conventions of schema.data.gouv.fr): /donnees/partenaires.csv.
 */
export const DATA_FILES = {
  csv: 'partenaires.csv',
  json: 'partenaires.json',
  geojson: 'partenaires.geojson',
  schema: 'schema-partenaires.json',
} as const;

export type DataFile = keyof typeof DATA_FILES;

export function dataFileUrl(file: DataFile): string {
  return `${dataUrl('fr')}${DATA_FILES[file]}`;
}

// --- Partner directory, territories and corrections (partner directory feature) ---

/** A page of the partner directory: /partenaires/ for the first, /partenaires/2/ after. */
export function directoryPageUrl(locale: Locale, page: number): string {
  return page <= 1 ? sectionUrl('partners', locale) : `${sectionUrl('partners', locale)}${page}/`;
}

/**
 * The directory's static index (src/lib/directory-index.ts): its facets and column files,
 * the same for both languages, and the cards and first-page files of a language; `facet`,
 * `shard` and `value` may be placeholders the browser fills in. The route files are
 * src/pages/partenaires/index-facets.json.ts, …/index-column-[facet].json.ts,
 * …/index-cards-[shard].json.ts and …/index-first-[filter].json.ts.
 */
export function directoryIndexUrl(): string {
  return `${sectionUrl('partners', 'fr')}index-facets.json`;
}

export function directoryColumnUrl(facet: string): string {
  return `${sectionUrl('partners', 'fr')}index-column-${facet}.json`;
}

export function directoryCardsUrl(locale: Locale, shard: number | '{shard}'): string {
  return `${sectionUrl('partners', locale)}index-cards-${shard}.json`;
}

export function directoryFirstPageUrl(locale: Locale, facet: string, value: string): string {
  return `${sectionUrl('partners', locale)}index-first-${facet}-${value}.json`;
}

/** A territory page (region or department): /territoires/nord-59/, /territoires/nord-59/2/. */
export function territoryUrl(locale: Locale, slug: string, page = 1): string {
  const url = entryUrl('territories', locale, slug);
  return page <= 1 ? url : `${url}${page}/`;
}

/** The base map of France that partner pages draw their department on (one file for all). */
export function franceMapImageUrl(): string {
  return '/territoires/france.svg';
}

/**
 * Where "report an error on this entry" leads. With a template (settings `corrections`:
 * an http(s) or mailto: URL), its {subject} and {body} placeholders are filled,
 * URL-encoded; without one, the site's contact address, as it is.
 */
export function correctionsUrl(
  template: string | undefined,
  contactUrl: string,
  message: { subject: string; body: string },
): string {
  if (!template) return contactUrl;
  return template
    .replaceAll('{subject}', encodeURIComponent(message.subject))
    .replaceAll('{body}', encodeURIComponent(message.body));
}
