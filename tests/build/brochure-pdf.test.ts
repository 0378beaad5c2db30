/**
 * Brochures as publications (issue 13): every brochure of content/, in each language, is
 * printed to PDF by the build. Its text (pdftotext, Debian's poppler-utils) holds the title
 * of each of its case studies; its outline has an entry per case study, on the page the
 * table of contents gives; title, language and embedded fonts are set; the page offers the
 * download with its real size and page count; each story's QR code (its SVG, rasterised
 * with sharp, read by jsQR) decodes to the story's live address, written out beside it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readPdf, sameTitle } from '../../src/lib/pdf-outline';
import { ROOT } from '../setup/paths';
import { requireSite } from '../setup/site';

const SITE = process.env['SITE_URL'] ?? 'https://alliance-dynamique.example.org';
const CONTENT = path.join(ROOT, 'content');
const LOCALES = ['fr', 'en'] as const;
type Locale = (typeof LOCALES)[number];

function frontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  return parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
}

interface Expected {
  locale: Locale;
  key: string;
  title: string;
  pagePath: string;
  pdfPath: string;
  stories: { key: string; title: string; url: string }[];
}

/** What each brochure file of content/ should have produced, read from the files themselves. */
function expectedBrochures(): Expected[] {
  const out: Expected[] = [];
  for (const locale of LOCALES) {
    const folder = path.join(CONTENT, 'brochures', locale);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.mdx'))) {
      const key = file.replace(/\.mdx$/, '');
      const data = frontMatter(path.join(folder, file));
      const slug = (data['slug'] as string | undefined) ?? key;
      const base = locale === 'fr' ? '/brochures/' : '/en/brochures/';
      const stories = (data['caseStudies'] as string[]).map((story) => {
        const s = frontMatter(path.join(CONTENT, 'case-studies', locale, `${story}.mdx`));
        const storySlug = (s['slug'] as string | undefined) ?? story;
        const section = locale === 'fr' ? '/etudes-de-cas/' : '/en/case-studies/';
        return {
          key: story,
          title: s['title'] as string,
          url: new URL(`${section}${storySlug}/`, SITE).href,
        };
      });
      out.push({
        locale,
        key,
        title: data['title'] as string,
        pagePath: `${base}${slug}/`,
        pdfPath: `${base}${slug}/alliance-dynamique-${slug}${locale === 'fr' ? '' : `-${locale}`}.pdf`,
        stories,
      });
    }
  }
  return out;
}

const brochures = expectedBrochures();
let dist: string;

beforeAll(() => {
  dist = requireSite();
});

test('there is at least one brochure in each language', () => {
  for (const locale of LOCALES)
    expect(brochures.filter((b) => b.locale === locale).length).toBeGreaterThan(0);
});

describe.each(brochures.map((b) => [`${b.locale}/${b.key}`, b] as const))('brochure %s', (_, b) => {
  const pdfFile = () => path.join(dist, b.pdfPath);
  const html = () => readFileSync(path.join(dist, b.pagePath, 'index.html'), 'utf8');

  test('its PDF exists; title, language, tags and embedded fonts are set', async () => {
    const bytes = readFileSync(pdfFile());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const facts = await readPdf(bytes);
    expect(facts.title).toContain(b.title);
    expect(facts.lang).toBe(b.locale);
    const info = execFileSync('pdfinfo', [pdfFile()], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
    const fonts = execFileSync('pdffonts', [pdfFile()], { encoding: 'utf8' }).split('\n').slice(2);
    const listed = fonts.filter((line) => line.trim());
    expect(listed.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni object ID; "emb" is "yes" for every font.
    for (const line of listed) expect(line, line).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  test('its text holds the title of each of its case studies (pdftotext)', () => {
    // Without white space and hyphens: a title wraps where the layout decides, and pdftotext
    // drops a hyphen that ends a line ("2021-\n2022" reads "20212022").
    const bare = (s: string) => s.replace(/[\s\-‐‑]+/g, '');
    const text = bare(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile(), '-'], { encoding: 'utf8' }));
    expect(text).toContain(bare(b.title));
    for (const story of b.stories) expect(text, story.title).toContain(bare(story.title));
  });

  test('its outline has an entry per case study, on the page its table of contents gives', async () => {
    const facts = await readPdf(readFileSync(pdfFile()));
    const root = parse(html());
    for (const story of b.stories) {
      const entries = facts.outline.filter((e) => sameTitle(e.title, story.title));
      expect(entries, story.title).toHaveLength(1);
      const slot = root.querySelector(`[data-toc-page="etude-${story.key}"]`);
      expect(slot?.text, `table of contents: ${story.title}`).toBe(String(entries[0]!.page! + 1));
    }
  });

  test('its page offers the download with its size and page count', async () => {
    const root = parse(html());
    const link = root.querySelector('.brochure-download a');
    expect(link?.getAttribute('href')).toBe(b.pdfPath);
    const { pages } = await readPdf(readFileSync(pdfFile()));
    const meta = root.querySelector('.brochure-download__meta')?.text ?? '';
    expect(meta).toContain(`${pages} pages`);
    const kb = Math.round(statSync(pdfFile()).size / 1024);
    expect(meta).toContain(b.locale === 'fr' ? `${kb} ko` : `${kb} kB`);
  });

  test('the page tells each story in full, in order, with a closing call to action', () => {
    const root = parse(html());
    const sections = root.querySelectorAll('[data-brochure-story]');
    expect(sections.map((s) => s.querySelector('h2')?.text.trim())).toEqual(b.stories.map((s) => s.title));
    for (const section of sections) {
      // The story's own text (its MDX), its key figures and its sources.
      expect(section.querySelectorAll('.prose p').length).toBeGreaterThan(2);
      expect(section.querySelector('.sources li')).not.toBeNull();
    }
    expect(root.querySelector('#conclusion .brochure-closing__cta a')).not.toBeNull();
    // Ids stay unique although stories share sources and heading words.
    const ids = root.querySelectorAll('[id]').map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test('each QR code decodes to its case study’s live address, written out beside it', async () => {
    const sections = parse(html()).querySelectorAll('[data-brochure-story]');
    expect(sections.map((s) => s.getAttribute('data-brochure-story'))).toEqual(b.stories.map((s) => s.url));
    for (const section of sections) {
      const url = section.getAttribute('data-brochure-story')!;
      expect(section.querySelector('.brochure-story__url')?.text.trim()).toBe(url);
      const svg = section.querySelector('svg.qr-code')!.toString();
      const { data, info } = await sharp(Buffer.from(svg), { density: 300 })
        .resize(400, 400, { kernel: 'nearest' })
        .flatten({ background: '#fff' })
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const code = jsQR(new Uint8ClampedArray(data), info.width, info.height);
      expect(code?.data, url).toBe(url);
    }
  });
});
