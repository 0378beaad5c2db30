/**
 * Loads Pagefind's component UI on demand: nothing of Pagefind is downloaded until
 * someone opens search (the header button, the "/" shortcut, or the search page).
 *
 * Search starts on the site's bundle (case studies, brochures, commitments, territories,
 * pages) and merges the directory's bundles (DIRECTORY_BUNDLES) only while the search
 * includes the directory, one at a time: each after the results before it are on screen,
 * so that the site's results never wait for programme partners, nor partners for the
 * thousands of organisations referenced by name.
 */
import {
  DIRECTORY_BUNDLES,
  SEARCH_BUNDLE_PATHS,
  SEARCH_BUNDLE_WEIGHTS,
  typographicApostrophes,
} from '../lib/search';

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
  /**
   * Says a text of Pagefind's translations (`key`) to screen readers, through its live regions.
   * The components call it on the instance, so an instance's own `announce` replaces it.
   */
  announce(key: string, values?: Record<string, unknown>, priority?: 'polite' | 'assertive'): void;
  /** Replaces some of Pagefind's texts (keys of its translations files, such as `searching`). */
  setTranslations(texts: Record<string, string>): void;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  on(event: 'results', callback: (found: { results?: { data(): Promise<ResultData> }[] }) => void): void;
  on(event: 'filters', callback: () => void): void;
  searchTerm: string;
  searchSort: Record<string, string>;
  /** Faceted mode (the `faceted` attribute): an empty query lists everything. */
  faceted: boolean;
  /**
   * The instance's pagefind.js search, once loaded. Not part of the component UI's
   * documented API, which merges bundles only when configured before loading
   * (`mergeIndex`), and the directory's bundles are merged later, when a search needs them.
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

/** Pagefind's announcements of a result count (its translations' keys). */
const COUNT_ANNOUNCEMENTS = new Set([
  'zero_results',
  'one_result',
  'many_results',
  'total_zero_results',
  'total_one_result',
  'total_many_results',
]);

/** How many results a screen shows at first, on a phone: what each merge waits for. */
const FIRST_RESULTS = 3;
/** How many frames a merge waits at most for those results to be drawn (about a second). */
const DRAW_FRAMES = 60;

/** What Pagefind's `data()` gives of a result: the template links `meta.url`, else `url`. */
interface ResultData {
  url: string;
  meta?: { url?: string };
}

/**
 * Whether an instance's searches include the directory's bundles (DIRECTORY_BUNDLES:
 * programme partners, then referenced organisations). `wanted()` is asked after each
 * search's results: when it says yes, the next bundle not merged yet is merged and the
 * search runs again, so each bundle's results are drawn before the next is downloaded;
 * when it says no and some are merged, the instance starts again on the site's bundle
 * alone (Pagefind cannot unmerge), which the browser has cached.
 * `withFilters()` also loads the merged bundles' filter values, for a filter pane's counts:
 * at 20,000 entries they weigh more than the rest of a first search, so only once asked.
 */
export class DirectoryScope {
  /** How many of DIRECTORY_BUNDLES are merged, in their order. */
  private merged = 0;
  /** How many may be: a bundle that failed to merge (offline, say) is not tried again, nor those after it. */
  private available: number = DIRECTORY_BUNDLES.length;
  private busy: Promise<void> | undefined;
  private filters = false;

  /**
   * `host` carries `data-search-bundles`, the bundles searched, in merge order (`"site"`,
   * `"site partners"`, then every bundle), for styles and tests to tell.
   */
  constructor(
    private readonly instance: PagefindInstance,
    private readonly wanted: () => boolean,
    private readonly host: HTMLElement,
    /**
     * Whether a search needs the directory now. When it says no, bundles not merged yet wait
     * and those merged stay: an emptied query box is no reason to download them again.
     */
    private readonly needed: () => boolean = () => true,
  ) {
    this.show();
    instance.on('results', (found) => void this.update(found.results ?? []));
    // A count that the next merge will change is not announced: a screen reader hears one
    // count per search, the final one, not three in a second ("10 résultats", then 11, 11).
    const announce = instance.announce.bind(instance);
    instance.announce = (key, values, priority) => {
      if (COUNT_ANNOUNCEMENTS.has(key) && this.merged !== this.target()) return;
      announce(key, values, priority);
    };
  }

  /** How many directory bundles the search should include now. */
  private target(): number {
    if (!this.wanted()) return 0;
    return this.needed() ? this.available : this.merged;
  }

  /** Loads the merged bundles' filter values now, and those merged later with them; then searches again to count them. */
  async withFilters(): Promise<void> {
    if (this.filters) return;
    this.filters = true;
    while (this.busy) await this.busy;
    if (this.merged === 0) return;
    await this.instance.__pagefind__?.filters();
    this.instance.triggerSearch(this.instance.searchTerm);
  }

  /**
   * After a search's results: brings the instance one step closer to `target()`, searching
   * again if it changed. A merge waits until the results are on screen: their data (which
   * Pagefind caches, and the results list asks for too), then a frame to draw them.
   */
  async update(results: { data(): Promise<ResultData> }[]): Promise<void> {
    if (this.merged < this.target() && !this.busy) {
      const first = await Promise.all(results.slice(0, FIRST_RESULTS).map((result) => result.data()));
      await this.drawn(first.map((data) => data.meta?.url ?? data.url));
    }
    if (await this.sync()) this.instance.triggerSearch(this.instance.searchTerm);
  }

  /**
   * Resolves once the results linking to `urls` are in the host, checked at each frame:
   * Pagefind draws a result some time after its data has arrived. After DRAW_FRAMES frames it
   * gives up waiting, so that a result drawn differently never holds the next bundle back.
   */
  private async drawn(urls: string[]): Promise<void> {
    for (let frame = 0; frame < DRAW_FRAMES; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const shown = new Set(
        Array.from(this.host.querySelectorAll('.pf-result-link'), (link) => link.getAttribute('href')),
      );
      if (urls.every((url) => shown.has(url))) return;
    }
  }

  /** After a change of what `wanted()` reads (a box, a sort): brings the instance closer to it, then searches. */
  async refresh(): Promise<void> {
    await this.sync();
    this.instance.triggerSearch(this.instance.searchTerm);
  }

  /** Merges the next bundle, or unmerges them all, as `target()` says; true when it did either. */
  private async sync(): Promise<boolean> {
    while (this.busy) await this.busy;
    const target = this.target();
    if (target === this.merged) return false;
    this.busy = (target < this.merged ? this.unmerge() : this.mergeNext()).finally(
      () => (this.busy = undefined),
    );
    await this.busy;
    return true;
  }

  private async mergeNext() {
    const api = this.instance.__pagefind__;
    const bundle = DIRECTORY_BUNDLES[this.merged];
    if (!api || !bundle) {
      this.available = this.merged;
      return;
    }
    try {
      await api.mergeIndex(SEARCH_BUNDLE_PATHS[bundle], { indexWeight: SEARCH_BUNDLE_WEIGHTS[bundle] });
    } catch {
      // Offline, say: Pagefind keeps the half-merged bundle, whose searches would never end.
      // The search starts again on the site's bundle, and merges the bundles before this one.
      this.available = this.merged;
      await this.unmerge();
      return;
    }
    if (this.filters) await api.filters();
    this.merged += 1;
    this.show();
  }

  private async unmerge() {
    this.instance.__pagefind__ = null;
    await this.instance.triggerLoad();
    this.merged = 0;
    this.show();
  }

  private show() {
    this.host.dataset['searchBundles'] = ['site', ...DIRECTORY_BUNDLES.slice(0, this.merged)].join(' ');
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
