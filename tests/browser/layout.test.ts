/**
 * What a desktop visitor sees (1280 px): the 404 page's column lines up with the header,
 * the site map keeps each entry in one column, and the search dialog can be closed with a
 * visible button.
 */
import { afterAll, expect, test } from 'vitest';
import { requireSite } from '../setup/site';
import { lazySession, pageHelpers } from './harness';

const session = lazySession(requireSite);
afterAll(() => session.close());
const { withPage } = pageHelpers(session);

test('the 404 page’s heading starts where the header’s brand starts', async () => {
  await withPage('/404.html', async (page) => {
    const brand = await page.locator('.site-header .brand').boundingBox();
    const heading = await page.locator('main h1').boundingBox();
    expect(Math.abs((heading?.x ?? 0) - (brand?.x ?? 0))).toBeLessThanOrEqual(2);
  });
});

test('no entry of the site map is split across two columns', async () => {
  await withPage('/plan-du-site/', async (page) => {
    const split = await page
      .locator('.site-map li')
      .evaluateAll((items) =>
        items
          .filter((li) => new Set([...li.getClientRects()].map((r) => Math.round(r.left))).size > 1)
          .map((li) => li.textContent?.trim()),
      );
    expect(split).toEqual([]);
  });
});

test('the search dialog has a visible close button on a desktop screen, which closes it', async () => {
  await withPage('/', async (page) => {
    await page.locator('.site-search__button').click();
    const dialog = page.locator('site-search dialog[open]');
    await dialog.waitFor();
    const close = dialog.locator('.pf-modal-close');
    expect(await close.isVisible()).toBe(true);
    expect(await close.getAttribute('aria-label')).toBeTruthy();
    await close.click();
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
