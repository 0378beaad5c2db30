/**
 * The search index's vocabulary, shared by the pages that feed Pagefind (SearchMeta),
 * the search UI and the directory: page types, filter names, sort keys and bundles.
 */
import type { EntryKind } from '../schemas/enums';

/** Kinds of page in the index; labels in src/i18n (labels.searchType). */
export const SEARCH_TYPES = ['caseStudy', 'partner', 'brochure', 'commitment', 'territory', 'page'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/**
 * Filters, in the order the search page shows them. In the index each filter is named by
 * its label in the page's language (labels.searchFilter[filter]); URLs use these ids.
 */
export const SEARCH_FILTERS = [
  'type',
  'kind',
  'region',
  'department',
  'commitment',
  'partnershipType',
  'legalForm',
] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/**
 * The one sort key: `date` (YYYY-MM-DD, newest first), on case studies, brochures and pages.
 * Pagefind stores the order of every page a sort covers, and loads it with the first query.
 */
export const SEARCH_SORTS = ['date'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/**
 * The search index is three Pagefind bundles, each merged after the one before it. A
 * Pagefind bundle's first query loads an id per page (with its word count): about 5 kB
 * gzipped per thousand pages, whatever the page holds. `site` holds case studies, brochures,
 * commitments, territories and pages. The directory's entries, up to 20,000 of them, are in
 * two bundles of their own, so that a first search pays for the site's few hundred pages,
 * then for programme partners, and only then for the many organisations referenced by name:
 * `partners`, the partners of the programme (ESS and institutional: described, with
 * commitments), and `organisations`, the ESS organisations the directory lists by identity
 * only (about 88 % of entries at scale). A search starts on `site` and merges the directory's
 * bundles in this order, each once the previous results are drawn, while it includes the
 * directory (src/scripts/pagefind-loader.ts).
 */
export const SEARCH_BUNDLES = ['site', 'partners', 'organisations'] as const;
export type SearchBundle = (typeof SEARCH_BUNDLES)[number];

/**
 * Set by scripts/astro-build.ts for Astro's process, because the search index step follows it
 * (`npm run build`, the tests, the bench): an incremental build then leaves the index in the
 * build folder for that step to bring up to date. Without it (`astro build` on its own), the
 * index would describe the previous build's pages: src/integrations/incremental-output.ts
 * deletes it and says so.
 */
export const SEARCH_INDEX_FOLLOWS_ENV = 'SEARCH_INDEX_FOLLOWS';

/** Where each bundle is published, under the site's root. */
export const SEARCH_BUNDLE_PATHS: Record<SearchBundle, string> = {
  site: '/pagefind/',
  partners: '/pagefind/partners/',
  organisations: '/pagefind/organisations/',
};

/** The directory's bundles, in the order a search merges them: every bundle but `site`. */
export type DirectoryBundle = Exclude<SearchBundle, 'site'>;
export const DIRECTORY_BUNDLES = SEARCH_BUNDLES.filter(
  (bundle): bundle is DirectoryBundle => bundle !== 'site',
);

/** The bundle of each kind of directory entry: a new kind must be given one. */
export const ENTRY_KIND_BUNDLES: Record<EntryKind, DirectoryBundle> = {
  'ess-partner': 'partners',
  'institutional-partner': 'partners',
  'ess-organisation': 'organisations',
};

/**
 * How much a directory entry's score counts against the site's pages when the bundles are
 * merged (Pagefind's `indexWeight`). Each bundle scores words by how rare they are in it: a
 * town or a word that a few entries share is rare among thousands of them and would rank
 * every one above the case study about that town. Halved, entries still come first when the
 * query is their name, and the site's pages when it is their subject.
 */
export const SEARCH_BUNDLE_WEIGHTS: Record<DirectoryBundle, number> = {
  partners: 0.5,
  organisations: 0.5,
};

/** The bundle that indexes a page type; a directory entry's depends on its kind. */
export function searchBundle(type: SearchType, kind?: EntryKind): SearchBundle {
  if (type !== 'partner') return 'site';
  if (!kind) throw new Error('searchBundle: a directory entry needs its kind');
  return ENTRY_KIND_BUNDLES[kind];
}

/**
 * How long the search box waits after a keystroke before it searches. Pagefind's input
 * waits 300 ms by default, which alone would spend the whole time allowed from the last
 * keystroke to results on screen (300 ms); a query takes tens of milliseconds once search
 * is loaded, so searching between two quick keystrokes costs little.
 */
export const SEARCH_DEBOUNCE_MS = 150;

/**
 * The text Pagefind indexes. Pagefind splits words at a straight apostrophe but not at the
 * typographic one French text uses: « L’Étoile » would be one word, and `Étoile` would not
 * find it. Indexed with straight apostrophes, l’, d’, qu’, j’, n’, s’ and c’ come apart from
 * the word they precede (queries typed with either apostrophe match: Pagefind reads them
 * alike there). Pages keep their typography; only what the index holds changes.
 */
export function searchableText(text: string): string {
  return text.replaceAll('\u2019', "'");
}

/**
 * The inverse of searchableText for what results show: excerpts are cut from the indexed
 * text, so their apostrophes are straight. One after a letter and before a letter, or at
 * the end of `text` (a text node before a highlighted word: « l'<mark>ADMR</mark> »), was
 * typographic.
 */
export function typographicApostrophes(text: string): string {
  return text.replace(/(?<=\p{L})'(?=\p{L}|$)/gu, '\u2019');
}

/** SearchMeta's block, whose attribute names the page's bundle: `data-search-meta="site"`. */
const SEARCH_META_BLOCK = /(<div hidden data-pagefind-ignore data-search-meta="[a-z]+">[\s\S]*?<\/div>)/;

/**
 * A built page as Pagefind should index it: its text made searchable, but not what
 * SearchMeta records (the `data-search-meta` block: title, summary, filters and sorts),
 * which results and the directory show as written and match by exact value.
 */
export function searchableHtml(html: string): string {
  return html
    .split(SEARCH_META_BLOCK)
    .map((part, i) => (i % 2 === 1 ? part : searchableText(part)))
    .join('');
}

/** The bundle a built page goes to, as its SearchMeta block says; none for an unindexed page. */
export function pageSearchBundle(html: string): SearchBundle | undefined {
  const name = /<div hidden data-pagefind-ignore data-search-meta="([a-z]+)">/.exec(html)?.[1];
  return SEARCH_BUNDLES.find((bundle) => bundle === name);
}

/**
 * Where the build leaves the records of partners that have no page in a language
 * (src/pages/search-records/[locale].json.ts): the search index step of the build
 * (scripts/lib/search-index.ts) indexes them with Pagefind's addCustomRecord, then deletes
 * the folder, so it is never published.
 */
export const SEARCH_RECORDS_DIR = 'search-records';

/** A record for Pagefind's addCustomRecord: what an HTML page would tell it, from data. */
export interface SearchRecord {
  /** The bundle it goes to (searchBundle of its type). */
  bundle: SearchBundle;
  url: string;
  language: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort?: Record<string, string>;
}

/** Width of the thumbnails that search results show (meta.thumb). */
export const SEARCH_THUMBNAIL_WIDTH = 320;

/**
 * The text of an MDX body for a search record, as a reader sees it: components and HTML
 * tags dropped (a quote's text kept), links reduced to their text, Markdown signs removed.
 */
export function mdxPlainText(body: string): string {
  return body
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/(\*\*|__|\*|_|`)/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
