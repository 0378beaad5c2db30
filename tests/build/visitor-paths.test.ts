/**
 * Where a visitor goes next, in the built site: the 404 page searches, the site map lists
 * every territory, and every case study shows each partner once and ends with the call to
 * action of the settings (content/settings/site.yaml).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { readSitePages, requireSite, sitemapPaths, type Page } from '../setup/site';
import { ROOT } from '../setup/paths';

let dist: string;
let pages: (Page & { dom: HTMLElement })[];

beforeAll(async () => {
  dist = requireSite();
  pages = (await readSitePages(dist)).map((page) => ({ ...page, dom: parse(page.html) }));
});

const page = (url: string) => {
  const found = pages.find((p) => p.url === url);
  if (!found) throw new Error(`${url} is not built`);
  return found.dom;
};

/** Case study pages of both languages (not their index). */
const caseStudies = () =>
  pages.filter(
    (p) => /^\/(etudes-de-cas|en\/case-studies)\/[^/]+\/$/.test(p.url) && p.dom.querySelector('h1'),
  );

describe('the 404 page', () => {
  test.each([
    ['fr', '/recherche/'],
    ['en', '/en/search/'],
  ])('offers a %s search form, sent to %s as ?q=', (lang, action) => {
    const form = page('/404.html').querySelector(`form[action="${action}"]`);
    expect(form, `no form to ${action}`).not.toBeNull();
    expect(form!.getAttribute('method')).toBe('get');
    const input = form!.querySelector('input[name="q"]');
    const label = form!.querySelector(`label[for="${input?.getAttribute('id') ?? ''}"]`);
    expect(label?.text.trim()).toBeTruthy();
    expect(form!.closest('[lang]')?.getAttribute('lang')).toBe(lang);
  });
});

describe('the site map', () => {
  test.each([
    ['/plan-du-site/', '/territoires/'],
    ['/en/site-map/', '/en/territories/'],
  ])('%s links to every territory page of the sitemap', async (url, prefix) => {
    const territoryPages = (await sitemapPaths(dist)).filter(
      (p) => p.startsWith(prefix) && p !== prefix && !/\/\d+\/$/.test(p),
    );
    expect(territoryPages.length).toBeGreaterThan(0);
    const links = new Set(
      page(url)
        .querySelectorAll('main a')
        .map((a) => a.getAttribute('href')),
    );
    expect(territoryPages.filter((p) => !links.has(p))).toEqual([]);
  });
});

describe('case studies', () => {
  test('no case study shows the same partner’s card twice', () => {
    const problems: string[] = [];
    for (const story of caseStudies()) {
      const cards = story.dom
        .querySelectorAll('main .card__title a')
        .map((a) => a.getAttribute('href'))
        .filter((href) => /\/(partenaires|partners)\//.test(href ?? ''));
      const repeated = cards.filter((href, i) => cards.indexOf(href) !== i);
      if (repeated.length > 0) problems.push(`${story.url}: ${repeated.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  test('every case study ends with the call to action of the settings, leading to the become-a-partner page and the contact', () => {
    const settings = parseYaml(readFileSync(path.join(ROOT, 'content/settings/site.yaml'), 'utf8')) as {
      callToAction: { title: { fr: string; en?: string } };
      contact: { url: string };
    };
    const stories = caseStudies();
    expect(stories.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const story of stories) {
      const english = story.url.startsWith('/en/');
      const section = story.dom.querySelector('section[data-call-to-action]');
      const title = english
        ? (settings.callToAction.title.en ?? settings.callToAction.title.fr)
        : settings.callToAction.title.fr;
      const hrefs = section?.querySelectorAll('a').map((a) => a.getAttribute('href')) ?? [];
      if (section?.querySelector('h2')?.text.trim() !== title) problems.push(`${story.url}: title`);
      if (!hrefs.includes(english ? '/en/become-a-partner/' : '/devenir-partenaire/'))
        problems.push(`${story.url}: no link to the become-a-partner page`);
      if (!hrefs.includes(settings.contact.url)) problems.push(`${story.url}: no link to the contact`);
      if (section?.getAttribute('data-pagefind-ignore') === undefined)
        problems.push(`${story.url}: the call to action is indexed with the story`);
    }
    expect(problems).toEqual([]);
  });
});
