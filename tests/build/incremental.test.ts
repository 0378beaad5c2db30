/**
 * Incremental builds (astro.config.mjs, `experimental.incrementalBuild`) give what a cold build
 * gives. On a copy of the site's content: a cold build; then an edit to a case study's text,
 * to the name of a partner that other pages show (its case study, the brochure presenting
 * that story, its territory's pages, the directory), and another story's picture replaced by
 * other bytes under the same file name; then an incremental build into the same
 * folder with the same cache; then a cold build of the edited content into another folder
 * with an empty cache. The two folders must hold the same files, byte for byte.
 *
 * Allowed to differ, as they differ between two cold builds of the same content: the brochure
 * PDFs, in the dates Chromium writes into them when it prints (/CreationDate, /ModDate), and
 * the search index (pagefind/): Pagefind indexing the same pages twice writes files of other
 * names and bytes (measured: 15 of them differ on this site). Its pages and records are
 * compared instead, from the "[pagefind] Indexed …" line of each build.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, TMP } from '../setup/paths';
import { runAstro, runBuild, runIndex, type RunResult } from '../setup/run';
import { SEARCH_BUNDLES } from '../../src/lib/search';

const CONFIG = 'tests/setup/astro.fixture.config.mjs';
const EDITED_STORY = 'case-studies/fr/loos-point-poste-ess.mdx';
const EDITED_PARTNER = 'partners/admr.yaml';
/** A story's picture, replaced by other bytes under the same name (as staff may upload it again). */
const REPLACED_PICTURE = 'case-studies/images/indre-inclusion-numerique-france-travail.png';
const OTHER_PICTURE = 'case-studies/images/montpellier-lancement-regional-2015.png';

let scratch = '';
let incremental = '';
let cold = '';
let rebuild: RunResult;
let fresh: RunResult;
/** A third build, of unchanged content: the search index step reuses both bundles. */
let unchanged: RunResult;
/** The search index's files after the edit's rebuild, then after the unchanged one: path → bytes. */
let indexAfterEdit = new Map<string, string>();
let indexAfterUnchanged = new Map<string, string>();

/** Files of the search index: compared by what was indexed, not byte for byte (see above). */
const SEARCH_INDEX = /^pagefind\//;

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((file) => !SEARCH_INDEX.test(file))
    .sort();
}

/** The search index's files of a build folder, path → bytes (base64). */
async function searchIndexFiles(dir: string): Promise<Map<string, string>> {
  const root = path.join(dir, 'pagefind');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return new Map(
    await Promise.all(
      files.map(async (f) => [path.relative(root, f), (await readFile(f)).toString('base64')] as const),
    ),
  );
}

/** A PDF without the print dates Chromium writes into it. */
const withoutPrintDates = (pdf: Buffer) =>
  pdf.toString('latin1').replace(/\/(CreationDate|ModDate) ?\(D:[^)]*\)/g, '/$1 ()');

/** The environment of a build of `content` into `out`, with `cache` as Astro's cache folder. */
const buildEnv = (content: string, out: string, cache: string) => ({
  CONTENT_DIR: content,
  OUT_DIR: out,
  ASTRO_CACHE_DIR: cache,
  NODE_ENV: 'production',
});

/** What Pagefind says it indexed ("[pagefind] Indexed 120 pages and 96 records"). */
const indexedLine = (result: RunResult) =>
  /\[pagefind\] Indexed \d+ pages and \d+ records/.exec(result.output)?.[0];

function build(content: string, out: string, cache: string): Promise<RunResult> {
  return runBuild(['--config', CONFIG], out, {
    env: buildEnv(content, out, cache),
    timeoutMs: 15 * 60_000,
  });
}

beforeAll(async () => {
  await mkdir(TMP, { recursive: true });
  scratch = await mkdtemp(path.join(TMP, 'incremental-'));
  const content = path.join(scratch, 'content');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  // Optimised images do not depend on what is tested: both caches start with the site's.
  const images = path.join(ROOT, 'node_modules/.astro/assets');
  for (const cache of ['cache', 'cache-cold']) {
    if (existsSync(images)) await cp(images, path.join(scratch, cache, 'assets'), { recursive: true });
  }
  incremental = path.join(scratch, 'dist');
  cold = path.join(scratch, 'dist-cold');

  const first = await build(content, incremental, path.join(scratch, 'cache'));
  if (first.code !== 0) throw new Error(`first build failed:\n${first.output}`);

  const story = path.join(content, EDITED_STORY);
  await writeFile(
    story,
    `${(await readFile(story, 'utf8')).trimEnd()}\n\nUne phrase ajoutée pour le test.\n`,
  );
  const partner = path.join(content, EDITED_PARTNER);
  const yaml = await readFile(partner, 'utf8');
  expect(yaml).toMatch(/^name: ADMR$/m);
  await writeFile(partner, yaml.replace(/^name: ADMR$/m, 'name: ADMR (fiche modifiée)'));
  await cp(path.join(content, OTHER_PICTURE), path.join(content, REPLACED_PICTURE));

  rebuild = await build(content, incremental, path.join(scratch, 'cache'));
  if (rebuild.code !== 0) throw new Error(`incremental build failed:\n${rebuild.output}`);
  fresh = await build(content, cold, path.join(scratch, 'cache-cold'));
  if (fresh.code !== 0) throw new Error(`cold build failed:\n${fresh.output}`);
  indexAfterEdit = await searchIndexFiles(incremental);
  unchanged = await build(content, incremental, path.join(scratch, 'cache'));
  if (unchanged.code !== 0) throw new Error(`unchanged rebuild failed:\n${unchanged.output}`);
  indexAfterUnchanged = await searchIndexFiles(incremental);
}, 30 * 60_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  // The builds described the copy in .astro/: describe the site's own content again.
  await runAstro(['sync'], { timeoutMs: 3 * 60_000 });
});

describe('an incremental build after an edit', () => {
  /** The pages Astro rendered, and those it kept, as its output lists them. */
  const pages = () => {
    const lines = rebuild.output.split('\n').filter((line) => line.includes('├─'));
    const kept = lines.filter((line) => /\((cached|restored)\)/.test(line));
    return { rendered: lines.filter((line) => !kept.includes(line)), kept };
  };

  test('keeps the pages the edit does not touch instead of rendering them', () => {
    expect(pages().kept.join('\n')).toContain('/partenaires/face/index.html');
  });

  /** Each of `files` was rendered again, not kept. */
  const expectRendered = (files: string[]) => {
    const rendered = pages().rendered.join('\n');
    for (const file of files) expect(rendered).toContain(file);
  };

  test('renders again the edited story, the edited partner and the pages that show them', () => {
    expectRendered([
      '/etudes-de-cas/loos-point-poste-ess/index.html',
      '/partenaires/admr/index.html',
      '/etudes-de-cas/ateliers-ardoiz-admr/index.html',
      '/brochures/selection-2026/index.html',
    ]);
  });

  test('renders again the pages that show a picture replaced under the same name', () => {
    expectRendered([
      '/etudes-de-cas/indre-inclusion-numerique-france-travail/index.html',
      '/partenaires/france-travail/index.html',
      '/engagements/inclusion-numerique/index.html',
    ]);
  });

  test('writes the same files as a cold build of the edited content', async () => {
    expect(await filesOf(incremental)).toEqual(await filesOf(cold));
  });

  test('writes every file byte for byte as a cold build does (PDFs but for their print dates)', async () => {
    const differing: string[] = [];
    for (const file of await filesOf(cold)) {
      const [a, b] = await Promise.all([
        readFile(path.join(incremental, file)),
        readFile(path.join(cold, file)),
      ]);
      const same = file.endsWith('.pdf') ? withoutPrintDates(a) === withoutPrintDates(b) : a.equals(b);
      if (!same) differing.push(file);
    }
    expect(differing).toEqual([]);
  });

  test('indexes the same pages and records for search as a cold build', () => {
    expect(indexedLine(rebuild)).toBeDefined();
    expect(indexedLine(rebuild)).toBe(indexedLine(fresh));
  });

  test('keeps, when built again unchanged, the search index it wrote: no file added, removed or altered', () => {
    for (const bundle of SEARCH_BUNDLES)
      expect(unchanged.output).toMatch(
        new RegExp(`bundle ${bundle}: .*\\(unchanged: files reused from the cache\\)`),
      );
    expect(indexAfterUnchanged).toEqual(indexAfterEdit);
  });

  test('has as many search index files in each folder as a cold build', async () => {
    const perFolder = (files: Iterable<string>) => {
      const counts = new Map<string, number>();
      for (const file of files) counts.set(path.dirname(file), (counts.get(path.dirname(file)) ?? 0) + 1);
      return counts;
    };
    expect(perFolder(indexAfterUnchanged.keys())).toEqual(perFolder((await searchIndexFiles(cold)).keys()));
  });

  test('shows the edit on the pages that relate to it', async () => {
    const storyPage = await readFile(
      path.join(incremental, 'etudes-de-cas/ateliers-ardoiz-admr/index.html'),
      'utf8',
    );
    expect(storyPage).toContain('ADMR (fiche modifiée)');
  });
});

describe('astro build on its own, with no index step after it', () => {
  let alone: RunResult;
  let indexed: RunResult;
  let indexAfter = new Map<string, string>();

  beforeAll(async () => {
    const env = buildEnv(path.join(scratch, 'content'), incremental, path.join(scratch, 'cache'));
    alone = await runAstro(['build', '--config', CONFIG], { env, timeoutMs: 15 * 60_000 });
    if (alone.code !== 0) throw new Error(`astro build failed:\n${alone.output}`);
    indexed = await runIndex(incremental, { env });
    if (indexed.code !== 0) throw new Error(`index step failed:\n${indexed.output}`);
    indexAfter = await searchIndexFiles(incremental);
  }, 15 * 60_000);

  test('deletes the search index, which it would leave describing the previous build, and says so', () => {
    expect(alone.output).toContain('index de recherche (pagefind/) supprimé');
    expect(alone.output).toContain('Lancez `npm run build`');
  });

  test('leaves the index step able to write it again, as complete as before', async () => {
    expect(indexedLine(indexed)).toBeDefined();
    expect(indexedLine(indexed)).toBe(indexedLine(fresh));
    expect([...indexAfter.keys()].sort()).toEqual([...indexAfterUnchanged.keys()].sort());
  });
});
