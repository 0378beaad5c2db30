/**
 * The partner directory's logic, shared by the build (static pages, counts) and the
 * <partner-directory> script (filters in the address, client-side pages; the static index
 * it filters is src/lib/directory-index.ts).
 * Pure functions only: no Node module, no content, so that the browser bundle stays small.
 */

/** Partners per page, in the static pages and in filtered views alike. */
export const PAGE_SIZE = 24;

/** The directory's filters, in the order the form shows them. */
export const FACETS = ['kind', 'region', 'department', 'commitment', 'partnershipType', 'legalForm'] as const;
export type Facet = (typeof FACETS)[number];

/**
 * How many values of a facet one partner has: 'one' at most (a place, a legal form), or
 * 'many' (its commitments, its partnership types). The index stores the first as a
 * value's position and the second as a bit mask (src/lib/directory-index.ts).
 */
export const FACET_SHAPES: Readonly<Record<Facet, 'one' | 'many'>> = {
  kind: 'one',
  region: 'one',
  department: 'one',
  commitment: 'many',
  partnershipType: 'many',
  legalForm: 'one',
};

/**
 * Facets whose value follows from another's: a partner's region is its department's. The
 * index derives them instead of storing them (src/lib/directory-index.ts), unless some
 * partner breaks the rule.
 */
export const FACET_PARENTS: Readonly<Partial<Record<Facet, Facet>>> = { region: 'department' };

/**
 * Names of the filters in the query string. They are the partner map's (/carte/), so that
 * one query string means the same thing on both pages; values are stable ids (INSEE codes,
 * enum values), never labels, so a shared link works in both languages.
 */
export const QUERY_KEYS: Readonly<Record<Facet, string>> = {
  kind: 'kind',
  region: 'region',
  department: 'department',
  commitment: 'commitment',
  partnershipType: 'type',
  legalForm: 'legalForm',
};

/** Page of a filtered view in the query string (the static pages have their own URLs). */
export const PAGE_KEY = 'page';

/** The chosen value of each filter; an absent facet means "all". */
export type DirectoryFilters = Partial<Record<Facet, string>>;

export interface DirectoryState {
  filters: DirectoryFilters;
  /** 1-based. */
  page: number;
}

/** Number of pages needed for `total` items; an empty list still has its one (empty) page. */
export function pageCount(total: number, size: number = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The items of the 1-based `page`; an empty list for a page past the end. */
export function pageSlice<T>(items: readonly T[], page: number, size: number = PAGE_SIZE): T[] {
  const start = (page - 1) * size;
  return items.slice(start, start + size);
}

/** Every page of `items`, in order; at least one page. */
export function paginate<T>(items: readonly T[], size: number = PAGE_SIZE): T[][] {
  return Array.from({ length: pageCount(items.length, size) }, (_, i) => pageSlice(items, i + 1, size));
}

/** Positions of the first and last item of a page (1-based), for "25–48 of 60". */
export function pageRange(page: number, total: number, size: number = PAGE_SIZE) {
  const first = Math.min(total, (page - 1) * size + 1);
  return { first, last: Math.min(total, page * size) };
}

/** Brings a page number inside 1…pageCount. */
export function clampPage(page: number, total: number, size: number = PAGE_SIZE): number {
  return Math.min(Math.max(1, Math.trunc(page) || 1), pageCount(total, size));
}

/**
 * The page numbers a pagination bar shows: always the first and the last, the current
 * one with `around` neighbours each side, and 'gap' where numbers are left out. A gap
 * never stands for a single page: that page is shown instead.
 */
export function paginationItems(current: number, total: number, around = 1): (number | 'gap')[] {
  const shown = new Set<number>([1, total]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= total) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  let previous = 0;
  for (const p of sorted) {
    if (p - previous === 2) items.push(p - 1);
    else if (p - previous > 2) items.push('gap');
    items.push(p);
    previous = p;
  }
  return items;
}

/**
 * INSEE order of department codes: 01…19, 2A, 2B, 21…95, then 971… (Corsica's two
 * departments stand where 20 was; a plain numeric sort puts "2A" next to "02").
 */
export function compareDepartmentCodes(a: string, b: string): number {
  const rank = (code: string) =>
    /^2[AB]$/i.test(code) ? 20 + (code.toUpperCase() === '2A' ? 0.1 : 0.2) : Number(code);
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** How many items carry each value; `valuesOf` gives an item's values (each counted once). */
export function countValues<T>(
  items: Iterable<T>,
  valuesOf: (item: T) => readonly string[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    for (const value of new Set(valuesOf(item))) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

export function hasFilters(filters: DirectoryFilters): boolean {
  return FACETS.some((facet) => filters[facet] !== undefined);
}

/**
 * Reads the state from a query string. Values that are not in `allowed` (mistyped,
 * outdated or hostile links) are ignored, as is a page that is not a positive integer:
 * a bad link shows the whole directory rather than an error.
 */
export function readState(
  params: URLSearchParams,
  allowed: Readonly<Record<Facet, readonly string[]>>,
): DirectoryState {
  const filters: DirectoryFilters = {};
  for (const facet of FACETS) {
    const value = params.getAll(QUERY_KEYS[facet]).find((v) => allowed[facet].includes(v));
    if (value !== undefined) filters[facet] = value;
  }
  const rawPage = params.get(PAGE_KEY) ?? '1';
  const page = /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
  return { filters, page };
}

/**
 * The query string of a state ("?region=32&page=2", or "" for the whole directory), in
 * the form's order so that the same view always has the same address. Parameters that
 * are not the directory's are kept, after its own.
 */
export function writeState(state: DirectoryState, keep: URLSearchParams = new URLSearchParams()): string {
  const params = new URLSearchParams();
  for (const facet of FACETS) {
    const value = state.filters[facet];
    if (value) params.set(QUERY_KEYS[facet], value);
  }
  if (state.page > 1) params.set(PAGE_KEY, String(state.page));
  const own = new Set<string>([...Object.values(QUERY_KEYS), PAGE_KEY]);
  for (const [key, value] of keep) if (!own.has(key)) params.append(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}
