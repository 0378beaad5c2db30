/**
 * The open-data files and page of the built site (tests/.tmp/dist): the exports exist at
 * their documented addresses, in the promised formats, with exactly one record per
 * partner file of content/partners, and the published CSV imports back without change.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { runImport } from '../../src/lib/import';
import { COLUMNS, SCHEMA_VERSION, byteLength } from '../../src/lib/open-data';
import { DATA_FILES, dataFileUrl, dataUrl, type DataFile } from '../../src/lib/urls';
import { ROOT } from '../setup/paths';
import { fileForUrl, readSitePages, requireSite, sitemapPaths, type Page } from '../setup/site';

let dist: string;
let partnerIds: string[];
let pages: (Page & { dom: HTMLElement })[];
let loaded: Promise<void> | undefined;
const scratch: string[] = [];

// Before each test rather than once: when the build failed, every test then fails with
// the build's output instead of being skipped.
beforeEach(async () => {
  loaded ??= (async () => {
    dist = requireSite();
    partnerIds = (await readdir(path.join(ROOT, 'content/partners')))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .sort();
    pages = (await readSitePages(dist)).map((page) => ({ ...page, dom: parse(page.html) }));
  })();
  await loaded;
});
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function built(file: DataFile): Promise<string> {
  const full = fileForUrl(dist, dataFileUrl(file));
  if (!full) throw new Error(`${dataFileUrl(file)} is not in the build`);
  return readFile(full, 'utf8');
}

function page(url: string): Page & { dom: HTMLElement } {
  const found = pages.find((p) => p.url === url);
  if (!found) throw new Error(`${url} is not built`);
  return found;
}

describe('exported files', () => {
  test.each(Object.keys(DATA_FILES) as DataFile[])(
    'the %s file is built at its documented address',
    (file) => {
      expect(fileForUrl(dist, dataFileUrl(file)), dataFileUrl(file)).toBeDefined();
    },
  );

  test('the built CSV is UTF-8 with BOM, semicolon-separated, with CRLF line ends', async () => {
    const bytes = await readFile(fileForUrl(dist, dataFileUrl('csv'))!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF' + COLUMNS.map((c) => c.name).join(';'));
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  test('the built CSV has exactly one row per partner file of content/partners', async () => {
    const rows = (await built('csv')).split('\r\n').slice(1, -1);
    expect(rows.map((r) => r.split(';')[0])).toEqual(partnerIds);
  });

  test('the built JSON has exactly one record per partner file', async () => {
    const json = JSON.parse(await built('json')) as { partenaires: { identifiant: string }[] };
    expect(json.partenaires.map((r) => r.identifiant)).toEqual(partnerIds);
  });

  test('the built GeoJSON has exactly one feature per partner file, with or without geometry', async () => {
    const geojson = JSON.parse(await built('geojson')) as { type: string; features: { id: string }[] };
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.map((f) => f.id)).toEqual(partnerIds);
  });

  test('the built Table Schema carries its version and describes every column', async () => {
    const schema = JSON.parse(await built('schema')) as { version: string; fields: { name: string }[] };
    expect(schema.version).toBe(SCHEMA_VERSION);
    expect(schema.fields.map((f) => f.name)).toEqual(COLUMNS.map((c) => c.name));
  });

  test('the published CSV imports back into a copy of the content with every row unchanged', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'ad-published-'));
    scratch.push(copy);
    await cp(path.join(ROOT, 'content/partners'), path.join(copy, 'partners'), { recursive: true });
    const input = path.join(copy, 'partenaires.csv');
    await writeFile(input, await readFile(fileForUrl(dist, dataFileUrl('csv'))!));
    const run = await runImport(input, { contentDir: copy });
    expect(run.counts).toMatchObject({ read: partnerIds.length, unchanged: partnerIds.length, rejected: 0 });
  });
});

describe('open-data page', () => {
  test.each(['fr', 'en'] as const)('the %s page links to every exported file', (locale) => {
    const hrefs = page(dataUrl(locale))
      .dom.querySelectorAll('main a[href]')
      .map((a) => a.getAttribute('href'));
    for (const file of Object.keys(DATA_FILES) as DataFile[]) expect(hrefs).toContain(dataFileUrl(file));
  });

  test('the page gives the size of each file as built', async () => {
    const text = page(dataUrl('fr')).dom.querySelector('main')!.text;
    for (const file of Object.keys(DATA_FILES) as DataFile[]) {
      const kilobytes = Math.max(0.1, Math.round(byteLength(await built(file)) / 102.4) / 10);
      expect(text).toContain(`${String(kilobytes).replace('.', ',')} ko`);
    }
  });

  test('the page counts every partner', () => {
    expect(page(dataUrl('fr')).dom.querySelector('.count')!.text).toContain(
      `${partnerIds.length} partenaires`,
    );
  });

  test('the page documents every column of the schema', () => {
    const documented = page(dataUrl('en'))
      .dom.querySelectorAll('.schema-table tbody th code')
      .map((c) => c.text);
    expect(documented).toEqual(COLUMNS.map((c) => c.name));
  });

  test('every page’s footer links to the open-data page of its language', () => {
    const missing = pages
      .filter((p) => p.url !== '/404.html')
      // Embeds (/embed/…) are made for other sites' frames: no site footer, a link back instead.
      .filter((p) => !p.url.startsWith('/embed/'))
      .filter((p) => {
        const locale = p.url.startsWith('/en/') ? 'en' : 'fr';
        return !p.dom.querySelector(`footer a[href="${dataUrl(locale)}"]`);
      })
      .map((p) => p.url);
    expect(missing).toEqual([]);
  });

  test('both open-data pages are in the sitemap', async () => {
    expect(await sitemapPaths(dist)).toEqual(expect.arrayContaining([dataUrl('fr'), dataUrl('en')]));
  });
});
