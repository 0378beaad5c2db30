import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { z } from 'astro/zod';
import { frontMatterFormat, NULLABLE_KEYS, ORIGIN_KEY, yamlFormat } from '../../src/cms/formats';
import { unwrap } from '../../src/schemas/meta';
import { caseStudySchema } from '../../src/schemas/case-study';
import { partnerSchema } from '../../src/schemas/partner';
import { brochureSchema } from '../../src/schemas/brochure';
import { commitmentSchema } from '../../src/schemas/commitment';
import { pageSchema } from '../../src/schemas/page';
import { settingsSchema } from '../../src/schemas/settings';
import { sourceSchema } from '../../src/schemas/source';
import { ctx } from './fixtures/entries';

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

  test('the keys written as null when emptied are exactly the nullable top-level fields of the schemas', () => {
    const schemas = [
      caseStudySchema(ctx),
      partnerSchema(ctx),
      brochureSchema(ctx),
      commitmentSchema,
      pageSchema,
      settingsSchema,
      sourceSchema,
    ];
    const nullable = new Set<string>();
    for (const schema of schemas) {
      const core = unwrap(schema as z.ZodType).core as unknown as {
        _zod: { def: { shape?: Record<string, z.ZodType> } };
      };
      for (const [name, field] of Object.entries(core._zod.def.shape ?? {}))
        if (unwrap(field).nullable) nullable.add(name);
    }
    expect([...NULLABLE_KEYS].sort()).toEqual([...nullable].sort());
  });

  test('a nullable field emptied in the form is written as null', () => {
    const data = yamlFormat.fromFile('title: Un titre\nauthor: X\n');
    expect(yamlFormat.toFile({ ...data, title: '' })).toBe('title: null\nauthor: X\n');
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
