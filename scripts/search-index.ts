/**
 * The second step of `npm run build`: indexes the built site with Pagefind
 * (scripts/lib/search-index.ts), so that every build ships an up-to-date search index.
 *
 *   node scripts/search-index.ts [site folder]    # default: $OUT_DIR, else ./dist
 *
 * Prints "[pagefind] Indexed N pages and M records in T ms" (scripts/bench.ts reads it) and
 * exits with code 1, saying why, when indexing fails: the build fails with it.
 */
import path from 'node:path';
import { indexSite } from './lib/search-index.ts';

const site = path.resolve(process.argv[2] ?? process.env['OUT_DIR'] ?? 'dist');
try {
  const { pages, records, ms, phases } = await indexSite(site);
  console.log(
    `[pagefind] Indexed ${pages} pages and ${records} records in ${ms} ms ` +
      `(pages ${phases.pages} ms, records ${phases.records} ms, writing ${phases.write} ms)`,
  );
} catch (error) {
  console.error(`[pagefind] ${site}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
