/**
 * <partner-directory>: filters the partner directory in the browser with Pagefind's
 * filter API (no server). The page renders the form out of sight, the static list, and an
 * empty results section (src/components/PartnerFilters.astro); this script shows the
 * form, and while any filter is set it replaces the static list with the matching
 * partners, drawn from the search index with textContent only (names and summaries are
 * data, never markup). The state lives in the address (?region=32&page=2): links can be
 * shared, and Back and Forward walk through the filters.
 */
import {
  FACETS,
  PAGE_SIZE,
  clampPage,
  countsById,
  hasFilters,
  indexFilters,
  pageCount,
  pageRange,
  pageSlice,
  paginationItems,
  readState,
  withoutFacet,
  writeState,
  type DirectoryFilters,
  type DirectoryState,
  type Facet,
  type IndexVocabulary,
} from '../lib/directory';
import { SEARCH_BUNDLE_PATHS } from '../lib/search';

/** Texts the script needs, in the page's language (PartnerFilters.astro). */
export interface DirectoryStrings {
  matchOne: string;
  matchOther: string;
  noMatch: string;
  loading: string;
  failed: string;
  range: string;
  commitments: string;
  partnershipTypes: string;
  paginationLabel: string;
  /** Said after a partner whose page is in French only (meta.page_lang, partner-pages.ts). */
  pageInFrench: string;
  previous: string;
  next: string;
  page: string;
}

// --- The part of Pagefind's JavaScript API used here (pagefind.js, loaded on demand). ---

interface PagefindData {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number> | undefined>;
}
interface Pagefind {
  search(
    term: string | null,
    options: { filters: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<PagefindResponse | null>;
}

/**
 * The partners' own bundle (SEARCH_BUNDLE_PATHS), a runtime string, so that the bundler
 * leaves this file alone: it only exists after the build.
 */
const PAGEFIND_URL = `${SEARCH_BUNDLE_PATHS.partners}pagefind.js`;
let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>;
  // A failed download may succeed on the next try (flaky network).
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** The matching partners of one set of filters, and the counts the form shows with it. */
interface Found {
  key: string;
  results: PagefindResult[];
  counts: Record<Facet, Record<string, number>>;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export class PartnerDirectory extends HTMLElement {
  private strings!: DirectoryStrings;
  private vocabulary!: IndexVocabulary;
  private allowed!: Record<Facet, string[]>;
  private selects = new Map<Facet, HTMLSelectElement>();
  private form!: HTMLFormElement;
  private status!: HTMLElement;
  private staticList!: HTMLElement;
  private results!: HTMLElement;
  private heading!: HTMLElement;
  private range!: HTMLElement;
  private list!: HTMLElement;
  private pages!: HTMLElement;
  private found: Found | undefined;
  /** This document's own path: its static list is that page of the directory. */
  private readonly ownPath = location.pathname;
  /** Counts of the whole directory, as the page was built. */
  private staticCounts = {} as Record<Facet, Record<string, number>>;
  /** Bumped by every new request, so that a slow answer never overwrites a newer one. */
  private generation = 0;
  private readonly numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  private readonly plural = new Intl.PluralRules(document.documentElement.lang || undefined);

  connectedCallback() {
    const get = <T extends HTMLElement>(selector: string) => {
      const node = this.querySelector<T>(selector);
      if (!node) throw new Error(`partner-directory: ${selector} is missing`);
      return node;
    };
    this.strings = JSON.parse(this.dataset['strings'] ?? '{}') as DirectoryStrings;
    this.form = get<HTMLFormElement>('[data-filters]');
    this.status = get('[data-status]');
    this.staticList = get('[data-static]');
    this.results = get('[data-results]');
    this.heading = get('#directory-results-title');
    this.range = get('[data-results-range]');
    this.list = get('[data-results-list]');
    this.pages = get('[data-results-pages]');

    const names = {} as Record<Facet, string>;
    const values = {} as Record<Facet, Record<string, string>>;
    this.allowed = {} as Record<Facet, string[]>;
    for (const facet of FACETS) {
      const select = get<HTMLSelectElement>(`select[data-facet="${facet}"]`);
      this.selects.set(facet, select);
      names[facet] = select.dataset['indexName'] ?? facet;
      values[facet] = {};
      this.staticCounts[facet] = {};
      for (const option of Array.from(select.options)) {
        if (!option.value) continue;
        values[facet][option.value] = option.dataset['indexed'] ?? option.value;
        this.staticCounts[facet][option.value] = Number(/\((\d+)\)$/.exec(option.text)?.[1] ?? 0);
      }
      this.allowed[facet] = Object.keys(values[facet]);
    }
    this.vocabulary = {
      names,
      values,
      type: { name: this.dataset['typeName'] ?? '', value: this.dataset['typeValue'] ?? '' },
    };

    this.form.hidden = false;
    this.form.removeAttribute('data-pending');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.navigate({ filters: this.formFilters(), page: 1 });
    });
    this.form.querySelector('[data-reset]')?.addEventListener('click', () => {
      this.navigate({ filters: {}, page: 1 });
    });
    this.pages.addEventListener('click', (event) => this.onPageLink(event));
    window.addEventListener('popstate', () => void this.show(this.stateFromAddress()));

    const state = this.stateFromAddress();
    // Bad or reordered parameters: show the address of what is really displayed.
    const canonical = this.address(state);
    if (canonical !== location.pathname + location.search) history.replaceState(null, '', canonical);
    void this.show(state);
  }

  private stateFromAddress(): DirectoryState {
    return readState(new URLSearchParams(location.search), this.allowed);
  }

  private formFilters(): DirectoryFilters {
    const filters: DirectoryFilters = {};
    for (const [facet, select] of this.selects) if (select.value) filters[facet] = select.value;
    return filters;
  }

  /**
   * The address of a state. Filtered views live at the list's first address
   * (/partenaires/?region=32), whichever static page they were chosen on; with no filter,
   * the address of this document, whose static list is the one shown.
   */
  private address(state: DirectoryState): string {
    const path = hasFilters(state.filters) ? new URL(this.form.action).pathname : this.ownPath;
    return path + writeState(state, new URLSearchParams(location.search));
  }

  /** Goes to a new state with a history entry, so that Back returns to the previous one. */
  private navigate(state: DirectoryState) {
    const target = this.address(state);
    if (target !== location.pathname + location.search) history.pushState(null, '', target);
    void this.show(state);
  }

  private onPageLink(event: MouseEvent) {
    const link = (event.target as Element | null)?.closest('a');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    const page = Number(link.dataset['page']);
    this.navigate({ filters: this.stateFromAddress().filters, page });
    this.heading.focus();
  }

  private syncForm(filters: DirectoryFilters) {
    for (const [facet, select] of this.selects) select.value = filters[facet] ?? '';
  }

  private showCounts(counts: Record<Facet, Record<string, number>>) {
    for (const [facet, select] of this.selects) {
      for (const option of Array.from(select.options)) {
        if (!option.value) continue;
        option.text = `${option.dataset['label'] ?? option.value} (${counts[facet][option.value] ?? 0})`;
      }
    }
  }

  private async show(state: DirectoryState) {
    const generation = ++this.generation;
    this.syncForm(state.filters);
    if (!hasFilters(state.filters)) {
      this.results.hidden = true;
      this.staticList.hidden = false;
      this.status.textContent = '';
      this.showCounts(this.staticCounts);
      return;
    }
    this.status.textContent = this.strings.loading;
    try {
      const found = await this.find(state.filters);
      if (generation !== this.generation) return;
      this.showCounts(found.counts);
      const total = found.results.length;
      const page = clampPage(state.page, total, PAGE_SIZE);
      const data = await Promise.all(pageSlice(found.results, page, PAGE_SIZE).map((r) => r.data()));
      if (generation !== this.generation) return;
      this.drawResults(data, state.filters, page, total);
      this.status.textContent =
        total === 0
          ? this.strings.noMatch
          : fill(this.plural.select(total) === 'one' ? this.strings.matchOne : this.strings.matchOther, {
              count: this.numbers.format(total),
            });
    } catch {
      if (generation !== this.generation) return;
      this.results.hidden = true;
      this.staticList.hidden = false;
      this.status.textContent = this.strings.failed;
    }
  }

  /** Queries the index, or reuses the last answer when only the page changed. */
  private async find(filters: DirectoryFilters): Promise<Found> {
    const key = writeState({ filters, page: 1 });
    if (this.found?.key === key) return this.found;
    const index = await loadPagefind();
    const search = async (f: DirectoryFilters) => {
      const response = await index.search(null, {
        filters: indexFilters(f, this.vocabulary),
      });
      if (!response) throw new Error('search was cancelled');
      return response;
    };
    const main = await search(filters);
    const counts = {} as Record<Facet, Record<string, number>>;
    for (const facet of FACETS) {
      // A facet's counts ignore its own choice: they tell what choosing another value gives.
      const source = filters[facet] === undefined ? main : await search(withoutFacet(filters, facet));
      counts[facet] = countsById(facet, source.filters[this.vocabulary.names[facet]], this.vocabulary);
    }
    this.found = { key, results: main.results, counts };
    return this.found;
  }

  private drawResults(data: PagefindData[], filters: DirectoryFilters, page: number, total: number) {
    const pages = pageCount(total, PAGE_SIZE);
    const { first, last } = pageRange(page, total, PAGE_SIZE);
    this.range.textContent = total > 0 ? fill(this.strings.range, { first, last, total }) : '';
    this.list.replaceChildren(...data.map((d) => this.card(d)));
    this.pages.replaceChildren(...(pages > 1 ? [this.pagination(filters, page, pages)] : []));
    this.staticList.hidden = true;
    this.results.hidden = false;
  }

  /** Same markup as PartnerDirectoryCard.astro. */
  private card(data: PagefindData): HTMLLIElement {
    const { names } = this.vocabulary;
    const item = element('li');
    const article = element('article', 'card directory-card');
    const body = element('div', 'card__body');
    const heading = element('h3', 'card__title');
    const link = element('a', undefined, data.meta['title'] ?? data.url);
    link.href = data.url;
    const pageLang = data.meta['page_lang'];
    if (pageLang) {
      link.hreflang = pageLang;
      link.append(element('span', 'card__link-note', ` (${this.strings.pageInFrench})`));
    }
    heading.append(link);
    body.append(heading);
    const meta = [data.filters[names.legalForm]?.[0], data.meta['place']].filter((m) => m);
    if (meta.length > 0) body.append(element('p', 'card__meta', meta.join(' · ')));
    const summary = element('p', 'card__summary', data.meta['summary'] ?? '');
    if (data.meta['summary_lang']) summary.lang = data.meta['summary_lang'];
    body.append(summary);
    const facts = element('dl', 'directory-card__facts');
    for (const [label, values] of [
      [this.strings.commitments, data.filters[names.commitment] ?? []],
      [this.strings.partnershipTypes, data.filters[names.partnershipType] ?? []],
    ] as const) {
      const row = element('div');
      row.append(element('dt', undefined, label), element('dd', undefined, values.join(', ')));
      facts.append(row);
    }
    body.append(facts);
    article.append(body);
    item.append(article);
    return item;
  }

  /** Same markup as Pagination.astro, with links to this page's filtered addresses. */
  private pagination(filters: DirectoryFilters, current: number, total: number): HTMLElement {
    const nav = element('nav', 'pagination');
    nav.setAttribute('aria-label', this.strings.paginationLabel);
    const list = element('ul');
    list.setAttribute('role', 'list');
    const link = (page: number, text: string, rel?: string) => {
      const a = element('a', rel ? 'pagination__step' : undefined, text);
      a.href = this.address({ filters, page });
      a.dataset['page'] = String(page);
      if (rel) a.rel = rel;
      else a.setAttribute('aria-label', fill(this.strings.page, { page }));
      if (page === current && !rel) a.setAttribute('aria-current', 'page');
      const li = element('li');
      li.append(a);
      return li;
    };
    if (current > 1) list.append(link(current - 1, this.strings.previous, 'prev'));
    for (const item of paginationItems(current, total)) {
      if (item === 'gap') {
        const gap = element('li', 'pagination__gap', '…');
        gap.setAttribute('aria-hidden', 'true');
        list.append(gap);
      } else {
        list.append(link(item, String(item)));
      }
    }
    if (current < total) list.append(link(current + 1, this.strings.next, 'next'));
    nav.append(list);
    return nav;
  }
}
