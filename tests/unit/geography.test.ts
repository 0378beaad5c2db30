import { describe, expect, test } from 'vitest';
import {
  allDepartments,
  allRegions,
  communeByCode,
  communeNameKey,
  communesNamed,
  communesWithPostalCode,
  departmentByCode,
  explainUnknownCommune,
  postalCodeMatches,
  regionByCode,
} from '../../src/lib/geography';

describe('geography', () => {
  test('2A004 is Ajaccio, in Corse-du-Sud (2A) and the Corse region (94)', () => {
    const commune = communeByCode('2A004');
    expect(commune?.name).toBe('Ajaccio');
    expect(commune?.department).toMatchObject({ code: '2A', name: 'Corse-du-Sud' });
    expect(commune?.region).toEqual({ code: '94', name: 'Corse' });
  });

  test('97101 is in the Guadeloupe department (971) and the Guadeloupe region (01)', () => {
    const commune = communeByCode('97101');
    expect(commune?.name).toBe('Les Abymes');
    expect(commune?.department).toMatchObject({ code: '971', name: 'Guadeloupe' });
    expect(commune?.region).toEqual({ code: '01', name: 'Guadeloupe' });
  });

  test('59360 is Loos, in Nord (59) and Hauts-de-France (32)', () => {
    const commune = communeByCode('59360');
    expect(commune?.name).toBe('Loos');
    expect(commune?.department).toMatchObject({ code: '59', name: 'Nord' });
    expect(commune?.region).toEqual({ code: '32', name: 'Hauts-de-France' });
  });

  test('Loos is not found under its postal code: 59120 is the INSEE code of another commune', () => {
    // The usual editor mistake cannot be caught by the commune code alone here:
    // 59120 exists as an INSEE code (Caëstre), so only the postal-code check catches it.
    expect(communeByCode('59120')?.name).not.toBe('Loos');
    expect(communeByCode('59120')?.name).toBe('Caëstre');
  });

  test("a commune's postal code matches it", () => {
    const loos = communeByCode('59360');
    expect(loos).toBeDefined();
    expect(postalCodeMatches(loos!, '59120')).toBe(true);
  });

  test('another postal code does not match the commune', () => {
    const loos = communeByCode('59360');
    expect(loos).toBeDefined();
    expect(postalCodeMatches(loos!, '59000')).toBe(false);
  });

  test('Paris arrondissements are communes with their own INSEE code', () => {
    expect(communeByCode('75101')?.name).toBe('Paris 1er Arrondissement');
    expect(communeByCode('75056')?.name).toBe('Paris');
  });

  test('a postal code used as an INSEE code is explained as a postal code, with the communes it belongs to', () => {
    expect(communeByCode('75001')).toBeUndefined();
    const message = explainUnknownCommune('75001');
    expect(message).toContain('est un code postal, pas un code commune INSEE');
    expect(message).toContain('Paris (75056)');
    expect(message).toContain('Paris 1er Arrondissement (75101)');
  });

  test('a code that is neither an INSEE code nor a postal code is reported as unknown', () => {
    expect(communeByCode('99999')).toBeUndefined();
    expect(explainUnknownCommune('99999')).toBe(
      '« 99999 » n’est le code INSEE d’aucune commune française actuelle',
    );
  });

  test('departments include Corsica and the overseas departments', () => {
    expect(departmentByCode('2B')?.name).toBe('Haute-Corse');
    expect(departmentByCode('974')?.name).toBe('La Réunion');
    expect(departmentByCode('20')).toBeUndefined();
    expect(allDepartments().length).toBeGreaterThanOrEqual(101);
  });

  test('regions are looked up by their INSEE code', () => {
    expect(regionByCode('32')?.name).toBe('Hauts-de-France');
    expect(regionByCode('99')).toBeUndefined();
    expect(allRegions().length).toBeGreaterThanOrEqual(18);
  });
});

describe('communes by name and by postal code (the import of identity-only spreadsheets)', () => {
  test('a name is found however it is typed: case, accents, hyphens, apostrophes and "St"', () => {
    for (const typed of ['Saint-Étienne', 'saint etienne', 'ST ETIENNE', 'St-Etienne']) {
      expect(communesNamed(typed).map((c) => c.code)).toContain('42218');
    }
    expect(communeNameKey('L’Haÿ-les-Roses')).toBe(communeNameKey("l'hay les roses"));
  });

  test('a name shared by several communes gives all of them', () => {
    expect(communesNamed('Saint-Denis').length).toBeGreaterThan(1);
  });

  test('an unknown name gives none', () => {
    expect(communesNamed('Loosville')).toEqual([]);
  });

  test('a postal code gives the communes that have it', () => {
    expect(communesWithPostalCode('59120').map((c) => c.name)).toContain('Loos');
    expect(communesWithPostalCode('00000')).toEqual([]);
  });
});
