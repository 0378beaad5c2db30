/**
 * Indexes a built site with Pagefind: one index per language from each page's <html lang>,
 * plus the records the build left in <site>/search-records/ (partners with no page in a
 * language: src/pages/search-records/[locale].json.ts), indexed with addCustomRecord. That
 * folder is deleted afterwards: it is not part of the site. Any error rejects.
 *
 * Runs in its own process after `astro build` (scripts/search-index.ts), not in an
 * astro:build:done hook: Pagefind then starts once Astro's process has exited and freed its
 * memory, so the two peaks do not add up (about 3.2 GB together at 20,000 partners).
 *
 * Runs directly on Node 22 (type stripping): imports carry their .ts extension.
 */
import { glob, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import {
  SEARCH_RECORDS_DIR,
  searchableHtml,
  searchableText,
  type SearchRecord,
} from '../../src/lib/search.ts';

const RECORD_BATCH = 500;

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

/**
 * Adds every HTML page of `site`, as addDirectory would, but with the text made searchable
 * (searchableText): read here, handed to Pagefind as content, in batches.
 */
async function addPages(index: pagefind.PagefindIndex, site: string): Promise<number> {
  const files: string[] = [];
  for await (const file of glob('**/*.html', { cwd: site })) files.push(file);
  files.sort();
  let count = 0;
  for (let i = 0; i < files.length; i += RECORD_BATCH) {
    const batch = files.slice(i, i + RECORD_BATCH);
    const results = await Promise.all(
      batch.map(async (file) =>
        index.addHTMLFile({
          sourcePath: file,
          content: searchableHtml(await readFile(path.join(site, file), 'utf8')),
        }),
      ),
    );
    results.forEach((result, j) => {
      if (result.errors.length > 0)
        throw new Error(`indexing ${batch[j]!} failed: ${result.errors.join('; ')}`);
      // Pages without data-pagefind-body are left out, as addDirectory leaves them out.
      if (result.file) count += 1;
    });
  }
  return count;
}

export interface IndexResult {
  pages: number;
  records: number;
  /** Milliseconds in all, then for each phase: HTML pages, records, writing the files. */
  ms: number;
  phases: { pages: number; records: number; write: number };
}

export async function indexSite(site: string): Promise<IndexResult> {
  const started = performance.now();
  const recordsFolder = path.join(site, SEARCH_RECORDS_DIR);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index || errors.length > 0) throw new Error(`cannot start Pagefind: ${errors.join('; ')}`);
    const pageCount = await addPages(index, site);
    const pagesDone = performance.now();
    if (pageCount === 0) throw new Error(`no page to index in ${site}`);
    const records = await readRecords(recordsFolder);
    // In batches: one call is one message to the Pagefind process, and waiting for each
    // answer in turn would leave it idle between them.
    for (let i = 0; i < records.length; i += RECORD_BATCH) {
      const batch = records.slice(i, i + RECORD_BATCH);
      const results = await Promise.all(
        batch.map((record) => index.addCustomRecord({ ...record, content: searchableText(record.content) })),
      );
      results.forEach((result, j) => {
        if (result.errors.length > 0)
          throw new Error(`indexing the record of ${batch[j]!.url} failed: ${result.errors.join('; ')}`);
      });
    }
    const recordsDone = performance.now();
    const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`writing the index failed: ${written.errors.join('; ')}`);
    const done = performance.now();
    return {
      pages: pageCount,
      records: records.length,
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
