/**
 * The search index step reuses a bundle whose inputs did not change (scripts/lib/search-index.ts):
 * on a small made-up site of four pages, two in the site's bundle, one in the partners' and one
 * in the referenced organisations'.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indexSite } from '../../scripts/lib/search-index';
import type { SearchBundle } from '../../src/lib/search';
import { listFiles } from '../setup/site';

const page = (bundle: SearchBundle, title: string, text: string) =>
  `<!doctype html><html lang="fr"><head><title>${title}</title></head><body><main data-pagefind-body>` +
  `<div hidden data-pagefind-ignore data-search-meta="${bundle}"><span data-pagefind-meta="title">${title}</span></div>` +
  `<h1>${title}</h1><p>${text}</p></main></body></html>`;

let root: string;
let site: string;
let cache: string;

async function writeSite(storyText: string) {
  await rm(site, { recursive: true, force: true });
  await mkdir(path.join(site, 'etudes-de-cas/fictive'), { recursive: true });
  await mkdir(path.join(site, 'partenaires/structure-fictive'), { recursive: true });
  await mkdir(path.join(site, 'partenaires/structure-referencee-fictive'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), page('site', 'Accueil fictif', 'Une page inventée.'));
  // A list page, without data-pagefind-body: Pagefind would leave it out, so it is not handed
  // to it (the site's bundle counts two pages, not three).
  await mkdir(path.join(site, 'partenaires/2'), { recursive: true });
  await writeFile(
    path.join(site, 'partenaires/2/index.html'),
    '<!doctype html><html lang="fr"><head><title>Annuaire, page 2</title></head><body><main><p>Liste.</p></main></body></html>',
  );
  await writeFile(
    path.join(site, 'etudes-de-cas/fictive/index.html'),
    page('site', 'Étude fictive', storyText),
  );
  await writeFile(
    path.join(site, 'partenaires/structure-fictive/index.html'),
    page('partners', 'Structure fictive', 'Une structure inventée pour les tests.'),
  );
  await writeFile(
    path.join(site, 'partenaires/structure-referencee-fictive/index.html'),
    page('organisations', 'Structure référencée fictive', 'Lille'),
  );
}

/** Every file of the built index, path → bytes. */
async function indexFiles(): Promise<Map<string, string>> {
  const dir = path.join(site, 'pagefind');
  const files = await listFiles(dir);
  return new Map(
    await Promise.all(
      files.map(async (f) => [f, (await readFile(path.join(dir, f))).toString('base64')] as const),
    ),
  );
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ad-search-cache-'));
  site = path.join(root, 'dist');
  cache = path.join(root, 'cache');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('search index cache', () => {
  let first: Map<string, string>;

  test('a first run indexes every bundle and keeps a copy of each', async () => {
    await writeSite('Une étude inventée.');
    const result = await indexSite(site, undefined, cache);
    expect(result.reused).toEqual([]);
    expect(result.bundles).toEqual({
      site: { pages: 2, records: 0 },
      partners: { pages: 1, records: 0 },
      organisations: { pages: 1, records: 0 },
    });
    first = await indexFiles();
    expect([...first.keys()].some((f) => f.startsWith('partners/'))).toBe(true);
    expect([...first.keys()].some((f) => f.startsWith('organisations/'))).toBe(true);
  });

  test('a run over the same pages reuses every bundle and gives the same files', async () => {
    await writeSite('Une étude inventée.');
    const result = await indexSite(site, undefined, cache);
    expect(result.reused).toEqual(['site', 'partners', 'organisations']);
    expect(result.bundles).toEqual({
      site: { pages: 2, records: 0 },
      partners: { pages: 1, records: 0 },
      organisations: { pages: 1, records: 0 },
    });
    expect(await indexFiles()).toEqual(first);
  });

  test('an edited case study re-indexes the site’s bundle only, and its new word is found', async () => {
    await writeSite('Une étude inventée, remaniée.');
    const result = await indexSite(site, undefined, cache);
    expect(result.reused).toEqual(['partners', 'organisations']);
    const after = await indexFiles();
    const directory = (f: string) => f.startsWith('partners/') || f.startsWith('organisations/');
    for (const file of [...first.keys()].filter(directory)) expect(after.get(file)).toBe(first.get(file));
    expect([...after.keys()].filter((f) => !directory(f))).not.toEqual(
      [...first.keys()].filter((f) => !directory(f)),
    );
  });

  test('pages and index files left in place since the last run are neither read nor placed again', async () => {
    await writeSite('Une étude inventée.');
    await indexSite(site, undefined, cache);
    await indexSite(site, undefined, cache);
    const files = await indexFiles();
    const result = await indexSite(site, undefined, cache);
    expect(result.reused).toEqual(['site', 'partners', 'organisations']);
    expect(result.pagesRead).toBe(0);
    expect(result.filesPlaced).toBe(0);
    expect(await indexFiles()).toEqual(files);
  });

  test('the directory’s index files stay in place when the site’s bundle alone is indexed again', async () => {
    const partners = async () =>
      new Map(
        [...(await indexFiles())].filter(
          ([file]) => file.startsWith('partners/') || file.startsWith('organisations/'),
        ),
      );
    const before = await partners();
    const story = path.join(site, 'etudes-de-cas/fictive/index.html');
    await writeFile(story, (await readFile(story, 'utf8')).replace('inventée', 'imaginée'));
    const result = await indexSite(site, undefined, cache);
    expect(result.reused).toEqual(['partners', 'organisations']);
    expect(result.pagesRead).toBe(1);
    expect(result.filesPlaced).toBe(0);
    expect(await partners()).toEqual(before);
    // The site's bundle kept in the cache holds its own files only.
    expect(existsSync(path.join(cache, 'search-index/site/partners'))).toBe(false);
    expect(existsSync(path.join(cache, 'search-index/site/organisations'))).toBe(false);
  });

  test('a page rewritten in place with text of the same length is read again and its bundle indexed', async () => {
    await writeSite('Une étude inventée.');
    await indexSite(site, undefined, cache);
    const partner = path.join(site, 'partenaires/structure-fictive/index.html');
    const before = await readFile(partner, 'utf8');
    const after = before.replace('inventée pour', 'imaginée pour');
    expect(after.length).toBe(before.length);
    await writeFile(partner, after);
    const result = await indexSite(site, undefined, cache);
    expect(result.pagesRead).toBe(1);
    expect(result.reused).toEqual(['site', 'organisations']);
  });

  test('without a cache folder, every bundle is indexed', async () => {
    await writeSite('Une étude inventée.');
    expect((await indexSite(site)).reused).toEqual([]);
  });
});
