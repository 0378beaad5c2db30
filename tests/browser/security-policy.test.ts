/**
 * The security policy in Chromium: normal use of every page type (the home, the search
 * dialog, the search page, the directory with a filter, a partner page, the map…) reports
 * no `securitypolicyviolation`, and what an attacker would inject is blocked: an inline
 * script, an inline event handler, an image sent to another server.
 *
 * Map tiles keep the default setting (IGN's server, allowed by img-src): the policy is
 * checked as it ships. Their requests never leave the machine: they get a transparent
 * image here, as in map.test.ts, after the browser has applied the policy.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { requireSite, sitemapPaths } from '../setup/site';
import { lazySession } from './harness';

const session = lazySession(requireSite);
afterAll(() => session.close());

/** A 1×1 transparent PNG, standing in for every map tile. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** The only server besides the site that the policy lets the page reach: the map tiles'. */
const TILES_ORIGIN = 'https://data.geopf.fr';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

interface Visit {
  page: Page;
  violations: Violation[];
  /** Uncaught exceptions: a script the policy broke may throw rather than report. */
  errors: string[];
  /** Requests that got past the policy to a server other than the site's and the tiles'. */
  elsewhere: string[];
}

/**
 * Opens `url` with a listener for securitypolicyviolation installed before any of the
 * page's scripts (an init script runs outside the page's policy).
 */
async function open(url: string): Promise<Visit> {
  const { browser, server } = await session.get();
  const page = await browser.context.newPage();
  const visit: Visit = { page, violations: [], errors: [], elsewhere: [] };
  await page.exposeFunction('__reportViolation', (v: Violation) => visit.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (v: unknown) => void }).__reportViolation;
      report({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
    });
  });
  await page.route('**/*', async (route) => {
    const target = route.request().url();
    if (target.startsWith(server.origin + '/') || target.startsWith('data:')) await route.continue();
    else if (target.startsWith(TILES_ORIGIN + '/'))
      await route.fulfill({ contentType: 'image/png', body: TILE });
    else {
      visit.elsewhere.push(target);
      await route.abort('blockedbyclient');
    }
  });
  page.on('pageerror', (error) => visit.errors.push(`uncaught exception: ${error.message}`));
  await page.goto(server.origin + url, { waitUntil: 'load', timeout: 60_000 });
  return visit;
}

/** Lets late requests and violation events arrive: the events are dispatched asynchronously. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
}

/** Runs `use` on a fresh page, then expects no violation and no uncaught exception. */
async function expectNoViolation(url: string, use: (page: Page) => Promise<void> = async () => {}) {
  const visit = await open(url);
  try {
    await use(visit.page);
    await settle(visit.page);
    expect(visit.violations, JSON.stringify(visit.violations, null, 2)).toEqual([]);
    expect(visit.errors, visit.errors.join('\n')).toEqual([]);
    expect(visit.elsewhere, visit.elsewhere.join('\n')).toEqual([]);
  } finally {
    await visit.page.close();
  }
}

describe('security policy in the browser: normal use reports no violation', () => {
  test('the home page', async () => {
    await expectNoViolation('/');
  });

  test('the search dialog, opened with / and given a query', async () => {
    await expectNoViolation('/', async (page) => {
      await page.keyboard.press('/');
      await page.locator('site-search dialog[open]').waitFor();
      await page.keyboard.type('Loos');
      await expect
        .poll(() => page.locator('site-search .result-type').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
    });
  });

  test('the search page with ?q=', async () => {
    await expectNoViolation('/recherche/?q=Loos', async (page) => {
      await expect
        .poll(() => page.locator('search-page .pf-result-title').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
    });
  });

  test('the directory with a filter', async () => {
    await expectNoViolation('/partenaires/?legalForm=scic', async (page) => {
      await page.locator('[data-results]').waitFor({ state: 'visible', timeout: 15_000 });
      await expect.poll(() => page.locator('[data-status]').innerText()).toMatch(/\d+ partenaire/);
    });
  });

  test('a partner page', async () => {
    await expectNoViolation('/partenaires/la-fabrique-de-l-emploi/');
  });

  test('the map, with its tiles', async () => {
    await expectNoViolation('/carte/', async (page) => {
      await page.locator('partner-map[data-ready]').waitFor({ state: 'attached', timeout: 30_000 });
      await expect.poll(() => page.locator('.leaflet-tile-loaded').count()).toBeGreaterThan(0);
    });
  });

  test('one page of every other type, in both languages, and the 404 page', async () => {
    const paths = await sitemapPaths(requireSite());
    const firstUnder = (prefix: string) => paths.find((p) => p.startsWith(prefix) && p !== prefix);
    const urls = [
      firstUnder('/etudes-de-cas/'),
      firstUnder('/engagements/'),
      firstUnder('/territoires/'),
      firstUnder('/brochures/'),
      '/plan-du-site/',
      '/donnees/',
      '/en/',
      '/en/map/',
      '/page-qui-n-existe-pas/',
    ].filter((u): u is string => u !== undefined);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) await expectNoViolation(url);
  });
});

describe('security policy in the browser: injected code is blocked', () => {
  test('an inline script added to the page is reported and does not run', async () => {
    const visit = await open('/');
    try {
      await visit.page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true;';
        document.body.append(script);
      });
      await settle(visit.page);
      expect(visit.violations.map((v) => v.directive)).toEqual(['script-src-elem']);
      expect(await visit.page.evaluate(() => '__injected' in window)).toBe(false);
    } finally {
      await visit.page.close();
    }
  });

  test('an inline event handler added to the page is reported and does not run', async () => {
    const visit = await open('/');
    try {
      await visit.page.evaluate(() => {
        document.body.insertAdjacentHTML(
          'beforeend',
          '<img alt="" src="/nothing.png" onerror="window.__handled = 1">',
        );
      });
      await settle(visit.page);
      expect(visit.violations.map((v) => v.directive)).toContain('script-src-attr');
      expect(await visit.page.evaluate(() => '__handled' in window)).toBe(false);
    } finally {
      await visit.page.close();
    }
  });

  test('an image from another server, such as a tracking pixel, is reported and never requested', async () => {
    const visit = await open('/');
    try {
      await visit.page.evaluate(() => {
        new Image().src = 'https://tracker.example/pixel.gif?page=home';
      });
      await settle(visit.page);
      expect(visit.violations).toEqual([
        expect.objectContaining({
          directive: 'img-src',
          blocked: 'https://tracker.example/pixel.gif?page=home',
        }),
      ]);
      expect(visit.elsewhere).toEqual([]);
    } finally {
      await visit.page.close();
    }
  });
});
