/**
 * Discovery (issue 13): an RSS feed of case studies per language, linked from every page's
 * head and from the case-study index; a 1200×630 sharing image per case study and brochure
 * with Open Graph and Twitter card tags (og:type article for stories); schema.org Article
 * JSON-LD for case studies, escaped as the partners' is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../setup/paths';
import { readSitePages, requireSite, type Page } from '../setup/site';

const SITE = process.env['SITE_URL'] ?? 'https://alliance-dynamique.example.org';
const FEEDS = { fr: '/etudes-de-cas/rss.xml', en: '/en/case-studies/rss.xml' } as const;
const SECTION = { fr: '/etudes-de-cas/', en: '/en/case-studies/' } as const;
type Locale = keyof typeof FEEDS;

/** The published case studies of a language, from content/ itself: their page addresses. */
function storiesOf(locale: Locale): { key: string; url: string; title: string }[] {
  const folder = path.join(ROOT, 'content/case-studies', locale);
  return readdirSync(folder)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = readFileSync(path.join(folder, f), 'utf8');
      const data = parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
      const key = f.replace(/\.mdx$/, '');
      return {
        key,
        draft: data['draft'] === true,
        title: data['title'] as string,
        url: new URL(`${SECTION[locale]}${(data['slug'] as string | undefined) ?? key}/`, SITE).href,
      };
    })
    .filter((s) => !s.draft);
}

let dist: string;
let pages: Page[];
beforeAll(async () => {
  dist = requireSite();
  pages = await readSitePages(dist);
});

const localeOf = (page: Page): Locale => (page.url.startsWith('/en/') ? 'en' : 'fr');

describe.each(['fr', 'en'] as const)('RSS feed (%s)', (locale) => {
  test('parses and lists exactly the case studies of its language', () => {
    const xml = readFileSync(path.join(dist, FEEDS[locale]), 'utf8');
    // The parser forgives malformed XML; feed readers may not. Throws with line and column.
    expect(SyntaxValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(
      xml,
    ) as {
      rss: { channel: { language: string; item: { title: string; link: string; pubDate: string }[] } };
    };
    const channel = feed.rss.channel;
    expect(channel.language).toBe(locale === 'fr' ? 'fr-FR' : 'en-GB');
    const expected = storiesOf(locale);
    expect(expected.length).toBeGreaterThan(0);
    expect(channel.item.map((i) => i.link).sort()).toEqual(expected.map((s) => s.url).sort());
    for (const item of channel.item) {
      expect(item.title).toBe(expected.find((s) => s.url === item.link)!.title);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
    }
  });
});

test('every page’s head links the feed of its language', () => {
  expect(pages.length).toBeGreaterThan(20);
  for (const page of pages) {
    const links = parse(page.html).querySelectorAll('head link[rel="alternate"][type="application/rss+xml"]');
    expect(
      links.map((l) => new URL(l.getAttribute('href')!).pathname),
      page.url,
    ).toEqual([FEEDS[localeOf(page)]]);
  }
});

test.each(['fr', 'en'] as const)('the case-study index (%s) links its feed', (locale) => {
  const index = pages.find((p) => p.url === SECTION[locale])!;
  expect(parse(index.html).querySelector(`main a[href="${FEEDS[locale]}"]`)).not.toBeNull();
});

const meta = (root: ReturnType<typeof parse>, key: string) =>
  root.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

describe('sharing images and cards', () => {
  const shared = () =>
    pages.filter((p) => /^\/(en\/)?(etudes-de-cas|case-studies|brochures)\/[^/]+\/$/.test(p.url));

  test('every case study and brochure has a 1200×630 image, Open Graph and Twitter tags', async () => {
    expect(shared().length).toBeGreaterThanOrEqual(storiesOf('fr').length + storiesOf('en').length + 2);
    for (const page of shared()) {
      const root = parse(page.html);
      const image = meta(root, 'og:image');
      expect(image, page.url).toMatch(/^https?:\/\/.+\.png$/);
      const file = path.join(dist, new URL(image!).pathname);
      expect(existsSync(file), file).toBe(true);
      const { width, height, format } = await sharp(file).metadata();
      expect([width, height, format], page.url).toEqual([1200, 630, 'png']);
      expect(meta(root, 'og:image:width')).toBe('1200');
      expect(meta(root, 'og:image:height')).toBe('630');
      expect(meta(root, 'og:image:alt')).toBeTruthy();
      expect(meta(root, 'og:title')).toBeTruthy();
      expect(meta(root, 'twitter:card')).toBe('summary_large_image');
      expect(meta(root, 'twitter:image')).toBe(image);
      const story = /\/(etudes-de-cas|case-studies)\//.test(page.url);
      expect(meta(root, 'og:type'), page.url).toBe(story ? 'article' : 'website');
      if (story) expect(meta(root, 'article:published_time')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('every image file of /partage/ is 1200×630', async () => {
    const files = readdirSync(path.join(dist, 'partage'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.png'),
    );
    expect(files.length).toBe(storiesOf('fr').length + storiesOf('en').length + 2);
    for (const f of files) {
      const { width, height } = await sharp(path.join(dist, 'partage', f)).metadata();
      expect([width, height], f).toEqual([1200, 630]);
    }
  });
});

describe('JSON-LD of case studies', () => {
  test('a schema.org Article with dates, publisher and the partners it is about', () => {
    let partnersNamed = 0;
    for (const locale of ['fr', 'en'] as const) {
      for (const story of storiesOf(locale)) {
        const page = pages.find((p) => new URL(p.url, SITE).href === story.url)!;
        const script = parse(page.html).querySelector('script[type="application/ld+json"]')!;
        // Escaped as the partners' JSON-LD: no "<" can close the script early.
        expect(script.rawText).not.toContain('<');
        const data = JSON.parse(script.rawText) as Record<string, unknown>;
        expect(data['@type']).toBe('Article');
        expect(data['headline']).toBe(story.title);
        expect(data['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(data['dateModified']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(data['mainEntityOfPage']).toBe(story.url);
        expect((data['publisher'] as { name: string }).name).toBe('Alliance Dynamique');
        // Every partner the story names, whether its card is in the text or in the
        // partners section (which leaves out those already shown in the text).
        const cards = new Set(
          parse(page.html)
            .querySelectorAll('main .card__title a')
            .map((a) => a.getAttribute('href'))
            .filter((href) => /\/(partenaires|partners)\//.test(href ?? '')),
        );
        const about = (data['about'] as { name: string }[] | undefined) ?? [];
        expect(about.length, story.url).toBe(cards.size);
        partnersNamed += about.length;
      }
    }
    expect(partnersNamed).toBeGreaterThan(0);
  });
});
