/**
 * The search index's vocabulary, shared by the pages that feed Pagefind (SearchMeta),
 * the search UI and the directory: page types, filter names and sort keys.
 */

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
 * Sort keys: `date` (YYYY-MM-DD, newest first; case studies, brochures and pages) and `name`
 * (every page: its value is nameSortKey of its title).
 */
export const SEARCH_SORTS = ['date', 'name'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

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
 * A built page as Pagefind should index it: its text made searchable, but not what
 * SearchMeta records (the `data-search-meta` block: title, summary, filters and sorts),
 * which results and the directory show as written and match by exact value.
 */
export function searchableHtml(html: string): string {
  return html
    .split(/(<div hidden data-pagefind-ignore data-search-meta>[\s\S]*?<\/div>)/)
    .map((part, i) => (i % 2 === 1 ? part : searchableText(part)))
    .join('');
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
  url: string;
  language: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
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

/** Letters that Unicode does not decompose into a base letter and accents. */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

/**
 * The `name` sort value of a page. Pagefind compares sort values by code point ("Z" before
 * "a", "É" after "z", "10" before "9"), so the name is reduced to a key whose code-point
 * order is French order, as the site's collator sorts (frenchCollator: accents and case
 * ignored, numbers by value): accents and case removed, numbers padded to twelve digits,
 * spaces kept, and any other sign made "!", which sorts before digits and letters as
 * punctuation does in French order. One sort for every page type keeps the index small:
 * each sort stores the order of every page it covers.
 */
export function nameSortKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæßøłđ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/\d+/g, (digits) => digits.padStart(12, '0'))
    .replace(/\s+/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, '!')
    .trim();
}
