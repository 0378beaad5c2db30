/**
 * The CMS in a real browser: the built /admin/ (Decap CMS) in Debian's Chromium, saving
 * through the local backend `npm run cms` starts (scripts/cms-proxy.ts) on 127.0.0.1, into a
 * temporary git repository holding a copy of content/ (tests/.tmp/cms-*; content/ itself is
 * never written). Staff's main tasks are played through the interface — create a partner;
 * add a key figure to a case study with the editor component, translate it in the
 * side-by-side view, upload an image, save — then the files on disk are checked against the
 * schemas and `git diff`, and the site is rebuilt from the copy.
 *
 * The tests of the second describe block depend on each other, in order.
 */
import { readFile, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Page } from 'playwright-core';
import { launchBrowser, startStaticServer, type Browser, type StaticServer } from './harness';
import {
  choose,
  copyContent,
  field,
  fieldWithValue,
  git,
  goto,
  openAdmin,
  answerDialogs,
  publish,
  startProxy,
  type AdminPage,
  type ContentCopy,
  type Proxy,
} from './cms-harness';
import { requireSite } from '../setup/site';
import { runBuild } from '../setup/run';
import { TMP } from '../setup/paths';
import { partnerSchema } from '../../src/schemas/partner';
import { caseStudySchema } from '../../src/schemas/case-study';
import { findMdxViolations } from '../../src/lib/mdx-guard';
import { CONTENT_COMPONENTS } from '../../src/schemas/mdx-components';
import { ctx } from '../unit/fixtures/entries';

/** The collections of public/admin/config.yml, and whether staff may create entries. */
const COLLECTIONS = [
  { name: 'case-studies', create: true },
  { name: 'partners', create: true },
  { name: 'brochures', create: true },
  { name: 'commitments', create: false },
  { name: 'pages', create: false },
  { name: 'sources', create: true },
];

let copy: ContentCopy;
let proxy: Proxy;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const dist = requireSite();
  copy = await copyContent();
  proxy = await startProxy(copy.root);
  server = await startStaticServer(dist);
  browser = await launchBrowser({ width: 1280, height: 1000 });
});

afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
  await server?.close();
  await copy?.remove();
});

/** Whether a TCP connection to host:port succeeds. */
const connects = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

describe('CMS local backend', () => {
  test('the local backend listens on 127.0.0.1 and on no other address of the machine', async () => {
    const { port, hostname } = new URL(proxy.url);
    expect(hostname).toBe('127.0.0.1');
    expect(await connects('127.0.0.1', Number(port))).toBe(true);
    const others = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of others) expect(await connects(address, Number(port)), address).toBe(false);
  });
});

describe('CMS in the browser', () => {
  let admin: AdminPage;
  let page: Page;
  const partnerName = 'Association fictive des tests du CMS';
  const story = 'ateliers-ardoiz-admr';
  const imageName = 'atelier-cms-test.png';
  const frFile = () => path.join(copy.content, 'case-studies/fr', `${story}.mdx`);
  const enFile = () => path.join(copy.content, 'case-studies/en', `${story}.mdx`);
  let enBefore: string;

  beforeAll(async () => {
    admin = await openAdmin(browser.context, server.origin, proxy.url);
    page = admin.page;
    answerDialogs(page);
    enBefore = await readFile(enFile(), 'utf8');
  });

  test.each(COLLECTIONS)('the $name collection lists its entries with no console error', async ({ name }) => {
    admin.errors.length = 0;
    await goto(page, `collections/${name}`);
    await page.locator(`a[href*="/collections/${name}/entries/"]`).first().waitFor();
    expect(admin.errors).toEqual([]);
    expect(admin.failedRequests).toEqual([]);
  });

  test.each(COLLECTIONS.filter((c) => c.create))(
    'the new-entry form of $name opens with no console error',
    async ({ name }) => {
      admin.errors.length = 0;
      await goto(page, `collections/${name}/new`);
      await page.locator('[id*="-field-"]').first().waitFor();
      expect(admin.errors).toEqual([]);
    },
  );

  test('the settings file opens in its form with no console error', async () => {
    admin.errors.length = 0;
    await goto(page, 'collections/settings');
    await page.locator('a[href$="/collections/settings/entries/site"]').click();
    await field(page, 'siteName').waitFor();
    expect(await field(page, 'siteName').inputValue()).toBe('Alliance Dynamique');
    expect(admin.errors).toEqual([]);
  });

  test('a partner created in the CMS is saved as a new file', async () => {
    await goto(page, 'collections/partners/new');
    await choose(page, field(page, 'kind'), 'Partenaire ESS');
    await field(page, 'name').fill(partnerName);
    await choose(page, field(page, 'commitments'), 'Inclusion numérique');
    await field(page, 'fr').fill('Association imaginaire créée par les tests du CMS.');
    await field(page, 'updatedAt').fill('2026-11-30');
    await publish(page);
    expect(git(copy.root, 'status', '--porcelain')).toBe(
      '?? content/partners/association-fictive-des-tests-du-cms.yaml\n',
    );
  });

  test('the new partner file passes the partner schema', async () => {
    const text = await readFile(
      path.join(copy.content, 'partners/association-fictive-des-tests-du-cms.yaml'),
      'utf8',
    );
    const result = partnerSchema(ctx).safeParse(parseYaml(text));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(text).toBe(
      [
        'kind: ess-partner',
        `name: ${partnerName}`,
        'commitments: [digital-inclusion]',
        'description:',
        '  fr: Association imaginaire créée par les tests du CMS.',
        "updatedAt: '2026-11-30'",
        '',
      ].join('\n'),
    );
  });

  test('a key figure added in French through the editor component is saved as its tag', async () => {
    // A fresh tab: in the one that opened the new-entry forms, the entry's English version
    // did not load (Decap kept state from those forms).
    await page.close();
    admin = await openAdmin(browser.context, server.origin, proxy.url);
    page = admin.page;
    answerDialogs(page);
    await goto(page, `collections/case-studies/entries/${story}`);
    // Both languages are loaded: the English title is on screen.
    await fieldWithValue(page, 'title', frontMatterValue(enBefore, 'title'));
    // The French URL segment is asked for (new files are named after it): the file name.
    if (!(await field(page, 'slug').inputValue())) await field(page, 'slug').fill(story);
    await addKeyFigure(page, 0, { value: '120', label: 'associations accompagnées (exemple de test)' });
    await publish(page);
    expect(await readFile(frFile(), 'utf8')).toContain(
      '<KeyFigure value="120" label="associations accompagnées (exemple de test)" source="entretien-politique-ess" />',
    );
  });

  test('the English version, translated in the side-by-side view, gets its own key figure', async () => {
    await addKeyFigure(page, 1, { value: '120', label: 'associations supported (test example)' });
    await field(page, 'summary', 1).fill(
      `${await field(page, 'summary', 1).inputValue()} Translated in the CMS.`,
    );
    await publish(page);
    const en = await readFile(enFile(), 'utf8');
    expect(en).toContain(
      '<KeyFigure value="120" label="associations supported (test example)" source="entretien-politique-ess" />',
    );
    expect(en).toContain('Translated in the CMS.');
  });

  test('an uploaded image lands in content/case-studies/images and both versions cite it as ../images/', async () => {
    const upload = path.join(TMP, imageName);
    await copyFile(path.join(copy.content, 'case-studies/images/ateliers-ardoiz-admr.png'), upload);
    await page.getByRole('button', { name: 'Choisir une image différente' }).first().click();
    await page.locator('input[type="file"]').first().setInputFiles(upload);
    await page.getByText(imageName).first().waitFor();
    await page.getByRole('button', { name: 'Choisir les éléments sélectionnés' }).click();
    // The English version takes the same picture from the media library (one folder for both).
    await page.getByRole('button', { name: 'Choisir une image différente' }).nth(1).click();
    await page.getByText(imageName).first().click();
    await page.getByRole('button', { name: 'Choisir les éléments sélectionnés' }).click();
    await publish(page);
    expect(existsSync(path.join(copy.content, 'case-studies/images', imageName))).toBe(true);
    expect(await readFile(frFile(), 'utf8')).toContain(`src: ../images/${imageName}`);
    expect(await readFile(enFile(), 'utf8')).toContain(`src: ../images/${imageName}`);
  });

  test('git diff shows exactly the edits: the image, the key figures and the summary', () => {
    const stat = git(copy.root, 'status', '--porcelain').split('\n').filter(Boolean).sort();
    expect(stat).toEqual([
      ' M content/case-studies/en/ateliers-ardoiz-admr.mdx',
      ' M content/case-studies/fr/ateliers-ardoiz-admr.mdx',
      `?? content/case-studies/images/${imageName}`,
      '?? content/partners/association-fictive-des-tests-du-cms.yaml',
    ]);
    const diff = (file: string) =>
      git(copy.root, 'diff', '-U0', '--', file)
        .split('\n')
        .filter((l) => /^[-+](?![-+])/.test(l));
    expect(diff(`content/case-studies/fr/${story}.mdx`)).toEqual([
      `-  src: ../images/${story}.png`,
      `+  src: ../images/${imageName}`,
      '+',
      '+<KeyFigure value="120" label="associations accompagnées (exemple de test)" source="entretien-politique-ess" />',
    ]);
    const summary = frontMatterValue(enBefore, 'summary');
    expect(diff(`content/case-studies/en/${story}.mdx`)).toEqual([
      expect.stringMatching(/^-summary: /),
      `+summary: ${summary} Translated in the CMS.`,
      `-  src: ../images/${story}.png`,
      `+  src: ../images/${imageName}`,
      '+',
      '+<KeyFigure value="120" label="associations supported (test example)" source="entretien-politique-ess" />',
    ]);
  });

  test('the edited case studies pass the case-study schema and the MDX check', async () => {
    for (const file of [frFile(), enFile()]) {
      const text = await readFile(file, 'utf8');
      const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
      // The loader adds the language (the folder) and the key (the file name).
      const data = {
        ...parseYaml(frontMatter),
        lang: path.basename(path.dirname(file)),
        translationKey: story,
      };
      const result = caseStudySchema(ctx).safeParse(data);
      expect(result.error?.issues ?? [], file).toEqual([]);
      expect(findMdxViolations(text, CONTENT_COMPONENTS), file).toEqual([]);
    }
  });

  test('the site rebuilt from the edited copy shows the new partner and the new key figure', async () => {
    const out = path.join(copy.root, 'dist');
    // The fixture config with a cache of its own: the site's content cache would resolve
    // images against content/ (as the other fixture builds do, tests/setup/astro.fixture.config.mjs).
    const result = await runBuild(['--config', 'tests/setup/astro.fixture.config.mjs'], out, {
      env: {
        CONTENT_DIR: copy.content,
        OUT_DIR: out,
        ASTRO_CACHE_DIR: path.join(copy.root, 'cache'),
        NODE_ENV: 'production',
      },
      timeoutMs: 10 * 60_000,
    });
    expect(result.code, result.output.slice(-3000)).toBe(0);
    const partner = await readFile(
      path.join(out, 'partenaires/association-fictive-des-tests-du-cms/index.html'),
      'utf8',
    );
    expect(partner).toContain(partnerName);
    const storyPage = await readFile(path.join(out, 'etudes-de-cas', story, 'index.html'), 'utf8');
    expect(storyPage).toContain('associations accompagnées (exemple de test)');
    const englishPage = await readFile(
      path.join(out, 'en/case-studies/ardoiz-workshops-admr/index.html'),
      'utf8',
    );
    expect(englishPage).toContain('associations supported (test example)');
  });
});

/** A top-level value of a content file's front matter. */
function frontMatterValue(text: string, key: string): string {
  return String((parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>)[key]);
}

/** Inserts a key figure through the editor component in the body of pane `pane` (0 French, 1 English). */
async function addKeyFigure(page: Page, pane: number, values: { value: string; label: string }) {
  const editor = page.locator('[data-slate-editor="true"]').nth(pane);
  await editor.locator('p').last().click();
  await page.keyboard.press('Control+End');
  await page.getByRole('button', { name: 'Ajouter un composant' }).nth(pane).click();
  await page
    .locator('[role="menuitem"], [class*="DropdownItem"]')
    .filter({ hasText: 'Chiffre clé' })
    .first()
    .click();
  await editor.locator('[id^="value-field-"]').last().fill(values.value);
  await editor.locator('[id^="label-field-"]').last().fill(values.label);
  // Sources are found by their title or description and shown by their id.
  await choose(
    page,
    editor.locator('[id^="source-field-"]').last(),
    'Pascal Caillet',
    'entretien-politique-ess',
  );
}
