/**
 * The V8 heap of the `astro build` process (scripts/astro-build.ts), sized from the content and
 * the machine so that nobody has to tune it.
 *
 * Large static sites set the heap of their build: left alone, V8 lets the heap grow to three or
 * four times what is live before it collects (2.8 GB at 20,000 partners, for about 500 MB
 * live), and its default ceiling depends on the machine and Node's version. The build's live
 * data grows with the content: its entries are held by the data store, the pages' props and
 * the incremental build's manifest. So the ceiling is a base plus a share per content file,
 * which at 20,000 partners is the 900 MB measured to hold the build (README, "Build scale"),
 * never more than half of the machine's memory; should a build still run out of heap, the
 * launcher builds again once with that half (`fallbackOldSpaceMb`).
 *
 * Runs directly on Node 22 (type stripping): no TypeScript-only syntax.
 */
import { readdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

const MB = 1024 * 1024;
/** Heap for the build's code, Vite's module graph and the site's own pages. */
export const BASE_MB = 128;
/** Heap per content file (a partner, a story…), measured at 20,000 partners with margin. */
export const PER_ENTRY_KB = 40;
/** Below this, the flag would only make small builds collect more often. */
export const MIN_OLD_SPACE_MB = 768;

/** Half the machine's memory, between 2 GB and 16 GB: the ceiling of any build, and the retry's. */
export function fallbackOldSpaceMb(totalBytes: number): number {
  return Math.max(2048, Math.min(16384, Math.floor(totalBytes / MB / 2)));
}

/** `--max-old-space-size` for a content folder of `entries` files on a machine of `totalBytes`. */
export function maxOldSpaceMb(entries: number, totalBytes: number): number {
  const wanted = Math.max(MIN_OLD_SPACE_MB, BASE_MB + Math.ceil((entries * PER_ENTRY_KB) / 1024));
  return Math.min(wanted, fallbackOldSpaceMb(totalBytes));
}

/** Every flag the build's node process takes, for a heap of `oldSpaceMb`. */
export function buildNodeFlags(oldSpaceMb: number): string[] {
  return [`--max-old-space-size=${String(oldSpaceMb)}`];
}

/**
 * Settings of the memory allocator of Rolldown (Vite's bundler, a native module), mimalloc,
 * for the build's process and the processes it starts; the environment can override them.
 * By default mimalloc commits its arenas eagerly and gives freed pages back to the system only
 * after a delay, on a later allocation of the same thread: Rolldown's threads go idle once
 * the bundle is written, and what they touched stayed resident for the rest of the build.
 * Measured with 1,000 partners: Astro's process peaked at 641 MB instead of 847 MB, and
 * bundling the CMS alone at 0.65–0.7 GB instead of 1.0 GB, for no measurable time.
 */
export const ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  MIMALLOC_ARENA_EAGER_COMMIT: '0',
  MIMALLOC_PURGE_DELAY: '0',
};

/**
 * The environment of Astro's build process: ALLOCATOR_ENV, which the parent's environment
 * may override, then the launcher's own variables (`own`), which nothing overrides.
 */
export function astroProcessEnv(
  parent: NodeJS.ProcessEnv,
  own: Readonly<Record<string, string>>,
): NodeJS.ProcessEnv {
  return { ...ALLOCATOR_ENV, ...parent, ...own };
}

/**
 * The index step (scripts/search-index.ts) holds little: the record of each page's bundle and
 * digest, and the batch of pages on their way to Pagefind, whose own process keeps the index.
 * Left to V8's default ceiling (a quarter of the machine), its heap grew to 740 MB of garbage
 * at 20,000 partners; with 256 MB, it ran in 375 MB, same time. Sized per HTML page, with a
 * floor, for the indexing worker (`resourceLimits.maxOldGenerationSizeMb`).
 */
export const INDEX_BASE_MB = 128;
export const INDEX_PER_PAGE_KB = 6;
export const INDEX_MIN_OLD_SPACE_MB = 256;

/** The old space of the index step's worker for a site of `pages` HTML pages on a machine of `totalBytes`. */
export function indexOldSpaceMb(pages: number, totalBytes: number): number {
  const wanted = Math.max(
    INDEX_MIN_OLD_SPACE_MB,
    INDEX_BASE_MB + Math.ceil((pages * INDEX_PER_PAGE_KB) / 1024),
  );
  return Math.min(wanted, fallbackOldSpaceMb(totalBytes));
}

/**
 * Runs the module at `url` in a worker thread with `data` as its workerData and an old space
 * of `oldSpaceMb`. Resolves once it has exited, saying whether it ran out of heap (V8 stops
 * a worker at its limit instead of the whole process); rejects with any other error it throws.
 */
export function runWorkerWithHeap(
  url: URL,
  data: unknown,
  oldSpaceMb: number,
): Promise<{ outOfHeap: boolean }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: oldSpaceMb },
    });
    let outOfHeap = false;
    let failure: unknown;
    worker.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') outOfHeap = true;
      else failure = error;
    });
    worker.on('exit', () => (failure === undefined ? resolve({ outOfHeap }) : reject(failure)));
  });
}

/** HTML pages under `dir`: what the index step goes through. */
export async function countHtmlPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

/** Content files (YAML, MDX, Markdown, JSON) under `dir`: what the build holds in memory. */
export async function countContentEntries(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && /\.(ya?ml|mdx?|json)$/.test(e.name)).length;
}

/** What V8 prints when a heap reaches its ceiling. */
export const OUT_OF_HEAP = /JavaScript heap out of memory|Reached heap limit/;
