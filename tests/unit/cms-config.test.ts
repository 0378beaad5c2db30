import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { cmsConfigYaml, CMS_CONFIG_PATH } from '../../src/lib/cms-config-file';
import { fieldDocsMarkdown, FIELD_DOCS_PATH } from '../../src/lib/field-docs';
import type { CmsField } from '../../src/lib/cms-config';
import { defOf, fieldMeta, unwrap } from '../../src/schemas/meta';
import { caseStudySchema } from '../../src/schemas/case-study';
import { partnerSchema } from '../../src/schemas/partner';
import { brochureSchema } from '../../src/schemas/brochure';
import { commitmentSchema } from '../../src/schemas/commitment';
import { pageSchema } from '../../src/schemas/page';
import { settingsSchema } from '../../src/schemas/settings';
import { sourceSchema } from '../../src/schemas/source';
import { ctx } from './fixtures/entries';

const committed = readFileSync(CMS_CONFIG_PATH, 'utf8');
const config = parse(committed) as {
  collections: { name: string; fields?: CmsField[]; files?: { fields: CmsField[] }[] }[];
};

const SCHEMAS: Record<string, z.ZodType> = {
  'case-studies': caseStudySchema(ctx),
  partners: partnerSchema(ctx),
  brochures: brochureSchema(ctx),
  commitments: commitmentSchema,
  pages: pageSchema,
  sources: sourceSchema,
  settings: settingsSchema,
};

/** Every difference between a schema object and the CMS fields that should mirror it. */
function drift(schema: z.ZodType, fields: CmsField[], where: string): string[] {
  const shape = defOf(unwrap(schema).core).shape ?? {};
  const problems: string[] = [];
  const expectedNames = Object.entries(shape)
    .filter(([, s]) => !fieldMeta(s)?.derived)
    .map(([name]) => name);
  // MDX collections add their Markdown body, which is the file's text, not a schema field.
  const names = fields.map((f) => f.name).filter((n) => n !== 'body' || 'body' in shape);
  if (JSON.stringify(names) !== JSON.stringify(expectedNames)) {
    problems.push(`${where}: fields ${names.join(', ')} ≠ schema ${expectedNames.join(', ')}`);
  }
  for (const field of fields) {
    const fieldSchema = shape[field.name];
    if (!fieldSchema) continue;
    const { core, optional, nullable, defaultValue } = unwrap(fieldSchema);
    const schemaRequired = !optional && !nullable && defaultValue === undefined;
    // The URL segment is asked for in the CMS, which names new files after it.
    if (field.name !== 'slug' && schemaRequired !== (field.required !== false)) {
      problems.push(
        `${where}.${field.name}: required ${String(field.required !== false)} ≠ schema ${String(schemaRequired)}`,
      );
    }
    const def = defOf(core);
    const enumDef = def.type === 'array' ? defOf(unwrap(def.element!).core) : def;
    if (enumDef.type === 'enum' && !fieldMeta(fieldSchema)?.relation) {
      const values = Object.values(enumDef.entries ?? {});
      const options = (field.options ?? []).map((o) => o.value);
      if (JSON.stringify(values) !== JSON.stringify(options)) {
        problems.push(`${where}.${field.name}: options ${options.join(', ')} ≠ schema ${values.join(', ')}`);
      }
    }
    if (def.type === 'object' && field.fields)
      problems.push(...drift(core, field.fields, `${where}.${field.name}`));
    if (def.type === 'array' && field.fields) {
      problems.push(...drift(unwrap(def.element!).core, field.fields, `${where}.${field.name}[]`));
    }
  }
  return problems;
}

describe('CMS configuration', () => {
  test('the committed public/admin/config.yml is what the schemas generate (npm run cms:config)', () => {
    expect(committed).toBe(cmsConfigYaml());
  });

  test('the committed docs/champs.md is what the schemas generate (npm run cms:config)', () => {
    expect(readFileSync(FIELD_DOCS_PATH, 'utf8')).toBe(fieldDocsMarkdown());
  });

  test('every collection of the site has a CMS collection', () => {
    expect(config.collections.map((c) => c.name).sort()).toEqual(Object.keys(SCHEMAS).sort());
  });

  test.each(Object.keys(SCHEMAS))(
    'the %s fields match the schema: names and order, required flags, option lists',
    (name) => {
      const collection = config.collections.find((c) => c.name === name)!;
      const fields = collection.fields ?? collection.files![0]!.fields;
      expect(drift(SCHEMAS[name]!, fields, name)).toEqual([]);
    },
  );

  test('derived fields (language, key, department, region) get no form field', () => {
    const caseStudy = config.collections.find((c) => c.name === 'case-studies')!;
    const names = caseStudy.fields!.map((f) => f.name);
    expect(names).not.toContain('lang');
    expect(names).not.toContain('translationKey');
    expect(committed).not.toMatch(/name: (department|region|communeName)\b/);
  });

  test('a SIRET, an INSEE code and a partial date carry the build’s French message as their pattern', () => {
    expect(committed).toContain('un SIRET a 14 chiffres (espaces permis)');
    expect(committed).toContain('un code commune INSEE a 5 caractères');
    expect(committed).toContain('date attendue sous la forme AAAA, AAAA-MM ou AAAA-MM-JJ');
  });

  test('selects show French labels and store the codes', () => {
    const partners = config.collections.find((c) => c.name === 'partners')!;
    const legalForm = partners.fields!.find((f) => f.name === 'legalForm')!;
    expect(legalForm.options).toContainEqual({ label: 'Coopérative (SCIC)', value: 'scic' });
  });
});
