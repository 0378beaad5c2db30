/**
 * The built site in a real browser: home page and a case study in each language load
 * without errors, in the right language, and the language switch leads to the translation.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { requireSite } from '../setup/site';
import { lazySession, visit } from './harness';

const session = lazySession(requireSite);
afterAll(() => session.close());

/** Opens a page of the built site in the shared browser. */
async function open(url: string) {
  const { browser, server } = await session.get();
  return visit(browser.context, server.origin, url);
}

const PAGES = [
  { url: '/', lang: 'fr' },
  { url: '/etudes-de-cas/loos-point-poste-ess/', lang: 'fr' },
  { url: '/en/', lang: 'en' },
  { url: '/en/case-studies/loos-ess-post-point/', lang: 'en' },
];

describe('smoke', () => {
  for (const { url, lang } of PAGES) {
    test(`${url} loads in ${lang} with a heading, no console error and no failed request`, async () => {
      const visited = await open(url);
      try {
        expect(visited.status, `${url} answered HTTP ${String(visited.status)}`).toBe(200);
        const h1 = await visited.page.locator('h1').allInnerTexts();
        expect(h1, `${url}: expected one <h1>`).toHaveLength(1);
        expect(h1[0]?.trim()).not.toBe('');
        expect(await visited.page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(visited.errors, visited.errors.join('\n')).toEqual([]);
        expect(visited.failedRequests, visited.failedRequests.join('\n')).toEqual([]);
      } finally {
        await visited.page.close();
      }
    });
  }

  test('the language switch of the Loos case study leads to its English translation', async () => {
    const visited = await open('/etudes-de-cas/loos-point-poste-ess/');
    try {
      const link = visited.page.locator('[data-language-switch] a[hreflang="en"]');
      await expect
        .poll(() => link.count(), { message: 'no link with hreflang="en" in [data-language-switch]' })
        .toBe(1);
      await Promise.all([visited.page.waitForURL('**/en/case-studies/loos-ess-post-point/'), link.click()]);
      expect(new URL(visited.page.url()).pathname).toBe('/en/case-studies/loos-ess-post-point/');
      expect(await visited.page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(visited.errors, visited.errors.join('\n')).toEqual([]);
      expect(visited.failedRequests, visited.failedRequests.join('\n')).toEqual([]);
    } finally {
      await visited.page.close();
    }
  });

  test('the English switch leads back to the French case study', async () => {
    const visited = await open('/en/case-studies/loos-ess-post-point/');
    try {
      const link = visited.page.locator('[data-language-switch] a[hreflang="fr"]');
      await expect
        .poll(() => link.count(), { message: 'no link with hreflang="fr" in [data-language-switch]' })
        .toBe(1);
      await Promise.all([visited.page.waitForURL('**/etudes-de-cas/loos-point-poste-ess/'), link.click()]);
      expect(await visited.page.evaluate(() => document.documentElement.lang)).toBe('fr');
    } finally {
      await visited.page.close();
    }
  });

  test('an unknown address shows the 404 page with status 404', async () => {
    const visited = await open('/cette-page-n-existe-pas/');
    try {
      expect(visited.status).toBe(404);
      expect((await visited.page.locator('h1').innerText()).trim()).not.toBe('');
      // Chromium logs the document's own 404 status as a console error: that one is expected.
      const errors = visited.errors.filter((e) => !/status of 404 .*\/cette-page-n-existe-pas\/\)$/.test(e));
      expect(errors, errors.join('\n')).toEqual([]);
      expect(visited.failedRequests, visited.failedRequests.join('\n')).toEqual([]);
    } finally {
      await visited.page.close();
    }
  });
});
