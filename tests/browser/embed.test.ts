/**
 * Embeds (issue 13): the map and the directory made for other sites' iframes, tested as a
 * partner's site would use them. The built site is served with the headers of its
 * `_headers` file on one loopback origin; a host page on a second origin (another port of
 * 127.0.0.1) frames it. The embed pages load, filtered by their address, without the site
 * header and with a link back to the full page; a normal page refuses to be framed there.
 * The open-data page's form builds the embed code, and its preview follows the filters.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { requireSite } from '../setup/site';
import { launchBrowser, startStaticServer, type Browser, type StaticServer } from './harness';
import { fakePartners } from '../../scripts/lib/fake-partners';
import { partnerSchema } from '../../src/schemas/partner';
import { buildMapData, filterPoints, type MapData, type MapPartnerInput } from '../../src/lib/map-points';
import { placeOf } from '../../src/lib/commune-positions';
import { ctx } from '../unit/fixtures/entries';

let site: StaticServer;
let host: StaticServer;
let hostDir: string;
let browser: Browser;

/** Hauts-de-France: Loos's region, where the directory has partners. */
const REGION = '32';
/** Brittany, where the fake partners of the map have points (no real partner has coordinates yet). */
const MAP_REGION = '53';
/** A blank 1×1 PNG in place of every map tile: tests never reach the network. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The map's data for fake partners, as the build would encode it (as tests/browser/map.test.ts does). */
function fakeMapData(count: number): MapData {
  const schema = partnerSchema(ctx);
  const inputs: MapPartnerInput[] = fakePartners(count, 5).map(({ id, data }) => {
    const parsed = schema.parse(data);
    return { slug: id, english: parsed.description?.en !== undefined, ...parsed };
  });
  return buildMapData(inputs, placeOf);
}
const mapData = fakeMapData(300);

beforeAll(async () => {
  site = await startStaticServer(requireSite(), { headers: true });
  hostDir = await mkdtemp(path.join(os.tmpdir(), 'ad-embed-host-'));
  const frame = (src: string) =>
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Site hôte</title></head>` +
    `<body><h1>Site d’un partenaire</h1><iframe src="${site.origin}${src}" title="Intégration" ` +
    `width="1000" height="800"></iframe></body></html>`;
  await writeFile(path.join(hostDir, 'carte.html'), frame(`/embed/carte/?region=${MAP_REGION}`));
  await writeFile(path.join(hostDir, 'annuaire.html'), frame(`/embed/partenaires/?region=${REGION}`));
  await writeFile(path.join(hostDir, 'normal.html'), frame('/partenaires/'));
  host = await startStaticServer(hostDir);
  expect(new URL(host.origin).port).not.toBe(new URL(site.origin).port);
  browser = await launchBrowser({ width: 1100, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  errors: string[];
  frameHeaders: Record<string, string> | undefined;
}

/** Opens a host page; only the two loopback origins may be reached. */
async function openHost(file: string): Promise<Opened> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const opened: Opened = { page, errors, frameHeaders: undefined };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${site.origin}/carte/points.json`)
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify(mapData) });
    if (url.startsWith(site.origin + '/') || url.startsWith(host.origin + '/')) return route.continue();
    if (route.request().resourceType() === 'image')
      return route.fulfill({ contentType: 'image/png', body: TILE });
    return route.abort('blockedbyclient');
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (response) => {
    if (response.request().frame() !== page.mainFrame() && response.request().resourceType() === 'document')
      opened.frameHeaders = response.headers();
  });
  await page.goto(`${host.origin}/${file}`, { waitUntil: 'load' });
  return opened;
}

function embedded(page: Page): Frame {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('the host page has no frame');
  return frame;
}

describe('embeds in another origin’s iframe', () => {
  test('the map loads filtered, without the site header, with a link back to the full map', async () => {
    const { page, errors, frameHeaders } = await openHost('carte.html');
    try {
      expect(frameHeaders?.['content-security-policy']).toContain('frame-ancestors *');
      expect(frameHeaders?.['x-frame-options']).toBeUndefined();
      const frame = embedded(page);
      await frame.waitForSelector('partner-map[data-ready]', { timeout: 30_000 });
      expect(await frame.locator('#map-region').inputValue()).toBe(MAP_REGION);
      expect(await frame.locator('.site-header').count()).toBe(0);
      const shown = filterPoints(mapData, { region: MAP_REGION }).length;
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(mapData.points.length);
      expect(await frame.locator('[data-map-status]').innerText()).toBe(`Partenaires affichés : ${shown}`);
      const back = frame.locator('a[data-embed-back]');
      expect(new URL((await back.getAttribute('href'))!, site.origin).pathname).toBe('/carte/');
      expect(new URL((await back.getAttribute('href'))!, site.origin).searchParams.get('region')).toBe(
        MAP_REGION,
      );
      expect(await frame.evaluate(() => document.querySelector('base')?.target)).toBe('_blank');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the directory loads filtered by region, with a link back to the full directory', async () => {
    const { page, errors } = await openHost('annuaire.html');
    try {
      const frame = embedded(page);
      await frame.waitForSelector('[data-results]:not([hidden]) [data-results-list] li', { timeout: 30_000 });
      expect(await frame.locator('#directory-filter-region').inputValue()).toBe(REGION);
      expect(await frame.locator('[data-results-list] li').count()).toBeGreaterThan(0);
      expect(new URL(frame.url()).pathname).toBe('/embed/partenaires/');
      const href = (await frame.locator('a[data-embed-back]').getAttribute('href'))!;
      expect(new URL(href, site.origin).pathname).toBe('/partenaires/');
      expect(new URL(href, site.origin).searchParams.get('region')).toBe(REGION);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('a normal page refuses to be framed by another origin', async () => {
    const { page, errors, frameHeaders } = await openHost('normal.html');
    try {
      expect(frameHeaders?.['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(frameHeaders?.['x-frame-options']).toBe('DENY');
      await expect
        .poll(() => errors.some((e) => e.includes('frame-ancestors')), { timeout: 10_000 })
        .toBe(true);
      const frame = embedded(page);
      // Chromium shows its error page in place of the site.
      expect(frame.url()).not.toContain('/partenaires/');
      expect(await frame.locator('main#contenu').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('the embed code form on /donnees/', () => {
  test('builds the code for the filters chosen, and the preview follows', async () => {
    const page = await browser.context.newPage();
    await page.route('**/*', (route) =>
      route
        .request()
        .url()
        .startsWith(site.origin + '/')
        ? route.continue()
        : route.abort('blockedbyclient'),
    );
    try {
      await page.goto(`${site.origin}/donnees/`, { waitUntil: 'load' });
      const code = page.locator('textarea[data-embed-code]');
      await expect.poll(() => page.locator('form[data-embed-form]').isVisible()).toBe(true);
      await page.locator('input[name="embed"][value="partners"]').check();
      await page.locator('#embed-region').selectOption(REGION);
      await page.locator('#embed-commitment').selectOption('digital-inclusion');
      const value = await code.inputValue();
      expect(value).toMatch(/^<iframe src="https?:\/\/[^"]+\/embed\/partenaires\/\?[^"]+" title="[^"]+"/);
      const src = /src="([^"]+)"/.exec(value)![1]!.replaceAll('&amp;', '&');
      const url = new URL(src);
      expect(url.searchParams.get('region')).toBe(REGION);
      expect(url.searchParams.get('commitment')).toBe('digital-inclusion');
      const preview = page.locator('iframe[data-embed-preview]');
      expect(await preview.getAttribute('src')).toBe(url.pathname + url.search);
      // The preview loads lazily: bring it into view.
      await preview.scrollIntoViewIfNeeded();
      await expect
        .poll(
          () =>
            page
              .frames()
              .find((f) => f.url().includes('/embed/partenaires/'))
              ?.url() ?? '',
        )
        .toContain(`region=${REGION}`);
    } finally {
      await page.close();
    }
  });
});
