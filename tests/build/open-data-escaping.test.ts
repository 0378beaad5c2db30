/**
 * Hostile names, end to end: tests/fixtures/import/noms-pieges.csv (HTML and formulas in
 * names of made-up partners) is imported by the command line into a copy of the content,
 * the copy is built, and the names come out as harmless text: escaped in every page,
 * neutralised in the CSV export, unchanged in the JSON.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../setup/paths';
import { runAstro, type RunResult } from '../setup/run';
import { readPages } from '../setup/site';

const CSV = path.join(ROOT, 'tests/fixtures/import/noms-pieges.csv');
/** The site's config with a cache folder of its own (see the file). */
const CONFIG = 'tests/setup/astro.fixture.config.mjs';

const SCRIPT_NAME = '<script>alert("Association Fictive des Tests n°7")</script><b>gras</b>';
const FORMULA_NAME = '=HYPERLIEN("https://example.org";"Association Fictive des Tests n°8")';
const AT_NAME = '@Association Fictive des Tests n°9 & « Cie »';

let scratch: string;
let dist: string;
let importRun: ReturnType<typeof spawnSync>;
let build: RunResult;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'ad-hostile-'));
  const content = path.join(scratch, 'content');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  importRun = spawnSync(process.execPath, [path.join(ROOT, 'scripts/import.ts'), CSV], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: content },
    encoding: 'utf8',
  });
  // A cache of its own, so that no entry of this throwaway content reaches the site's data
  // store; seeded with the images the shared build already optimised (seconds, not a minute).
  const cache = path.join(scratch, 'astro-cache');
  await mkdir(cache);
  const images = path.join(ROOT, 'node_modules/.astro/assets');
  if (existsSync(images)) await cp(images, path.join(cache, 'assets'), { recursive: true });
  dist = path.join(scratch, 'dist');
  build = await runAstro(['build', '--config', CONFIG], {
    env: { CONTENT_DIR: content, OUT_DIR: dist, ASTRO_CACHE_DIR: cache },
    timeoutMs: 10 * 60_000,
  });
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  // The build above left .astro/ describing the throwaway content; describe the site's again.
  await runAstro(['sync'], { timeoutMs: 3 * 60_000 });
});

function requireBuild() {
  expect(importRun.status, `import: ${String(importRun.stdout)}${String(importRun.stderr)}`).toBe(0);
  expect(build.code, build.output).toBe(0);
}

describe('hostile names, imported then built', () => {
  test('the import accepts the three names as text', () => {
    expect(importRun.status, String(importRun.stderr)).toBe(0);
    expect(String(importRun.stdout)).toContain(
      '3 importée(s) + 0 mise(s) à jour + 0 inchangée(s) + 0 refusée(s) = 3 ligne(s) lue(s)',
    );
  });

  test('a name holding HTML is shown as text on its page, its tags escaped', async () => {
    requireBuild();
    const html = await readFile(
      path.join(dist, 'partenaires/association-fictive-des-tests-n-7/index.html'),
      'utf8',
    );
    const dom = parse(html);
    expect(dom.querySelector('h1')!.text).toBe(SCRIPT_NAME);
    expect(html).toContain('&lt;script&gt;alert');
    expect(dom.querySelectorAll('main script')).toHaveLength(0);
    expect(dom.querySelectorAll('main b')).toHaveLength(0);
  });

  // Attribute values (og:title) may hold a literal "<": it is text there. What must not
  // exist is an element made from the name.
  test('no built page has an element made from the name’s HTML', async () => {
    requireBuild();
    const offenders: string[] = [];
    for (const p of await readPages(dist)) {
      const dom = parse(p.html);
      const scripts = dom
        .querySelectorAll('script')
        .filter((el) => el.getAttribute('type') !== 'application/ld+json' && el.text.includes('alert('));
      const bolds = dom.querySelectorAll('b').filter((el) => el.text === 'gras');
      const images = dom.querySelectorAll('img[src="x"]');
      if (scripts.length + bolds.length + images.length > 0) offenders.push(p.url);
    }
    expect(offenders).toEqual([]);
  });

  test('a name beginning with = is shown as is on its page', async () => {
    requireBuild();
    const html = await readFile(
      path.join(dist, 'partenaires/association-fictive-des-tests-n-8/index.html'),
      'utf8',
    );
    expect(parse(html).querySelector('h1')!.text).toBe(FORMULA_NAME);
  });

  test('names beginning with = or @ are neutralised in the CSV export', async () => {
    requireBuild();
    const csv = await readFile(path.join(dist, 'donnees/partenaires.csv'), 'utf8');
    expect(csv).toContain(`;"'${FORMULA_NAME.replaceAll('"', '""')}";`);
    expect(csv).toContain(`;'${AT_NAME};`);
  });

  test('the JSON export holds the names exactly as written', async () => {
    requireBuild();
    const json = JSON.parse(await readFile(path.join(dist, 'donnees/partenaires.json'), 'utf8')) as {
      partenaires: { nom: string }[];
    };
    expect(json.partenaires.map((p) => p.nom)).toEqual(
      expect.arrayContaining([SCRIPT_NAME, FORMULA_NAME, AT_NAME]),
    );
  });
});
