/**
 * Round trip through the CMS: every existing entry of every collection is opened in the
 * real Decap interface and saved twice — once with a letter added to its first field, once
 * with the letter removed — through the local backend, on a temporary copy of content/.
 * Decap saves only an entry that changed, hence the two saves; they go through the whole
 * save path (form data → src/cms/formats.ts → file) and must leave every file byte-identical.
 *
 * One normalisation, named: a French case study, brochure or page without `slug` gets
 * `slug: <file name>` under its title, because the CMS asks for the URL segment (new files
 * are named after it) — the URL is unchanged, since the file name was the default.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, startStaticServer, type Browser, type StaticServer } from './harness';
import {
  copyContent,
  goto,
  openAdmin,
  answerDialogs,
  publish,
  startProxy,
  type ContentCopy,
  type Proxy,
} from './cms-harness';
import { requireSite } from '../setup/site';
import { ROOT } from '../setup/paths';

interface Entry {
  collection: string;
  slug: string;
  /** Files of the entry, relative to content/: one, or the French and English versions. */
  files: string[];
}

/** Every entry of content/, as the CMS's collections list them. */
function entries(): Entry[] {
  const list = (dir: string) =>
    readdirSync(path.join(ROOT, 'content', dir))
      .filter((f) => /\.(mdx|yaml)$/.test(f))
      .map((f) => f.replace(/\.(mdx|yaml)$/, ''))
      .sort();
  const translated = (collection: string) =>
    list(`${collection}/fr`).map((slug) => ({
      collection,
      slug,
      files: ['fr', 'en'].map((l) => `${collection}/${l}/${slug}.mdx`),
    }));
  const plain = (collection: string) =>
    list(collection).map((slug) => ({ collection, slug, files: [`${collection}/${slug}.yaml`] }));
  return [
    ...translated('case-studies'),
    ...plain('partners'),
    ...translated('brochures'),
    ...plain('commitments'),
    ...translated('pages'),
    ...plain('sources'),
    { collection: 'settings', slug: 'site', files: ['settings/site.yaml'] },
  ];
}

let copy: ContentCopy;
let proxy: Proxy;
let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const dist = requireSite();
  copy = await copyContent();
  proxy = await startProxy(copy.root);
  server = await startStaticServer(dist);
  browser = await launchBrowser({ width: 1280, height: 1000 });
  page = (await openAdmin(browser.context, server.origin, proxy.url)).page;
  answerDialogs(page);
});

afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
  await server?.close();
  await copy?.remove();
});

/** Opens an entry in a freshly loaded editor: Decap otherwise may keep the previous editor's state. */
async function open(entry: Entry) {
  await goto(page, `collections/${entry.collection}/entries/${entry.slug}`);
  await page.reload({ waitUntil: 'load' });
  // Loaded: the editor says the entry has no unsaved change (typing earlier is overwritten).
  await page.getByText('Modifications enregistrées', { exact: true }).waitFor();
  await page.locator('[id*="-field-"]').first().waitFor();
}

/** Adds `text` at the end of the first text field of the form (partners: the name), or removes that many characters. */
async function editFirstField(change: { add: string } | { remove: number }) {
  // A select's search box (react-select, aria-autocomplete) is not text: typing there changes nothing.
  const first = page
    .locator('input[type="text"][id*="-field-"]:not([aria-autocomplete]), textarea[id*="-field-"]')
    .first();
  await first.click();
  await page.keyboard.press('End');
  if ('add' in change) await page.keyboard.type(change.add);
  else for (let i = 0; i < change.remove; i++) await page.keyboard.press('Backspace');
}

/** The text a French file without slug gets: `slug: <file name>` under its title. */
function withSlug(text: string, slug: string): string {
  if (/^slug: /m.test(text.split('\n---\n')[0]!)) return text;
  const lines = text.split('\n');
  const title = lines.findIndex((l) => l.startsWith('title:'));
  let end = title + 1;
  while (lines[end]?.startsWith(' ')) end++;
  lines.splice(end, 0, `slug: ${slug}`);
  return lines.join('\n');
}

describe('CMS round trip', () => {
  test.each(entries().map((e) => [`${e.collection}/${e.slug}`, e] as const))(
    '%s saved unchanged through the CMS keeps its files byte for byte',
    async (_name, entry) => {
      const before = await Promise.all(entry.files.map((f) => readFile(path.join(copy.content, f), 'utf8')));
      await open(entry);
      const slug = page.locator('[id^="slug-field-"]').first();
      if (entry.files.length === 2 && (await slug.count()) && !(await slug.inputValue()))
        await slug.fill(entry.slug);
      await editFirstField({ add: 'x' });
      await publish(page);
      await open(entry);
      await editFirstField({ remove: 1 });
      await publish(page);
      const after = await Promise.all(entry.files.map((f) => readFile(path.join(copy.content, f), 'utf8')));
      const expected = before.map((text, i) =>
        i === 0 && entry.files.length === 2 ? withSlug(text, entry.slug) : text,
      );
      expect(after).toEqual(expected);
    },
  );
});
