/**
 * The content check (src/lib/content-check.ts): every file of content/ (or $CONTENT_DIR)
 * against the site's schemas and rules, every problem listed in French with the file, the
 * line and the field. `npm run build` runs it before Astro, so that staff whose change is
 * rejected read this instead of a stack trace; `npm test` runs it too.
 *
 *   npm run check:content
 *
 * Runs directly on Node 22 (type stripping).
 */
import { registerTsResolution } from '../src/lib/import-resolve.ts';

registerTsResolution();
const { checkContent, formatProblems } = await import('../src/lib/content-check.ts');
const { contentDir } = await import('../src/lib/content-loader.ts');

const problems = await checkContent(contentDir());
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exitCode = 1;
} else {
  console.log('Contenu vérifié : aucun problème.');
}
