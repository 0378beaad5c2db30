/**
 * Loads Pagefind's component UI on demand: nothing of Pagefind is downloaded until
 * someone opens search (the header button, the "/" shortcut, or the search page).
 */

const BUNDLE = '/pagefind/';

interface PagefindInstance {
  triggerLoad(): Promise<void>;
  triggerSearch(term: string): void;
  triggerFilters(filters: Record<string, string[]>): void;
  on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
  searchTerm: string;
  searchSort: Record<string, string>;
  /** Faceted mode (the `faceted` attribute): an empty query lists everything. */
  faceted: boolean;
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

/** True when the keyboard focus is in a place where "/" types a character. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
