/**
 * Indexes a built site with Pagefind, into its bundles (SEARCH_BUNDLES, src/lib/search.ts):
 * `site` (/pagefind/) and the directory's, in folders of their own (SEARCH_BUNDLE_PATHS),
 * each page going to the one its SearchMeta block names. Each bundle has one index per language from each page's
 * <html lang>, plus the records the build left in <site>/search-records/ (partners and
 * case studies with no page in a language: src/pages/search-records/[locale].json.ts),
 * indexed with addCustomRecord. That folder is deleted afterwards: it is not part of the
 * site. Any error rejects.
 *
 * The bundles are independent: `bundles` limits the run to some of them, leaving the
 * others' files as they are (an edit of a case study needs only `site` re-indexed). With a
 * `cacheDir`, a bundle whose inputs (its pages' and records' text, and this indexing code) are
 * those of the last run is not indexed again: its files are copied from the cache, where each
 * indexed bundle leaves a copy. After an edit of one case study, the 20,000 partner pages are
 * then read and hashed, not indexed.
 *
 * Runs in its own process after `astro build` (scripts/search-index.ts), not in an
 * astro:build:done hook: Pagefind then starts once Astro's process has exited and freed its
 * memory, so that the two peaks do not add up (about 3.2 GB together at 20,000 partners).
 *
 * Runs directly on Node 22 (type stripping): imports carry their .ts extension.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, glob, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
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

/** Code whose change changes the index of the same pages: part of every bundle's digest. */
const INDEXING_CODE = [
  './search-index.ts',
  '../../src/lib/search.ts',
  '../../node_modules/pagefind/package.json',
];

/**
 * The digest of each bundle's inputs: the text of its pages (by path) and of its records,
 * with the indexing code and the index file size. Reads every page once, without indexing.
 */
async function bundleDigests(
  site: string,
  records: readonly SearchRecord[],
): Promise<Record<SearchBundle, string>> {
  const hashes = Object.fromEntries(SEARCH_BUNDLES.map((b) => [b, createHash('sha256')])) as Record<
    SearchBundle,
    Hash
  >;
  const code = await Promise.all(
    INDEXING_CODE.map((file) => readFile(fileURLToPath(new URL(file, import.meta.url)), 'utf8')),
  );
  for (const hash of Object.values(hashes)) hash.update(`${INDEX_CHUNK_SIZE}\0${code.join('\0')}`);
  const files: string[] = [];
  for await (const file of glob('**/*.html', { cwd: site })) files.push(file);
  files.sort();
  for (let i = 0; i < files.length; i += RECORD_BATCH) {
    const batch = files.slice(i, i + RECORD_BATCH);
    const texts = await Promise.all(batch.map((file) => readFile(path.join(site, file), 'utf8')));
    texts.forEach((html, j) => hashes[pageSearchBundle(html) ?? 'site'].update(`\0${batch[j]!}\0${html}`));
  }
  for (const record of records) hashes[record.bundle].update(`\0${JSON.stringify(record)}`);
  return Object.fromEntries(SEARCH_BUNDLES.map((b) => [b, hashes[b].digest('hex')])) as Record<
    SearchBundle,
    string
  >;
}

/** What the cache keeps of a bundle: its files (folder `<bundle>/`) and this record. */
interface CachedBundle {
  digest: string;
  pages: number;
  records: number;
}

const cacheFolder = (cacheDir: string, bundle: SearchBundle) => path.join(cacheDir, 'search-index', bundle);
const cacheRecord = (cacheDir: string, bundle: SearchBundle) =>
  path.join(cacheDir, 'search-index', `${bundle}.json`);

async function readCached(cacheDir: string, bundle: SearchBundle): Promise<CachedBundle | undefined> {
  if (!existsSync(cacheFolder(cacheDir, bundle))) return undefined;
  try {
    return JSON.parse(await readFile(cacheRecord(cacheDir, bundle), 'utf8')) as CachedBundle;
  } catch {
    return undefined;
  }
}

/** The files of a bundle in the site: the site's bundle holds the others' folders, left out. */
function bundleFilter(site: string, bundle: SearchBundle): (source: string) => boolean {
  const own = path.join(site, SEARCH_BUNDLE_PATHS[bundle]);
  const others = SEARCH_BUNDLES.filter((b) => b !== bundle)
    .map((b) => path.join(site, SEARCH_BUNDLE_PATHS[b]))
    .filter((other) => other.startsWith(own + path.sep));
  return (source) => !others.some((other) => source === other || source.startsWith(other + path.sep));
}

export interface IndexResult {
  /** Pages and records indexed, by bundle (zero for a bundle left as it was). */
  bundles: Counts;
  /** Bundles whose files were copied from the cache, their inputs unchanged (counted in `bundles`). */
  reused: SearchBundle[];
  /** Milliseconds in all, then for each phase: HTML pages, records, writing the files. */
  ms: number;
  phases: { pages: number; records: number; write: number };
}

export async function indexSite(
  site: string,
  bundles: readonly SearchBundle[] = SEARCH_BUNDLES,
  cacheDir?: string,
): Promise<IndexResult> {
  const started = performance.now();
  const recordsFolder = path.join(site, SEARCH_RECORDS_DIR);
  const counts = Object.fromEntries(SEARCH_BUNDLES.map((b) => [b, { pages: 0, records: 0 }])) as Counts;
  // Read by the Pagefind process, which inherits this environment when it starts; a value
  // set from outside wins, to measure others.
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= String(INDEX_CHUNK_SIZE);
  try {
    const records = await readRecords(recordsFolder);
    const digests = cacheDir ? await bundleDigests(site, records) : undefined;
    const reused: SearchBundle[] = [];
    if (cacheDir && digests) {
      for (const bundle of bundles) {
        const cached = await readCached(cacheDir, bundle);
        if (cached?.digest !== digests[bundle]) continue;
        reused.push(bundle);
        counts[bundle] = { pages: cached.pages, records: cached.records };
      }
    }
    const indexes: Indexes = {};
    for (const bundle of bundles.filter((b) => !reused.includes(b))) {
      const { index, errors } = await pagefind.createIndex({});
      if (!index || errors.length > 0) throw new Error(`cannot start Pagefind: ${errors.join('; ')}`);
      indexes[bundle] = index;
    }
    await addPages(indexes, site, counts);
    const pagesDone = performance.now();
    if (indexes.site && counts.site.pages === 0) throw new Error(`no page to index in ${site}`);
    await addRecords(indexes, records, counts);
    const recordsDone = performance.now();
    // The site's bundle first: Pagefind may clear its output folder, which holds the others.
    for (const bundle of SEARCH_BUNDLES) {
      const outputPath = path.join(site, SEARCH_BUNDLE_PATHS[bundle]);
      if (reused.includes(bundle)) {
        await cp(cacheFolder(cacheDir!, bundle), outputPath, { recursive: true });
        continue;
      }
      if (!indexes[bundle]) continue;
      const written = await indexes[bundle].writeFiles({ outputPath });
      if (written.errors.length > 0)
        throw new Error(`writing the ${bundle} index failed: ${written.errors.join('; ')}`);
      if (cacheDir && digests) {
        // The record goes last: a copy cut short is never taken for a complete one.
        await rm(cacheRecord(cacheDir, bundle), { force: true });
        await rm(cacheFolder(cacheDir, bundle), { recursive: true, force: true });
        await mkdir(path.dirname(cacheFolder(cacheDir, bundle)), { recursive: true });
        await cp(outputPath, cacheFolder(cacheDir, bundle), {
          recursive: true,
          filter: bundleFilter(site, bundle),
        });
        const record: CachedBundle = { digest: digests[bundle], ...counts[bundle] };
        await writeFile(cacheRecord(cacheDir, bundle), JSON.stringify(record));
      }
    }
    const done = performance.now();
    return {
      bundles: counts,
      reused,
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
