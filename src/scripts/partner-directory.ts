/**
 * <partner-directory>: filters the partner directory in the browser, from the directory's
 * static index (src/lib/directory-index.ts; no server, no search index). The page renders
 * the form out of sight, the static list, and an empty results section
 * (src/components/PartnerFilters.astro); this script shows the form, and while any filter
 * is set it replaces the static list with the matching partners, drawn with textContent
 * only (names and summaries are data, never markup). A single filter's first page comes
 * from its first-page file, one request, with the facets file beside it to check that both
 * are of one build; any other view fetches the columns of its filters, filters them, and
 * fetches only the cards files that hold the page's partners not already read. The results
 * are drawn as soon as their cards are there; the other columns follow, for the counts the
 * form shows. The state lives in the address (?region=32&page=2): links can be shared, and
 * Back and Forward walk through the filters.
 */
import {
  FACETS,
  PAGE_SIZE,
  clampPage,
  hasFilters,
  pageCount,
  pageRange,
  paginationItems,
  readState,
  writeState,
  type DirectoryFilters,
  type DirectoryState,
  type Facet,
} from '../lib/directory';
import {
  StaleIndexError,
  addColumn,
  columnsFor,
  filterIndex,
  fromCardRow,
  readCardsFile,
  readFacetsFile,
  readFirstPageFile,
  shardsOf,
  singleFilter,
  type CardText,
  type DirectoryIndex,
  type FilterResult,
} from '../lib/directory-index';

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

/** How long a filter must stay chosen before its files are fetched ahead of the form's submission. */
const PREFETCH_DELAY_MS = 100;

async function fetchJson(url: string, fresh: boolean): Promise<unknown> {
  // After a deployment, the browser's copy may be older than the other files: ask again.
  const response = await fetch(url, fresh ? { cache: 'no-cache' } : {});
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
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
  /**
   * Where the index's files are: the facets file, a column file with {facet}, a cards file
   * with {shard} and a first-page file with {facet} and {value} in its name.
   */
  private indexUrl!: string;
  private columnsUrl!: string;
  private cardsUrl!: string;
  private firstUrl!: string;
  private index: Promise<DirectoryIndex> | undefined;
  /** The index once read, with the columns that have arrived. */
  private ready: DirectoryIndex | undefined;
  /** Column files already fetched (or being fetched), by facet. */
  private columns = new Map<Facet, Promise<void>>();
  /** Cards files already fetched or being fetched, by number, so that two pages never fetch one twice. */
  private shards = new Map<number, Promise<void>>();
  /** First-page files already fetched or being fetched, by filter (facet=value), unread. */
  private firsts = new Map<string, Promise<unknown>>();
  /** Every card read so far, from cards or first-page files, by position in the directory. */
  private known = new Map<number, CardText>();
  /** The last filters' result, reused when only the page changes. */
  private found: { key: string; result: FilterResult } | undefined;
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

    this.indexUrl = this.dataset['index'] ?? '';
    this.columnsUrl = this.dataset['columns'] ?? '';
    this.cardsUrl = this.dataset['cards'] ?? '';
    this.firstUrl = this.dataset['first'] ?? '';
    this.allowed = {} as Record<Facet, string[]>;
    for (const facet of FACETS) {
      const select = get<HTMLSelectElement>(`select[data-facet="${facet}"]`);
      this.selects.set(facet, select);
      this.staticCounts[facet] = {};
      for (const option of Array.from(select.options)) {
        if (!option.value) continue;
        this.staticCounts[facet][option.value] = Number(/\((\d+)\)$/.exec(option.text)?.[1] ?? 0);
      }
      this.allowed[facet] = Object.keys(this.staticCounts[facet]);
    }

    this.form.hidden = false;
    this.form.removeAttribute('data-pending');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.navigate({ filters: this.formFilters(), page: 1 });
    });
    this.form.querySelector('[data-reset]')?.addEventListener('click', () => {
      this.navigate({ filters: {}, page: 1 });
    });
    // A filter chosen is most likely sent next: its files are fetched at once, so that the
    // button finds them there (reaching it takes longer than a file takes to arrive). A
    // short wait lets a keyboard walk through a list's values fetch only where it stops.
    let choosing: number | undefined;
    this.form.addEventListener('change', () => {
      window.clearTimeout(choosing);
      choosing = window.setTimeout(() => {
        this.prefetch(this.formFilters()).catch(() => undefined);
      }, PREFETCH_DELAY_MS);
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
        const text = `${option.dataset['label'] ?? option.value} (${counts[facet][option.value] ?? 0})`;
        // Most counts stay the same from one change to the next: only the others are written.
        if (option.text !== text) option.text = text;
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
      let drawn = await this.draw(state, generation, false);
      // A cards file from a newer deployment than the facets file: read both again, once.
      if (drawn === 'stale') {
        this.forget();
        drawn = await this.draw(state, generation, true);
      }
      if (drawn === 'stale') throw new StaleIndexError();
    } catch {
      if (generation !== this.generation) return;
      this.results.hidden = true;
      this.staticList.hidden = false;
      this.status.textContent = this.strings.failed;
    }
  }

  /** Forgets every file read: they are of another build than the facets file. */
  private forget() {
    this.index = undefined;
    this.ready = undefined;
    this.columns.clear();
    this.shards.clear();
    this.firsts.clear();
    this.known.clear();
    this.found = undefined;
  }

  /** Draws the page of `state`, then says how many match; 'stale' when the files do not match. */
  private async draw(state: DirectoryState, generation: number, fresh: boolean): Promise<'done' | 'stale'> {
    let total: number | 'done';
    try {
      const single = state.page <= 1 ? singleFilter(state.filters) : undefined;
      total =
        (single && (await this.drawFirstPage(state, single, generation, fresh))) ??
        (await this.drawFromCards(state, generation, fresh));
    } catch (error) {
      if (error instanceof StaleIndexError) return 'stale';
      throw error;
    }
    if (total === 'done') return 'done';
    this.status.textContent =
      total === 0
        ? this.strings.noMatch
        : fill(this.plural.select(total) === 'one' ? this.strings.matchOne : this.strings.matchOther, {
            count: this.numbers.format(total),
          });
    return 'done';
  }

  /**
   * Draws a single filter's first page from its first-page file, fetched beside the facets
   * file (both are needed to tell that they are of one build); returns how many partners
   * match, 'done' when a newer request took over, or undefined when the file could not be
   * read (the cards files then draw the page).
   */
  private async drawFirstPage(
    state: DirectoryState,
    { facet, value }: { facet: Facet; value: string },
    generation: number,
    fresh: boolean,
  ): Promise<number | 'done' | undefined> {
    const loading = this.firstFile(facet, value, fresh).catch(() => undefined);
    // When every column is already there (a change after the first view), filtering and
    // counting run while the file is on its way.
    const ready = this.ready;
    const counts =
      ready && FACETS.every((f) => ready.codes[f] !== undefined)
        ? this.filter(ready, state.filters).counts
        : undefined;
    const [index, json] = await Promise.all([this.loadIndex(fresh), loading]);
    if (json === undefined) return undefined;
    const file = readFirstPageFile(json, index, facet, value);
    const shown = file.cards.map(fromCardRow);
    file.positions.forEach((position, i) => this.known.set(position, shown[i]!));
    if (generation !== this.generation) return 'done';
    this.drawResults(shown, state.filters, 1, file.total);
    if (counts && index === ready) this.showCounts(counts);
    else void this.completeCounts(index, state.filters, generation);
    return file.total;
  }

  /**
   * Filters, fetches the cards of the page not read yet and draws them; returns how many
   * partners match, or 'done' when a newer request took over.
   */
  private async drawFromCards(
    state: DirectoryState,
    generation: number,
    fresh: boolean,
  ): Promise<number | 'done'> {
    const index = await this.loadIndex(fresh);
    const filtered = FACETS.filter((facet) => state.filters[facet] !== undefined);
    await this.loadColumns(index, columnsFor(index, filtered), fresh);
    if (generation !== this.generation) return 'done';
    const result = this.filter(index, state.filters);
    const page = clampPage(state.page, result.matches.length, PAGE_SIZE);
    const shown = await this.cards(
      index,
      result.matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
      fresh,
    );
    if (generation !== this.generation) return 'done';
    this.drawResults(shown, state.filters, page, result.matches.length);
    // The results first; the counts need every column, which a first view fetches after.
    if (result.counts) this.showCounts(result.counts);
    else void this.completeCounts(index, state.filters, generation);
    return result.matches.length;
  }

  /** A first-page file, unread: fetched once (a failed download is tried again next time). */
  private firstFile(facet: Facet, value: string, fresh: boolean): Promise<unknown> {
    const key = `${facet}=${value}`;
    let loading = this.firsts.get(key);
    if (!loading) {
      const url = this.firstUrl.replace('{facet}', facet).replace('{value}', value);
      loading = fetchJson(url, fresh);
      this.firsts.set(key, loading);
      loading.catch(() => {
        if (this.firsts.get(key) === loading) this.firsts.delete(key);
      });
    }
    return loading;
  }

  /**
   * Fetches what the first page of `filters` needs, without drawing it: the first-page file
   * of a single filter, else the columns of the filters and the cards files of the page.
   */
  private async prefetch(filters: DirectoryFilters): Promise<void> {
    const single = singleFilter(filters);
    if (!single) {
      if (!hasFilters(filters)) return;
      const index = await this.loadIndex(false);
      await this.loadColumns(
        index,
        columnsFor(
          index,
          FACETS.filter((f) => filters[f] !== undefined),
        ),
        false,
      );
      await this.cards(index, this.filter(index, filters).matches.slice(0, PAGE_SIZE), false);
      return;
    }
    await Promise.all([this.loadIndex(false), this.firstFile(single.facet, single.value, false)]);
  }

  /** The result of a set of filters: the last one when only the page changed. */
  private filter(index: DirectoryIndex, filters: DirectoryFilters): FilterResult {
    const key = writeState({ filters, page: 1 });
    if (this.found?.key !== key || !this.found.result.counts) {
      const started = performance.now();
      this.found = { key, result: filterIndex(index, filters) };
      // What the benchmark reads (scripts/lib/bench-directory.ts): filtering and counting alone.
      performance.measure('directory:filter', { start: started });
    }
    return this.found.result;
  }

  private async completeCounts(index: DirectoryIndex, filters: DirectoryFilters, generation: number) {
    try {
      await this.loadColumns(index, columnsFor(index, FACETS), false);
    } catch {
      return; // The counts of the page as built stay; the next change tries again.
    }
    if (generation !== this.generation) return;
    const { counts } = this.filter(index, filters);
    if (counts) this.showCounts(counts);
  }

  private loadIndex(fresh: boolean): Promise<DirectoryIndex> {
    if (!this.index) {
      const loading = fetchJson(this.indexUrl, fresh).then(readFacetsFile);
      this.index = loading;
      loading.then(
        (read) => {
          if (this.index === loading) this.ready = read;
        },
        // A failed download may succeed on the next try (flaky network).
        () => {
          if (this.index === loading) this.index = undefined;
        },
      );
    }
    return this.index;
  }

  private async loadColumns(index: DirectoryIndex, facets: Facet[], fresh: boolean): Promise<void> {
    await Promise.all(
      facets.map((facet) => {
        let loading = this.columns.get(facet);
        if (!loading) {
          const url = this.columnsUrl.replace('{facet}', facet);
          loading = fetchJson(url, fresh).then((json) => addColumn(index, json));
          this.columns.set(facet, loading);
          loading.catch(() => {
            if (this.columns.get(facet) === loading) this.columns.delete(facet);
          });
        }
        return loading;
      }),
    );
  }

  /** The cards of the partners at `positions`: those not read yet come from the cards files that hold them. */
  private async cards(index: DirectoryIndex, positions: number[], fresh: boolean): Promise<CardText[]> {
    const missing = positions.filter((position) => !this.known.has(position));
    await Promise.all(
      shardsOf(missing, index.shardSize).map((shard) => {
        let file = this.shards.get(shard);
        if (!file) {
          const url = this.cardsUrl.replace('{shard}', String(shard));
          file = fetchJson(url, fresh).then((json) => {
            const start = shard * index.shardSize;
            readCardsFile(json, index).cards.forEach((row, i) => this.known.set(start + i, fromCardRow(row)));
          });
          this.shards.set(shard, file);
          file.catch(() => this.shards.delete(shard));
        }
        return file;
      }),
    );
    return positions.map((position) => {
      const text = this.known.get(position);
      if (!text) throw new StaleIndexError();
      return text;
    });
  }

  private drawResults(shown: CardText[], filters: DirectoryFilters, page: number, total: number) {
    const pages = pageCount(total, PAGE_SIZE);
    const { first, last } = pageRange(page, total, PAGE_SIZE);
    const n = (value: number) => this.numbers.format(value);
    this.range.textContent =
      total > 0 ? fill(this.strings.range, { first: n(first), last: n(last), total: n(total) }) : '';
    this.list.replaceChildren(...shown.map((card) => this.card(card)));
    this.pages.replaceChildren(...(pages > 1 ? [this.pagination(filters, page, pages)] : []));
    this.staticList.hidden = true;
    this.results.hidden = false;
  }

  /** Same markup as PartnerDirectoryCard.astro. */
  private card(card: CardText): HTMLLIElement {
    const item = element('li');
    const article = element('article', 'card directory-card');
    const body = element('div', 'card__body');
    const heading = element('h3', 'card__title');
    const link = element('a', undefined, card.title);
    link.href = card.href;
    if (card.hreflang) {
      link.hreflang = card.hreflang;
      link.append(element('span', 'card__link-note', ` (${this.strings.pageInFrench})`));
    }
    heading.append(link);
    body.append(heading);
    const meta = [card.kind, card.legalForm, card.place].filter((m) => m !== undefined);
    if (meta.length > 0) body.append(element('p', 'card__meta', meta.join(' · ')));
    if (card.summary !== undefined) {
      const summary = element('p', 'card__summary', card.summary);
      if (card.summaryLang) summary.lang = card.summaryLang;
      body.append(summary);
    }
    // Facts the entry does not have are left out, not shown empty (a referenced organisation).
    const facts = (
      [
        [this.strings.commitments, card.commitments],
        [this.strings.partnershipTypes, card.partnershipTypes],
      ] as const
    ).filter(([, values]) => values.length > 0);
    if (facts.length > 0) {
      const list = element('dl', 'directory-card__facts');
      for (const [label, values] of facts) {
        const row = element('div');
        row.append(element('dt', undefined, label), element('dd', undefined, values.join(', ')));
        list.append(row);
      }
      body.append(list);
    }
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
