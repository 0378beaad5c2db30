/**
 * Data-quality check of the partner directory (see src/lib/data-quality.ts):
 *
 *   npm run check:data
 *
 * Lists errors (exit code 1) and warnings (exit code 0) about content/partners/, or
 * $CONTENT_DIR/partners/, and the partners that case studies, brochures and pages name.
 * Part of `npm test`. Runs directly on Node 22 (type stripping).
 */
import { registerTsResolution } from '../src/lib/import-resolve.ts';

registerTsResolution();
const { glob, readFile } = await import('node:fs/promises');
const path = await import('node:path');
const { contentDir, partnersDir, readPartnerFiles } = await import('../src/lib/import-content.ts');
const { checkPartners, formatFindings, partnerReferences } = await import('../src/lib/data-quality.ts');

const files = await readPartnerFiles(partnersDir());
// The partners that case studies, brochures and pages name (front matter, <PartnerCard>).
const references = [];
for await (const file of glob('{case-studies,brochures,pages}/**/*.mdx', { cwd: contentDir() })) {
  const full = path.join(contentDir(), file);
  references.push(...partnerReferences(full, await readFile(full, 'utf8')));
}
// Today in UTC, as the dates of the content are (YYYY-MM-DD, no time zone).
const today = new Date().toISOString().slice(0, 10);
const findings = checkPartners(files, today, references);
console.log(formatFindings(findings, files.length));
process.exitCode = findings.some((f) => f.level === 'error') ? 1 : 0;
