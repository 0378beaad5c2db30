/**
 * The partner directory in a browser: walking its static pages, combining filters through
 * the directory's static index (list, counts and address change; a reload or Back restores
 * the view), filtered pages of a larger index served in place of the built one, cards
 * drawn like the static ones, no request to the search index, bad addresses, a partner
 * page reached from a filtered list, the territory map, the directory without JavaScript,
 * and a visitor's whole walk down to the open-data downloads.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { FACETS, PAGE_SIZE, type Facet } from '../../src/lib/directory';
import {
  buildCardsFiles,
  buildFacetsFiles,
  buildFirstPageFiles,
  type FacetsFile,
} from '../../src/lib/directory-index';
import { directoryIndexUrl } from '../../src/lib/urls';
import { requireSite } from '../setup/site';
import { lazySession, pageHelpers } from './harness';

const session = lazySession(requireSite);
afterAll(() => session.close());

const { open, withPage } = pageHelpers(session);

const staticTitles = (page: Page) => page.locator('[data-static] .card__title a').allInnerTexts();
const resultTitles = (page: Page) => page.locator('[data-results-list] .card__title a').allInnerTexts();

/** Waits until the filtered list is shown and its status says how many match. */
async function filteredTitles(page: Page): Promise<string[]> {
  await page.locator('[data-results]').waitFor({ state: 'visible', timeout: 15_000 });
  await expect
    .poll(() => page.locator('[data-status]').innerText(), { timeout: 15_000 })
    .toMatch(/\d+ partenaires? correspond|Aucun partenaire|\d+ partners? match|No partner/);
  return resultTitles(page);
}

/** Names of the partners whose static card says `meta` (legal form or place). */
async function staticNamesWith(page: Page, meta: string): Promise<string[]> {
  return page
    .locator('[data-static] .directory-card')
    .evaluateAll(
      (cards, text) =>
        cards
          .filter((c) => c.querySelector('.card__meta')?.textContent?.includes(text))
          .map((c) => c.querySelector('.card__title a')?.textContent?.trim() ?? ''),
      meta,
    );
}

/**
 * Serves an index of `count` obviously fake partners ("Structure fictive n°01"…), all
 * cooperatives (legalForm=scic), in place of the built one; every other one has no
 * summary, as a referenced organisation may have none. `staleCards` serves cards and
 * first-page files of another build (another digest) the first time each is asked for,
 * or always. Returns the cards and first-page files requested, and how many times the
 * facets file was.
 */
async function serveFakeIndex(
  page: Page,
  count: number,
  { staleCards }: { staleCards?: 'once' | 'always' } = {},
): Promise<{ cards: string[]; facets: () => number }> {
  const built = JSON.parse(readFileSync(path.join(requireSite(), directoryIndexUrl()), 'utf8')) as FacetsFile;
  const names = Array.from(
    { length: count },
    (_, i) => `Structure fictive n°${String(i + 1).padStart(2, '0')}`,
  );
  const entries = names.map((_, i) => ({
    id: `structure-fictive-${i + 1}`,
    facets: Object.fromEntries(FACETS.map((f) => [f, f === 'legalForm' ? ['scic'] : []])) as Record<
      Facet,
      string[]
    >,
  }));
  const { facets, columns } = buildFacetsFiles(entries, built.values);
  const texts = names.map((title, i) => ({
    title,
    href: `/partenaires/structure-fictive-${i + 1}/`,
    kind: 'Structure ESS référencée',
    place: 'Lille (Nord)',
    summary: i % 2 === 0 ? `${title}, inventée pour les tests.` : undefined,
    legalForm: 'Coopérative (SCIC)',
    commitments: i % 2 === 0 ? ['Inclusion numérique'] : [],
    partnershipTypes: [],
  }));
  const cards = buildCardsFiles(texts, facets.digest);
  const firsts = buildFirstPageFiles(entries, facets.values, texts, facets.digest, PAGE_SIZE);
  const requested: string[] = [];
  /** Serves a cards or first-page file, of another build when `staleCards` says so. */
  const serve = (name: string, file: object | undefined) => {
    const stale = staleCards === 'always' || (staleCards === 'once' && !requested.includes(name));
    requested.push(name);
    return JSON.stringify(stale ? { ...file, digest: 'f0f0f0f0' } : file);
  };
  let facetsRequests = 0;
  await page.route('**/partenaires/index-facets.json', (route) => {
    facetsRequests++;
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(facets) });
  });
  await page.route('**/partenaires/index-column-*.json', (route) => {
    const facet = /index-column-(\w+)\.json$/.exec(route.request().url())?.[1];
    return route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify(columns.find((c) => c.facet === facet)),
    });
  });
  await page.route('**/partenaires/index-cards-*.json', (route) => {
    const shard = Number(/index-cards-(\d+)\.json$/.exec(route.request().url())?.[1]);
    const body = serve(`index-cards-${shard}.json`, cards[shard]);
    return route.fulfill({ contentType: 'application/json', body });
  });
  await page.route('**/partenaires/index-first-*.json', (route) => {
    const name = /index-first-[\w-]+\.json$/.exec(route.request().url())?.[0] ?? '';
    const file = firsts.find((f) => name === `index-first-${f.facet}-${f.value}.json`);
    return route.fulfill({ contentType: 'application/json', body: serve(name, file) });
  });
  return { cards: requested, facets: () => facetsRequests };
}

describe('partner directory', () => {
  test('the static pages list partners in order, with a working next page when there is one', async () => {
    await withPage('/partenaires/', async (page) => {
      const first = await staticTitles(page);
      expect(first.length).toBeGreaterThan(0);
      expect(first.length).toBeLessThanOrEqual(24);
      expect(await page.locator('.page-header .count').innerText()).toMatch(/\d+ partenaires?/);
      const next = page.locator('[data-static] nav.pagination a[rel="next"]');
      if ((await next.count()) > 0) {
        await Promise.all([page.waitForURL('**/partenaires/2/'), next.click()]);
        const second = await staticTitles(page);
        expect(second.length).toBeGreaterThan(0);
        expect(second.filter((t) => first.includes(t))).toEqual([]);
        expect(await page.locator('nav.pagination a[aria-current="page"]').getAttribute('href')).toBe(
          '/partenaires/2/',
        );
      } else {
        // One page only: no pagination bar at all.
        expect(await page.locator('[data-static] nav.pagination').count()).toBe(0);
      }
    });
  });

  test('a legal form filter lists the matching partners, in order, and puts the filter in the address', async () => {
    await withPage('/partenaires/', async (page) => {
      const expected = await staticNamesWith(page, 'Coopérative (SCIC)');
      expect(expected.length).toBeGreaterThan(0);
      await page.locator('form[data-filters]').waitFor({ state: 'visible' });
      await page.selectOption('select[name="legalForm"]', 'scic');
      await page.getByRole('button', { name: 'Afficher les partenaires' }).click();
      expect(await filteredTitles(page)).toEqual(expected);
      expect(new URL(page.url()).search).toBe('?legalForm=scic');
      expect(await page.locator('[data-static]').isVisible()).toBe(false);
      expect(await page.locator('[data-status]').innerText()).toContain(`${expected.length} partenaire`);
    });
  });

  test('the kind of entry filters the directory, in the address as kind=', async () => {
    await withPage('/partenaires/', async (page) => {
      const expected = await staticNamesWith(page, 'Partenaire institutionnel');
      expect(expected.length).toBeGreaterThan(0);
      await page.locator('form[data-filters]').waitFor({ state: 'visible' });
      await page.selectOption('select[name="kind"]', 'institutional-partner');
      await page.getByRole('button', { name: 'Afficher les partenaires' }).click();
      expect(await filteredTitles(page)).toEqual(expected);
      expect(new URL(page.url()).search).toBe('?kind=institutional-partner');
    });
  });

  test('the counts of the other filters follow the chosen one', async () => {
    await withPage('/partenaires/?legalForm=scic', async (page) => {
      const total = (await filteredTitles(page)).length;
      const commitmentCounts = () =>
        page
          .locator('select[name="commitment"] option')
          .evaluateAll((options) =>
            options
              .filter((o) => (o as HTMLOptionElement).value)
              .map((o) => Number(/\((\d+)\)$/.exec(o.textContent ?? '')?.[1])),
          );
      // The counts arrive with the other filters' columns, just after the list.
      await expect.poll(async () => Math.max(...(await commitmentCounts()))).toBeLessThanOrEqual(total);
      expect(Math.max(...(await commitmentCounts()))).toBeGreaterThan(0);
      // The chosen facet keeps the counts of the other values: choosing one of them would give that many.
      const legalFormText = await page.locator('select[name="legalForm"] option[value="scic"]').innerText();
      expect(legalFormText).toBe(`Coopérative (SCIC) (${total})`);
    });
  });

  test('a filtered address restores its filter when reloaded', async () => {
    await withPage('/partenaires/', async (page) => {
      await page.locator('form[data-filters]').waitFor({ state: 'visible' });
      await page.selectOption('select[name="region"]', '32');
      await page.getByRole('button', { name: 'Afficher les partenaires' }).click();
      const before = await filteredTitles(page);
      expect(before).toContain('La Fabrique de l’emploi');
      expect(new URL(page.url()).searchParams.get('region')).toBe('32');
      await page.reload();
      expect(await filteredTitles(page)).toEqual(before);
      expect(await page.locator('select[name="region"]').inputValue()).toBe('32');
    });
  });

  test('two filters combine, and Back and Forward walk through them', async () => {
    await withPage('/partenaires/', async (page) => {
      await page.locator('form[data-filters]').waitFor({ state: 'visible' });
      const all = await staticTitles(page);
      await page.selectOption('select[name="legalForm"]', 'scic');
      await page.getByRole('button', { name: 'Afficher les partenaires' }).click();
      const cooperatives = await filteredTitles(page);
      await page.selectOption('select[name="commitment"]', 'digital-inclusion');
      await page.getByRole('button', { name: 'Afficher les partenaires' }).click();
      await expect
        .poll(() => new URL(page.url()).search)
        .toBe('?commitment=digital-inclusion&legalForm=scic');
      const both = await filteredTitles(page);
      expect(both.length).toBeGreaterThan(0);
      expect(both.every((t) => cooperatives.includes(t))).toBe(true);

      await page.goBack();
      await expect.poll(() => new URL(page.url()).search).toBe('?legalForm=scic');
      await expect.poll(() => resultTitles(page)).toEqual(cooperatives);
      expect(await page.locator('select[name="commitment"]').inputValue()).toBe('');

      await page.goBack();
      await expect.poll(() => new URL(page.url()).search).toBe('');
      await expect.poll(() => page.locator('[data-static]').isVisible()).toBe(true);
      expect(await staticTitles(page)).toEqual(all);

      await page.goForward();
      await expect.poll(() => resultTitles(page)).toEqual(cooperatives);
    });
  });

  test('clearing the filters shows the whole directory again', async () => {
    await withPage('/partenaires/?legalForm=scic', async (page) => {
      await filteredTitles(page);
      await page.getByRole('button', { name: 'Effacer les filtres' }).click();
      await expect.poll(() => page.locator('[data-static]').isVisible()).toBe(true);
      expect(new URL(page.url()).search).toBe('');
      expect(await page.locator('select[name="legalForm"]').inputValue()).toBe('');
    });
  });

  test('unknown filter values in the address are ignored and dropped from it', async () => {
    await withPage('/partenaires/?region=zz&legalForm=%3Cscript%3E&page=-3', async (page) => {
      await page.locator('form[data-filters]').waitFor({ state: 'visible' });
      await expect.poll(() => page.url()).toMatch(/\/partenaires\/$/);
      expect(await page.locator('[data-static]').isVisible()).toBe(true);
      expect(await page.locator('[data-results]').isVisible()).toBe(false);
    });
  });

  test('a filter no partner matches says so', async () => {
    await withPage('/partenaires/?commitment=ecological-transition&legalForm=scic', async (page) => {
      expect(await filteredTitles(page)).toEqual([]);
      expect(await page.locator('[data-status]').innerText()).toBe(
        'Aucun partenaire ne correspond à ces filtres.',
      );
    });
  });

  test('a visitor walks the directory, filters it, opens a partner and the map, and downloads each export', async () => {
    await withPage('/', async (page) => {
      const origin = new URL(page.url()).origin;
      // Map tiles come from another host: a blank tile each, as if online.
      const tile = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        'base64',
      );
      await page.route(
        (url) => url.origin !== origin,
        (route) => route.fulfill({ contentType: 'image/png', body: tile }),
      );
      const follow = async (link: ReturnType<Page['locator']>) => {
        const href = (await link.getAttribute('href')) ?? '';
        await Promise.all([page.waitForURL(`**${href}`), link.click()]);
      };

      await follow(page.locator('nav.main-nav a', { hasText: 'Partenaires' }));
      const total = Number(/(\d+) partenaires/.exec(await page.locator('p.count').first().innerText())?.[1]);
      expect(total).toBeGreaterThan(0);

      await page.locator('form[data-filters]').waitFor({ state: 'visible' });
      await page.selectOption('select[name="region"]', '32');
      await page.getByRole('button', { name: 'Afficher les partenaires' }).click();
      const titles = await filteredTitles(page);
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.length).toBeLessThan(total);

      await follow(page.locator('[data-results-list] .card__title a').first());
      expect(await page.locator('h1').innerText()).toBe(titles[0]);

      await follow(page.locator('nav.main-nav a', { hasText: 'Carte' }));
      await page.locator('partner-map[data-ready]').waitFor({ state: 'attached', timeout: 30_000 });

      await follow(page.locator('footer a[href="/donnees/"]'));
      const exports = { 'partenaires.csv': 0, 'partenaires.json': 0, 'partenaires.geojson': 0 };
      for (const name of Object.keys(exports) as (keyof typeof exports)[]) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator(`a[href="/donnees/${name}"][download]`).click(),
        ]);
        expect(download.suggestedFilename()).toBe(name);
        const bytes = await readFile(await download.path());
        if (name.endsWith('.csv')) {
          // UTF-8 with a byte order mark, ";"-separated: one record per partner after the header.
          expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          const [header, ...records] = parseCsv(bytes, { bom: true, delimiter: ';' }) as string[][];
          expect(header?.slice(0, 2)).toEqual(['identifiant', 'nom']);
          exports[name] = records.length;
        } else {
          const data = JSON.parse(bytes.toString('utf8')) as {
            partenaires?: unknown[];
            features?: unknown[];
          };
          exports[name] = (data.features ?? data.partenaires ?? []).length;
        }
      }
      expect(exports).toEqual({
        'partenaires.csv': total,
        'partenaires.json': total,
        'partenaires.geojson': total,
      });
    });
  });

  test('a partner opened from a filtered list loads without error', async () => {
    await withPage('/partenaires/?region=32', async (page) => {
      await filteredTitles(page);
      const link = page.locator('[data-results-list] .card__title a').first();
      const href = await link.getAttribute('href');
      await Promise.all([page.waitForURL(`**${href}`), link.click()]);
      expect(await page.locator('h1').innerText()).toBe('La Fabrique de l’emploi');
      expect(await page.locator('.locator svg').getAttribute('aria-label')).toContain('Nord');
      // The base map image of the locator loads.
      await page.waitForLoadState('networkidle');
    });
  });

  test('the English directory filters with English labels', async () => {
    await withPage('/en/partners/?legalForm=scic', async (page) => {
      const titles = await filteredTitles(page);
      expect(titles.length).toBeGreaterThan(0);
      expect(await page.locator('[data-results-list] .card__meta').first().innerText()).toContain(
        'Cooperative (SCIC)',
      );
      expect(await page.locator('[data-status]').innerText()).toMatch(/partners? match/);
    });
  });

  test('filtering loads the index files and nothing of the search index', async () => {
    await withPage('/partenaires/', async (page) => {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.locator('form[data-filters]').waitFor({ state: 'visible' });
      await page.selectOption('select[name="legalForm"]', 'scic');
      await page.getByRole('button', { name: 'Afficher les partenaires' }).click();
      await filteredTitles(page);
      await page.selectOption('select[name="region"]', '32');
      await page.getByRole('button', { name: 'Afficher les partenaires' }).click();
      await expect.poll(() => new URL(page.url()).search).toBe('?region=32&legalForm=scic');
      await filteredTitles(page);
      expect(requests.filter((r) => r.startsWith('/pagefind/'))).toEqual([]);
      expect(requests.filter((r) => r === '/partenaires/index-facets.json')).toHaveLength(1);
      expect(requests.filter((r) => r === '/partenaires/index-column-legalForm.json')).toHaveLength(1);
    });
  });

  for (const [lang, base, apply] of [
    ['fr', '/partenaires/', 'Afficher les partenaires'],
    ['en', '/en/partners/', 'Show partners'],
  ] as const) {
    test(`every ${lang} card drawn in the browser reads like its static card`, async () => {
      await withPage(base, async (page) => {
        const text = (selector: string) =>
          page.locator(selector).evaluateAll((cards) =>
            Object.fromEntries(
              cards.map((c) => [
                c.querySelector('.card__title a')?.textContent?.trim(),
                c.innerHTML
                  .replace(/\s+/g, ' ')
                  .replace(/> </g, '><')
                  .replace(/ data-astro-[\w-]+="[^"]*"/g, ''),
              ]),
            ),
          );
        const statics = await text('[data-static] .directory-card');
        await page.locator('form[data-filters]').waitFor({ state: 'visible' });
        const drawn: Record<string, string> = {};
        // Each kind in turn: together they draw every entry of the directory.
        for (const kind of ['ess-partner', 'institutional-partner', 'ess-organisation']) {
          await page.selectOption('select[name="kind"]', kind);
          await page.getByRole('button', { name: apply }).click();
          await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe(kind);
          await filteredTitles(page);
          Object.assign(drawn, await text('[data-results-list] .directory-card'));
        }
        expect(Object.keys(drawn).toSorted()).toEqual(Object.keys(statics).toSorted());
        for (const title of Object.keys(statics)) expect(drawn[title], title).toBe(statics[title]);
      });
    });
  }

  test('a filtered view of many partners pages through them, and Back returns to the first page', async () => {
    await withPage('/partenaires/', async (page) => {
      const requested = (await serveFakeIndex(page, 60)).cards;
      await page.goto(new URL('/partenaires/?legalForm=scic', page.url()).href);
      const first = await filteredTitles(page);
      expect(first).toHaveLength(24);
      expect(first[0]).toBe('Structure fictive n°01');
      expect(await page.locator('[data-status]').innerText()).toBe(
        '60 partenaires correspondent à ces filtres.',
      );
      expect(await page.locator('[data-results-range]').innerText()).toMatch(/\b1\D+24\D+60\b/);

      await page.locator('[data-results-pages] a[rel="next"]').click();
      await expect.poll(() => new URL(page.url()).search).toBe('?legalForm=scic&page=2');
      await expect.poll(() => resultTitles(page)).toContain('Structure fictive n°25');
      expect((await resultTitles(page))[0]).toBe('Structure fictive n°25');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('directory-results-title');
      expect(await page.locator('[data-results-pages] a[aria-current="page"]').getAttribute('href')).toBe(
        '/partenaires/?legalForm=scic&page=2',
      );

      await page.locator('[data-results-pages] a', { hasText: /^3$/ }).click();
      await expect.poll(() => resultTitles(page)).toHaveLength(12);

      await page.goBack();
      await page.goBack();
      await expect.poll(() => new URL(page.url()).search).toBe('?legalForm=scic');
      await expect.poll(() => resultTitles(page)).toEqual(first);
      // Files already read are not fetched again.
      expect(new Set(requested).size).toBe(requested.length);
    });
  });

  test("a single filter's first page comes from its first-page file, without any cards file", async () => {
    await withPage('/partenaires/', async (page) => {
      const requested = (await serveFakeIndex(page, 60)).cards;
      await page.goto(new URL('/partenaires/?legalForm=scic', page.url()).href);
      expect(await filteredTitles(page)).toHaveLength(24);
      expect(requested).toEqual(['index-first-legalForm-scic.json']);
    });
  });

  test('a first-page file that cannot be fetched leaves the page to the cards files', async () => {
    const { page, errors, failedRequests } = await open('/partenaires/');
    try {
      const requested = (await serveFakeIndex(page, 60)).cards;
      await page.route('**/partenaires/index-first-*.json', (route) => route.abort('failed'));
      await page.goto(new URL('/partenaires/?legalForm=scic', page.url()).href);
      expect((await filteredTitles(page))[0]).toBe('Structure fictive n°01');
      expect(requested).toEqual(['index-cards-0.json', 'index-cards-1.json', 'index-cards-2.json']);
      // The only failure is the file refused on purpose.
      const refused = '/partenaires/index-first-legalForm-scic.json';
      expect(failedRequests).toHaveLength(1);
      expect(failedRequests[0]).toContain(refused);
      expect(errors.filter((e) => !e.includes(refused))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('a later page fetches only the cards files holding its partners, 8 a file', async () => {
    await withPage('/partenaires/', async (page) => {
      const requested = (await serveFakeIndex(page, 60)).cards;
      await page.goto(new URL('/partenaires/?legalForm=scic', page.url()).href);
      await filteredTitles(page);
      await page.locator('[data-results-pages] a[rel="next"]').click();
      await expect.poll(() => resultTitles(page)).toContain('Structure fictive n°48');
      // Partners 25 to 48: positions 24 to 47.
      expect(requested.filter((name) => name.startsWith('index-cards-'))).toEqual([
        'index-cards-3.json',
        'index-cards-4.json',
        'index-cards-5.json',
      ]);
    });
  });

  test("the results are drawn before the other filters' counts arrive", async () => {
    await withPage('/partenaires/', async (page) => {
      await serveFakeIndex(page, 60);
      // The column files wait until released; the first-page file does not.
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/partenaires/index-column-*.json', async (route) => {
        await released;
        await route.fallback();
      });
      const scic = page.locator('select[name="legalForm"] option[value="scic"]');
      const builtCount = await scic.innerText();
      await page.goto(new URL('/partenaires/?legalForm=scic', page.url()).href);
      expect(await filteredTitles(page)).toHaveLength(24);
      expect(await page.locator('[data-status]').innerText()).toBe(
        '60 partenaires correspondent à ces filtres.',
      );
      expect(await scic.innerText()).toBe(builtCount);
      release();
      await expect.poll(() => scic.innerText()).toMatch(/\(60\)$/);
    });
  });

  test('choosing a filter fetches its first page before the form is sent', async () => {
    await withPage('/partenaires/', async (page) => {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.locator('form[data-filters]').waitFor({ state: 'visible' });
      const fetched = page.waitForResponse((r) =>
        r.url().endsWith('/partenaires/index-first-legalForm-scic.json'),
      );
      await page.selectOption('select[name="legalForm"]', 'scic');
      await fetched;
      expect(await page.locator('[data-results]').isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Afficher les partenaires' }).click();
      expect((await filteredTitles(page)).length).toBeGreaterThan(0);
      expect(requests.filter((r) => r === '/partenaires/index-first-legalForm-scic.json')).toHaveLength(1);
    });
  });

  test('an entry without a description or commitments gets a card without them', async () => {
    await withPage('/partenaires/', async (page) => {
      await serveFakeIndex(page, 3);
      await page.goto(new URL('/partenaires/?legalForm=scic', page.url()).href);
      expect(await filteredTitles(page)).toHaveLength(3);
      const cards = page.locator('[data-results-list] .directory-card');
      expect(await cards.nth(0).locator('.card__summary').innerText()).toBe(
        'Structure fictive n°01, inventée pour les tests.',
      );
      expect(await cards.nth(1).locator('.card__summary').count()).toBe(0);
      // Facts it does not have are left out, as on the static card.
      expect(await cards.nth(0).locator('.directory-card__facts dt').allInnerTexts()).toEqual([
        'Engagements',
      ]);
      expect(await cards.nth(1).locator('.directory-card__facts').count()).toBe(0);
      expect(await cards.nth(1).locator('.card__meta').innerText()).toBe(
        'Structure ESS référencée · Coopérative (SCIC) · Lille (Nord)',
      );
      expect(await page.locator('[data-results-list]').innerText()).not.toContain('undefined');
    });
  });

  test('cards files of another deployment make the directory read its files again, then show the page', async () => {
    await withPage('/partenaires/', async (page) => {
      const served = await serveFakeIndex(page, 30, { staleCards: 'once' });
      await page.goto(new URL('/partenaires/?legalForm=scic', page.url()).href);
      expect((await filteredTitles(page))[0]).toBe('Structure fictive n°01');
      expect(served.facets()).toBe(2);
    });
  });

  test('cards files that never match the index leave the static list, with a message', async () => {
    await withPage('/partenaires/', async (page) => {
      await serveFakeIndex(page, 30, { staleCards: 'always' });
      await page.goto(new URL('/partenaires/?legalForm=scic', page.url()).href);
      await expect
        .poll(() => page.locator('[data-status]').innerText(), { timeout: 15_000 })
        .toMatch(/^Les filtres n’ont pas pu être chargés/);
      expect(await page.locator('[data-static]').isVisible()).toBe(true);
      expect(await page.locator('[data-results]').isVisible()).toBe(false);
    });
  });

  test('a filtered address opened directly keeps the page it names', async () => {
    await withPage('/partenaires/', async (page) => {
      await serveFakeIndex(page, 60);
      await page.goto(new URL('/partenaires/?legalForm=scic&page=3', page.url()).href);
      await filteredTitles(page);
      expect((await resultTitles(page))[0]).toBe('Structure fictive n°49');
    });
  });

  test('without JavaScript the filter form stays hidden and territory links remain', async () => {
    const { browser, server } = await session.get();
    const page = await browser.context.newPage();
    await page.route('**/*.js', (route) => route.abort('blockedbyclient'));
    try {
      await page.goto(`${server.origin}/partenaires/`);
      expect(await page.locator('form[data-filters]').isVisible()).toBe(false);
      expect(
        await page.locator('.directory-territories a[href="/territoires/hauts-de-france/"]').isVisible(),
      ).toBe(true);
      expect((await staticTitles(page)).length).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe('territories', () => {
  test('a department on the index map leads to its page', async () => {
    await withPage('/territoires/', async (page) => {
      const link = page.locator('svg.france-map__svg a[href="/territoires/nord-59/"]');
      expect(await link.getAttribute('aria-label')).toMatch(/^Nord \(59\)/);
      await Promise.all([page.waitForURL('**/territoires/nord-59/'), link.click()]);
      expect(await page.locator('h1').innerText()).toBe('Nord');
    });
  });

  test('the department links of the map are reachable with the keyboard', async () => {
    await withPage('/territoires/', async (page) => {
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          () =>
            document.activeElement?.closest('svg.france-map__svg') !== null &&
            document.activeElement?.tagName === 'a',
        );
      }
      expect(reached).toBe(true);
    });
  });
});
