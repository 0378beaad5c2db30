/**
 * Scale benchmark: builds the whole site with N fake partners and measures the build, the
 * search index, the output, and the map and search in Chromium.
 *
 *   npm run bench -- --partners 20000          # a table
 *   npm run bench -- --partners 1000 --json    # the table, then one JSON object as the last line
 *   options: --seed <n> (default 1), --keep (keep the temporary folder and print its path),
 *            --cold (do not warm the optimised-image cache from node_modules/.astro/assets),
 *            --no-baseline (skip the bare site, below),
 *            --rebuild (after the cold build, edit one case study and build again)
 *
 * Goals (issue 12, at 20,000 partners): peak memory of the whole build ≤ 1.5 GB; after an
 * edit to one case study, the rebuild takes ≤ 25 % of the cold build (`--rebuild`); the
 * search and directory goals below. The cold build's time over a bare Astro + Pagefind site
 * of N trivial pages built on the same machine, in the same run, on the same disk
 * (`--baseline`, on by default) is reported as information: disk writes dominate both builds
 * and vary a lot from one minute to the next on shared machines, so the ratio says more about
 * the site than seconds do.
 *
 * Steps: copies content/ into a temporary folder (tests/.tmp/bench-*) and adds N deterministic fake partners
 * (scripts/lib/fake-partners.ts) to the real ones — content/ itself is never written;
 * builds with CONTENT_DIR and OUT_DIR pointing into that folder (and a cache folder of its
 * own, so the site's data store and incremental cache are left alone) as `npm run build`
 * does — content check, `astro build` with the build's V8 flags (scripts/astro-build.ts),
 * search index (scripts/search-index.ts) — polling the memory of each step's process tree
 * every 100 ms and reading the "[pagefind] Indexed … pages and … records" line; with
 * `--rebuild`, appends a sentence to one French case study of the copy and builds again
 * with the same cache (an incremental build), counting the pages Astro rendered rather than
 * kept; then serves the output on
 * 127.0.0.1 and opens it in Debian's Chromium (CHROMIUM_PATH) with every other host blocked.
 *
 * Runs directly on Node 22 (type stripping): imports carry their .ts extension and the file
 * uses no TypeScript-only syntax.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startStaticServer } from '../tests/browser/harness.ts';
import { FAKE_SOURCE, fakePartners } from './lib/fake-partners.ts';
import { directoryLines, measureDirectory } from './lib/bench-directory.ts';
import { SEARCH_BUNDLES, SEARCH_BUNDLE_PATHS, type SearchBundle } from '../src/lib/search.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO_BIN = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
/** The steps of `npm run build`: content check, `astro build` with its V8 flags, search index. */
const CHECK_CONTENT = path.join(ROOT, 'scripts/check-content.ts');
const ASTRO_BUILD = path.join(ROOT, 'scripts/astro-build.ts');
/** The site's config with a cache folder set by ASTRO_CACHE_DIR (see the file). */
const CONFIG = 'tests/setup/astro.fixture.config.mjs';

/**
 * A word every fake partner shares, two common words, a town (real content is there), a
 * common word of the site and a partner's name. The first is the first query; the others,
 * later ones, whose median is the goal.
 */
const SEARCH_QUERIES = ['structure', 'réseau inclusion', 'Loos', 'numérique', 'Fabrique'] as const;
/**
 * The bundles of each first query measured: the site's alone, then with each of the
 * directory's merged in turn, in the order the search UIs merge them (SEARCH_BUNDLES).
 */
const FIRST_QUERY_BUNDLES = SEARCH_BUNDLES.map((_, i) => SEARCH_BUNDLES.slice(0, i + 1));

/** Goals of issue 12, at 20,000 partners (the map's are the partner-directory issue's). */
const GOALS = {
  /** Peak memory of the whole build: the largest of its steps' process trees. */
  peakMemoryMb: 1536,
  /** --rebuild: time of the build after one case study's edit over the cold build's. */
  rebuildRatio: 0.25,
  mapJsGzipKb: 60,
  mapRenderMs: 1000,
  /**
   * The search issues': a first query's transfer over the site's content alone, and with
   * the partners' bundle merged, the median of later queries', and the time to results.
   */
  firstQueryKb: 150,
  /** A first query that includes programme partners (the `partners` bundle merged). */
  firstPartnersQueryKb: 200,
  laterQueryKb: 20,
  resultsMs: 300,
};

const { values } = parseArgs({
  options: {
    partners: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    cold: { type: 'boolean', default: false },
    baseline: { type: 'boolean', default: true },
    rebuild: { type: 'boolean', default: false },
  },
  allowNegative: true,
});
const count = Number(values.partners);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 0)
  throw new Error(`--partners expects a whole number, got ${values.partners}`);

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

// --- Memory of a process tree, from /proc ---

/** Parent pid and command name of every running process. */
async function parents(): Promise<Map<number, { ppid: number; command: string }>> {
  const result = new Map<number, { ppid: number; command: string }>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = await readFile(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: read what follows the last ")".
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const command = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      result.set(Number(name), { ppid: Number(fields[1]), command });
    } catch {
      // The process ended meanwhile.
    }
  }
  return result;
}

async function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Polls the tree rooted at `root` every 100 ms. Reports the largest sum of resident memory
 * seen at once, and the largest high-water mark (VmHWM) of any one process, which catches a
 * peak shorter than the polling interval.
 */
function watchMemory(root: number) {
  let peakTreeKb = 0;
  let peakProcessKb = 0;
  /** Largest high-water mark per command name (node, pagefind…), to say who holds the memory. */
  const byCommandKb = new Map<string, number>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const tree = new Set([root]);
      const map = await parents();
      let grew = true;
      while (grew) {
        grew = false;
        for (const [pid, { ppid }] of map) {
          if (tree.has(ppid) && !tree.has(pid)) {
            tree.add(pid);
            grew = true;
          }
        }
      }
      let sum = 0;
      for (const pid of tree) {
        sum += await statusKb(pid, 'VmRSS');
        const hwm = await statusKb(pid, 'VmHWM');
        peakProcessKb = Math.max(peakProcessKb, hwm);
        const command = map.get(pid)?.command ?? '?';
        byCommandKb.set(command, Math.max(byCommandKb.get(command) ?? 0, hwm));
      }
      peakTreeKb = Math.max(peakTreeKb, sum);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      const byCommandMb = Object.fromEntries(
        [...byCommandKb]
          .filter(([, kb]) => kb > 50 * 1024)
          .map(([command, kb]) => [command, Math.round(kb / 1024)]),
      );
      return { peakTreeMb: peakTreeKb / 1024, peakProcessMb: peakProcessKb / 1024, byCommandMb };
    },
  };
}

// --- Steps ---

async function prepareContent(dir: string): Promise<void> {
  await cp(path.join(ROOT, 'content'), dir, { recursive: true });
  const partners = fakePartners(count, seed);
  const folder = path.join(dir, 'partners');
  await mkdir(folder, { recursive: true });
  await writeFile(
    path.join(dir, 'sources', `${FAKE_SOURCE.id}.yaml`),
    `# Fake source for scripts/bench.ts\n${JSON.stringify(FAKE_SOURCE.data)}\n`,
  );
  // JSON is YAML: one fast, exact writer for every field.
  for (let i = 0; i < partners.length; i += 500) {
    await Promise.all(
      partners
        .slice(i, i + 500)
        .map((p) =>
          writeFile(
            path.join(folder, `${p.id}.yaml`),
            `# Fake partner for scripts/bench.ts\n${JSON.stringify(p.data)}\n`,
          ),
        ),
    );
  }
}

/** One step of a build: its time and the peak memory of its process tree. */
interface StepFigures {
  name: string;
  seconds: number;
  peakMb: number;
}

interface BuildResult {
  code: number | null;
  seconds: number;
  steps: StepFigures[];
  /** Pages Astro rendered, and pages it kept from the previous build (incremental builds). */
  rendered: number;
  kept: number;
  indexSeconds: number | undefined;
  indexedPages: number | undefined;
  indexedRecords: number | undefined;
  peakTreeMb: number;
  peakProcessMb: number;
  byCommandMb: Record<string, number>;
  output: string;
}

interface StepResult {
  code: number | null;
  seconds: number;
  peakTreeMb: number;
  peakProcessMb: number;
  byCommandMb: Record<string, number>;
  output: string;
}

/** Runs `node <args>` in `cwd`, timing it and watching the memory of its process tree. */
function step(cwd: string, args: string[], env: Record<string, string>): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const memory = watchMemory(child.pid!);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      void memory.stop().then((peaks) => resolve({ code, seconds, ...peaks, output }));
    });
  });
}

/**
 * What `npm run build` does, in `cwd`: the content check (for the site, not the bare one),
 * `astro build` (through scripts/astro-build.ts for the site, with its V8 flags), then the
 * search index of `outDir` (scripts/search-index.ts), each in its own process, after flushing
 * pending disk writes (`sync`) so that a build does not pay for the writes of the step before
 * it. Memory peaks are the largest of the steps' (they never run at once).
 */
async function build(
  cwd: string,
  astroArgs: string[],
  outDir: string,
  env: Record<string, string>,
  site = true,
): Promise<BuildResult> {
  spawnSync('sync');
  const steps: (StepResult & { name: string })[] = [];
  const run = async (name: string, args: string[]) => {
    const result = { name, ...(await step(cwd, args, env)) };
    steps.push(result);
    // As it goes: a long run (100,000 partners) tells its steps before its table.
    log(
      `  ${name}: ${result.seconds.toFixed(1)} s, peak ${Math.round(Math.max(result.peakTreeMb, result.peakProcessMb))} MB, exit ${String(result.code)}`,
    );
    return result;
  };
  const check = site ? await run('content check', [CHECK_CONTENT]) : undefined;
  const astro =
    check && check.code !== 0
      ? undefined
      : await run('astro build', site ? [ASTRO_BUILD, ...astroArgs] : [ASTRO_BIN, 'build', ...astroArgs]);
  const index =
    astro?.code === 0
      ? await run('search index', [path.join(ROOT, 'scripts/search-index.ts'), outDir])
      : undefined;
  const indexed = index && /\[pagefind\] Indexed (\d+) pages and (\d+) records/.exec(index.output);
  const byCommandMb: Record<string, number> = {};
  for (const s of steps)
    for (const [command, mb] of Object.entries(s.byCommandMb))
      byCommandMb[command] = Math.max(byCommandMb[command] ?? 0, mb);
  // Astro lists each page it writes ("├─ /path/index.html (+12ms)"), and each page an
  // incremental build kept from the previous one with "(cached)" or "(restored)".
  const pageLines = (astro?.output ?? '').split('\n').filter((line) => line.includes('├─'));
  const kept = pageLines.filter((line) => /\((cached|restored)\)/.test(line)).length;
  const last = steps.at(-1)!;
  return {
    code: last.code,
    seconds: steps.reduce((sum, s) => sum + s.seconds, 0),
    steps: steps.map((s) => ({
      name: s.name,
      seconds: s.seconds,
      peakMb: Math.max(s.peakTreeMb, s.peakProcessMb),
    })),
    rendered: pageLines.length - kept,
    kept,
    indexSeconds: index?.seconds,
    indexedPages: indexed ? Number(indexed[1]) : undefined,
    indexedRecords: indexed ? Number(indexed[2]) : undefined,
    peakTreeMb: Math.max(...steps.map((s) => s.peakTreeMb)),
    peakProcessMb: Math.max(...steps.map((s) => s.peakProcessMb)),
    byCommandMb,
    output: steps.map((s) => s.output).join(''),
  };
}

/**
 * The edit of `--rebuild`: a sentence added at the end of one French case study's text (the
 * first by file name) in the temporary copy, as staff would save a correction in the CMS.
 * Returns the file, relative to the content folder.
 */
async function editCaseStudy(content: string): Promise<string> {
  const folder = path.join(content, 'case-studies/fr');
  const file = (await readdir(folder)).filter((name) => name.endsWith('.mdx')).sort()[0];
  if (!file) throw new Error(`--rebuild: no case study in ${folder}`);
  const text = await readFile(path.join(folder, file), 'utf8');
  await writeFile(path.join(folder, file), `${text.trimEnd()}\n\nPhrase ajoutée par le banc d’essai.\n`);
  return `case-studies/fr/${file}`;
}

/**
 * The bare site the build is compared with: Astro, one route of `pages` trivial pages, each
 * with a title and a paragraph, and the same search index step as the site's.
 */
async function writeBaseline(dir: string, pages: number): Promise<void> {
  await mkdir(path.join(dir, 'src/pages'), { recursive: true });
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  await writeFile(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n`,
  );
  await writeFile(
    path.join(dir, 'src/pages/[n].astro'),
    `---\nexport const getStaticPaths = () =>\n  Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i + 1) } }));\n` +
      `const { n } = Astro.params;\n---\n\n<html lang="fr"><head><meta charset="utf-8" /><title>Page {n}</title></head>\n` +
      `<body><main><h1>Page {n}</h1><p>Contenu de la page numéro {n}.</p></main></body></html>\n`,
  );
}

async function walk(dir: string): Promise<{ files: number; bytes: number; pages: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let files = 0;
  let bytes = 0;
  let pages = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files += 1;
    if (entry.name.endsWith('.html')) pages += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes, pages };
}

/**
 * Counts what a page receives under /pagefind/: text files (JavaScript, CSS, JSON) gzipped,
 * as any static host serves them; Pagefind's index files as they are (compressed already).
 */
function searchTraffic(page: Page) {
  let bytes = 0;
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    const { pathname } = new URL(request.url());
    if (!pathname.startsWith('/pagefind/')) return;
    pending.push(
      (async () => {
        const body = (await (await request.response())?.body()) ?? Buffer.alloc(0);
        bytes += /\.(js|css|json)$/.test(pathname) ? gzipSync(body).length : body.length;
      })(),
    );
  });
  return {
    /** Lets what is still arriving arrive, then returns the bytes counted since the last call. */
    async take(): Promise<number> {
      await page.waitForTimeout(500);
      await Promise.all(pending.splice(0));
      const taken = bytes;
      bytes = 0;
      return taken;
    },
  };
}

/** One query through Pagefind's API, over some of the bundles (the site's first). */
interface SearchMeasure {
  query: string;
  bundles: readonly SearchBundle[];
  first: boolean;
  results: number;
  ms: number;
  kb: number;
}

/**
 * The goal of a first query over `bundles`: the site's alone, and up to the programme
 * partners' bundle; a first query over more (referenced organisations) is information.
 */
function firstQueryGoal(bundles: readonly SearchBundle[]): number | undefined {
  if (bundles.length === 1) return GOALS.firstQueryKb;
  return bundles.at(-1) === 'partners' ? GOALS.firstPartnersQueryKb : undefined;
}

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

interface BrowserResult {
  mapJsFiles: number;
  mapJsGzipKb: number;
  mapDataKb: number;
  mapDataGzipKb: number;
  mapPoints: number;
  mapMarkers: number;
  mapRenderMs: number | undefined;
  search: SearchMeasure[] | undefined;
  searchPage: string | undefined;
  searchPreloadKb: number | undefined;
  /** Search dialog: milliseconds from the last keystroke of a query to its results on screen. */
  dialogMs: number | undefined;
  /** Search dialog: kilobytes that query fetched (the index files and the results shown). */
  dialogKb: number | undefined;
}

async function measureBrowser(outDir: string): Promise<BrowserResult> {
  const server = await startStaticServer(outDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    // bypassCSP: the search measurement imports Pagefind from the page's console, as a
    // search page's script would; the map page runs as shipped.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await context.route('**/*', (route) =>
      route
        .request()
        .url()
        .startsWith(server.origin + '/')
        ? route.continue()
        : route.abort('blockedbyclient'),
    );

    // The map: compressed size of every script the page loads, and the time from the data's
    // arrival to the first clustered render (the "map:render" measure of the map script).
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' && response.url().startsWith(server.origin)) {
        scripts.push(response.body().then((body) => gzipSync(body).length));
      }
    });
    await page.goto(`${server.origin}/carte/`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForSelector('partner-map[data-ready]', { state: 'attached', timeout: 120_000 });
    const map = await page.evaluate(() => {
      const element = document.querySelector<HTMLElement>('partner-map')!;
      return {
        renderMs: performance.getEntriesByName('map:render')[0]?.duration,
        points: Number(element.dataset['shown'] ?? 0),
        markers: Number(element.dataset['markers'] ?? 0),
      };
    });
    const gzipSizes = await Promise.all(scripts);
    const data = await readFile(path.join(outDir, 'carte/points.json'));
    await page.close();

    // Search: queries through Pagefind's API on the home page, which loads no Pagefind file
    // by itself, so a first query pays for everything it needs; each query loads its first
    // ten results. A first query over the site's bundle alone, then, each in a fresh context
    // (nothing cached), one with each of the directory's bundles merged in turn, as the search
    // UIs merge them (FIRST_QUERY_BUNDLES); then later queries, every bundle merged. Bytes are those Chromium received under /pagefind/, text
    // files (JavaScript) counted gzipped, as any static host serves them (Pagefind's own
    // index files are compressed already). Then the search dialog, as people use it: the
    // time from the last keystroke of a query to its results on screen, search loaded.
    // The search page (/recherche/) is measured apart: what it fetches on load, before any query.
    const searchPage = existsSync(path.join(outDir, 'recherche/index.html')) ? '/recherche/' : undefined;
    let search: BrowserResult['search'];
    let searchPreloadKb: number | undefined;
    let dialogMs: number | undefined;
    let dialogKb: number | undefined;
    if (existsSync(path.join(outDir, 'pagefind/pagefind.js'))) {
      const page2 = await context.newPage();
      const traffic = searchTraffic(page2);
      if (searchPage) {
        await page2.goto(`${server.origin}${searchPage}`, { waitUntil: 'networkidle', timeout: 120_000 });
        searchPreloadKb = (await traffic.take()) / 1024;
      }
      search = [];
      const measureQuery = async (
        page: Page,
        counter: ReturnType<typeof searchTraffic>,
        query: string,
        bundles: readonly SearchBundle[],
        first: boolean,
      ) => {
        const result = await page.evaluate(
          async ({ q, module, merges }) => {
            const started = performance.now();
            const pagefind = (await import(module)) as {
              init(): Promise<void>;
              mergeIndex(path: string): Promise<void>;
              search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
            };
            await pagefind.init();
            for (const merge of merges) await pagefind.mergeIndex(merge);
            const found = await pagefind.search(q);
            await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
            return { results: found.results.length, ms: performance.now() - started };
          },
          {
            q: query,
            module: `${SEARCH_BUNDLE_PATHS.site}pagefind.js`,
            merges: first ? bundles.slice(1).map((b) => SEARCH_BUNDLE_PATHS[b]) : [],
          },
        );
        const kb = (await counter.take()) / 1024;
        search!.push({ query, bundles, first, results: result.results, ms: result.ms, kb });
      };
      await page2.goto(`${server.origin}/`, { waitUntil: 'networkidle', timeout: 120_000 });
      await traffic.take();
      await measureQuery(page2, traffic, SEARCH_QUERIES[0], FIRST_QUERY_BUNDLES[0]!, true);
      for (const [i, bundles] of FIRST_QUERY_BUNDLES.entries()) {
        if (i === 0) continue;
        const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
        const page3 = await fresh.newPage();
        const freshTraffic = searchTraffic(page3);
        await page3.goto(`${server.origin}/`, { waitUntil: 'networkidle', timeout: 120_000 });
        await freshTraffic.take();
        await measureQuery(page3, freshTraffic, SEARCH_QUERIES[0], bundles, true);
        // Later queries, with every bundle merged: a search's state once the directory is in.
        if (i === FIRST_QUERY_BUNDLES.length - 1)
          for (const query of SEARCH_QUERIES.slice(1))
            await measureQuery(page3, freshTraffic, query, bundles, false);
        await fresh.close();
      }
      // The dialog: a first query loads it; the second is timed from its last keystroke, and
      // its bytes counted until the results Pagefind's UI shows are loaded.
      const dialog = await context.newPage();
      const dialogTraffic = searchTraffic(dialog);
      await dialog.goto(`${server.origin}/`, { waitUntil: 'networkidle', timeout: 120_000 });
      await dialog.keyboard.press('/');
      const input = dialog.locator('dialog[open] input[type="search"]');
      await input.waitFor({ timeout: 30_000 });
      await input.fill(SEARCH_QUERIES[0]);
      await dialog.locator('dialog[open] .pf-result-title a').first().waitFor({ timeout: 60_000 });
      // The directory's bundles are merged after the first results: counted with the first query.
      await dialog
        .locator(`site-search[data-search-bundles="${SEARCH_BUNDLES.join(' ')}"]`)
        .waitFor({ state: 'attached', timeout: 60_000 });
      await input.fill('');
      await dialog.waitForTimeout(500);
      await dialogTraffic.take();
      // Typed at 20 keys a second, as a quick typist does.
      await input.pressSequentially(SEARCH_QUERIES[2], { delay: 50 });
      const typed = Date.now();
      await dialog.waitForFunction(
        (term) =>
          (document.querySelector('dialog[open] pagefind-summary')?.textContent ?? '').includes(term) &&
          document.querySelector('dialog[open] .pf-result-title a') !== null,
        SEARCH_QUERIES[2],
        { timeout: 60_000, polling: 'raf' },
      );
      dialogMs = Date.now() - typed;
      await dialog.waitForTimeout(500);
      dialogKb = (await dialogTraffic.take()) / 1024;
      await dialog.close();
      await page2.close();
    }
    await context.close();
    return {
      mapJsFiles: gzipSizes.length,
      mapJsGzipKb: gzipSizes.reduce((a, b) => a + b, 0) / 1024,
      mapDataKb: data.length / 1024,
      mapDataGzipKb: gzipSync(data).length / 1024,
      mapPoints: map.points,
      mapMarkers: map.markers,
      mapRenderMs: map.renderMs,
      search,
      searchPage,
      searchPreloadKb,
      dialogMs,
      dialogKb,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

// --- Run ---

// Inside the project (git-ignored tests/.tmp/), not in /tmp: Astro writes its prerender
// chunks into <outDir>/.prerender/ when outDir is under the working directory, and into the
// shared .astro/.prerender/ otherwise, where two such builds at once break each other.
await mkdir(path.join(ROOT, 'tests/.tmp'), { recursive: true });
const scratch = await mkdtemp(path.join(ROOT, 'tests/.tmp/bench-'));
const contentDir = path.join(scratch, 'content');
const outDir = path.join(scratch, 'dist');
try {
  log(`writing ${count} fake partners into ${contentDir}`);
  await prepareContent(contentDir);
  const partnerFiles = (await readdir(path.join(contentDir, 'partners'))).length;

  // Optimised images of the real content do not grow with N: warm them from the site's own
  // cache when it has one (--cold to measure without), so the figures show what scales.
  const cacheDir = path.join(scratch, 'cache');
  const siteImages = path.join(ROOT, 'node_modules/.astro/assets');
  const warmImages = !values.cold && existsSync(siteImages);
  if (warmImages) await cp(siteImages, path.join(cacheDir, 'assets'), { recursive: true });

  // The bare site first, in the same scratch folder (inside the project, so that it resolves
  // the project's own astro and pagefind).
  let baseline: BuildResult | undefined;
  if (values.baseline) {
    const bare = path.join(scratch, 'baseline');
    await writeBaseline(bare, Math.max(count, 1));
    log(`baseline: bare Astro + Pagefind site of ${Math.max(count, 1)} trivial pages → ${bare}/dist`);
    baseline = await build(bare, [], path.join(bare, 'dist'), {}, false);
    if (baseline.code !== 0) {
      process.stderr.write(baseline.output);
      throw new Error(`the baseline's astro build failed (exit code ${String(baseline.code)})`);
    }
    await rm(path.join(bare, 'dist'), { recursive: true, force: true });
  }

  log(`astro build → ${outDir} (${warmImages ? 'warm' : 'cold'} image cache)`);
  const built = await build(ROOT, ['--config', CONFIG], outDir, {
    CONTENT_DIR: contentDir,
    OUT_DIR: outDir,
    ASTRO_CACHE_DIR: cacheDir,
  });
  if (built.code !== 0) {
    process.stderr.write(built.output);
    throw new Error(`astro build failed (exit code ${String(built.code)})`);
  }
  let rebuilt: (BuildResult & { edited: string }) | undefined;
  if (values.rebuild) {
    const edited = await editCaseStudy(contentDir);
    log(`rebuild after editing ${edited} (incremental: same cache folder)`);
    rebuilt = {
      edited,
      ...(await build(ROOT, ['--config', CONFIG], outDir, {
        CONTENT_DIR: contentDir,
        OUT_DIR: outDir,
        ASTRO_CACHE_DIR: cacheDir,
      })),
    };
    if (rebuilt.code !== 0) {
      process.stderr.write(rebuilt.output);
      throw new Error(`the rebuild failed (exit code ${String(rebuilt.code)})`);
    }
  }
  const output = await walk(outDir);
  log('measuring the map and search in Chromium');
  const browser = await measureBrowser(outDir);
  log('measuring the directory filters in Chromium');
  const directory = await measureDirectory(outDir);

  const peakMb = Math.max(built.peakTreeMb, built.peakProcessMb);
  const astroSeconds = built.seconds - (built.indexSeconds ?? 0);
  const ratio = baseline ? built.seconds / baseline.seconds : undefined;
  const result = {
    partners: partnerFiles,
    fakePartners: count,
    imageCache: warmImages ? 'warm' : 'cold',
    pages: output.pages,
    indexedPages: built.indexedPages ?? null,
    indexedRecords: built.indexedRecords ?? null,
    buildSeconds: round(built.seconds, 1),
    astroSeconds: round(astroSeconds, 1),
    indexSeconds: built.indexSeconds === undefined ? null : round(built.indexSeconds, 1),
    baseline: baseline
      ? {
          pages: Math.max(count, 1),
          buildSeconds: round(baseline.seconds, 1),
          indexSeconds: baseline.indexSeconds === undefined ? null : round(baseline.indexSeconds, 1),
          peakMemoryMb: Math.round(Math.max(baseline.peakTreeMb, baseline.peakProcessMb)),
        }
      : null,
    buildRatio: ratio === undefined ? null : round(ratio, 2),
    peakMemoryMb: Math.round(peakMb),
    peakMemoryTreeMb: Math.round(built.peakTreeMb),
    peakMemoryProcessMb: Math.round(built.peakProcessMb),
    peakMemoryByCommandMb: built.byCommandMb,
    steps: built.steps.map((s) => ({ ...s, seconds: round(s.seconds, 1), peakMb: Math.round(s.peakMb) })),
    rebuild: rebuilt
      ? {
          edited: rebuilt.edited,
          seconds: round(rebuilt.seconds, 1),
          ratio: round(rebuilt.seconds / built.seconds, 3),
          rendered: rebuilt.rendered,
          kept: rebuilt.kept,
          peakMemoryMb: Math.round(Math.max(rebuilt.peakTreeMb, rebuilt.peakProcessMb)),
          steps: rebuilt.steps.map((s) => ({
            ...s,
            seconds: round(s.seconds, 1),
            peakMb: Math.round(s.peakMb),
          })),
        }
      : null,
    outputMb: round(output.bytes / 1024 / 1024, 1),
    outputFiles: output.files,
    mapJsFiles: browser.mapJsFiles,
    mapJsGzipKb: round(browser.mapJsGzipKb, 1),
    mapDataKb: round(browser.mapDataKb, 0),
    mapDataGzipKb: round(browser.mapDataGzipKb, 0),
    mapPoints: browser.mapPoints,
    mapMarkers: browser.mapMarkers,
    mapRenderMs: browser.mapRenderMs === undefined ? null : Math.round(browser.mapRenderMs),
    searchPage: browser.searchPage ?? null,
    searchPreloadKb: browser.searchPreloadKb === undefined ? null : round(browser.searchPreloadKb, 1),
    search:
      browser.search?.map((s) => ({
        query: s.query,
        bundles: s.bundles,
        first: s.first,
        results: s.results,
        ms: Math.round(s.ms),
        kb: round(s.kb, 1),
      })) ?? null,
    dialogMs: browser.dialogMs ?? null,
    dialogKb: browser.dialogKb === undefined ? null : round(browser.dialogKb, 1),
    goals: {
      memoryUnder1_5GB: peakMb <= GOALS.peakMemoryMb,
      rebuildUnder25PercentOfCold: rebuilt ? rebuilt.seconds / built.seconds <= GOALS.rebuildRatio : null,
      mapJsUnder60kB: browser.mapJsGzipKb <= GOALS.mapJsGzipKb,
      mapRenderUnder1s: browser.mapRenderMs !== undefined && browser.mapRenderMs <= GOALS.mapRenderMs,
      firstQueryUnder150kB:
        (browser.search?.find((q) => q.first && firstQueryGoal(q.bundles) === GOALS.firstQueryKb)?.kb ??
          Infinity) <= GOALS.firstQueryKb,
      firstPartnersQueryUnder200kB:
        (browser.search?.find((q) => q.first && firstQueryGoal(q.bundles) === GOALS.firstPartnersQueryKb)
          ?.kb ?? Infinity) <= GOALS.firstPartnersQueryKb,
      laterQueriesMedianUnder20kB:
        median(browser.search?.filter((q) => !q.first).map((q) => q.kb) ?? [Infinity]) <= GOALS.laterQueryKb,
      resultsUnder300ms: browser.dialogMs !== undefined && browser.dialogMs <= GOALS.resultsMs,
    },
  };
  printTable(result);
  for (const line of directoryLines(directory)) console.log(line);
  if (values.json) console.log(JSON.stringify({ ...result, directory }));
} finally {
  if (values.keep) log(`kept ${scratch}`);
  else await rm(scratch, { recursive: true, force: true });
  // The build described the fake content in .astro/: describe the site's own again, so that a
  // running `astro dev` or the editor's types do not point at deleted files.
  spawnSync(process.execPath, [ASTRO_BIN, 'sync'], { cwd: ROOT, stdio: 'ignore' });
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function printTable(r: {
  [key: string]: unknown;
  goals: Record<string, boolean | null>;
  steps: StepFigures[];
  rebuild: {
    edited: string;
    seconds: number;
    ratio: number;
    rendered: number;
    kept: number;
    peakMemoryMb: number;
    steps: StepFigures[];
  } | null;
  search: SearchMeasure[] | null;
  baseline: { pages: number; buildSeconds: number; indexSeconds: number | null; peakMemoryMb: number } | null;
}): void {
  const yes = (ok: boolean | null | undefined) => (ok ? 'met' : 'NOT MET');
  const stepLines = (steps: StepFigures[]) =>
    steps.map((s) => `${s.name} ${s.seconds} s, ${s.peakMb} MB`).join('; ');
  const rows: [string, string][] = [
    ['partners (real + fake)', `${String(r['partners'])} (${String(r['fakePartners'])} fake)`],
    ['HTML pages', String(r['pages'])],
    ['image cache', String(r['imageCache'])],
    [
      'build, total',
      r['buildRatio'] === null
        ? `${String(r['buildSeconds'])} s (no baseline)`
        : `${String(r['buildSeconds'])} s = ${String(r['buildRatio'])} × the bare site (information)`,
    ],
    ['  steps (time, peak memory)', stepLines(r.steps)],
    ...(r.rebuild === null
      ? []
      : ([
          [
            'rebuild after one edit',
            `${r.rebuild.seconds} s = ${r.rebuild.ratio} × the cold build (goal ≤ ${GOALS.rebuildRatio}: ${yes(r.goals['rebuildUnder25PercentOfCold'])}); ${r.rebuild.rendered} pages rendered, ${r.rebuild.kept} kept; edited ${r.rebuild.edited}`,
          ],
          ['  steps (time, peak memory)', stepLines(r.rebuild.steps)],
        ] as [string, string][])),
    ['  of which Astro', `${String(r['astroSeconds'])} s`],
    [
      '  of which search index',
      r['indexSeconds'] === null
        ? 'not measured (no [pagefind] line)'
        : `${String(r['indexSeconds'])} s, ${String(r['indexedPages'])} pages and ${String(r['indexedRecords'])} records`,
    ],
    ...(r.baseline === null
      ? []
      : [
          [
            'bare site (baseline)',
            `${r.baseline.buildSeconds} s for ${r.baseline.pages} trivial pages (index ${String(r.baseline.indexSeconds)} s), peak ${r.baseline.peakMemoryMb} MB`,
          ] as [string, string],
        ]),
    [
      'peak memory',
      `${String(r['peakMemoryMb'])} MB (tree ${String(r['peakMemoryTreeMb'])}, largest process ${String(r['peakMemoryProcessMb'])}; goal ≤ ${GOALS.peakMemoryMb}: ${yes(r.goals['memoryUnder1_5GB'])})`,
    ],
    [
      '  largest per command',
      Object.entries(r['peakMemoryByCommandMb'] as Record<string, number>)
        .map(([command, mb]) => `${command} ${mb} MB`)
        .join(', '),
    ],
    ['output', `${String(r['outputMb'])} MB in ${String(r['outputFiles'])} files`],
    [
      'map page JS (gzip)',
      `${String(r['mapJsGzipKb'])} kB in ${String(r['mapJsFiles'])} files (goal ≤ 60: ${yes(r.goals['mapJsUnder60kB']!)})`,
    ],
    [
      'map data',
      `${String(r['mapDataKb'])} kB, ${String(r['mapDataGzipKb'])} kB gzip, ${String(r['mapPoints'])} points`,
    ],
    [
      'map: data → clustered render',
      `${String(r['mapRenderMs'])} ms, ${String(r['mapMarkers'])} markers (goal ≤ 1000: ${yes(r.goals['mapRenderUnder1s']!)})`,
    ],
  ];
  if (r.search) {
    if (r['searchPage'] !== null) {
      rows.push([
        `search page ${String(r['searchPage'])}`,
        `${String(r['searchPreloadKb'])} kB from /pagefind/ on load, before any query`,
      ]);
    }
    for (const s of r.search) {
      const goal = s.first ? firstQueryGoal(s.bundles) : undefined;
      const over = s.bundles.length === 1 ? 'site alone' : s.bundles.join(' + ');
      rows.push([
        `search, ${s.first ? 'first query' : 'later query'}, ${over}: "${s.query}"`,
        `${s.ms} ms, ${s.kb} kB under /pagefind/, ${s.results} results` +
          (goal === undefined
            ? s.first
              ? ' (information)'
              : ''
            : ` (goal ≤ ${goal} kB: ${yes(s.kb <= goal)})`),
      ]);
    }
    const later = r.search.filter((s) => !s.first).map((s) => s.kb);
    rows.push([
      'search, later queries: median',
      `${round(median(later), 1)} kB (goal ≤ ${GOALS.laterQueryKb} kB: ${yes(r.goals['laterQueriesMedianUnder20kB']!)})`,
    ]);
    rows.push([
      'search dialog: keystroke → results',
      `${String(r['dialogMs'])} ms and ${String(r['dialogKb'])} kB for "${SEARCH_QUERIES[2]}" (goal ≤ ${GOALS.resultsMs} ms: ${yes(r.goals['resultsUnder300ms']!)})`,
    ]);
  } else {
    rows.push(['search', 'not measured (no pagefind/pagefind.js in the build)']);
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
}
