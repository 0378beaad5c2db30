/**
 * `draft: true` keeps a case study off the site (README, Content). A build of a copy of the
 * site's content (never content/ itself) with one more case study: a copy of a real one,
 * renamed, with a title no other page has, told only in French (so that English lists would
 * show it too) and marked as a draft. Nothing of it may reach the build: not its page, its
 * sitemap entry, its search record, nor a card in any list.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../setup/paths';
import { runAstro, runBuild } from '../setup/run';
import { listFiles, readPages, sitemapPaths } from '../setup/site';

/** The published case study the draft is copied from: it names a partner, a commune and commitments. */
const ORIGINAL = 'loos-point-poste-ess';
const SLUG = 'brouillon-fictif-a-ne-pas-publier';
const TITLE = 'Brouillon fictif à ne pas publier';
/** The draft's URL, were it published. */
const URL_PATH = `/etudes-de-cas/${SLUG}/`;

let scratch: string;
let dist: string;

/** The original case study turned into the draft; fails when the original changed shape. */
function draftOf(source: string): string {
  const lines = source.split('\n');
  const edited = lines.map((line) => {
    if (line.startsWith('title: ')) return `title: "${TITLE}"`;
    if (line.startsWith('slug: ')) return `slug: ${SLUG}`;
    if (line.startsWith('draft: ')) return '';
    return line;
  });
  if (edited.join('\n') === source || lines[0] !== '---')
    throw new Error(`${ORIGINAL}.mdx no longer has a title and a slug: update this test`);
  // Right after the opening `---`: the front matter's first field.
  return ['---', 'draft: true', ...edited.slice(1)].join('\n');
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'ad-draft-'));
  const content = path.join(scratch, 'content');
  dist = path.join(scratch, 'dist');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  const folder = path.join(content, 'case-studies/fr');
  const original = await readFile(path.join(folder, `${ORIGINAL}.mdx`), 'utf8');
  // Told only in French (the file name is the story's key): English lists would show it.
  await writeFile(path.join(folder, `${SLUG}.mdx`), draftOf(original));
  // A cache of its own (this content must not reach the site's data store), seeded with
  // the images the shared build already optimised.
  const cache = path.join(scratch, 'astro-cache');
  await mkdir(cache);
  const images = path.join(ROOT, 'node_modules/.astro/assets');
  if (existsSync(images)) await cp(images, path.join(cache, 'assets'), { recursive: true });
  const result = await runBuild(['--config', 'tests/setup/astro.fixture.config.mjs'], dist, {
    env: { CONTENT_DIR: content, OUT_DIR: dist, ASTRO_CACHE_DIR: cache },
    timeoutMs: 10 * 60_000,
  });
  if (result.code !== 0) throw new Error(`build of the content with a draft failed:\n${result.output}`);
}, 12 * 60_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
  // The build described the copied content in .astro/; describe the site's again.
  await runAstro(['sync'], { timeoutMs: 3 * 60_000 });
}, 5 * 60_000);

describe('a case study marked draft: true', () => {
  test('has no page', () => {
    expect(existsSync(path.join(dist, URL_PATH, 'index.html'))).toBe(false);
    // The case study it was copied from is built: the build did read the case studies.
    expect(existsSync(path.join(dist, `/etudes-de-cas/${ORIGINAL}/index.html`))).toBe(true);
  });

  test('has no sitemap entry', async () => {
    const paths = await sitemapPaths(dist);
    expect(paths).toContain(`/etudes-de-cas/${ORIGINAL}/`);
    expect(paths.filter((p) => p.includes(SLUG))).toEqual([]);
  });

  test('has no search record in either language', async () => {
    // Pagefind's result files (fragments), one per page or record: their URL and text.
    const folder = path.join(dist, 'pagefind/fragment');
    const fragments = await Promise.all(
      (await readdir(folder)).map(async (f) =>
        gunzipSync(await readFile(path.join(folder, f))).toString('utf8'),
      ),
    );
    expect(fragments.some((f) => f.includes(`/etudes-de-cas/${ORIGINAL}/`))).toBe(true);
    expect(fragments.filter((f) => f.includes(SLUG) || f.includes(TITLE))).toEqual([]);
  });

  test('has no card or link in any page, French or English', async () => {
    const pages = await readPages(dist);
    const mentioning = pages.filter((p) => p.html.includes(SLUG) || p.html.includes(TITLE)).map((p) => p.url);
    expect(mentioning).toEqual([]);
    // Lists that show the original, or (in English) the stories told only in French, and so
    // would show the draft: the test did look at them.
    const lists: [string, string][] = [
      ['/etudes-de-cas/', `/etudes-de-cas/${ORIGINAL}/`],
      ['/plan-du-site/', `/etudes-de-cas/${ORIGINAL}/`],
      ['/partenaires/la-fabrique-de-l-emploi/', `/etudes-de-cas/${ORIGINAL}/`],
      ['/en/case-studies/', 'href="/etudes-de-cas/'],
    ];
    for (const [list, link] of lists) {
      expect(pages.find((p) => p.url === list)?.html, list).toContain(link);
    }
  });

  test('is named in no other published file either (data, feeds, indexes)', async () => {
    const files = (await listFiles(dist)).filter((f) => /\.(json|xml|txt|csv|geojson|webmanifest)$/.test(f));
    const mentioning: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(dist, file), 'utf8');
      if (text.includes(SLUG) || text.includes(TITLE)) mentioning.push(file);
    }
    expect(mentioning).toEqual([]);
  });
});
