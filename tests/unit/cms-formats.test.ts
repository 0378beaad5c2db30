import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { frontMatterFormat, ORIGIN_KEY, yamlFormat } from '../../src/cms/formats';

const CONTENT = path.resolve('content');

/** Every content file, as [path relative to content/, text]. */
function contentFiles(ext: string): [string, string][] {
  const files = readdirSync(CONTENT, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name));
  return files.map((f) => [path.relative(CONTENT, f), readFileSync(f, 'utf8')]);
}

describe('CMS file formats', () => {
  test.each(contentFiles('.yaml'))('%s is written back byte for byte when nothing changed', (_name, text) => {
    expect(yamlFormat.toFile(yamlFormat.fromFile(text))).toBe(text);
  });

  test.each(contentFiles('.mdx'))('%s is written back byte for byte when nothing changed', (_name, text) => {
    expect(frontMatterFormat.toFile(frontMatterFormat.fromFile(text))).toBe(text);
  });

  test('the hidden origin key is never written', () => {
    expect(yamlFormat.toFile(yamlFormat.fromFile('name: A\n'))).not.toContain(ORIGIN_KEY);
  });

  test('a null that the CMS turned into an empty string stays null', () => {
    const data = yamlFormat.fromFile('title: null\nauthor: X\n');
    expect(yamlFormat.toFile({ ...data, title: '' })).toBe('title: null\nauthor: X\n');
  });

  test('a changed key is rewritten and the others keep their text and comments', () => {
    const text = "# note\nname: A\ndate: '2022'\ndescription: >-\n  Long\n  text.\n";
    const data = yamlFormat.fromFile(text);
    expect(yamlFormat.toFile({ ...data, name: 'B' })).toBe(
      "# note\nname: B\ndate: '2022'\ndescription: >-\n  Long\n  text.\n",
    );
  });

  test('an optional field emptied in the form is removed, not written as ""', () => {
    const data = yamlFormat.fromFile('name: A\nwebsite: https://a.example\n');
    expect(yamlFormat.toFile({ ...data, website: '' })).toBe('name: A\n');
  });

  test('new keys are written in the project style: short lists on one line, quoted dates', () => {
    const data = yamlFormat.fromFile('name: A\n');
    expect(yamlFormat.toFile({ ...data, commitments: ['a', 'b'], updatedAt: '2026-11-30' })).toBe(
      "name: A\ncommitments: [a, b]\nupdatedAt: '2026-11-30'\n",
    );
  });

  test('a new key goes after the key that precedes it in the form, whatever the order of the data', () => {
    const data = yamlFormat.fromFile('title: T\nsummary: S\n');
    expect(yamlFormat.toFile({ ...data, slug: 't' }, ['title', 'slug', 'summary'])).toBe(
      'title: T\nslug: t\nsummary: S\n',
    );
  });

  test('a new file is written in the project style', () => {
    expect(yamlFormat.toFile({ name: 'Association fictive', description: { fr: 'Texte.' } })).toBe(
      'name: Association fictive\ndescription:\n  fr: Texte.\n',
    );
  });

  test('an edited body keeps the blank line after the front matter', () => {
    const data = frontMatterFormat.fromFile('---\ntitle: T\n---\n\nTexte.\n');
    expect(frontMatterFormat.toFile({ ...data, body: 'Texte modifié.' })).toBe(
      '---\ntitle: T\n---\n\nTexte modifié.\n',
    );
  });

  test('the body given to the editor has no surrounding blank lines', () => {
    expect(frontMatterFormat.fromFile('---\ntitle: T\n---\n\nTexte.\n')['body']).toBe('Texte.');
  });
});
