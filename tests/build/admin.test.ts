/**
 * /admin/ in the built site (tests/.tmp/dist): the CMS is there, out of search engines'
 * and the site search's way, with the only CSP that allows 'unsafe-eval', and no public page
 * loads any of it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { beforeEach, describe, expect, test } from 'vitest';
import { listFiles, readPages, requireSite, sitemapPaths, type Page } from '../setup/site';

let dist: string;
let admin: Page;
let publicPages: Page[];
let loaded: Promise<void> | undefined;

beforeEach(async () => {
  loaded ??= (async () => {
    dist = requireSite();
    const pages = await readPages(dist);
    admin = pages.find((p) => p.url === '/admin/')!;
    publicPages = pages.filter((p) => !p.url.startsWith('/admin/'));
  })();
  await loaded;
});

/** The content of a page's CSP meta element. */
const csp = (html: string) =>
  parse(html).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';

/** The scripts a page loads (src of <script> elements). */
const scripts = (html: string) =>
  parse(html)
    .querySelectorAll('script[src]')
    .map((s) => s.getAttribute('src')!);

describe('/admin/', () => {
  test('the admin page exists and loads one bundled script from the site itself', () => {
    expect(admin, 'no admin/index.html in the build').toBeDefined();
    expect(scripts(admin.html)).toEqual([expect.stringMatching(/^\/_astro\/[^/]+\.js$/)]);
  });

  test('the admin page points Decap at /admin/config.yml, which the build publishes', async () => {
    expect(parse(admin.html).querySelector('link[rel="cms-config-url"]')?.getAttribute('href')).toBe(
      '/admin/config.yml',
    );
    expect(await readFile(path.join(dist, 'admin/config.yml'), 'utf8')).toMatch(/^locale: fr$/m);
  });

  test('the admin page asks search engines not to index it', () => {
    expect(parse(admin.html).querySelector('meta[name="robots"]')?.getAttribute('content')).toMatch(
      /noindex/,
    );
  });

  test('the admin page is not in the sitemap', async () => {
    expect((await sitemapPaths(dist)).filter((p) => p.startsWith('/admin'))).toEqual([]);
  });

  test('the admin page is left out of the search index (it has no data-pagefind-body)', () => {
    expect(admin.html).not.toContain('data-pagefind-body');
    expect(publicPages.some((p) => p.html.includes('data-pagefind-body'))).toBe(true);
  });

  test("the admin page's CSP allows 'unsafe-eval' for scripts", () => {
    const scriptSrc = csp(admin.html)
      .split(';')
      .find((d) => d.trim().startsWith('script-src '));
    expect(scriptSrc).toContain("'unsafe-eval'");
  });

  test("no public page's CSP allows 'unsafe-eval' or inline styles", () => {
    const loose = publicPages
      .filter((p) => /'unsafe-eval'|'unsafe-inline'/.test(csp(p.html)))
      .map((p) => p.url);
    expect(loose).toEqual([]);
  });

  test('no public page loads the admin bundle or any script the admin page loads', () => {
    const adminScripts = new Set(scripts(admin.html));
    const offending = publicPages
      .filter((p) => scripts(p.html).some((s) => adminScripts.has(s)))
      .map((p) => p.url);
    expect(offending).toEqual([]);
  });

  test('no public script contains Decap code', async () => {
    const adminScripts = new Set(scripts(admin.html).map((s) => s.slice(1)));
    const js = (await listFiles(dist)).filter((f) => f.endsWith('.js') && !adminScripts.has(f));
    const withDecap: string[] = [];
    for (const file of js)
      if ((await readFile(path.join(dist, file), 'utf8')).includes('decap-cms')) withDecap.push(file);
    expect(withDecap).toEqual([]);
  });

  test('the admin bundle is Decap, served gzipped under 2 MB', async () => {
    const [bundle] = scripts(admin.html);
    const code = await readFile(path.join(dist, bundle!.slice(1)));
    expect(code.toString()).toContain('decap-cms-app');
    const gzipped = gzipSync(code).length;
    console.log(
      `[admin] ${bundle}: ${(code.length / 1e6).toFixed(2)} MB, ${(gzipped / 1e6).toFixed(2)} MB gzipped`,
    );
    expect(gzipped).toBeLessThan(2e6);
  });
});
