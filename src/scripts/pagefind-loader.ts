/**
 * Loads Pagefind's component UI on demand: nothing of Pagefind is downloaded until
 * someone opens search (the header button, the "/" shortcut, or the search page).
 *
 * Search starts on the site's bundle (case studies, brochures, commitments, territories,
 * pages) and merges the partners' bundle (SEARCH_BUNDLE_PATHS) only while the search
 * includes the directory: after the site's results of the first search are on screen, so
 * that they never wait for it.
 */
import { SEARCH_BUNDLE_PATHS } from '../lib/search';

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
  on(event: 'results', callback: () => void): void;
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
 * `withFilters` also loads the partners' filter values, for a filter pane's counts.
 */
export class PartnerScope {
  private merged = false;
  private busy: Promise<void> | undefined;
  /** Set when merging failed: the site's results stay, and it is not tried again in a loop. */
  private failed = false;

  constructor(
    private readonly instance: PagefindInstance,
    private readonly wanted: () => boolean,
    private readonly withFilters = false,
  ) {
    instance.on('results', () => void this.update());
  }

  /** After a search's results: brings the instance in line with `wanted()`, searching again if it changed. */
  async update(): Promise<void> {
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
      await api.mergeIndex(SEARCH_BUNDLE_PATHS.partners);
    } catch {
      // Offline, say: Pagefind keeps the half-merged bundle, whose searches would never end.
      this.failed = true;
      await this.unmerge();
      return;
    }
    if (this.withFilters) await api.filters();
    this.merged = true;
  }

  private async unmerge() {
    this.instance.__pagefind__ = null;
    await this.instance.triggerLoad();
    this.merged = false;
  }
}

/** True when the keyboard focus is in a place where "/" types a character. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
