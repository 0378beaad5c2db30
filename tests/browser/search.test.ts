/**
 * Search with Pagefind in the built site: the header dialog, the search page with its
 * facets, one index per language, and queries that must neither fail nor inject markup.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { DIRECTORY_BUNDLES, SEARCH_BUNDLES, SEARCH_BUNDLE_PATHS } from '../../src/lib/search';
import { labelsFor } from '../../src/i18n';
import { ROOT } from '../setup/paths';
import { requireSite } from '../setup/site';
import { lazySession, pageHelpers } from './harness';

const session = lazySession(requireSite);
afterAll(() => session.close());

const { withPage } = pageHelpers(session);

/** Titles of the rendered results of the search page (waits for them to settle). */
async function resultTitles(page: Page, scope = 'search-page'): Promise<string[]> {
  if (scope === 'search-page') await searchPageSettled(page);
  const titles = page.locator(`${scope} .pf-result-title`);
  await expect.poll(() => titles.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.waitForTimeout(200);
  return (await titles.allInnerTexts()).map((t) => t.trim());
}

/** What `data-search-bundles` says once the directory's bundles are all merged, or all left out. */
const MERGED = { all: SEARCH_BUNDLES.join(' '), site: 'site' } as const;

/**
 * Waits until the search page has merged every directory bundle (or left them out: `site`),
 * and the search run again with them has settled.
 */
async function partnersSettled(page: Page, state: keyof typeof MERGED = 'all', scope = 'search-page') {
  await page
    .locator(`${scope}[data-search-bundles="${MERGED[state]}"]`)
    .waitFor({ state: 'attached', timeout: 10_000 });
  await page.waitForTimeout(300);
}

/** A script for page.evaluate: Pagefind's API with every bundle merged, then `then(pagefind)`. */
const allBundles = (then: string) =>
  `import('${SEARCH_BUNDLE_PATHS.site}pagefind.js').then(async (pagefind) => {
    await pagefind.init();
    for (const path of ${JSON.stringify(DIRECTORY_BUNDLES.map((b) => SEARCH_BUNDLE_PATHS[b]))})
      await pagefind.mergeIndex(path);
    ${then}
  })`;

/** The directory bundle a path is under, if any. */
const directoryBundle = (pathname: string) =>
  DIRECTORY_BUNDLES.find((bundle) => pathname.startsWith(SEARCH_BUNDLE_PATHS[bundle]));

/**
 * Waits until the search page has merged the partners' bundle, or left it out, as its
 * directory box and sort say, and has searched again with it.
 */
async function searchPageSettled(page: Page) {
  const partners = await page.evaluate(() => {
    const box = document.querySelector<HTMLInputElement>('search-page [data-partners]');
    const sort = document.querySelector<HTMLSelectElement>('search-page [data-sort]');
    return box?.checked === true && !sort?.value.startsWith('date:');
  });
  await partnersSettled(page, partners ? 'all' : 'site');
}

/** Paths requested under any of the directory's bundles from now on, by the page or its workers. */
function partnerRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (directoryBundle(pathname)) paths.push(pathname);
  });
  return paths;
}

/**
 * Opens `url` in a new tab, with every request under the directory's bundles recorded from
 * the start, then runs `check`.
 */
async function withPartnerRequests(url: string, check: (page: Page, requested: string[]) => Promise<void>) {
  const { browser, server } = await session.get();
  const page = await browser.context.newPage();
  try {
    const requested = partnerRequests(page);
    await page.goto(server.origin + url);
    await check(page, requested);
  } finally {
    await page.close();
  }
}

/** The links of the rendered results. */
async function resultHrefs(page: Page, scope = 'search-page'): Promise<string[]> {
  await resultTitles(page, scope);
  return page
    .locator(`${scope} .pf-result-link`)
    .evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
}

/** The count Pagefind's summary announces ("9 résultats pour Loos" → 9). */
async function announcedCount(page: Page): Promise<number> {
  const summary = page.locator('search-page .pf-summary');
  // One read per poll: while a directory bundle merges, Pagefind redraws the summary, so a
  // second read can meet it between two counts (a CI run read NaN that way).
  let count = Number.NaN;
  await expect
    .poll(
      async () => {
        count = Number(/(\d+)/.exec(await summary.innerText())?.[1]);
        return Number.isFinite(count);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return count;
}

describe('search', () => {
  test('no Pagefind file is downloaded until someone opens search', async () => {
    await withPage('/', async (page) => {
      const pagefindRequests: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/pagefind/')) pagefindRequests.push(r.url());
      });
      await page.waitForLoadState('networkidle');
      expect(pagefindRequests).toEqual([]);
      await page.keyboard.press('/');
      await page.locator('site-search dialog[open]').waitFor();
      expect(pagefindRequests.length).toBeGreaterThan(0);
    });
  });

  test('"/" opens the search dialog with the focus in its box, and Escape closes it', async () => {
    await withPage('/etudes-de-cas/', async (page) => {
      await page.keyboard.press('/');
      const dialog = page.locator('site-search dialog[open]');
      await dialog.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
      expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
    });
  });

  test('the header button opens the dialog, whose results are labelled by type', async () => {
    await withPage('/', async (page) => {
      await page.locator('.site-search__button').click();
      await page.locator('site-search dialog[open]').waitFor();
      await page.keyboard.type('numerique');
      // Read once every bundle is merged: each merge draws the results again.
      await partnersSettled(page, 'all', 'site-search');
      const types = page.locator('site-search .result-type');
      await expect.poll(() => types.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await types.first().innerText()).toMatch(/étude de cas|engagement|partenaire/i);
    });
  });

  test('the dialog announces its result count from inside the dialog, where screen readers still hear it', async () => {
    await withPage('/', async (page) => {
      await page.keyboard.press('/');
      const dialog = page.locator('site-search dialog[open]');
      await dialog.waitFor();
      await page.keyboard.type('Loos');
      // An open modal dialog hides the rest of the page from assistive technologies.
      const announced = dialog.locator('[data-pagefind-announcer] [role="status"]');
      await expect
        .poll(async () => (await announced.allInnerTexts()).join(' '), { timeout: 10_000 })
        .toMatch(/\d+ résultats? pour Loos/);
      expect(await page.locator('body > [data-pagefind-announcer]').count()).toBe(0);
    });
  });

  test('a result shows its own thumbnail, never a picture borrowed from its page', async () => {
    // A query whose results mix case studies, partners and commitments.
    await withPage('/recherche/?q=numerique', async (page) => {
      expect(await announcedCount(page)).toBeGreaterThan(5);
      await resultTitles(page);
      const results = await page.locator('search-page .pf-result').evaluateAll((items) =>
        items.map((item) => ({
          type: item.querySelector('.result-type')?.textContent?.trim() ?? '',
          image: item.querySelector('img.pf-result-image')?.getAttribute('src') ?? null,
        })),
      );
      // Case studies and brochures have a picture of their own; partners, commitments,
      // territories and content pages have none, even when their page shows case studies'.
      for (const { type, image } of results) {
        if (['Étude de cas', 'Brochure'].includes(type)) expect(image, type).toMatch(/\.webp$/);
        else expect(image, type).toBeNull();
      }
      expect(results.some((r) => r.type === 'Engagement' || r.type.startsWith('Partenaire'))).toBe(true);
    });
  });

  test('sorting by date says that it lists dated content only', async () => {
    await withPage('/recherche/', async (page) => {
      await partnersSettled(page);
      const all = await announcedCount(page);
      const note = page.locator('[data-sort-note]');
      expect(await note.innerText()).toBe('');
      await page.locator('[data-sort]').selectOption('date:desc');
      await expect.poll(() => note.innerText()).toMatch(/ne liste que les contenus datés/);
      await expect.poll(() => announcedCount(page)).toBeLessThan(all);
      await page.locator('[data-sort]').selectOption('');
      await expect.poll(() => note.innerText()).toBe('');
      await expect.poll(() => announcedCount(page)).toBe(all);
    });
  });

  test('?q= of spaces only browses everything, as no query does', async () => {
    let all = 0;
    await withPage('/recherche/', async (page) => {
      await partnersSettled(page);
      all = await announcedCount(page);
    });
    await withPage('/recherche/?q=%20%20%20', async (page) => {
      await partnersSettled(page);
      await expect.poll(() => announcedCount(page), { timeout: 10_000 }).toBe(all);
    });
  });

  test('"Loos" finds the Loos case study first', async () => {
    await withPage('/recherche/?q=Loos', async (page) => {
      const titles = await resultTitles(page);
      expect(titles[0]).toMatch(/Loos/);
      const first = page.locator('search-page .pf-result-link').first();
      expect(await first.getAttribute('href')).toBe('/etudes-de-cas/loos-point-poste-ess/');
    });
  });

  test('?q= runs its query on opening, shows it in the box and names it in the summary', async () => {
    await withPage('/recherche/?q=Indre', async (page) => {
      await resultTitles(page);
      await expect.poll(() => page.locator('search-page pagefind-input input').inputValue()).toBe('Indre');
      await expect.poll(() => page.locator('search-page .pf-summary').innerText()).toMatch(/Indre/);
      expect(new URL(page.url()).searchParams.get('q')).toBe('Indre');
    });
  });

  test('"numerique" without its accent finds the digital-inclusion content', async () => {
    await withPage('/recherche/?q=numerique', async (page) => {
      const titles = await resultTitles(page);
      expect(titles).toContain('Inclusion numérique');
      expect(titles.some((t) => /numérique/i.test(t))).toBe(true);
    });
  });

  test('"economie" finds pages that write "économie"', async () => {
    await withPage('/recherche/?q=economie', async (page) => {
      expect((await resultTitles(page)).length).toBeGreaterThan(0);
    });
  });

  // Words after l’, d’, s’… are found on their own, typed with or without accents or an
  // apostrophe of either kind. Phrases from the site's pages, whose words appear nowhere in
  // the French index except after an apostrophe (nor start a word that does): each query
  // finds nothing when the index keeps typographic apostrophes. The site has no such word
  // after qu’, n’, c’ or j’ (« qu’attendez-vous » is split at its hyphen anyway): the same
  // rule covers them, and tests/unit/search.test.ts checks each on a phrase of the site.
  for (const [query, url] of [
    ['agriculture', '/etudes-de-cas/loos-point-poste-ess/'],
    ['utilité', '/partenaires/la-fabrique-de-l-emploi/'],
    ['utilite', '/partenaires/la-fabrique-de-l-emploi/'],
    ['apprentissage', '/etudes-de-cas/indre-inclusion-numerique-france-travail/'],
    ['insertion', '/etudes-de-cas/loos-point-poste-ess/'],
    ['l’agriculture', '/etudes-de-cas/loos-point-poste-ess/'],
    ["l'apprentissage", '/etudes-de-cas/indre-inclusion-numerique-france-travail/'],
    // « par l’intermédiaire de sa filiale », without its accent.
    ['intermediaire', '/engagements/transition-ecologique/'],
    // « La Poste s’appuie sur des réseaux associatifs », « Les partenariats s’inscrivent »
    ['appuie', '/etudes-de-cas/ateliers-ardoiz-admr/'],
    ['inscrivent', '/a-propos/'],
  ] as const) {
    test(`« ${query} » finds ${url}: a word after an apostrophe is a word of its own`, async () => {
      // Every result, not only those the page draws: through Pagefind's API, every bundle.
      await withPage('/recherche/', async (page) => {
        const urls = (await page.evaluate(
          allBundles(`const found = await pagefind.search(${JSON.stringify(query)});
            return Promise.all(found.results.map(async (r) => (await r.data()).url));`),
        )) as string[];
        expect(urls).toContain(url);
      });
    });
  }

  test('the English index returns English pages', async () => {
    await withPage('/en/search/?q=Loos', async (page) => {
      await resultTitles(page);
      const hrefs = await page
        .locator('search-page .pf-result-link')
        .evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^\/en\//);
      expect(hrefs[0]).toBe('/en/case-studies/loos-ess-post-point/');
    });
  });

  // A story told only in French gets an English record leading to its French page: the
  // fixture build checks those records (tests/build/directory-fixture.test.ts).
  test('the English index finds a translated case study in English, with its picture', async () => {
    await withPage('/en/search/?q=Ardoiz', async (page) => {
      // Each merged bundle draws the results again, in the order their data arrive: read
      // them once every bundle is merged (a CI run read the brochure first, mid-redraw).
      expect((await resultHrefs(page))[0]).toBe('/en/case-studies/ardoiz-workshops-admr/');
      const link = page.locator('search-page .pf-result-link').first();
      expect(await link.getAttribute('hreflang')).toBeNull();
      expect(await page.locator('search-page .pf-result-image').first().getAttribute('src')).toMatch(
        /\.webp$/,
      );
    });
  });

  test('facets browse every indexed page with no query', async () => {
    await withPage('/recherche/', async (page) => {
      expect(await announcedCount(page)).toBeGreaterThan(20);
      await expect
        .poll(() => page.locator('search-page pagefind-filter-pane').innerText())
        .toMatch(/région/i);
    });
  });

  /**
   * Opens the search page at `url` and runs `check` once every bundle is merged, with each text
   * that an element matching `selector` took since the first paint (Pagefind's texts may last a
   * few frames), in order: a text is listed when it differs from that element's previous one.
   */
  async function withTextsSinceFirstPaint(
    url: string,
    selector: string,
    check: (page: Page, texts: string[]) => Promise<void>,
  ) {
    const { browser, server } = await session.get();
    const page = await browser.context.newPage();
    try {
      await page.addInitScript((watched: string) => {
        const texts: string[] = [];
        const last = new Map<Element, string>();
        (window as unknown as { texts: string[] }).texts = texts;
        new MutationObserver((records) => {
          for (const { target } of records) {
            const element = (target instanceof Element ? target : target.parentElement)?.closest(watched);
            if (!element) continue;
            const text = element.textContent?.trim() ?? '';
            if (text && text !== last.get(element)) texts.push(text);
            last.set(element, text);
          }
        }).observe(document, { childList: true, subtree: true, characterData: true });
      }, selector);
      await page.goto(`${server.origin}${url}`);
      await partnersSettled(page);
      // The announcer speaks 100 ms after it is given a text.
      await page.waitForTimeout(600);
      await check(page, await page.evaluate(() => (window as unknown as { texts: string[] }).texts));
    } finally {
      await page.close();
    }
  }

  test('browsing with no query, the summary says a search is running without naming an empty query', async () => {
    await withTextsSinceFirstPaint('/recherche/', 'search-page .pf-summary', async (_page, seen) => {
      expect(seen).toContain('Recherche en cours…');
      expect(seen.filter((text) => /Recherche de|\.\.\./.test(text))).toEqual([]);
      expect(seen.at(-1)).toMatch(/^\d+ résultats$/);
    });
  });

  test('a search announces one result count to screen readers, the final one, once every bundle is merged', async () => {
    await withTextsSinceFirstPaint(
      '/recherche/?q=Loos',
      '[data-pagefind-announcer] [role="status"]',
      async (page, said) => {
        const counts = said.filter((text) => /résultat/.test(text));
        expect(counts).toEqual([await page.locator('search-page .pf-summary').innerText()]);
        expect(counts[0]).toMatch(/^\d+ résultats pour Loos$/);
      },
    );
  });

  test('a region filter narrows the results', async () => {
    await withPage('/recherche/', async (page) => {
      await partnersSettled(page);
      const all = await announcedCount(page);
      const pane = page.locator('search-page pagefind-filter-pane');
      await pane.getByText('Région', { exact: false }).first().click();
      await pane.getByText('Hauts-de-France').first().click();
      await expect.poll(() => announcedCount(page), { timeout: 10_000 }).toBeLessThan(all);
      const titles = await resultTitles(page);
      expect(titles.some((t) => /Loos|Fabrique/.test(t))).toBe(true);
    });
  });

  test('the query typed on the search page is kept in the address, so a search can be linked', async () => {
    await withPage('/recherche/', async (page) => {
      await page.locator('search-page input').first().fill('Indre');
      await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 10_000 }).toBe('Indre');
    });
  });

  const BAD_QUERIES = [
    { name: 'quotes', query: '"Loos\' "numérique' },
    { name: 'HTML', query: '<img src=x onerror="window.__injected=1"><b>gras</b>' },
    { name: '2,000 characters', query: 'économie '.repeat(223).slice(0, 2000) },
    { name: 'emoji', query: '📮🤝 Loos' },
    { name: 'only spaces', query: '     ' },
  ];
  for (const { name, query } of BAD_QUERIES) {
    test(`a query with ${name} causes no error and injects no markup`, async () => {
      await withPage(`/recherche/?q=${encodeURIComponent(query)}`, async (page) => {
        await page.locator('search-page .pf-summary').waitFor();
        await page.waitForTimeout(1500);
        expect(
          await page.evaluate(() => (window as unknown as { __injected?: number }).__injected),
        ).toBeUndefined();
        expect(await page.locator('search-page img[src="x"], search-page b').count()).toBe(0);
      });
    });
  }

  /** Stories told in any language: translations share their file name. */
  const stories = () =>
    new Set(
      ['fr', 'en'].flatMap((lang) =>
        readdirSync(path.join(ROOT, 'content/case-studies', lang)).filter((f) => f.endsWith('.mdx')),
      ),
    ).size;
  // Content pages are served at the site's root under their slug (src/pages/[page].astro).
  const contentPages = (lang: string) =>
    readdirSync(path.join(ROOT, 'content/pages', lang))
      .filter((f) => f.endsWith('.mdx'))
      .map(
        (f) => /^slug: (\S+)$/m.exec(readFileSync(path.join(ROOT, 'content/pages', lang, f), 'utf8'))?.[1],
      );
  const INDEXED_TYPES = {
    fr: {
      search: '/recherche/',
      filter: 'Type de contenu',
      sections: {
        'Étude de cas': 'etudes-de-cas',
        Partenaire: 'partenaires',
        Brochure: 'brochures',
        Engagement: 'engagements',
        Territoire: 'territoires',
        Page: `(?:${contentPages('fr').join('|')})`,
      },
    },
    en: {
      search: '/en/search/',
      filter: 'Content type',
      sections: {
        'Case study': 'case-studies',
        Partner: 'partners',
        Brochure: 'brochures',
        Commitment: 'commitments',
        Territory: 'territories',
        Page: `(?:${contentPages('en').join('|')})`,
      },
    },
  } as const;
  for (const [lang, { search, filter, sections }] of Object.entries(INDEXED_TYPES)) {
    test(`every ${lang} page of each type is in the ${lang} index, once`, async () => {
      await withPage(search, async (page) => {
        // A string, so that Vite leaves this import() alone: it runs in the page, not in Node.
        // Every bundle: the directory's entries are in bundles of their own.
        const counts = (await page.evaluate(
          allBundles(`return (await pagefind.filters())[${JSON.stringify(filter)}] ?? {};`),
        )) as Record<string, number>;
        const built = await page.evaluate(async () => {
          const xml = await (await fetch('/sitemap-0.xml')).text();
          return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
        });
        const count = (pattern: string) => built.filter((p) => new RegExp(`^${pattern}$`).test(p)).length;
        // An entry of a section (numbered list pages, /partenaires/2/, are not entries and are
        // not indexed), or a content page, at the root.
        const entries = (prefix: string, section: string) =>
          count(section.startsWith('(') ? `${prefix}/${section}/` : `${prefix}/${section}/(?!\\d+/$)[^/]+/`);
        const prefix = lang === 'fr' ? '' : '/en';
        for (const [label, section] of Object.entries(sections)) {
          const pages = entries(prefix, section);
          expect(pages, `built ${lang} pages of ${section}`).toBeGreaterThan(0);
          // Every partner and every story is in the English index: its English page, or a
          // record that leads to its French page when it has none.
          const expected =
            label === 'Partner' ? entries('', 'partenaires') : label === 'Case study' ? stories() : pages;
          expect(counts[label], `${lang} index, type ${label}`).toBe(expected);
        }
      });
    });
  }

  // Programme partners are in a bundle of their own (SEARCH_BUNDLE_PATHS), merged once the
  // site's first results are on screen while the directory box is ticked, as it is by default.
  const PARTNER_BY_NAME = {
    fr: { search: '/recherche/', home: '/', partner: '/partenaires/wetechcare/' },
    en: { search: '/en/search/', home: '/en/', partner: '/en/partners/wetechcare/' },
  } as const;
  for (const [lang, { search, home, partner }] of Object.entries(PARTNER_BY_NAME)) {
    test(`the ${lang} search page finds a partner by its name`, async () => {
      await withPage(`${search}?q=WeTechCare`, async (page) => {
        await partnersSettled(page);
        expect(await resultHrefs(page)).toContain(partner);
      });
    });

    test(`the ${lang} search dialog finds a partner by its name`, async () => {
      await withPage(home, async (page) => {
        await page.keyboard.press('/');
        await page.locator('site-search dialog[open]').waitFor();
        await page.keyboard.type('WeTechCare');
        await partnersSettled(page, 'all', 'site-search');
        await expect.poll(() => resultHrefs(page, 'site-search'), { timeout: 10_000 }).toContain(partner);
      });
    });

    test(`with the directory box unticked, the ${lang} search page requests nothing of the directory's bundles and lists no partner`, async () => {
      await withPartnerRequests(`${search}?q=WeTechCare&annuaire=0`, async (page, requested) => {
        expect(await page.locator('search-page [data-partners]').isChecked()).toBe(false);
        // WeTechCare's name is in the case studies that tell its partnership.
        const hrefs = await resultHrefs(page);
        expect(hrefs.length).toBeGreaterThan(0);
        expect(hrefs).not.toContain(partner);
        await page.waitForTimeout(1000);
        expect(requested).toEqual([]);
      });
    });
  }

  /**
   * Opens the search page at `url`, recording on the test's clock: when a result linking to
   * each of `hrefs` is first drawn, when `data-search-bundles` first says each value, and
   * each request under the directory's bundles (Pagefind fetches from its worker, out of the
   * page's timeline). Returns them once every bundle is merged and the search has settled.
   */
  async function searchTimeline(url: string, hrefs: Record<string, string>) {
    const { browser, server } = await session.get();
    const page = await browser.context.newPage();
    try {
      const seen: Record<string, number> = {};
      const requests: Request[] = [];
      page.on('request', (r) => {
        if (directoryBundle(new URL(r.url()).pathname)) requests.push(r);
      });
      // Both clocks are the browser's: when the page saw a thing (its own Date.now(), handed
      // over with the name), and when a request started (its timing). Stamped on arrival in
      // the test, the two kinds of events come through different channels and may swap.
      await page.exposeFunction('seen', (name: string, at: number) => {
        seen[name] ??= at;
      });
      await page.addInitScript((watched: Record<string, string>) => {
        const { seen } = window as unknown as { seen(name: string, at: number): void };
        new MutationObserver(() => {
          const at = Date.now();
          for (const [name, href] of Object.entries(watched))
            if (document.querySelector(`search-page .pf-result-title a[href^="${href}"]`)) seen(name, at);
          const bundles = document.querySelector<HTMLElement>('search-page')?.dataset['searchBundles'];
          if (bundles) seen(`bundles: ${bundles}`, at);
        }).observe(document, { childList: true, subtree: true, attributes: true });
      }, hrefs);
      await page.goto(`${server.origin}${url}`);
      await partnersSettled(page);
      const fetched: Record<string, number[]> = Object.fromEntries(DIRECTORY_BUNDLES.map((b) => [b, []]));
      for (const request of requests) {
        await request.response();
        fetched[directoryBundle(new URL(request.url()).pathname)!]!.push(request.timing().startTime);
      }
      return { seen, fetched };
    } finally {
      await page.close();
    }
  }

  test("the site's own results are on screen before anything of the directory's bundles is requested", async () => {
    const { seen, fetched } = await searchTimeline('/recherche/?q=inclusion', { site: '/' });
    expect(fetched['partners']!.length).toBeGreaterThan(0);
    expect(seen['site']).toBeLessThanOrEqual(Math.min(...Object.values(fetched).flat()));
  });

  test('a programme partner is drawn before anything of the referenced organisations’ bundle is requested', async () => {
    const { seen, fetched } = await searchTimeline('/recherche/?q=WeTechCare', {
      partner: '/partenaires/wetechcare/',
    });
    const organisations = Math.min(...fetched['organisations']!);
    expect(Math.min(...fetched['partners']!)).toBeLessThan(organisations);
    expect(seen['partner']).toBeLessThanOrEqual(organisations);
  });

  test('a referenced organisation is found after the programme partners, from the bundle merged last', async () => {
    const { seen, fetched } = await searchTimeline('/recherche/?q=Aresat', {
      organisation: '/partenaires/aresat-lr/',
    });
    const organisations = Math.min(...fetched['organisations']!);
    expect(Math.max(...fetched['partners']!)).toBeLessThan(organisations);
    expect(seen['bundles: site partners']).toBeLessThanOrEqual(organisations);
    expect(seen['organisation']).toBeGreaterThan(organisations);
  });

  test('a referenced organisation’s result says what it is, not that it is a partner', async () => {
    await withPage('/recherche/?q=Aresat', async (page) => {
      await partnersSettled(page);
      const result = page.locator('search-page .pf-result', {
        has: page.locator('.pf-result-link[href="/partenaires/aresat-lr/"]'),
      });
      expect((await result.locator('.result-type').textContent())?.trim()).toBe(
        labelsFor('fr').kind['ess-organisation'],
      );
    });
  });

  for (const [lang, { search, organisation }] of Object.entries({
    fr: { search: '/recherche/', organisation: '/partenaires/aresat-lr/' },
    en: { search: '/en/search/', organisation: '/en/partners/aresat-lr/' },
  })) {
    test(`the ${lang} search page finds a referenced organisation by its name`, async () => {
      await withPage(`${search}?q=Aresat`, async (page) => {
        await partnersSettled(page);
        expect(await resultHrefs(page)).toContain(organisation);
      });
    });
  }

  test("in the dialog, an unticked directory box keeps the directory's bundles out of a search", async () => {
    await withPage('/', async (page) => {
      const requested = partnerRequests(page);
      await page.keyboard.press('/');
      await page.locator('site-search dialog[open]').waitFor();
      await page.locator('site-search [data-partners]').uncheck();
      await page.locator('site-search input[type="search"]').fill('WeTechCare');
      const hrefs = await resultHrefs(page, 'site-search');
      expect(hrefs).not.toContain('/partenaires/wetechcare/');
      await page.waitForTimeout(1000);
      expect(requested).toEqual([]);
    });
  });

  test("in the dialog, emptying the query box keeps the directory's bundles merged for the next query", async () => {
    await withPage('/', async (page) => {
      await page.keyboard.press('/');
      await page.locator('site-search dialog[open]').waitFor();
      const box = page.locator('site-search input[type="search"]');
      await box.fill('WeTechCare');
      await partnersSettled(page, 'all', 'site-search');
      const requested = partnerRequests(page);
      await box.fill('');
      await page.waitForTimeout(500);
      expect(await page.locator('site-search').getAttribute('data-search-bundles')).toBe(MERGED.all);
      await box.fill('Aresat');
      await expect
        .poll(() => resultHrefs(page, 'site-search'), { timeout: 10_000 })
        .toContain('/partenaires/aresat-lr/');
      // Pagefind fetches the index files of the new words, never a bundle's entry file again.
      expect(requested.filter((p) => p.endsWith('/pagefind-entry.json'))).toEqual([]);
    });
  });

  test('unticking the directory box leaves partners out, ticking it brings them back, and the address keeps the choice', async () => {
    await withPage('/recherche/?q=WeTechCare', async (page) => {
      await partnersSettled(page);
      expect(await resultHrefs(page)).toContain('/partenaires/wetechcare/');
      await page.locator('search-page [data-partners]').uncheck();
      await partnersSettled(page, 'site');
      await expect.poll(() => resultHrefs(page)).not.toContain('/partenaires/wetechcare/');
      expect(new URL(page.url()).searchParams.get('annuaire')).toBe('0');
      await page.locator('search-page [data-partners]').check();
      await partnersSettled(page);
      await expect.poll(() => resultHrefs(page)).toContain('/partenaires/wetechcare/');
      expect(new URL(page.url()).searchParams.get('annuaire')).toBeNull();
    });
  });

  test("sorting by date leaves the directory's bundles out, as its entries have no date", async () => {
    await withPage('/recherche/?q=WeTechCare', async (page) => {
      await partnersSettled(page);
      await page.locator('[data-sort]').selectOption('date:desc');
      await partnersSettled(page, 'site');
      const types = await page.locator('search-page .result-type').allTextContents();
      expect(types.length).toBeGreaterThan(0);
      const directory = Object.values(labelsFor('fr').kind);
      expect(types.filter((t) => directory.includes(t.trim()))).toEqual([]);
    });
  });

  test('reaching for the filter pane counts the partners in its filters', async () => {
    await withPage('/recherche/', async (page) => {
      await partnersSettled(page);
      const pane = page.locator('search-page pagefind-filter-pane');
      await pane.getByText('Type de contenu').first().click();
      const partners = readdirSync(path.join(ROOT, 'content/partners')).filter((f) =>
        f.endsWith('.yaml'),
      ).length;
      await expect
        .poll(
          () =>
            pane
              .locator('details.pf-filter-group', { hasText: 'Type de contenu' })
              .locator('.pf-filter-checkbox', { hasText: /^\s*Partenaire\s*\d+\s*$/ })
              .innerText(),
          { timeout: 10_000 },
        )
        .toMatch(new RegExp(`\\b${partners}\\b`));
    });
  });

  test('without JavaScript the search entry points lead to the directory and the site map', async () => {
    const { browser, server } = await session.get();
    const page = await browser.context.newPage();
    // No script runs: the page is what a browser without JavaScript shows.
    await page.route('**/*.js', (route) => route.abort('blockedbyclient'));
    try {
      await page.goto(`${server.origin}/`);
      const link = page.locator('a.site-search__link');
      expect(await link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe('/recherche/');
      expect(await page.locator('.site-search__button').isVisible()).toBe(false);
      expect(await page.locator('site-search pagefind-modal').isVisible()).toBe(false);
      await page.goto(`${server.origin}/recherche/`);
      const fallback = page.locator('[data-fallback]');
      expect(await fallback.isVisible()).toBe(true);
      const hrefs = await fallback
        .locator('a')
        .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
      expect(hrefs).toContain('/partenaires/');
      expect(hrefs).toContain('/plan-du-site/');
    } finally {
      await page.close();
    }
  });
});
