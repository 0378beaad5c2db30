/**
 * The partner map (/carte/, /en/map/) in Chromium: it loads without error on the real
 * content; with a larger, fake data file (served in place of /carte/points.json) it shows
 * clusters, filters them through a form whose state goes into the address, and shows
 * names as text; without JavaScript the page still gives the list and the directory link.
 *
 * Tile requests never leave the machine: they get a transparent image here, so that the
 * test can check that the configured tile URL is used.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { requireSite } from '../setup/site';
import { CHROMIUM_ARGS, CHROMIUM_PATH, lazySession } from './harness';
import { fakePartners } from '../../scripts/lib/fake-partners';
import { partnerSchema } from '../../src/schemas/partner';
import { buildMapData, filterPoints, P, type MapData, type MapPartnerInput } from '../../src/lib/map-points';
import { placeOf } from '../../src/lib/commune-positions';
import { ctx } from '../unit/fixtures/entries';

const session = lazySession(requireSite);
afterAll(() => session.close());

/** A 1×1 transparent PNG, standing in for every map tile. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

interface MapVisit {
  page: Page;
  errors: string[];
  failedRequests: string[];
  tiles: string[];
}

/**
 * Opens `url` in the shared browser. Tiles (any image from another host) get TILE; other
 * hosts are blocked and reported; `points` replaces the map's data file when given.
 */
async function openMap(url: string, points?: MapData): Promise<MapVisit> {
  const { browser, server } = await session.get();
  const page = await browser.context.newPage();
  const visit: MapVisit = { page, errors: [], failedRequests: [], tiles: [] };
  await page.route('**/*', async (route) => {
    const request = route.request();
    const target = request.url();
    if (points && new URL(target).pathname === '/carte/points.json' && target.startsWith(server.origin)) {
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(points) });
    } else if (target.startsWith(server.origin + '/') || target.startsWith('data:')) {
      await route.continue();
    } else if (request.resourceType() === 'image') {
      visit.tiles.push(target);
      await route.fulfill({ contentType: 'image/png', body: TILE });
    } else {
      visit.failedRequests.push(`blocked request to ${target}`);
      await route.abort('blockedbyclient');
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') visit.errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => visit.errors.push(`uncaught exception: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) visit.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await page.goto(server.origin + url, { waitUntil: 'load', timeout: 60_000 });
  await page.locator('partner-map[data-ready]').waitFor({ state: 'attached', timeout: 30_000 });
  return visit;
}

function expectClean(visit: MapVisit): void {
  expect(visit.errors, visit.errors.join('\n')).toEqual([]);
  expect(visit.failedRequests, visit.failedRequests.join('\n')).toEqual([]);
}

/** Fake partners run through the partner schema, as the build would, then encoded (placed as the build does). */
function fakeMapData(count: number): MapData {
  const schema = partnerSchema(ctx);
  const inputs: MapPartnerInput[] = fakePartners(count, 5).map(({ id, data }) => {
    const parsed = schema.parse(data);
    return { slug: id, english: parsed.description?.en !== undefined, ...parsed };
  });
  return buildMapData(inputs, placeOf);
}

const realPoints = (): MapData =>
  JSON.parse(readFileSync(path.join(requireSite(), 'carte/points.json'), 'utf8')) as MapData;

const markers = (page: Page) => page.locator('.map-cluster, .map-point');

describe('map', () => {
  test('/carte/ loads the real partners without error, with IGN tiles', async () => {
    const visit = await openMap('/carte/');
    try {
      const { page } = visit;
      expect(await page.locator('h1').innerText()).toBe('Carte des partenaires');
      // Real partners with a commune are on the map: it never opens empty while they exist.
      expect(realPoints().points.length).toBeGreaterThan(0);
      await expect.poll(() => markers(page).count()).toBeGreaterThan(0);
      expect(await page.locator('[data-map-empty]').count()).toBe(0);
      expect(await page.locator('[data-map-unmapped]').isVisible()).toBe(true);
      await expect.poll(() => visit.tiles.length).toBeGreaterThan(0);
      expect(visit.tiles[0]).toMatch(
        /^https:\/\/data\.geopf\.fr\/wmts\?.*LAYER=GEOGRAPHICALGRIDSYSTEMS\.PLANIGNV2/,
      );
      expect(visit.tiles[0]).toMatch(/TILEMATRIX=\d+&TILEROW=\d+&TILECOL=\d+/);
      const attribution = await page.locator('.leaflet-control-attribution').innerText();
      expect(attribution).toContain('© IGN – Géoplateforme');
      expect(attribution).toContain('Positions des communes : GeoNames, CC BY 4.0');
      expectClean(visit);
    } finally {
      await visit.page.close();
    }
  });

  test('a real partner with only a commune is on the map, drawn and labelled as approximate', async () => {
    const approximate = realPoints().points.filter((p) => p[P.precision] > 0);
    expect(approximate.length).toBeGreaterThan(0);
    const visit = await openMap('/carte/');
    try {
      const { page } = visit;
      const name = approximate[0]![P.name];
      // The real points are few and far apart: at the opening view, each is its own marker.
      const marker = page.locator(`.map-point--approximate[title^="${name}"]`);
      await marker.waitFor();
      expect(await marker.getAttribute('title')).toBe(
        `${name} (position approximative (centre de la commune))`,
      );
      await marker.click();
      const popup = page.locator('.leaflet-popup .map-popup');
      await popup.waitFor();
      expect(await popup.locator('.map-popup-precision').innerText()).toBe(
        'Position approximative (centre de la commune)',
      );
      const legend = page.locator('[data-map-legend]');
      expect(await legend.isVisible()).toBe(true);
      expect(await legend.innerText()).toContain('Position approximative : centre de la commune');
      expectClean(visit);
    } finally {
      await visit.page.close();
    }
  });

  test('an exact point and an approximate one are drawn apart, each where it stands', async () => {
    const base = {
      kind: 'ess-organisation' as const,
      english: true,
      commitments: ['social-inclusion' as const],
      partnershipTypes: ['mediation' as const],
    };
    const data = buildMapData(
      [
        {
          ...base,
          slug: 'exacte',
          name: 'Exacte à Brest',
          location: { latitude: 48.39, longitude: -4.49, department: { code: '29' }, region: { code: '53' } },
        },
        {
          ...base,
          slug: 'approchee',
          name: 'Approchée à Loos',
          location: { commune: '59360', department: { code: '59' }, region: { code: '32' } },
        },
      ],
      placeOf,
    );
    const visit = await openMap('/carte/', data);
    try {
      const { page } = visit;
      const exact = page.locator('.map-point:not(.map-point--approximate)');
      const approximate = page.locator('.map-point--approximate');
      await expect.poll(() => exact.count()).toBe(1);
      expect(await approximate.count()).toBe(1);
      expect(await exact.getAttribute('title')).toBe('Exacte à Brest');
      const a = (await exact.boundingBox())!;
      const b = (await approximate.boundingBox())!;
      // Brest is west and south of Loos.
      expect(a.x).toBeLessThan(b.x);
      expect(a.y).toBeGreaterThan(b.y);
      await exact.click();
      await page.locator('.leaflet-popup .map-popup a').waitFor();
      expect(await page.locator('.leaflet-popup .map-popup-precision').count()).toBe(0);
      expectClean(visit);
    } finally {
      await visit.page.close();
    }
  });

  test('/en/map/ is in English', async () => {
    const visit = await openMap('/en/map/');
    try {
      expect(await visit.page.locator('h1').innerText()).toBe('Map of partners');
      expect(await visit.page.locator('.leaflet-control-zoom-in').getAttribute('aria-label')).toBe('Zoom in');
      expect(await visit.page.locator('[data-map-legend]').innerText()).toContain(
        'Approximate position: centre of the commune',
      );
      expectClean(visit);
    } finally {
      await visit.page.close();
    }
  });

  test('800 fake partners show as clusters, with a count of the partners shown', async () => {
    const data = fakeMapData(800);
    const visit = await openMap('/carte/', data);
    try {
      const { page } = visit;
      await expect.poll(() => page.locator('.map-cluster').count()).toBeGreaterThan(0);
      // Clustering: far fewer markers than points.
      expect(await markers(page).count()).toBeLessThan(data.points.length / 4);
      expect(await page.locator('[data-map-status]').innerText()).toBe(
        `Partenaires affichés : ${new Intl.NumberFormat('fr').format(data.points.length)}`,
      );
      expect(await page.locator('[data-map-filters]').isVisible()).toBe(true);
      // Markers, counts and the form pass axe too (the real content has no point to check).
      await page.evaluate(axe.source);
      const violations = await page.evaluate(() =>
        (window as unknown as { axe: typeof axe }).axe
          .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
          .then((r) =>
            r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => String(n.target)).join(', ')}`),
          ),
      );
      expect(violations).toEqual([]);
      expectClean(visit);
    } finally {
      await visit.page.close();
    }
  });

  test('choosing a region filters the points, puts the filter in the address and updates counts', async () => {
    const data = fakeMapData(800);
    const visit = await openMap('/carte/', data);
    try {
      const { page } = visit;
      const expected = filterPoints(data, { region: '53' }).length;
      expect(expected).toBeGreaterThan(0);
      const option = page.locator('#map-region option[value="53"]');
      expect(await option.innerText()).toBe(`Bretagne (${expected})`);
      await page.locator('#map-region').selectOption('53');
      await expect.poll(() => new URL(page.url()).search).toBe('?region=53');
      await expect
        .poll(() => page.locator('[data-map-status]').innerText())
        .toBe(`Partenaires affichés : ${expected}`);
      // Departments of other regions now count nothing and cannot be chosen.
      expect(await page.locator('#map-department option[value="59"]').isDisabled()).toBe(true);
      expect(await page.locator('#map-department option[value="35"]').isDisabled()).toBe(false);
      // The directory reads the same query string: its links follow the map's filters.
      expect(await page.locator('a[data-map-directory]').first().getAttribute('href')).toBe(
        '/partenaires/?region=53',
      );
      await page.locator('[data-map-reset]').click();
      await expect.poll(() => new URL(page.url()).search).toBe('');
      expect(await page.locator('a[data-map-directory]').first().getAttribute('href')).toBe('/partenaires/');
      expectClean(visit);
    } finally {
      await visit.page.close();
    }
  });

  test('the kind of entry filters the map, with counts, and goes into the address', async () => {
    const data = fakeMapData(800);
    const visit = await openMap('/carte/', data);
    try {
      const { page } = visit;
      const expected = filterPoints(data, { kind: 'ess-organisation' }).length;
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(data.points.length);
      const select = page.locator('#map-kind');
      // First in the form, as in the directory.
      expect(await page.locator('[data-map-filters] select').first().getAttribute('id')).toBe('map-kind');
      expect(await select.locator('option[value="ess-organisation"]').innerText()).toBe(
        `Structure ESS référencée (${new Intl.NumberFormat('fr').format(expected)})`,
      );
      await select.selectOption('ess-organisation');
      await expect.poll(() => new URL(page.url()).search).toBe('?kind=ess-organisation');
      await expect.poll(() => page.locator('partner-map').getAttribute('data-shown')).toBe(String(expected));
      expect(await page.locator('a[data-map-directory]').first().getAttribute('href')).toBe(
        '/partenaires/?kind=ess-organisation',
      );
      expectClean(visit);
    } finally {
      await visit.page.close();
    }
  });

  test('a shared address opens the map with its filters chosen', async () => {
    const data = fakeMapData(800);
    const visit = await openMap('/carte/?commitment=digital-inclusion&type=mediation', data);
    try {
      const { page } = visit;
      const expected = filterPoints(data, {
        commitment: 'digital-inclusion',
        partnershipType: 'mediation',
      }).length;
      expect(await page.locator('#map-commitment').inputValue()).toBe('digital-inclusion');
      expect(await page.locator('#map-partnershipType').inputValue()).toBe('mediation');
      expect(await page.locator('partner-map').getAttribute('data-shown')).toBe(String(expected));
      expectClean(visit);
    } finally {
      await visit.page.close();
    }
  });

  test('a partner’s popup shows its name as text and links to its page, also from the keyboard', async () => {
    const name = '<img src=x data-injected>Structure fictive <em>&</em> "Cie"';
    const data = buildMapData([
      {
        slug: 'structure-fictive-1',
        name,
        kind: 'ess-partner',
        english: true,
        commitments: ['social-inclusion'],
        partnershipTypes: ['mediation'],
        location: { latitude: 47, longitude: 2.5, department: { code: '18' }, region: { code: '24' } },
      },
    ]);
    const visit = await openMap('/carte/', data);
    try {
      const { page } = visit;
      const point = page.locator('.map-point');
      await expect.poll(() => point.count()).toBe(1);
      expect(await point.getAttribute('title')).toBe(name);
      await point.focus();
      await page.keyboard.press('Enter');
      const link = page.locator('.leaflet-popup .map-popup a');
      await link.waitFor();
      expect(await link.textContent()).toBe(name);
      expect(await link.getAttribute('href')).toBe('/partenaires/structure-fictive-1/');
      expect(await page.locator('[data-injected]').count()).toBe(0);
      expect(await link.evaluate((a) => a === document.activeElement)).toBe(true);
      expect(await page.locator('.leaflet-popup-close-button').getAttribute('aria-label')).toBe('Fermer');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.leaflet-popup').count()).toBe(0);
      // Focus goes back to the point the popup came from.
      expect(await point.evaluate((el) => el === document.activeElement)).toBe(true);
      expectClean(visit);
    } finally {
      await visit.page.close();
    }
  });

  test('on the English map, a partner without an English page links to its French page and says so', async () => {
    const point = (slug: string, english: boolean, latitude: number) => ({
      slug,
      name: slug,
      kind: 'ess-partner' as const,
      english,
      commitments: ['social-inclusion' as const],
      partnershipTypes: ['mediation' as const],
      location: { latitude, longitude: 2.5, department: { code: '18' }, region: { code: '24' } },
    });
    const data = buildMapData([point('traduite', true, 47), point('non-traduite', false, 45)]);
    const visit = await openMap('/en/map/', data);
    try {
      const { page } = visit;
      const links: Record<string, { href: string | null; hreflang: string | null; text: string }> = {};
      for (const name of ['traduite', 'non-traduite']) {
        const marker = page.locator(`.map-point[title="${name}"]`);
        await marker.waitFor();
        await marker.focus();
        await page.keyboard.press('Enter');
        const link = page.locator('.leaflet-popup .map-popup a');
        await link.waitFor();
        links[name] = {
          href: await link.getAttribute('href'),
          hreflang: await link.getAttribute('hreflang'),
          text: await link.innerText(),
        };
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.leaflet-popup').count()).toBe(0);
      }
      expect(links['traduite']).toEqual({ href: '/en/partners/traduite/', hreflang: null, text: 'traduite' });
      expect(links['non-traduite']).toEqual({
        href: '/partenaires/non-traduite/',
        hreflang: 'fr',
        text: 'non-traduite (page in French)',
      });
      expectClean(visit);
    } finally {
      await visit.page.close();
    }
  });

  test('without JavaScript, the page explains it and offers the list and the directory', async () => {
    const { server } = await session.get();
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      await context.route('**/*', (route) =>
        route
          .request()
          .url()
          .startsWith(server.origin + '/')
          ? route.continue()
          : route.abort(),
      );
      const page = await context.newPage();
      await page.goto(`${server.origin}/carte/`);
      expect(await page.locator('.partner-map__message').innerText()).toContain('JavaScript');
      expect(await page.locator('[data-map-canvas]').isHidden()).toBe(true);
      expect(await page.locator('[data-map-filters]').isHidden()).toBe(true);
      const directory = page.locator('main a[href="/partenaires/"]');
      expect(await directory.count()).toBeGreaterThan(0);
      expect(await directory.first().isVisible()).toBe(true);
      const mapped = realPoints().points.length;
      if (mapped === 0) {
        expect(await page.locator('[data-map-empty]').isVisible()).toBe(true);
      } else if (mapped <= 200) {
        const names = await page.locator('[data-map-list] a').allInnerTexts();
        expect(names.sort()).toEqual(
          realPoints()
            .points.map((p) => p[P.name])
            .sort(),
        );
        const approximate = realPoints().points.filter((p) => p[P.precision] > 0).length;
        expect(await page.locator('[data-map-list] [data-map-approximate]').count()).toBe(approximate);
      }
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
