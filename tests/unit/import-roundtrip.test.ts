/**
 * Export → spreadsheet → import round trips without change: on the whole real directory
 * (content/partners), and on the fixture as Excel would save it again (Windows-1252,
 * commas, codes read as numbers).
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, expect, test } from 'vitest';
import { runImport } from '../../src/lib/import';
import { readPartnerFiles, type PartnerFile } from '../../src/lib/import-content';
import { COLUMNS, cellText, openDataFiles, type ExportablePartner } from '../../src/lib/open-data';
import { ROOT, scratchContent } from '../fixtures/import/helpers';

const SITE = new URL('https://alliance-dynamique.example.org');
const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

function exportable(files: readonly PartnerFile[]): ExportablePartner[] {
  return files.map((f) => {
    if (!f.parsed?.success) throw new Error(`${f.file} does not pass the schema`);
    return { id: f.id, data: f.parsed.data };
  });
}

/** Every file of a folder, by name. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).sort();
  return Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n), 'utf8')])),
  );
}

test('the whole real directory, exported to CSV and imported back, is unchanged to the byte', async () => {
  const real = path.join(ROOT, 'content/partners');
  const files = await readPartnerFiles(real);
  const copy = await mkdtemp(path.join(os.tmpdir(), 'ad-roundtrip-'));
  scratch.push(copy);
  await cp(real, path.join(copy, 'partners'), { recursive: true });
  const input = path.join(copy, 'partenaires.csv');
  await writeFile(input, openDataFiles(exportable(files), SITE).csv);

  const run = await runImport(input, { contentDir: copy });

  expect(run.counts).toEqual({
    read: files.length,
    imported: 0,
    updated: 0,
    unchanged: files.length,
    rejected: 0,
  });
  expect(run.outcomes.every((o) => o.status === 'unchanged')).toBe(true);
  expect(await snapshot(path.join(copy, 'partners'))).toEqual(await snapshot(real));
});

test('the real directory has at least one partner, so that the round trip proves something', async () => {
  expect((await readPartnerFiles(path.join(ROOT, 'content/partners'))).length).toBeGreaterThan(0);
});

test('the export saved again by Excel (Windows-1252, commas, codes as numbers) imports back unchanged', async () => {
  const dir = await scratchContent();
  scratch.push(dir);
  const partners = path.join(dir, 'partners');
  const before = await snapshot(partners);
  const { records } = openDataFiles(exportable(await readPartnerFiles(partners)), SITE);
  // What Excel writes after opening and saving the file: no BOM, its own encoding, and
  // every cell that looks like a number stripped of leading zeros.
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const asExcel = (text: string) => (/^0\d+$/.test(text) ? String(Number(text)) : text);
  const lines = [
    COLUMNS.map((c) => c.name).join(','),
    ...records.map((r) => COLUMNS.map((c) => quote(asExcel(cellText(r[c.name] ?? null)))).join(',')),
  ];
  const input = path.join(dir, 'excel.csv');
  await writeFile(input, iconv.encode(lines.join('\r\n') + '\r\n', 'win1252'));

  const run = await runImport(input, { contentDir: dir });

  expect(run.encoding).toBe('Windows-1252');
  expect(run.delimiter).toBe(',');
  expect(run.counts).toMatchObject({ read: records.length, unchanged: records.length });
  expect(await snapshot(partners)).toEqual(before);
});
