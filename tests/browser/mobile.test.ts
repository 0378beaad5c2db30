/**
 * Phones: every page of the sitemap (and the search page with results, partners merged,
 * filtered or not) fits 320 px and
 * 390 px wide screens, and the header's menu folds the navigation into one button that
 * works with and without JavaScript.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { requireSite, sitemapPaths } from '../setup/site';
import { SEARCH_BUNDLES } from '../../src/lib/search';
import { lazySession, launchBrowser, pageHelpers } from './harness';

const session = lazySession(requireSite);
afterAll(() => session.close());
const { withPage } = pageHelpers(session);

/**
 * The search pages with a query, so that their results are laid out too: every result,
 * with the partners' bundle merged, and again filtered by a region (its group left open).
 */
const SEARCHES: { url: string; filter?: [group: string, value: string] }[] = [
  { url: '/recherche/?q=inclusion' },
  { url: '/en/search/?q=inclusion' },
  { url: '/recherche/?q=inclusion', filter: ['Région', 'Hauts-de-France'] },
  { url: '/en/search/?q=inclusion', filter: ['Region', 'Hauts-de-France'] },
];

/** Lays the search page's results out as someone would see them all, filtered or not. */
async function showSearchResults(page: Page, filter: [string, string] | undefined) {
  const results = page.locator('search-page .pf-result-title');
  await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await page
    .locator(`search-page[data-search-bundles="${SEARCH_BUNDLES.join(' ')}"]`)
    .waitFor({ state: 'attached' });
  await page.waitForTimeout(300);
  const summary = page.locator('search-page .pf-summary');
  const before = await summary.innerText();
  if (filter) {
    const pane = page.locator('search-page pagefind-filter-pane');
    await pane.getByText(filter[0], { exact: true }).first().click();
    await pane.locator('.pf-filter-checkbox', { hasText: filter[1] }).first().click();
    await expect.poll(() => summary.innerText(), { timeout: 10_000 }).not.toBe(before);
  }
  // Results are drawn as they scroll into view: scroll through all of them, then back.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          for (const result of document.querySelectorAll('search-page .pf-result')) {
            result.scrollIntoView();
            await new Promise((resolve) => requestAnimationFrame(resolve));
          }
          return document.querySelectorAll('search-page .pf-result .pf-skeleton').length;
        }),
      { timeout: 10_000 },
    )
    .toBe(0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Elements that stick out of the viewport sideways, described as `tag.class "text"`.
 * An element inside a horizontal scroll container (wide tables) is measured against that
 * container, which must itself fit; visually hidden elements (clipped) do not count.
 */
function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    const clippedAncestor = (el: Node): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)) return true;
        if (style.clipPath !== 'none') return true;
      }
      return false;
    };
    const sticksOut = (el: Element): boolean => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return false;
      if (rect.right <= width + 1 && rect.left >= -1) return false;
      const style = getComputedStyle(el);
      return style.clipPath === 'none' && style.position !== 'fixed' && !clippedAncestor(el);
    };
    for (const el of document.body.querySelectorAll('*')) {
      // The outermost element only: its children stick out with it.
      if (!sticksOut(el) || (el.parentElement && sticksOut(el.parentElement))) continue;
      const rect = el.getBoundingClientRect();
      const classes =
        typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/)[0]}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      found.push(
        `<${el.tagName.toLowerCase()}${classes}> "${text}" spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`,
      );
    }
    // Text can overflow a box that fits (a long word in a narrow column): its text nodes.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || clippedAncestor(node)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 || (rect.right <= width + 1 && rect.left >= -1)) continue;
      if (sticksOut(parent)) continue;
      const text = node.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
      found.push(
        `text "${text}" of <${parent.tagName.toLowerCase()}> spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`,
      );
    }
    if (document.documentElement.scrollWidth > width)
      found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide`);
    return found;
  });
}

/**
 * Words cut across two lines in table headers and figure labels, which must never break
 * inside a word. Debian's Chromium has no French hyphenation dictionary, so any word
 * drawn on two lines there was cut without a hyphen ("accompagnée / s").
 */
function cutWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('th, .figure__label')) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        // A line may end after a word's own hyphen (Hauts-de-France), not inside a part.
        for (const match of text.matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1)
            found.push(`"${match[0]}" in <${el.tagName.toLowerCase()}> is cut across lines`);
        }
      }
    }
    return found;
  });
}

/** Blocks every request that leaves the local server, as the harness does. */
async function localOnly(context: BrowserContext, origin: string) {
  await context.route('**/*', (route) =>
    route
      .request()
      .url()
      .startsWith(origin + '/')
      ? route.continue()
      : route.abort('blockedbyclient'),
  );
}

describe.each([320, 390])('at %i px wide', (width) => {
  /** What each page of the sitemap and each search showed at this width, visited once. */
  let survey: Promise<{ overflowing: string[]; cut: string[] }> | undefined;

  function surveyPages() {
    survey ??= (async () => {
      const dist = requireSite();
      const { server } = await session.get();
      const browser = await launchBrowser({ width, height: 800 });
      try {
        await localOnly(browser.context, server.origin);
        const visits = [...(await sitemapPaths(dist)).map((url) => ({ url, search: false })), ...SEARCHES];
        expect(visits.length).toBeGreaterThan(20);
        const page = await browser.context.newPage();
        const overflowing: string[] = [];
        const cut: string[] = [];
        for (const visit of visits) {
          await page.goto(server.origin + visit.url, { waitUntil: 'load' });
          const filter = 'filter' in visit ? visit.filter : undefined;
          if (!('search' in visit)) await showSearchResults(page, filter);
          const label = filter ? `${visit.url} (${filter.join(': ')})` : visit.url;
          for (const element of await overflowingElements(page)) overflowing.push(`${label}: ${element}`);
          for (const word of await cutWords(page)) cut.push(`${label}: ${word}`);
        }
        return { overflowing, cut };
      } finally {
        await browser.close();
      }
    })();
    return survey;
  }

  test('no element of any page of the sitemap, nor of the search page with results, is wider than the screen', async () => {
    const { overflowing } = await surveyPages();
    expect(
      overflowing,
      `${overflowing.length} element(s) wider than ${width} px:\n${overflowing.join('\n')}`,
    ).toEqual([]);
  });

  test('no table header or figure label cuts a word across two lines', async () => {
    const { cut } = await surveyPages();
    expect(cut, cut.join('\n')).toEqual([]);
  });
});

describe('the header menu', () => {
  /** A fresh phone-sized browser on `url`, with or without JavaScript. */
  async function onPhone(url: string, javaScript: boolean, check: (page: Page) => Promise<void>) {
    const { server } = await session.get();
    const phone = await launchBrowser({ width: 390, height: 800, javaScript });
    try {
      await localOnly(phone.context, server.origin);
      const page = await phone.context.newPage();
      await page.goto(server.origin + url);
      await check(page);
    } finally {
      await phone.close();
    }
  }

  const partnersLink = (page: Page) =>
    page.locator('.main-nav').getByRole('link', { name: 'Partenaires', exact: true });

  test('on a phone, the header is at most 130 px tall and its links are folded behind a "Menu" button', async () => {
    await onPhone('/', true, async (page) => {
      expect((await page.locator('.site-header').boundingBox())?.height).toBeLessThanOrEqual(130);
      expect(await page.locator('.main-nav summary').innerText()).toContain('Menu');
      expect(await partnersLink(page).isVisible()).toBe(false);
    });
  });

  test('on a phone without JavaScript, the "Menu" button opens the links', async () => {
    await onPhone('/', false, async (page) => {
      await page.locator('.main-nav summary').click();
      expect(await partnersLink(page).isVisible()).toBe(true);
      await partnersLink(page).click();
      await page.waitForURL('**/partenaires/');
    });
  });

  test('Escape closes the open menu and gives the focus back to its button', async () => {
    await onPhone('/', true, async (page) => {
      await page.locator('.main-nav summary').click();
      await partnersLink(page).focus();
      await page.keyboard.press('Escape');
      expect(await partnersLink(page).isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    });
  });

  test('on a desktop screen, the links show in one row and there is no "Menu" button', async () => {
    await withPage('/', async (page) => {
      expect(await page.locator('.main-nav summary').isVisible()).toBe(false);
      const boxes = await page
        .locator('.main-nav li')
        .evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
      expect(new Set(boxes).size).toBe(1);
      expect(await partnersLink(page).isVisible()).toBe(true);
    });
  });
});

test('table headers never hyphenate inside a word, on the territory pages as everywhere', async () => {
  await withPage('/territoires/', async (page) => {
    const styles = await page
      .locator('th')
      .evaluateAll((cells) => cells.map((th) => getComputedStyle(th).hyphens));
    expect(styles.length).toBeGreaterThan(0);
    expect(new Set(styles)).toEqual(new Set(['manual']));
  });
});
