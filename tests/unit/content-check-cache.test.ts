/**
 * The content check's verdict cache (src/lib/verdict-cache.ts): a run that takes files'
 * verdicts from the cache reports exactly what a run that checks every file reports, and a
 * file edited, or whose image went missing, since the cached run is checked again.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { checkContent, formatProblems, type CheckStats } from '../../src/lib/content-check';
import { ROOT } from '../setup/paths';

const FIXTURE = path.join(ROOT, 'tests/fixtures/content');
const CASE_STUDY = 'case-studies/fr/loos-point-poste-ess.mdx';
const PARTNER = 'partners/la-fabrique-de-l-emploi.yaml';

let scratch: string;
let content: string;
let cacheDir: string;
beforeEach(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'ad-check-cache-'));
  content = path.join(scratch, 'content');
  cacheDir = path.join(scratch, 'cache');
  await cp(FIXTURE, content, { recursive: true });
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function replaceIn(file: string, from: string | RegExp, to: string): Promise<void> {
  const full = path.join(content, file);
  const before = await readFile(full, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`fixture ${file} has no ${String(from)}: update this test`);
  await writeFile(full, after);
}

async function cachedRun(): Promise<{ report: string; stats: CheckStats }> {
  const stats: CheckStats = { files: 0, cached: 0 };
  const report = formatProblems(await checkContent(content, { cacheDir }, stats));
  return { report, stats };
}

test('a run taking every verdict from the cache reports what a run checking every file reports', async () => {
  // A problem of a file's own (schema), one between files (a partner's citation of an
  // unknown source, whose line the cached run must find again) and one in a body (<KeyFigure>).
  await replaceIn(CASE_STUDY, "publishedAt: '2024-05-02'", "publishedAt: '2024-13-45'");
  await replaceIn('settings/site.yaml', 'source: laposte-2023', 'source: inconnue');
  await replaceIn(CASE_STUDY, 'source="laposte-2022" />', 'source="absente" />');
  const uncached = formatProblems(await checkContent(content));
  expect(uncached).toContain('champ « publishedAt »');
  expect(uncached).toContain('inconnue');
  expect(uncached).toContain('<KeyFigure>');

  const first = await cachedRun();
  const second = await cachedRun();
  expect(first.stats.cached).toBe(0);
  expect(second.stats.cached).toBe(second.stats.files);
  expect(first.report).toBe(uncached);
  expect(second.report).toBe(uncached);
});

test('a file broken after a cached run is checked again and reported with its line and field, in French', async () => {
  expect((await cachedRun()).report).toBe('');
  await replaceIn(PARTNER, "commune: '59360'", "commune: '99999'");
  const { report, stats } = await cachedRun();
  expect(stats.cached).toBe(stats.files - 1);
  expect(report).toBe(formatProblems(await checkContent(content)));
  expect(report).toMatch(
    /content\/partners\/la-fabrique-de-l-emploi\.yaml\n {2}ligne \d+, champ « location\.commune »[^\n]*: [^\n]*commune/,
  );
});

test('a cached verdict is not reused once an image its file names has gone', async () => {
  expect((await cachedRun()).report).toBe('');
  await rm(path.join(content, 'case-studies/images/hero.png'));
  const { report } = await cachedRun();
  expect(report).toContain('image introuvable : ../images/hero.png');
  expect(report).toBe(formatProblems(await checkContent(content)));
});
