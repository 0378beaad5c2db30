/**
 * The benchmark's fake-partner generator (scripts/lib/fake-partners.ts): deterministic,
 * obviously fake, and valid against the partner schema. No scale run here: a few hundred
 * partners are enough to cover every branch.
 */
import { describe, expect, test } from 'vitest';
import {
  DEPARTMENT_ANCHORS,
  ENGLISH_SHARE,
  fakePartners,
  fakeSiret,
  mulberry32,
} from '../../scripts/lib/fake-partners';
import { partnerSchema } from '../../src/schemas/partner';
import { isValidSiret } from '../../src/lib/siret';
import { allDepartments } from '../../src/lib/geography';
import { ctx } from './fixtures/entries';

const schema = partnerSchema(ctx);
const partners = fakePartners(600, 7);

describe('fake partners', () => {
  test('the same seed gives the same partners', () => {
    expect(fakePartners(50, 3)).toEqual(fakePartners(50, 3));
  });

  test('another seed gives other partners', () => {
    expect(fakePartners(50, 3)).not.toEqual(fakePartners(50, 4));
  });

  test('it makes exactly the number asked for, with unique identifiers', () => {
    expect(partners).toHaveLength(600);
    expect(new Set(partners.map((p) => p.id)).size).toBe(600);
  });

  test('every fake partner is valid against the partner schema', () => {
    for (const { id, data } of partners) {
      const result = schema.safeParse(data);
      expect(result.success, `${id}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  test('every name and identifier says it is fictitious', () => {
    for (const { id, data } of partners) {
      expect(data['name']).toMatch(/^(Structure fictive|Réseau fictif) n°\d+/);
      expect(id).toMatch(/^(structure-fictive|reseau-fictif)-\d+$/);
      expect(data['website']).toMatch(/\.example\.org\/$/);
    }
  });

  test('networks cited by partners are fake partners of the same set', () => {
    const ids = new Set(partners.map((p) => p.id));
    const cited = partners.flatMap((p) => p.data['networks'] as string[]);
    expect(cited.length).toBeGreaterThan(0);
    for (const id of cited) expect(ids.has(id)).toBe(true);
  });

  test('all three kinds are present, most of them referenced organisations', () => {
    const kinds = new Map<unknown, number>();
    for (const p of partners) kinds.set(p.data['kind'], (kinds.get(p.data['kind']) ?? 0) + 1);
    expect([...kinds.keys()].sort()).toEqual(['ess-organisation', 'ess-partner', 'institutional-partner']);
    expect(kinds.get('ess-organisation')! / partners.length).toBeGreaterThan(0.75);
  });

  test('partners mostly have coordinates; referenced organisations mostly a commune only, to exercise approximate places', () => {
    const exactShare = (kind: string) => {
      const ofKind = partners.filter(
        (p) => (p.data['kind'] === 'ess-organisation') === (kind === 'ess-organisation'),
      );
      const exact = ofKind.filter((p) => (p.data['location'] as { latitude?: number } | undefined)?.latitude);
      return exact.length / ofKind.length;
    };
    expect(exactShare('ess-partner')).toBeGreaterThan(0.75);
    expect(exactShare('ess-organisation')).toBeLessThan(0.5);
    expect(partners.some((p) => p.data['location'] === undefined)).toBe(true);
  });

  test('coordinates lie near the prefecture of the commune’s department', () => {
    for (const { data } of partners) {
      const parsed = schema.parse(data);
      const location = parsed.location;
      if (location?.latitude === undefined || location.longitude === undefined) continue;
      const anchor = DEPARTMENT_ANCHORS.get(location.department.code)!;
      expect(Math.abs(location.latitude - anchor.lat)).toBeLessThanOrEqual(0.17);
      expect(Math.abs(location.longitude - anchor.lon)).toBeLessThanOrEqual(0.23);
    }
  });

  test('every department of the eighteen regions has an anchor (overseas collectivities have none)', () => {
    const departments = allDepartments().filter((d) => d.region.code.length === 2);
    expect(departments).toHaveLength(101);
    const missing = departments.filter((d) => !DEPARTMENT_ANCHORS.has(d.code));
    expect(missing.map((d) => d.code)).toEqual([]);
  });

  test('some names carry markup, for the pages and the map to show as text', () => {
    expect(partners.filter((p) => String(p.data['name']).includes('<em>'))).toHaveLength(2);
  });

  test('generated SIRETs pass INSEE’s check', () => {
    const rng = mulberry32(11);
    for (let i = 0; i < 200; i++) expect(isValidSiret(fakeSiret(rng))).toBe(true);
  });
});

describe('fake partners: languages', () => {
  test('about one described entry in ten has an English description, and so an English page', () => {
    const described = fakePartners(4000, 7).filter((p) => p.data['description'] !== undefined);
    const english = described.filter((p) => (p.data['description'] as { en?: string }).en !== undefined);
    expect(english.length / described.length).toBeGreaterThan(ENGLISH_SHARE * 0.8);
    expect(english.length / described.length).toBeLessThan(ENGLISH_SHARE * 1.2);
  });
});
