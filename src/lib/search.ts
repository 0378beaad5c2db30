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
  'region',
  'department',
  'commitment',
  'partnershipType',
  'legalForm',
] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** Sort keys: `date` (YYYY-MM-DD, newest first) and `name`. */
export const SEARCH_SORTS = ['date', 'name'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
