/**
 * Loads Pagefind's component UI on demand: nothing of Pagefind is downloaded until
 * someone opens search (the header button, the "/" shortcut, or the search page).
 *
 * Search starts on the site's bundle (case studies, brochures, commitments, territories,
 * pages) and merges the partners' bundle (SEARCH_BUNDLE_PATHS) only while the search
 * includes the directory: after the site's results of the first search are on screen, so
 * that they never wait for it.
 */
import { PARTNER_INDEX_WEIGHT, SEARCH_BUNDLE_PATHS, typographicApostrophes } from '../lib/search';

const BUNDLE = SEARCH_BUNDLE_PATHS.site;

/** The part of Pagefind's JavaScript API (pagefind.js) that merging uses. */
interface PagefindApi {
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  filters(): Promise<unknown>;
}

export interface PagefindInstance {
  triggerLoad(): Promise<void>;
  triggerSearch(term: string): void;
  triggerFilters(filters: Record<string, string[]>): void;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  on(event: 'results', callback: (found: { results?: { data(): Promise<unknown> }[] }) => void): void;
  on(event: 'filters', callback: () => void): void;
  searchTerm: string;
  searchSort: Record<string, string>;
  /** Faceted mode (the `faceted` attribute): an empty query lists everything. */
  faceted: boolean;
  /**
   * The instance's pagefind.js search, once loaded. Not part of the component UI's
   * documented API, which merges bundles only when configured before loading
   * (`mergeIndex`), and the partners' bundle is merged later, when a search needs it.
   * tests/browser/search.test.ts fails if a Pagefind upgrade changes it.
   */
  __pagefind__?: PagefindApi | null;
}

interface PagefindComponents {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
}

declare global {
  interface Window {
    PagefindComponents?: PagefindComponents;
  }
}

let loading: Promise<PagefindComponents> | undefined;

/** Adds Pagefind's stylesheet and component script once; resolves when the components exist. */
export function loadPagefindUi(): Promise<PagefindComponents> {
  loading ??= new Promise((resolve, reject) => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${BUNDLE}pagefind-component-ui.css`;
    document.head.append(style);
    const script = document.createElement('script');
    script.src = `${BUNDLE}pagefind-component-ui.js`;
    script.addEventListener('load', () => {
      if (window.PagefindComponents) resolve(window.PagefindComponents);
      else reject(new Error('Pagefind component UI did not load'));
    });
    script.addEventListener('error', () =>
      reject(new Error('Pagefind component UI could not be downloaded')),
    );
    document.head.append(script);
  });
  return loading;
}

/**
 * Whether an instance's searches include the partners' bundle. `wanted()` is asked after
 * each search's results: when it says yes and the bundle is not merged yet, it is merged
 * and the search runs again; when it says no and the bundle is merged, the instance starts
 * again on the site's bundle alone (Pagefind cannot unmerge), which the browser has cached.
 * `withFilters()` also loads the partners' filter values, for a filter pane's counts: at
 * 20,000 partners they weigh more than the rest of a first search, so only once asked.
 */
/** How many results a screen shows at first, on a phone: what merging waits for. */
const FIRST_RESULTS = 3;

export class PartnerScope {
  private merged = false;
  private busy: Promise<void> | undefined;
  /** Set when merging failed: the site's results stay, and it is not tried again in a loop. */
  private failed = false;

  private filters = false;

  /**
   * `host` carries `data-partner-bundle="merged"` while the partners' bundle is merged, and
   * `"site"` otherwise, for styles and tests to tell.
   */
  constructor(
    private readonly instance: PagefindInstance,
    private readonly wanted: () => boolean,
    private readonly host: HTMLElement,
  ) {
    host.dataset['partnerBundle'] = 'site';
    instance.on('results', (found) => void this.update(found.results ?? []));
  }

  /** Loads the partners' filter values now if merged, else with them; then searches again to count them. */
  async withFilters(): Promise<void> {
    if (this.filters) return;
    this.filters = true;
    while (this.busy) await this.busy;
    if (!this.merged) return;
    await this.instance.__pagefind__?.filters();
    this.instance.triggerSearch(this.instance.searchTerm);
  }

  /**
   * After a search's results: brings the instance in line with `wanted()`, searching again
   * if it changed. Merging waits until the first results are on screen: their data (which
   * Pagefind caches, and the results list asks for too), then a frame to draw them.
   */
  async update(results: { data(): Promise<unknown> }[]): Promise<void> {
    if (!this.merged && this.wanted() && !this.busy) {
      await Promise.all(results.slice(0, FIRST_RESULTS).map((result) => result.data()));
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    if (await this.sync()) this.instance.triggerSearch(this.instance.searchTerm);
  }

  /** After a change of what `wanted()` reads (a box, a sort): brings the instance in line, then searches. */
  async refresh(): Promise<void> {
    await this.sync();
    this.instance.triggerSearch(this.instance.searchTerm);
  }

  /** Merges or unmerges the partners' bundle as `wanted()` says; true when it did either. */
  private async sync(): Promise<boolean> {
    while (this.busy) await this.busy;
    if (this.failed || this.wanted() === this.merged) return false;
    this.busy = (this.merged ? this.unmerge() : this.merge()).finally(() => (this.busy = undefined));
    await this.busy;
    return true;
  }

  private async merge() {
    const api = this.instance.__pagefind__;
    if (!api) {
      this.failed = true;
      return;
    }
    try {
      await api.mergeIndex(SEARCH_BUNDLE_PATHS.partners, { indexWeight: PARTNER_INDEX_WEIGHT });
    } catch {
      // Offline, say: Pagefind keeps the half-merged bundle, whose searches would never end.
      this.failed = true;
      await this.unmerge();
      return;
    }
    if (this.filters) await api.filters();
    this.merged = true;
    this.host.dataset['partnerBundle'] = 'merged';
  }

  private async unmerge() {
    this.instance.__pagefind__ = null;
    await this.instance.triggerLoad();
    this.merged = false;
    this.host.dataset['partnerBundle'] = 'site';
  }
}

/**
 * Draws the apostrophes of the excerpts under `root` typographic again, as the pages write
 * them (typographicApostrophes), whenever Pagefind draws results.
 */
export function typographicExcerpts(root: Element): void {
  const fix = () => {
    for (const excerpt of root.querySelectorAll('.pf-result-excerpt')) {
      const walker = document.createTreeWalker(excerpt, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        // Only a change writes, so the observer's next call finds nothing to do.
        if (text.includes("'")) node.textContent = typographicApostrophes(text);
      }
    }
  };
  new MutationObserver(fix).observe(root, { childList: true, subtree: true, characterData: true });
}

/** True when the keyboard focus is in a place where "/" types a character. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
