/**
 * The directory's part of the scale benchmark (called by scripts/bench.ts, or on its own
 * against a built site: `node scripts/lib/bench-directory.ts <dist>`): in Chromium, with an
 * empty cache,
 *
 * - what a filtered directory view (/partenaires/?region=…, then a rarer
 *   ?department=…) transfers before its first page of results is on screen: every script
 *   the page loads and the index files (src/lib/directory-index.ts: facets, columns, cards
 *   and first-page files), counted gzipped as any static host serves them; the HTML, CSS
 *   and images are the static page's, not the filter's;
 * - how long a filter change takes, from the form's submission to the results and counts
 *   on screen (performance.now() in the page, around the change), for several changes
 *   through different facets, and their median; and of that, the median time the script
 *   spends filtering and counting (its "directory:filter" measure), the rest being the
 *   files it fetches and the drawing; with the medians of the single filters (drawn from
 *   their first-page files) and of the combinations (cards files) apart;
 * - that nothing was fetched from /pagefind/.
 *
 * Runs directly on Node 22 (type stripping): imports carry their .ts extension and the file
 * uses no TypeScript-only syntax.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startStaticServer } from '../../tests/browser/harness.ts';

/** Goals of the directory issue, at 20,000 partners. */
export const DIRECTORY_GOALS = { firstPageKb: 60, filterChangeMs: 50 };

/** What one filtered view transferred before its first page was on screen, and until its counts were. */
export interface DirectoryTransfer {
  query: string;
  matches: number;
  scriptKb: number;
  /** The facets file and the column files of the filters. */
  indexKb: number;
  /** Cards files and first-page files. */
  cardsKb: number;
  cardsFiles: number;
  totalKb: number;
  /** Everything, once the other columns (for the counts of the other filters) have arrived too. */
  withCountsKb: number;
}

export interface DirectoryResult {
  transfers: DirectoryTransfer[];
  /** Each filter change, in milliseconds, and their median. */
  changesMs: number[];
  /** Index files each change fetched. */
  changesFiles: number[];
  medianChangeMs: number;
  /** Medians of the changes to a single filter, and of those to two combined. */
  medianSingleMs: number;
  medianCombinedMs: number;
  /** Of which filtering and counting the index (the script's "directory:filter" measure), median. */
  medianFilterMs: number;
  /** Requests to /pagefind/ made by the directory (0 expected). */
  pagefindRequests: number;
}

const STATUS_DONE = /\d[\d\s\u202f\u00a0]* partenaires? correspond|Aucun partenaire/;

type Kind = 'script' | 'index' | 'cards' | 'other';

/** Opens a filtered view with an empty cache and counts what it fetched until its results show. */
async function transfer(context: BrowserContext, origin: string, query: string): Promise<DirectoryTransfer> {
  const page = await context.newPage();
  // The moment the status says the results are drawn, in the page's own clock: the files
  // received before it are what the first page waited for (the driver hears of requests
  // late; the columns for the counts are asked for as the page is drawn, and arrive after).
  await page.addInitScript((done) => {
    document.addEventListener('DOMContentLoaded', () => {
      const status = document.querySelector('[data-status]');
      if (!status) return;
      const observer = new MutationObserver(() => {
        if (!new RegExp(done).test(status.textContent ?? '')) return;
        document.documentElement.dataset['benchShownAt'] = String(performance.now());
        observer.disconnect();
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
  }, STATUS_DONE.source);
  const sizes: Promise<{ url: string; kind: Kind; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    sizes.push(
      (async () => {
        const { pathname } = new URL(request.url());
        const body = (await (await request.response())?.body()) ?? Buffer.alloc(0);
        const kind: Kind =
          request.resourceType() === 'script'
            ? 'script'
            : /\/index-(facets|column-\w+)\.json$/.test(pathname)
              ? 'index'
              : /\/index-(cards-\d+|first-[\w-]+)\.json$/.test(pathname)
                ? 'cards'
                : 'other';
        return { url: request.url(), kind, bytes: kind === 'other' ? 0 : gzipSync(body).length };
      })(),
    );
  });
  await page.goto(`${origin}/partenaires/${query}`, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(
    (done) => new RegExp(done).test(document.querySelector('[data-status]')?.textContent ?? ''),
    STATUS_DONE.source,
    { timeout: 120_000, polling: 'raf' },
  );
  const matches = Number(
    (
      /^([\d\s\u202f\u00a0]+)/.exec((await page.locator('[data-status]').textContent()) ?? '')?.[1] ?? '0'
    ).replace(/\D/g, ''),
  );
  await page.waitForLoadState('networkidle');
  const beforeShown = new Set(
    await page.evaluate(() => {
      const shownAt = Number(document.documentElement.dataset['benchShownAt']);
      return performance
        .getEntriesByType('resource')
        .filter((entry) => (entry as PerformanceResourceTiming).responseEnd <= shownAt)
        .map((entry) => entry.name);
    }),
  );
  const all = await Promise.all(sizes);
  await page.close();
  const first = all.filter((s) => beforeShown.has(s.url));
  const kb = (kind: Kind) => first.filter((s) => s.kind === kind).reduce((a, s) => a + s.bytes, 0) / 1024;
  const scriptKb = kb('script');
  const indexKb = kb('index');
  const cardsKb = kb('cards');
  return {
    query,
    matches,
    scriptKb,
    indexKb,
    cardsKb,
    cardsFiles: first.filter((s) => s.kind === 'cards').length,
    totalKb: scriptKb + indexKb + cardsKb,
    withCountsKb: all.reduce((a, s) => a + s.bytes, 0) / 1024,
  };
}

export async function measureDirectory(outDir: string): Promise<DirectoryResult> {
  const server = await startStaticServer(outDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) =>
      route.request().url().startsWith(`${server.origin}/`)
        ? route.continue()
        : route.abort('blockedbyclient'),
    );
    let pagefindRequests = 0;
    context.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/')) pagefindRequests++;
    });

    // The filters measured: the first region and the first department of the form that
    // have partners (a common filter, and a rare one whose page is spread over the alphabet).
    const probe = await context.newPage();
    await probe.goto(`${server.origin}/partenaires/`, { waitUntil: 'load', timeout: 120_000 });
    const firstValue = (name: string) =>
      probe.locator(`select[name="${name}"] option`).evaluateAll((options) =>
        options
          .map((o) => o as HTMLOptionElement)
          .filter((o) => o.value && !/\(0\)$/.test(o.text))
          .map((o) => o.value),
      );
    const regions = await firstValue('region');
    const departments = await firstValue('department');
    const commitments = await firstValue('commitment');
    const legalForms = await firstValue('legalForm');
    await probe.close();

    const queries = [
      regions[0] ? `?region=${regions[0]}` : '',
      departments[0] ? `?department=${departments[0]}` : '',
    ].filter((q) => q);
    const transfers: DirectoryTransfer[] = [];
    for (const query of queries) {
      // A new context each time: an empty cache, as a first visit.
      const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await fresh.route('**/*', (route) =>
        route.request().url().startsWith(`${server.origin}/`)
          ? route.continue()
          : route.abort('blockedbyclient'),
      );
      fresh.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/pagefind/')) pagefindRequests++;
      });
      transfers.push(await transfer(fresh, server.origin, query));
      await fresh.close();
    }

    // Filter changes on a loaded view: each sets the form and submits it, as a visitor does.
    const changes: Record<string, string>[] = [
      { region: regions[1] ?? regions[0] ?? '' },
      { region: regions[2] ?? regions[0] ?? '', commitment: commitments[0] ?? '' },
      { department: departments[1] ?? departments[0] ?? '' },
      { legalForm: legalForms[0] ?? '' },
      { legalForm: legalForms[1] ?? legalForms[0] ?? '', commitment: commitments[1] ?? commitments[0] ?? '' },
      { region: regions[3] ?? regions[0] ?? '' },
      { commitment: commitments[0] ?? '' },
    ];
    // Without request interception, which would add a round trip through the test driver to
    // every file the changes fetch (the directory reaches no other host: its browser tests check).
    const direct = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await direct.newPage();
    await page.goto(`${server.origin}/partenaires/${queries[0] ?? ''}`, {
      waitUntil: 'load',
      timeout: 120_000,
    });
    await page.waitForFunction(
      (done) => new RegExp(done).test(document.querySelector('[data-status]')?.textContent ?? ''),
      STATUS_DONE.source,
      { timeout: 120_000 },
    );
    // The counts' columns arrive after the first page: let them, so that changes are timed in the steady state.
    await page.waitForLoadState('networkidle');
    const changesMs: number[] = [];
    // Files each change fetched: what its time is made of, and unlike the time, not load-dependent.
    const changesFiles: number[] = [];
    let fetched = 0;
    page.on('request', (request) => {
      if (/\/index-[\w-]+\.json$/.test(new URL(request.url()).pathname)) fetched++;
    });
    for (const change of changes) {
      const before = fetched;
      const ms = await page.evaluate(
        ({ values, done }) =>
          new Promise<number>((resolve) => {
            const status = document.querySelector('[data-status]')!;
            const form = document.querySelector<HTMLFormElement>('form[data-filters]')!;
            for (const select of Array.from(form.querySelectorAll('select')))
              select.value = values[select.name] ?? '';
            const started = performance.now();
            const observer = new MutationObserver(() => {
              if (new RegExp(done).test(status.textContent ?? '')) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            });
            observer.observe(status, { childList: true, characterData: true, subtree: true });
            form.requestSubmit();
          }),
        { values: change, done: STATUS_DONE.source },
      );
      changesMs.push(ms);
      changesFiles.push(fetched - before);
    }
    const filterMs = await page.evaluate(() =>
      performance.getEntriesByName('directory:filter').map((entry) => entry.duration),
    );
    await direct.close();
    await context.close();
    return {
      transfers,
      changesMs,
      changesFiles,
      medianChangeMs: median(changesMs),
      medianSingleMs: median(changesMs.filter((_, i) => Object.keys(changes[i]!).length === 1)),
      medianCombinedMs: median(changesMs.filter((_, i) => Object.keys(changes[i]!).length > 1)),
      // The last ones: those of the timed changes.
      medianFilterMs: median(filterMs.slice(-changes.length)),
      pagefindRequests,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The directory's lines of the benchmark's table. */
export function directoryLines(result: DirectoryResult): string[] {
  const lines = result.transfers.map(
    (t) =>
      `directory ${t.query} (${t.matches} matches): first page after ${t.totalKb.toFixed(1)} kB ` +
      `(scripts ${t.scriptKb.toFixed(1)}, index ${t.indexKb.toFixed(1)}, ${t.cardsFiles} cards files ` +
      `${t.cardsKb.toFixed(1)}; goal ≤ ${DIRECTORY_GOALS.firstPageKb} kB: ${t.totalKb <= DIRECTORY_GOALS.firstPageKb ? 'met' : 'NOT MET'}), ` +
      `${t.withCountsKb.toFixed(1)} kB with the other filters' counts`,
  );
  lines.push(
    `directory filter change: median ${result.medianChangeMs.toFixed(1)} ms, of which filtering and counting ${result.medianFilterMs.toFixed(1)} ms ` +
      `(${result.changesMs.map((ms) => ms.toFixed(1)).join(', ')}; goal < ${DIRECTORY_GOALS.filterChangeMs} ms: ` +
      `${result.medianChangeMs < DIRECTORY_GOALS.filterChangeMs ? 'met' : 'NOT MET'}); ` +
      `single filters ${result.medianSingleMs.toFixed(1)} ms, two combined ${result.medianCombinedMs.toFixed(1)} ms; ` +
      `index files fetched per change: ${result.changesFiles.join(', ')}`,
    `directory requests to /pagefind/: ${result.pagefindRequests}`,
  );
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2];
  if (!dist) throw new Error('usage: node scripts/lib/bench-directory.ts <built site folder>');
  const result = await measureDirectory(path.resolve(dist));
  for (const line of directoryLines(result)) console.log(line);
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
}
