/**
 * The second step of `npm run build`: indexes the built site with Pagefind
 * (scripts/lib/search-index.ts), so that every build ships an up-to-date search index.
 *
 *   node scripts/search-index.ts [site folder] [--bundle site|partners|organisations] [--force]
 *
 * The site folder defaults to $OUT_DIR, else ./dist. `--bundle` (repeatable) re-indexes only
 * that bundle and leaves the other's files as they are: after editing a case study, `site`
 * alone. A bundle whose pages and records are those of the last run is taken from the cache
 * folder (ASTRO_CACHE_DIR, else node_modules/.astro/search-index/) instead of being indexed
 * again; `--force` indexes everything. Prints "[pagefind] Indexed N pages and M records in T ms" (scripts/bench.ts and the
 * build tests read it), then each bundle's counts, and exits with code 1, saying why, when
 * indexing fails: the build fails with it.
 *
 * The indexing runs in a worker thread whose heap is sized from the number of pages
 * (indexOldSpaceMb, scripts/lib/build-heap.ts): a thread, not a second process, so that the
 * step adds no Node process of its own to Pagefind's, and with the same retry as
 * `astro build` should it still run out of heap.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, workerData } from 'node:worker_threads';
import { SEARCH_BUNDLES, type SearchBundle } from '../src/lib/search.ts';
import { countHtmlPages, fallbackOldSpaceMb, indexOldSpaceMb, runWorkerWithHeap } from './lib/build-heap.ts';
import { indexSite } from './lib/search-index.ts';

interface Job {
  site: string;
  bundles: readonly SearchBundle[];
  cacheDir: string | undefined;
}

/** Indexes as `job` says and prints what was done (in the worker). */
async function index({ site, bundles, cacheDir }: Job): Promise<void> {
  const result = await indexSite(site, bundles, cacheDir);
  const counts = Object.values(result.bundles);
  const pages = counts.reduce((sum, c) => sum + c.pages, 0);
  const records = counts.reduce((sum, c) => sum + c.records, 0);
  const { ms, phases } = result;
  console.log(
    `[pagefind] Indexed ${pages} pages and ${records} records in ${ms} ms ` +
      `(pages ${phases.pages} ms, records ${phases.records} ms, writing ${phases.write} ms)`,
  );
  if (cacheDir)
    console.log(
      `[pagefind] ${result.pagesRead} pages read, the others unchanged since the last run; ` +
        `${result.filesPlaced} files placed from the cache`,
    );
  for (const bundle of bundles) {
    const { pages: p, records: r } = result.bundles[bundle];
    const reused = result.reused.includes(bundle) ? ' (unchanged: files reused from the cache)' : '';
    console.log(`[pagefind] bundle ${bundle}: ${p} pages and ${r} records${reused}`);
  }
}

if (!isMainThread) {
  await index(workerData as Job);
} else {
  const { values, positionals } = parseArgs({
    options: { bundle: { type: 'string', multiple: true }, force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  /** Astro's cache folder (ASTRO_CACHE_DIR for the tests and the bench), where unchanged bundles are kept. */
  const cacheDir = path.resolve(process.env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro');
  const site = path.resolve(positionals[0] ?? process.env['OUT_DIR'] ?? 'dist');
  try {
    const unknown = (values.bundle ?? []).filter((b) => !SEARCH_BUNDLES.some((known) => known === b));
    if (unknown.length > 0)
      throw new Error(`unknown bundle ${unknown.join(', ')} (${SEARCH_BUNDLES.join(', ')})`);
    const job: Job = {
      site,
      bundles: values.bundle ? (values.bundle as SearchBundle[]) : SEARCH_BUNDLES,
      cacheDir: values.force ? undefined : cacheDir,
    };
    const pages = await countHtmlPages(site);
    const heap = indexOldSpaceMb(pages, os.totalmem());
    let result = await runWorkerWithHeap(new URL(import.meta.url), job, heap);
    const fallback = fallbackOldSpaceMb(os.totalmem());
    if (result.outOfHeap && fallback > heap) {
      console.error(
        `[pagefind] le tas de ${String(heap)} Mo prévu pour ${String(pages)} pages n’a pas suffi : ` +
          `nouvelle indexation avec ${String(fallback)} Mo (scripts/lib/build-heap.ts, INDEX_PER_PAGE_KB, est à relever).`,
      );
      result = await runWorkerWithHeap(new URL(import.meta.url), job, fallback);
    }
    if (result.outOfHeap) throw new Error(`out of memory with a heap of ${String(fallback)} MB`);
  } catch (error) {
    console.error(`[pagefind] ${site}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
