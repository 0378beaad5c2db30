/**
 * Prints the brochure PDFs of a build once Astro's process has exited: the last part of
 * scripts/astro-build.ts, which runs it with the job file the build wrote
 * (src/integrations/brochure-pdf.ts says what is printed, how, and why after Astro).
 *
 *   node scripts/print-brochures.ts <job file>
 *
 * Runs directly on Node 22 (type stripping).
 */
import { readFile } from 'node:fs/promises';
import { registerTsResolution } from '../src/lib/import-resolve.ts';

registerTsResolution();
const { printBrochures } = await import('../src/integrations/brochure-pdf.ts');

const jobFile = process.argv[2];
if (!jobFile) throw new Error('usage: node scripts/print-brochures.ts <job file>');
const job = JSON.parse(await readFile(jobFile, 'utf8')) as Parameters<typeof printBrochures>[0];
// Astro's prefix, so that the lines read as the rest of the build's.
const prefix = '[alliance-dynamique:brochure-pdf]';
await printBrochures(job, {
  info: (line) => console.log(`${prefix} ${line}`),
  warn: (line) => console.warn(`${prefix} ${line}`),
});
