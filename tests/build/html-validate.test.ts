/**
 * Every page of the built site is valid HTML by html-validate's recommended rules, as
 * narrowed in .htmlvalidate.mjs (each exception is written there with its reason).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeAll, expect, test } from 'vitest';
import { listFiles, requireSite } from '../setup/site';
import { ROOT } from '../setup/paths';

let dist: string;
let files: string[];

beforeAll(async () => {
  dist = requireSite();
  files = (await listFiles(dist)).filter((f) => f.endsWith('.html'));
});

test('html-validate reports no error on any built page', async () => {
  expect(files.length).toBeGreaterThan(20);
  // The configuration of the repository (.htmlvalidate.mjs), whatever folder the build is in.
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const config = path.join(ROOT, 'index.html');
  const problems: string[] = [];
  for (const file of files) {
    const html = await readFile(path.join(dist, file), 'utf8');
    const report = await validator.validateString(html, config);
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
  }
  expect(problems, `${problems.length} problem(s):\n${problems.join('\n')}`).toEqual([]);
});
