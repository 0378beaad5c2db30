/**
 * Indexes a built site with Pagefind, into two bundles (SEARCH_BUNDLES, src/lib/search.ts):
 * `site` (/pagefind/) and `partners` (/pagefind/partners/), each page going to the one its
 * SearchMeta block names. Each bundle has one index per language from each page's
 * <html lang>, plus the records the build left in <site>/search-records/ (partners and
 * case studies with no page in a language: src/pages/search-records/[locale].json.ts),
 * indexed with addCustomRecord. That folder is deleted afterwards: it is not part of the
 * site. Any error rejects.
 *
 * The bundles are independent: `bundles` limits the run to some of them, leaving the
 * others' files as they are (an edit of a case study needs only `site` re-indexed).
 *
 * Runs in its own process after `astro build` (scripts/search-index.ts), not in an
 * astro:build:done hook: Pagefind then starts once Astro's process has exited and freed its
 * memory, so that the two peaks do not add up (about 3.2 GB together at 20,000 partners).
 *
 * Runs directly on Node 22 (type stripping): imports carry their .ts extension.
 */
import { glob, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import {
  SEARCH_BUNDLES,
  SEARCH_BUNDLE_PATHS,
  SEARCH_RECORDS_DIR,
  pageSearchBundle,
  searchableHtml,
  searchableText,
  type SearchBundle,
  type SearchRecord,
} from '../../src/lib/search.ts';

const RECORD_BATCH = 500;

/**
 * Pagefind cuts each language's word index into files of about this many word positions
 * (its default is 20,000, read from PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE when set). A query
 * loads the files holding its words: smaller files, smaller later queries, for a slightly
 * longer list of files in what the first query loads. Measured at 20,000 partners (bench
 * queries): the median later query went from 28.6 to 10.6 kB, a first query over the site
 * alone from 130.5 to 116.3 kB, and one with partners from 243.3 to 229.6 kB.
 */
const INDEX_CHUNK_SIZE = 2000;

/** The records of every file in `folder`, in file order; none when there is no folder. */
async function readRecords(folder: string): Promise<SearchRecord[]> {
  const files = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const records: SearchRecord[] = [];
  for (const file of files.filter((name) => name.endsWith('.json')).sort()) {
    records.push(...(JSON.parse(await readFile(path.join(folder, file), 'utf8')) as SearchRecord[]));
  }
  return records;
}

type Indexes = Partial<Record<SearchBundle, pagefind.PagefindIndex>>;
type Counts = Record<SearchBundle, { pages: number; records: number }>;

/**
 * Adds every HTML page of `site` to its bundle's index, as addDirectory would, but with the
 * text made searchable (searchableText): read here, handed to Pagefind as content, in
 * batches. A page without a SearchMeta block goes to `site`, where Pagefind leaves it out as
 * addDirectory would (it has no data-pagefind-body, which the site's indexed pages have; on
 * the benchmark's bare site no page has it, and every page is indexed). Pages of bundles not
 * being indexed are not read further.
 */
async function addPages(indexes: Indexes, site: string, counts: Counts): Promise<void> {
  const files: string[] = [];
  for await (const file of glob('**/*.html', { cwd: site })) files.push(file);
  files.sort();
  for (let i = 0; i < files.length; i += RECORD_BATCH) {
    const batch = files.slice(i, i + RECORD_BATCH);
    const results = await Promise.all(
      batch.map(async (file) => {
        const html = await readFile(path.join(site, file), 'utf8');
        const bundle = pageSearchBundle(html) ?? 'site';
        const index = indexes[bundle];
        if (!index) return undefined;
        const result = await index.addHTMLFile({ sourcePath: file, content: searchableHtml(html) });
        return { bundle, result };
      }),
    );
    results.forEach((added, j) => {
      if (!added) return;
      if (added.result.errors.length > 0)
        throw new Error(`indexing ${batch[j]!} failed: ${added.result.errors.join('; ')}`);
      if (added.result.file) counts[added.bundle].pages += 1;
    });
  }
}

/** Adds the records of the bundles being indexed, in batches. */
async function addRecords(indexes: Indexes, records: SearchRecord[], counts: Counts): Promise<void> {
  const chosen = records.filter((record) => indexes[record.bundle]);
  // One call is one message to the Pagefind process: waiting for each answer in turn would
  // leave it idle between them.
  for (let i = 0; i < chosen.length; i += RECORD_BATCH) {
    const batch = chosen.slice(i, i + RECORD_BATCH);
    const results = await Promise.all(
      batch.map(({ bundle, ...record }) =>
        indexes[bundle]!.addCustomRecord({ ...record, content: searchableText(record.content) }),
      ),
    );
    results.forEach((result, j) => {
      if (result.errors.length > 0)
        throw new Error(`indexing the record of ${batch[j]!.url} failed: ${result.errors.join('; ')}`);
      counts[batch[j]!.bundle].records += 1;
    });
  }
}

export interface IndexResult {
  /** Pages and records indexed, by bundle (zero for a bundle left as it was). */
  bundles: Counts;
  /** Milliseconds in all, then for each phase: HTML pages, records, writing the files. */
  ms: number;
  phases: { pages: number; records: number; write: number };
}

export async function indexSite(
  site: string,
  bundles: readonly SearchBundle[] = SEARCH_BUNDLES,
): Promise<IndexResult> {
  const started = performance.now();
  const recordsFolder = path.join(site, SEARCH_RECORDS_DIR);
  const counts = Object.fromEntries(SEARCH_BUNDLES.map((b) => [b, { pages: 0, records: 0 }])) as Counts;
  // Read by the Pagefind process, which inherits this environment when it starts; a value
  // set from outside wins, to measure others.
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= String(INDEX_CHUNK_SIZE);
  try {
    const indexes: Indexes = {};
    for (const bundle of bundles) {
      const { index, errors } = await pagefind.createIndex({});
      if (!index || errors.length > 0) throw new Error(`cannot start Pagefind: ${errors.join('; ')}`);
      indexes[bundle] = index;
    }
    await addPages(indexes, site, counts);
    const pagesDone = performance.now();
    if (indexes.site && counts.site.pages === 0) throw new Error(`no page to index in ${site}`);
    await addRecords(indexes, await readRecords(recordsFolder), counts);
    const recordsDone = performance.now();
    // The site's bundle first: Pagefind may clear its output folder, which holds the others.
    for (const bundle of SEARCH_BUNDLES.filter((b) => indexes[b])) {
      const outputPath = path.join(site, SEARCH_BUNDLE_PATHS[bundle]);
      const written = await indexes[bundle]!.writeFiles({ outputPath });
      if (written.errors.length > 0)
        throw new Error(`writing the ${bundle} index failed: ${written.errors.join('; ')}`);
    }
    const done = performance.now();
    return {
      bundles: counts,
      ms: Math.round(done - started),
      phases: {
        pages: Math.round(pagesDone - started),
        records: Math.round(recordsDone - pagesDone),
        write: Math.round(done - recordsDone),
      },
    };
  } finally {
    await rm(recordsFolder, { recursive: true, force: true });
    await pagefind.close();
  }
}
