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
 * those of the last run is not indexed again: its files are linked from the cache, where each
 * indexed bundle leaves a copy (hard links to the files it wrote). Each page's bundle and digest are kept too (PageFacts), so a
 * page the last run saw, left in place since, is not read again. After an edit of one case
 * study, the few dozen pages Astro rendered again are read, the site's bundle is indexed, and
 * the 20,000 partner pages are neither read nor indexed.
 *
 * Runs in its own process after `astro build` (scripts/search-index.ts), not in an
 * astro:build:done hook: Pagefind then starts once Astro's process has exited and freed its
 * memory, so that the two peaks do not add up (about 3.2 GB together at 20,000 partners).
 *
 * Runs directly on Node 22 (type stripping): imports carry their .ts extension.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, glob, link, mkdir, readdir, readFile, rm, stat, lstat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { codeDigest, textDigest } from '../../src/lib/digest.ts';
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
 * Adds the HTML pages of `site` to their bundle's index, as addDirectory would, but with the
 * text made searchable (searchableText): read here, handed to Pagefind as content, in
 * batches. A page without a SearchMeta block goes to `site`, where Pagefind leaves it out as
 * addDirectory would (it has no data-pagefind-body, which the site's indexed pages have; on
 * the benchmark's bare site no page has it, and every page is indexed). With `known` (each
 * page's bundle, from `pageFacts`), pages of bundles not being indexed are not read at all,
 * nor pages Pagefind would leave out; without, every page is read to learn its bundle.
 */
async function addPages(
  indexes: Indexes,
  site: string,
  counts: Counts,
  known?: ReadonlyMap<string, PageFacts>,
): Promise<void> {
  let files: string[];
  if (known) {
    // Pagefind leaves out the pages without data-pagefind-body of an index where some page has
    // it: they are not handed to it at all (at 20,000 partners, the 5,000 directory and
    // territory list pages of the site's bundle, which it would parse to drop).
    const marked = new Set([...known.values()].filter((f) => f.body).map((f) => f.bundle));
    files = [...known]
      .filter(([, facts]) => indexes[facts.bundle] && (facts.body || !marked.has(facts.bundle)))
      .map(([file]) => file);
  } else files = await htmlFiles(site);
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

/** Every HTML page of `site`, relative, sorted. */
async function htmlFiles(site: string): Promise<string[]> {
  const files: string[] = [];
  for await (const file of glob('**/*.html', { cwd: site })) files.push(file);
  return files.sort();
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

/**
 * What the index step knows of a built page: its bundle and the digest of its text, with
 * the file's identity when they were read (inode, size, modification and change times). An
 * incremental build leaves its unchanged pages in place (src/integrations/incremental-output.ts),
 * so on the next run their identity is the same, and they are not read again: after a case
 * study's edit, a few dozen pages are read instead of every page. The change time cannot be
 * set back by copying tools, so a page rewritten in any way is read again.
 */
interface PageFacts {
  identity: string;
  bundle: SearchBundle;
  digest: string;
  /** Whether the page marks its indexed part (data-pagefind-body): see addPages. */
  body: boolean;
}

/** Pagefind's mark of the part of a page it indexes. */
const PAGEFIND_BODY = 'data-pagefind-body';

const pagesRecord = (cacheDir: string) => path.join(cacheDir, 'search-index', 'pages.json');

/** Each page's facts: from the last run's record when the file is the one it describes, else read. */
async function pageFacts(
  site: string,
  cacheDir: string,
  counter: { read: number },
): Promise<Map<string, PageFacts>> {
  let previous: Record<string, PageFacts> = {};
  try {
    previous = JSON.parse(await readFile(pagesRecord(cacheDir), 'utf8')) as Record<string, PageFacts>;
  } catch {
    // No record yet: every page is read.
  }
  const files = await htmlFiles(site);
  const facts = new Map<string, PageFacts>();
  for (let i = 0; i < files.length; i += RECORD_BATCH) {
    const batch = files.slice(i, i + RECORD_BATCH);
    const read = await Promise.all(
      batch.map(async (file): Promise<PageFacts> => {
        const full = path.join(site, file);
        const s = await stat(full, { bigint: true });
        const identity = `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
        const known = Object.hasOwn(previous, file) ? previous[file] : undefined;
        if (known?.identity === identity && typeof known.body === 'boolean') return known;
        counter.read += 1;
        const html = await readFile(full, 'utf8');
        return {
          identity,
          bundle: pageSearchBundle(html) ?? 'site',
          digest: textDigest(html),
          body: html.includes(PAGEFIND_BODY),
        };
      }),
    );
    read.forEach((f, j) => facts.set(batch[j]!, f));
  }
  return facts;
}

/**
 * Code whose change changes the index of the same pages, part of every bundle's digest: this
 * module with what it imports, and Pagefind's version.
 */
const indexingCode = () =>
  codeDigest(fileURLToPath(import.meta.url), [
    fileURLToPath(new URL('../../node_modules/pagefind/package.json', import.meta.url)),
  ]);

/**
 * The digest of each bundle's inputs: the text of its pages (by path) and of its records,
 * with the indexing code and the index file size.
 */
async function bundleDigests(
  pages: ReadonlyMap<string, PageFacts>,
  records: readonly SearchRecord[],
): Promise<Record<SearchBundle, string>> {
  const hashes = Object.fromEntries(SEARCH_BUNDLES.map((b) => [b, createHash('sha256')])) as Record<
    SearchBundle,
    Hash
  >;
  const code = await indexingCode();
  for (const hash of Object.values(hashes)) hash.update(`${INDEX_CHUNK_SIZE}\0${code}`);
  for (const [file, facts] of pages) hashes[facts.bundle].update(`\0${file}\0${facts.digest}`);
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
  // Resolved: the bundles' paths end with a slash, which path.join keeps.
  const folder = (b: SearchBundle) => path.resolve(path.join(site, SEARCH_BUNDLE_PATHS[b]));
  const own = folder(bundle);
  const others = SEARCH_BUNDLES.filter((b) => b !== bundle)
    .map(folder)
    .filter((other) => other.startsWith(own + path.sep));
  return (source) => !others.some((other) => source === other || source.startsWith(other + path.sep));
}

/** Deletes a bundle's files from the site, leaving the folders of the bundles nested in it. */
async function removeBundle(site: string, bundle: SearchBundle): Promise<void> {
  const own = path.join(site, SEARCH_BUNDLE_PATHS[bundle]);
  const keep = bundleFilter(site, bundle);
  const entries = await readdir(own, { withFileTypes: true }).catch(() => []);
  await Promise.all(
    entries
      .map((entry) => path.join(own, entry.name))
      .filter(keep)
      .map((full) => rm(full, { recursive: true, force: true })),
  );
}

/**
 * Makes the files at `to` those of the cached bundle `from`, as hard links, which write no
 * data: at 20,000 partners the partners' bundle is some 40,000 files. A file already linked
 * to the cache's (same inode: left by the last run, which an incremental build spares) stays
 * as it is; others are replaced, and files the cache does not hold are deleted, except what
 * `keep` refuses (the folders of bundles nested in this one). Neither copy is ever written in
 * place (removeBundle runs before Pagefind writes), so sharing them is safe. Copies when the
 * two folders are on different file systems. Returns the number of files placed.
 */
async function placeFiles(from: string, to: string, keep: (file: string) => boolean): Promise<number> {
  await mkdir(to, { recursive: true });
  const [entries, present] = await Promise.all([
    readdir(from, { withFileTypes: true }),
    readdir(to, { withFileTypes: true }),
  ]);
  const wanted = new Set(entries.map((entry) => entry.name));
  await Promise.all(
    present
      .map((entry) => path.join(to, entry.name))
      .filter((full) => !wanted.has(path.basename(full)) && keep(full))
      .map((full) => rm(full, { recursive: true, force: true })),
  );
  const files = entries.filter((entry) => !entry.isDirectory());
  let placed = 0;
  for (let i = 0; i < files.length; i += RECORD_BATCH) {
    await Promise.all(
      files.slice(i, i + RECORD_BATCH).map(async (entry) => {
        const source = path.join(from, entry.name);
        const target = path.join(to, entry.name);
        const [cached, there] = await Promise.all([stat(source), lstat(target).catch(() => undefined)]);
        if (there && there.ino === cached.ino && there.dev === cached.dev) return;
        if (there) await rm(target, { recursive: true, force: true });
        placed += 1;
        await link(source, target).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'EXDEV' || error.code === 'EPERM') return copyFile(source, target);
          throw error;
        });
      }),
    );
  }
  for (const entry of entries.filter((e) => e.isDirectory()))
    placed += await placeFiles(path.join(from, entry.name), path.join(to, entry.name), keep);
  return placed;
}

/**
 * Keeps a copy of the freshly written bundle at `from` in the cache folder `to`, as hard links
 * (the files `filter` accepts): no data is written, and the next run that reuses the bundle
 * finds its files in the site already linked to the cache (placeFiles leaves them). Copies
 * when the two folders are on different file systems.
 */
async function linkTree(from: string, to: string, filter: (source: string) => boolean): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = (await readdir(from, { withFileTypes: true })).filter((entry) =>
    filter(path.join(from, entry.name)),
  );
  const files = entries.filter((entry) => !entry.isDirectory());
  for (let i = 0; i < files.length; i += RECORD_BATCH) {
    await Promise.all(
      files.slice(i, i + RECORD_BATCH).map(async (entry) => {
        const source = path.join(from, entry.name);
        const target = path.join(to, entry.name);
        await link(source, target).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'EXDEV' || error.code === 'EPERM') return copyFile(source, target);
          throw error;
        });
      }),
    );
  }
  for (const entry of entries.filter((e) => e.isDirectory()))
    await linkTree(path.join(from, entry.name), path.join(to, entry.name), filter);
}

export interface IndexResult {
  /** Pages and records indexed, by bundle (zero for a bundle left as it was). */
  bundles: Counts;
  /** Bundles whose files were taken from the cache, their inputs unchanged (counted in `bundles`). */
  reused: SearchBundle[];
  /** Pages read to learn their bundle and digest (the others were as the last run left them). */
  pagesRead: number;
  /** Files of reused bundles linked into the site (the others were already there). */
  filesPlaced: number;
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
    const counter = { read: 0 };
    let placed = 0;
    const pages = cacheDir ? await pageFacts(site, cacheDir, counter) : undefined;
    const digests = pages ? await bundleDigests(pages, records) : undefined;
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
    await addPages(indexes, site, counts, pages);
    const pagesDone = performance.now();
    if (indexes.site && counts.site.pages === 0) throw new Error(`no page to index in ${site}`);
    await addRecords(indexes, records, counts);
    const recordsDone = performance.now();
    // The site's bundle first: Pagefind may clear its output folder, which holds the others.
    for (const bundle of SEARCH_BUNDLES) {
      const outputPath = path.join(site, SEARCH_BUNDLE_PATHS[bundle]);
      if (reused.includes(bundle)) {
        placed += await placeFiles(cacheFolder(cacheDir!, bundle), outputPath, bundleFilter(site, bundle));
        continue;
      }
      if (!indexes[bundle]) continue;
      // Pagefind might write over a file in place: one placed by a reused bundle's link to
      // the cache must go first, so that the cache's copy stays as it was.
      await removeBundle(site, bundle);
      const written = await indexes[bundle].writeFiles({ outputPath });
      if (written.errors.length > 0)
        throw new Error(`writing the ${bundle} index failed: ${written.errors.join('; ')}`);
      if (cacheDir && digests) {
        // The record goes last: a copy cut short is never taken for a complete one. The site's
        // files and the cache's are then one file each: nothing writes them in place (removeBundle
        // runs before Pagefind writes), and deleting one leaves the other.
        await rm(cacheRecord(cacheDir, bundle), { force: true });
        await rm(cacheFolder(cacheDir, bundle), { recursive: true, force: true });
        await mkdir(path.dirname(cacheFolder(cacheDir, bundle)), { recursive: true });
        await linkTree(outputPath, cacheFolder(cacheDir, bundle), bundleFilter(site, bundle));
        const record: CachedBundle = { digest: digests[bundle], ...counts[bundle] };
        await writeFile(cacheRecord(cacheDir, bundle), JSON.stringify(record));
      }
    }
    if (cacheDir && pages) await writeFile(pagesRecord(cacheDir), JSON.stringify(Object.fromEntries(pages)));
    const done = performance.now();
    return {
      bundles: counts,
      reused,
      pagesRead: counter.read,
      filesPlaced: placed,
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
