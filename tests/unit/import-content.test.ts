/**
 * Partner files outside Astro (src/lib/import-content.ts): the canonical YAML the import
 * writes reads back as the same data, in Astro's YAML reader too, whatever the text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import {
  PARTNER_KEY_ORDER,
  canonicalYaml,
  partnerSchemaOutsideAstro,
  readPartnerFiles,
  readPartnerText,
  yamlFromParsed,
  type PartnerYaml,
} from '../../src/lib/import-content';
import { FIXTURE_PARTNERS } from '../fixtures/import/helpers';

const base = (): PartnerYaml => ({
  kind: 'ess-partner',
  name: 'Association Fictive des Tests n°4',
  siret: '99999000000112',
  location: { commune: '59360', postalCode: '59120' },
  commitments: ['social-inclusion'],
  partnershipTypes: ['mediation'],
  partnershipTypesSource: 'article-exemple',
  description: { fr: 'Association inventée pour les tests.' },
  updatedAt: '2026-11-01',
});

/** Writes, reads back and validates: the data that comes out. */
function roundTrip(data: PartnerYaml): PartnerYaml {
  const text = canonicalYaml(data);
  const read = readPartnerText('x', 'x.yaml', text);
  if (!read.parsed?.success) throw new Error(`${text}\n${JSON.stringify(read.parsed?.error.issues)}`);
  return yamlFromParsed(read.parsed.data);
}

describe('canonical YAML', () => {
  test('the key order is the order in which the partner schema declares its fields', () => {
    expect([...PARTNER_KEY_ORDER]).toEqual(Object.keys(partnerSchemaOutsideAstro.shape));
  });

  test.each([
    ['a name that reads as a number', '1000'],
    ['a name that reads as a date', '2024-05-02'],
    ['a name that reads as a boolean', 'true'],
    ['a name that reads as null', 'null'],
    ['a name with a colon and a hash', 'Atelier : numérique # 1'],
    ['a name with quotes', 'L’« Atelier » "Fictif" d\'Essai'],
    ['a name beginning with a formula sign', '=SOMME(A1:A3)'],
    ['a name beginning with @', '@Atelier Fictif'],
    ['a name beginning with a dash', '- Atelier Fictif'],
    ['a name holding HTML', '<script>alert("x")</script> & <b>Atelier</b>'],
    ['a long name', 'Association Fictive des Tests '.repeat(6).trim()],
  ])('%s reads back as the same text', (_, name) => {
    expect(roundTrip({ ...base(), name }).name).toBe(name);
  });

  test.each([
    ['a long description', 'Une phrase assez longue pour être repliée. '.repeat(12).trim()],
    ['a description with paragraphs', 'Premier paragraphe.\n\nSecond paragraphe.'],
    ['a description with a single line break', 'Première ligne\nseconde ligne'],
    ['a description with a very long word', `Lien : https://example.org/${'a'.repeat(200)}`],
    ['a description beginning with a quote mark', '« Citation » puis du texte.'],
  ])('%s reads back as the same text', (_, fr) => {
    expect(roundTrip({ ...base(), description: { fr } }).description?.fr).toBe(fr);
  });

  test('codes and dates are single-quoted, so that no YAML reader turns them into numbers or dates', () => {
    const text = canonicalYaml(base());
    expect(text).toContain("siret: '99999000000112'");
    expect(text).toContain("commune: '59360'");
    expect(text).toContain("postalCode: '59120'");
    expect(text).toContain("updatedAt: '2026-11-01'");
  });

  test('lists of codes are written on one line', () => {
    expect(canonicalYaml({ ...base(), commitments: ['social-inclusion', 'digital-inclusion'] })).toContain(
      'commitments: [social-inclusion, digital-inclusion]\n',
    );
  });

  test('the same data always gives the same bytes: writing what was read changes nothing', () => {
    const text = canonicalYaml(base());
    expect(canonicalYaml(roundTrip(base()))).toBe(text);
  });

  test('the fixture partner files are in canonical form', async () => {
    for (const file of await readPartnerFiles(FIXTURE_PARTNERS)) {
      expect(file.parsed?.success, file.file).toBe(true);
      if (file.parsed?.success) expect(canonicalYaml(yamlFromParsed(file.parsed.data))).toBe(file.text);
    }
  });

  test('an unquoted date is read as a date, as Astro reads it, and so fails the schema', async () => {
    const text = (
      await readFile(path.join(FIXTURE_PARTNERS, 'reseau-fictif-des-tests.yaml'), 'utf8')
    ).replace("updatedAt: '2026-01-15'", 'updatedAt: 2026-01-15');
    expect(readPartnerText('x', 'x.yaml', text).parsed?.success).toBe(false);
  });

  test('broken YAML is reported, not thrown', () => {
    const read = readPartnerText('x', 'x.yaml', 'name: [unclosed\n');
    expect(read.raw).toBeUndefined();
    expect(read.yamlError).toBeTruthy();
  });

  test('canonical text parses as plain YAML to the data given', () => {
    expect(parse(canonicalYaml(base()))).toEqual(base());
  });
});
