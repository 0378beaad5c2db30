/**
 * Under `npm run build`, the brochure PDFs are printed after Astro's process has exited
 * (scripts/astro-build.ts, scripts/print-brochures.ts): the integration then writes what to
 * print into the job file BROCHURE_PDF_JOB names, and starts no Chromium.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, test, vi } from 'vitest';
import { BROCHURE_JOB_ENV, brochurePdf, type BrochureJob } from '../../src/integrations/brochure-pdf';

let folder: string | undefined;

afterEach(async () => {
  vi.unstubAllEnvs();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Runs the integration's hooks for a build of `pagePaths` into an empty folder, without Chromium. */
async function build(pagePaths: string[]) {
  folder = await mkdtemp(path.join(os.tmpdir(), 'ad-brochure-job-'));
  const jobFile = path.join(folder, 'job.json');
  vi.stubEnv(BROCHURE_JOB_ENV, jobFile);
  vi.stubEnv('CHROMIUM_PATH', path.join(folder, 'no-chromium'));
  const hooks = brochurePdf().hooks as Record<string, (options: unknown) => Promise<void> | void>;
  const cacheDir = pathToFileURL(path.join(folder, 'cache') + '/');
  await hooks['astro:config:done']!({ config: { site: 'https://example.org', cacheDir } });
  const lines: string[] = [];
  const logger = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
  const dir = pathToFileURL(path.join(folder, 'dist') + '/');
  await hooks['astro:build:done']!({ dir, pages: pagePaths.map((pathname) => ({ pathname })), logger });
  return { jobFile, lines, out: path.join(folder, 'dist') };
}

test('the build lists its brochure pages in the job file instead of printing them', async () => {
  const { jobFile, lines, out } = await build([
    '',
    'brochures/selection-2026/',
    'en/brochures/selection-2026/',
    'partenaires/',
  ]);
  const job = JSON.parse(await readFile(jobFile, 'utf8')) as BrochureJob;
  expect(job.pagePaths).toEqual(['/brochures/selection-2026/', '/en/brochures/selection-2026/']);
  expect(job.out).toBe(out);
  expect(job.site).toBe('https://example.org');
  expect(job.cacheFolder).toBe(path.join(folder!, 'cache', 'brochure-pdf') + path.sep);
  // Printing would have found no Chromium and said so: it did not run.
  expect(lines.join('\n')).not.toContain('Chromium introuvable');
  expect(lines).toEqual(['2 brochure(s) à mettre en PDF une fois Astro terminé']);
});

test('a build without brochures leaves an empty list, and nothing to print', async () => {
  const { jobFile, lines } = await build(['', 'partenaires/']);
  expect(existsSync(jobFile)).toBe(true);
  expect((JSON.parse(await readFile(jobFile, 'utf8')) as BrochureJob).pagePaths).toEqual([]);
  expect(lines).toEqual([]);
});
