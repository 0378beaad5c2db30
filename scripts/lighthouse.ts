/**
 * Lighthouse (mobile) on the built site, in Debian's Chromium:
 *
 *   npm run lighthouse             # builds into tests/.tmp/lighthouse/dist, then 12 runs
 *   npm run lighthouse -- --reuse  # keeps that build when it exists
 *   npm run lighthouse -- --reuse --only /carte/,/en/map/   # some of the pages only
 *
 * Six kinds of page in both languages: the home, a case study, the directory, a partner, the
 * search page with a query and the map. The build has PUBLIC_MAP_TILES=none: map tiles come
 * from IGN's servers, which would measure their network rather than the site, and every
 * request that leaves 127.0.0.1 is blocked anyway (--host-resolver-rules), as in the tests.
 * Writes each report (JSON) and a summary table (summary.md) to tests/.tmp/lighthouse/, prints
 * the table and exits with 1 when a page misses a goal: performance ≥ 98, accessibility,
 * best practices and SEO 100. Not part of `npm test`: twelve runs take a few minutes.
 *
 * Runs directly on Node 22 (type stripping): imports carry their .ts extension and the file
 * uses only erasable TypeScript (annotations).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH, startStaticServer } from '../tests/browser/harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'tests/.tmp/lighthouse');
const DIST = path.join(OUT, 'dist');

type Locale = 'fr' | 'en';
type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';

const PAGES: { name: string; fr: string; en: string }[] = [
  { name: 'Accueil', fr: '/', en: '/en/' },
  {
    name: 'Étude de cas',
    fr: '/etudes-de-cas/loos-point-poste-ess/',
    en: '/en/case-studies/loos-ess-post-point/',
  },
  { name: 'Annuaire', fr: '/partenaires/', en: '/en/partners/' },
  {
    name: 'Partenaire',
    fr: '/partenaires/la-fabrique-de-l-emploi/',
    en: '/en/partners/la-fabrique-de-l-emploi/',
  },
  { name: 'Recherche', fr: '/recherche/?q=inclusion', en: '/en/search/?q=inclusion' },
  { name: 'Carte', fr: '/carte/', en: '/en/map/' },
];

const CATEGORIES: Category[] = ['performance', 'accessibility', 'best-practices', 'seo'];
/** The lowest score (0–100) each category may have. */
const GOALS: Record<Category, number> = {
  performance: 98,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

const { values } = parseArgs({
  options: { reuse: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const only = values.only?.split(',');

if (!values.reuse || !existsSync(DIST)) {
  console.log(`Building the site into ${path.relative(ROOT, DIST)} (PUBLIC_MAP_TILES=none)…`);
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: DIST, PUBLIC_MAP_TILES: 'none' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await mkdir(OUT, { recursive: true });
const server = await startStaticServer(DIST);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    // Nothing but the local server: no request reaches another host.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});

interface Row {
  page: string;
  url: string;
  scores: Record<Category, number>;
  tbt: string;
  cls: string;
  lcp: string;
}
const rows: Row[] = [];
const misses: string[] = [];
try {
  for (const page of PAGES) {
    for (const locale of ['fr', 'en'] as Locale[]) {
      const urlPath = page[locale];
      if (only && !only.includes(urlPath)) continue;
      const result = await lighthouse(server.origin + urlPath, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${urlPath}`);
      const { lhr } = result;
      const file = `${page.name}-${locale}`
        .normalize('NFD')
        .replace(/[^\w-]+/g, '')
        .toLowerCase();
      await writeFile(path.join(OUT, `${file}.json`), JSON.stringify(lhr, null, 1));
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      ) as Record<Category, number>;
      const audit = (id: string) => lhr.audits[id]?.displayValue ?? '–';
      rows.push({
        page: `${page.name} (${locale})`,
        url: urlPath,
        scores,
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        lcp: audit('largest-contentful-paint'),
      });
      for (const category of CATEGORIES) {
        if (scores[category] >= GOALS[category]) continue;
        // What cost the points: the failed audits of that category, by weight.
        const failed = (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map(
            (ref) =>
              `${lhr.audits[ref.id]?.title ?? ref.id} (${lhr.audits[ref.id]?.displayValue ?? 'failed'})`,
          );
        misses.push(`${urlPath}: ${category} ${scores[category]} < ${GOALS[category]}: ${failed.join('; ')}`);
      }
      console.log(`${urlPath}: ${CATEGORIES.map((c) => scores[c]).join(' / ')}`);
    }
  }
} finally {
  chrome.kill();
  await server.close();
}

const lines = [
  `Lighthouse ${lighthouseVersion()} (mobile, simulated throttling) in ${chromeVersion()}, ${new Date().toISOString().slice(0, 10)}; map tiles off (PUBLIC_MAP_TILES=none).`,
  '',
  '| page | URL | performance | accessibility | best practices | SEO | TBT | CLS | LCP |',
  '| --- | --- | --: | --: | --: | --: | --: | --: | --: |',
  ...rows.map(
    (r) =>
      `| ${r.page} | \`${r.url}\` | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} | ${r.tbt} | ${r.cls} | ${r.lcp} |`,
  ),
  '',
  misses.length === 0
    ? 'Every page meets the goals: performance ≥ 98, accessibility, best practices and SEO 100.'
    : `Goals missed:\n\n${misses.map((m) => `- ${m}`).join('\n')}`,
];
const summary = lines.join('\n') + '\n';
await writeFile(path.join(OUT, 'summary.md'), summary);
console.log(`\n${summary}\nReports and summary in ${path.relative(ROOT, OUT)}/`);
process.exitCode = misses.length === 0 ? 0 : 1;

function lighthouseVersion() {
  return spawnSync(process.execPath, ['-p', "require('lighthouse/package.json').version"], {
    cwd: ROOT,
    encoding: 'utf8',
  }).stdout.trim();
}

function chromeVersion() {
  return spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim();
}
