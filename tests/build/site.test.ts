/**
 * The built site (tests/.tmp/dist, built once by tests/setup/build-site.ts): every page
 * type exists, and every page follows the rules of structure, accessibility and
 * security that do not need a browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeEach, describe, expect, test } from 'vitest';
import { fileForUrl, listFiles, readSitePages, requireSite, sitemapPaths, type Page } from '../setup/site';
import { SEARCH_DEBOUNCE_MS } from '../../src/lib/search';
import { ROOT } from '../setup/paths';

/** The public address of the site (astro.config.mjs): absolute links to it are internal. */
const SITE_ORIGIN = new URL(process.env['SITE_URL'] ?? 'https://alliance-dynamique.example.org').origin;

let dist: string;
let pages: (Page & { dom: HTMLElement })[];
let loaded: Promise<void> | undefined;

// Before each test rather than once: when the build failed, every test then fails with
// the build's output instead of being skipped.
beforeEach(async () => {
  loaded ??= (async () => {
    dist = requireSite();
    pages = (await readSitePages(dist)).map((page) => ({
      ...page,
      dom: parse(page.html, { comment: false }),
    }));
  })();
  await loaded;
});

/** Fails with every problem found, one per line, rather than the first one only. */
function expectNoProblems(problems: string[]) {
  expect(problems, `${problems.length} problem(s):\n${problems.join('\n')}`).toEqual([]);
}

const EXPECTED_FILES = [
  // Home pages.
  'index.html',
  'en/index.html',
  // Case studies.
  'etudes-de-cas/index.html',
  'etudes-de-cas/loos-point-poste-ess/index.html',
  'etudes-de-cas/indre-inclusion-numerique-france-travail/index.html',
  'en/case-studies/index.html',
  'en/case-studies/loos-ess-post-point/index.html',
  'en/case-studies/indre-digital-inclusion-france-travail/index.html',
  // Partners.
  'partenaires/index.html',
  'partenaires/la-fabrique-de-l-emploi/index.html',
  'en/partners/index.html',
  'en/partners/la-fabrique-de-l-emploi/index.html',
  // Commitments.
  'engagements/index.html',
  'engagements/cohesion-des-territoires/index.html',
  'engagements/inclusion-sociale/index.html',
  'engagements/inclusion-numerique/index.html',
  'engagements/transition-ecologique/index.html',
  'en/commitments/index.html',
  'en/commitments/territorial-cohesion/index.html',
  'en/commitments/social-inclusion/index.html',
  'en/commitments/digital-inclusion/index.html',
  'en/commitments/ecological-transition/index.html',
  // Brochures.
  'brochures/index.html',
  'en/brochures/index.html',
  // Content pages.
  'a-propos/index.html',
  'devenir-partenaire/index.html',
  'mentions-legales/index.html',
  'accessibilite/index.html',
  'donnees-personnelles/index.html',
  'en/about/index.html',
  'en/become-a-partner/index.html',
  'en/legal-notice/index.html',
  'en/accessibility/index.html',
  'en/personal-data/index.html',
  // Error page and sitemap.
  '404.html',
  'sitemap-index.xml',
];

describe('pages', () => {
  test.each(EXPECTED_FILES)('%s is built', (file) => {
    expect(existsSync(path.join(dist, file)), `${file} is missing from the build`).toBe(true);
  });

  test('at least one brochure page is built in each language', async () => {
    const files = await listFiles(dist);
    expect(files.filter((f) => /^brochures\/[^/]+\/index\.html$/.test(f))).not.toEqual([]);
    expect(files.filter((f) => /^en\/brochures\/[^/]+\/index\.html$/.test(f))).not.toEqual([]);
  });

  test('no page of the build is empty', () => {
    expect(pages.length).toBeGreaterThan(EXPECTED_FILES.length / 2);
    expectNoProblems(pages.filter((p) => p.html.trim().length === 0).map((p) => p.file));
  });
});

describe('every page', () => {
  test('declares lang="en" under /en/ and lang="fr" elsewhere', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const expected = page.url.startsWith('/en/') ? 'en' : 'fr';
      const lang = page.dom.querySelector('html')?.getAttribute('lang');
      if (lang !== expected)
        problems.push(`${page.url}: <html lang="${lang ?? ''}">, expected "${expected}"`);
    }
    expectNoProblems(problems);
  });

  test('has a title', () => {
    expectNoProblems(
      pages.filter((p) => !p.dom.querySelector('head title')?.text.trim()).map((p) => `${p.url}: no <title>`),
    );
  });

  test('has exactly one non-empty h1', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const h1s = page.dom.querySelectorAll('h1');
      if (h1s.length !== 1) problems.push(`${page.url}: ${h1s.length} <h1>`);
      else if (!h1s[0]!.text.trim()) problems.push(`${page.url}: empty <h1>`);
    }
    expectNoProblems(problems);
  });

  test('searches 150 ms after the last keystroke, not after Pagefind’s default 300 ms', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const input of page.dom.querySelectorAll('pagefind-input')) {
        const debounce = input.getAttribute('debounce');
        if (debounce !== String(SEARCH_DEBOUNCE_MS))
          problems.push(`${page.url}: debounce="${debounce ?? ''}"`);
      }
    }
    expectNoProblems(problems);
    expect(SEARCH_DEBOUNCE_MS).toBeLessThan(300);
  });

  test('has a main landmark', () => {
    expectNoProblems(
      pages.filter((p) => p.dom.querySelectorAll('main').length !== 1).map((p) => `${p.url}: not one <main>`),
    );
  });

  test('has no inline event handler attribute', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const el of page.dom.querySelectorAll('*')) {
        for (const name of Object.keys(el.attributes)) {
          if (/^on[a-z]+$/i.test(name)) problems.push(`${page.url}: <${el.rawTagName} ${name}="…">`);
        }
      }
    }
    expectNoProblems(problems);
  });

  // Data blocks (JSON-LD, Pagefind result templates) are never run; anything else would be code.
  test('has no inline script other than data blocks (JSON-LD, search templates)', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const script of page.dom.querySelectorAll('script')) {
        if (script.hasAttribute('src')) continue;
        if (['application/ld+json', 'text/pagefind-template'].includes(script.getAttribute('type') ?? ''))
          continue;
        problems.push(`${page.url}: inline <script ${script.rawAttrs}>${script.text.slice(0, 80)}`);
      }
    }
    expectNoProblems(problems);
  });

  test('has valid JSON in its JSON-LD scripts', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const script of page.dom.querySelectorAll('script[type="application/ld+json"]')) {
        try {
          JSON.parse(script.text);
        } catch (error) {
          problems.push(`${page.url}: ${String(error)}`);
        }
      }
    }
    expectNoProblems(problems);
  });

  test('has no javascript: or data: link', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const el of page.dom.querySelectorAll('[href], [src], [action], [formaction]')) {
        for (const name of ['href', 'src', 'action', 'formaction']) {
          const value = el.getAttribute(name)?.trim().toLowerCase();
          if (value?.startsWith('javascript:') || (value?.startsWith('data:') && el.rawTagName !== 'img')) {
            problems.push(`${page.url}: <${el.rawTagName} ${name}="${value.slice(0, 40)}">`);
          }
        }
      }
    }
    expectNoProblems(problems);
  });

  test('gives every image an alt, a width and a height', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const img of page.dom.querySelectorAll('img')) {
        const missing = ['alt', 'width', 'height'].filter((a) => !img.hasAttribute(a));
        if (missing.length > 0) {
          problems.push(
            `${page.url}: <img src="${img.getAttribute('src') ?? ''}"> has no ${missing.join(', ')}`,
          );
        }
      }
    }
    expectNoProblems(problems);
  });

  test('gives every id at most once', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const seen = new Set<string>();
      for (const el of page.dom.querySelectorAll('[id]')) {
        const id = el.getAttribute('id')!;
        if (seen.has(id)) problems.push(`${page.url}: id="${id}" repeated`);
        seen.add(id);
      }
    }
    expectNoProblems(problems);
  });
});

describe('images', () => {
  const CASE_STUDY_PAGES = [
    '/etudes-de-cas/loos-point-poste-ess/',
    '/etudes-de-cas/indre-inclusion-numerique-france-travail/',
    '/en/case-studies/loos-ess-post-point/',
    '/en/case-studies/indre-digital-inclusion-france-travail/',
  ];

  test.each(CASE_STUDY_PAGES)('the hero image of %s offers AVIF and WebP sources', (url) => {
    const page = pages.find((p) => p.url === url);
    expect(page, `${url} is not built`).toBeDefined();
    const picture = page!.dom.querySelector('main picture');
    expect(picture, `${url}: no <picture> in <main>`).not.toBeNull();
    const types = picture!.querySelectorAll('source').map((s) => s.getAttribute('type'));
    expect(types).toContain('image/avif');
    expect(types).toContain('image/webp');
    expect(
      picture!.querySelector('img')?.getAttribute('alt')?.trim(),
      `${url}: hero <img> without alt text`,
    ).toBeTruthy();
  });

  test('every <picture> of the site offers AVIF and WebP sources', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const picture of page.dom.querySelectorAll('picture')) {
        const types = picture.querySelectorAll('source').map((s) => s.getAttribute('type'));
        for (const type of ['image/avif', 'image/webp']) {
          if (!types.includes(type)) {
            problems.push(
              `${page.url}: <picture> of ${picture.querySelector('img')?.getAttribute('src') ?? '?'} has no ${type} source`,
            );
          }
        }
      }
    }
    expectNoProblems(problems);
  });
});

/** Internal URL paths that a page refers to through `attribute` of the elements matching `selector`. */
function internalUrls(page: Page & { dom: HTMLElement }, selector: string, attribute: string): string[] {
  const urls: string[] = [];
  for (const el of page.dom.querySelectorAll(selector)) {
    const raw = el.getAttribute(attribute);
    if (!raw) continue;
    const candidates =
      attribute === 'srcset' ? raw.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [raw.trim()];
    for (const candidate of candidates) {
      if (candidate.startsWith('/') && !candidate.startsWith('//')) urls.push(candidate);
      else if (candidate.startsWith(SITE_ORIGIN + '/')) urls.push(candidate.slice(SITE_ORIGIN.length));
    }
  }
  return urls;
}

describe('links', () => {
  test('every internal link leads to a page or file of the build, and its #fragment to an element of that page', () => {
    const idsByFile = new Map(
      pages.map((p) => [
        path.join(dist, p.file),
        new Set(p.dom.querySelectorAll('[id]').map((el) => el.getAttribute('id'))),
      ]),
    );
    const problems: string[] = [];
    for (const page of pages) {
      for (const url of internalUrls(page, '[href]', 'href')) {
        const file = fileForUrl(dist, url);
        if (!file) {
          problems.push(`${page.url} → ${url}`);
          continue;
        }
        const fragment = url.split('#')[1];
        const ids = idsByFile.get(file);
        if (fragment && ids && !ids.has(decodeURIComponent(fragment)))
          problems.push(`${page.url} → ${url}: no element with id="${fragment}" there`);
      }
    }
    expectNoProblems([...new Set(problems)]);
  });

  test('every image, script and source the pages load exists in the build', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const urls = [
        ...internalUrls(page, '[src]', 'src'),
        ...internalUrls(page, '[srcset]', 'srcset'),
        ...internalUrls(page, 'meta[property="og:image"]', 'content'),
      ];
      for (const url of urls) {
        if (!fileForUrl(dist, url)) problems.push(`${page.url} → ${url}`);
      }
    }
    expectNoProblems([...new Set(problems)]);
  });

  test('every same-page link (#id), such as the skip link, points to an element of the page', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const ids = new Set(page.dom.querySelectorAll('[id]').map((el) => el.getAttribute('id')));
      for (const a of page.dom.querySelectorAll('a[href^="#"]')) {
        const id = decodeURIComponent(a.getAttribute('href')!.slice(1));
        if (id && !ids.has(id)) problems.push(`${page.url}: <a href="#${id}"> has no target`);
      }
    }
    expectNoProblems(problems);
  });

  test('the language alternates of each page point to built pages in the other language', () => {
    const problems: string[] = [];
    for (const page of pages) {
      for (const link of page.dom.querySelectorAll('link[rel="alternate"][hreflang]')) {
        const href = link.getAttribute('href') ?? '';
        const hreflang = link.getAttribute('hreflang') ?? '';
        const target = href.startsWith(SITE_ORIGIN) ? href.slice(SITE_ORIGIN.length) : href;
        const isEnglish = target.startsWith('/en/');
        if (hreflang.startsWith('en') !== isEnglish)
          problems.push(`${page.url}: hreflang="${hreflang}" → ${target}`);
      }
    }
    expectNoProblems(problems);
  });
});

describe('sitemap', () => {
  test('a sitemap index and at least one sitemap exist', async () => {
    const files = await listFiles(dist);
    expect(files).toContain('sitemap-index.xml');
    expect(files.some((f) => /^sitemap-\d+\.xml$/.test(f))).toBe(true);
  });

  test('the sitemap lists the home pages and case studies of both languages', async () => {
    const paths = await sitemapPaths(dist);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/',
        '/en/',
        '/etudes-de-cas/loos-point-poste-ess/',
        '/en/case-studies/loos-ess-post-point/',
      ]),
    );
  });

  test('every URL of the sitemap is a built page', async () => {
    const problems = (await sitemapPaths(dist)).filter((p) => !fileForUrl(dist, p));
    expectNoProblems(problems);
  });

  test('every public URL from before the CMS reshaped the content files is still in the sitemap', async () => {
    // Taken from the sitemap of the last build before translations shared their file name
    // (tests/fixtures/urls/before-cms-reshape.txt): links people have kept must still work.
    const before = readFileSync(path.join(ROOT, 'tests/fixtures/urls/before-cms-reshape.txt'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const now = new Set(await sitemapPaths(dist));
    expect(before.filter((url) => !now.has(url))).toEqual([]);
  });

  test('every case study has its page in both languages', async () => {
    const paths = await sitemapPaths(dist);
    const count = (prefix: string) => paths.filter((p) => p.startsWith(prefix) && p !== prefix).length;
    expect(count('/etudes-de-cas/')).toBeGreaterThan(0);
    expect(count('/en/case-studies/')).toBe(count('/etudes-de-cas/'));
  });

  test('the 404 page is not in the sitemap', async () => {
    expect((await sitemapPaths(dist)).filter((p) => p.includes('404'))).toEqual([]);
  });
});
