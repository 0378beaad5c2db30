/**
 * The content check (src/lib/content-check.ts): every file of content/ (or $CONTENT_DIR)
 * against the site's schemas and rules, every problem listed in French with the file, the
 * line and the field. `npm run build` runs it before Astro, so that staff whose change is
 * rejected read this instead of a stack trace; `npm test` runs it too.
 *
 *   npm run check:content
 *
 * Each file's verdict is kept in Astro's cache folder (ASTRO_CACHE_DIR, else
 * node_modules/.astro, as the search index's cache), in content-check/: the next run checks
 * again only the files whose text changed, then the rules that join files over all of them.
 * The report is the same as a run without it. CHECK_CONTENT_CACHE=0 checks every file.
 *
 * Runs directly on Node 22 (type stripping).
 */
import path from 'node:path';
import { registerTsResolution } from '../src/lib/import-resolve.ts';

registerTsResolution();
const { checkContent, formatProblems } = await import('../src/lib/content-check.ts');
const { contentDir } = await import('../src/lib/content-loader.ts');

const cacheDir =
  process.env['CHECK_CONTENT_CACHE'] === '0'
    ? undefined
    : path.resolve(process.env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro');
const problems = await checkContent(contentDir(), cacheDir ? { cacheDir } : {});
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exitCode = 1;
} else {
  console.log('Contenu vérifié : aucun problème.');
}
