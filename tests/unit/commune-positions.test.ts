import { describe, expect, test } from 'vitest';
import {
  departmentCentres,
  parseGeoNames,
  placeOf,
  positionTables,
  type PositionTables,
} from '../../src/lib/commune-positions';
import { allDepartments } from '../../src/lib/geography';

/** A line of GeoNames' table: only the columns the reader uses are filled. */
function row(
  name: string,
  country: string,
  admin4: string,
  lat: number,
  lon: number,
  feature = 'PPL',
  population = 0,
) {
  const fields = Array.from({ length: 19 }, () => '');
  Object.assign(fields, {
    1: name,
    4: String(lat),
    5: String(lon),
    6: 'P',
    7: feature,
    8: country,
    13: admin4,
    14: String(population),
  });
  return fields.join('\t');
}

describe('commune positions: reading GeoNames', () => {
  test('a French row is kept under the INSEE code of its commune', () => {
    const positions = parseGeoNames(row('Loos', 'FR', '59360', 50.60982, 3.01874));
    expect(positions.get('59360')).toEqual({ latitude: 50.60982, longitude: 3.01874 });
  });

  test('rows of other countries, and French rows without a commune code, are left out', () => {
    const positions = parseGeoNames(
      [row('Mouscron', 'BE', '57081', 50.74, 3.21), row('Lieu-dit', 'FR', '', 50, 3)].join('\n'),
    );
    expect(positions.size).toBe(0);
  });

  test('overseas departments come under their own GeoNames country codes', () => {
    const positions = parseGeoNames(row('Saint-Denis', 'RE', '97411', -20.88231, 55.4504));
    expect(positions.get('97411')).toEqual({ latitude: -20.88231, longitude: 55.4504 });
  });

  test('of a commune’s rows, the one named as the commune wins over a bigger district', () => {
    const positions = parseGeoNames(
      [
        row('Saint-Loup', 'FR', '13055', 43.27766, 5.43133, 'PPLX', 16084),
        row('Marseille', 'FR', '13055', 43.29695, 5.38107, 'PPLA', 870731),
        row('Sainte-Marguerite', 'FR', '13055', 43.26196, 5.40125, 'PPLX', 999999),
      ].join('\n'),
    );
    expect(positions.get('13055')).toEqual({ latitude: 43.29695, longitude: 5.38107 });
  });

  test('names match without accents, hyphens or case', () => {
    const positions = parseGeoNames(
      [
        row('Saint Etienne', 'FR', '42218', 45.43389, 4.39, 'PPL', 10),
        row('Montreynaud', 'FR', '42218', 45.45, 4.38, 'PPL', 20000),
      ].join('\n'),
    );
    expect(positions.get('42218')).toEqual({ latitude: 45.43389, longitude: 4.39 });
  });

  test('a department’s centre is the middle of its communes’ extent', () => {
    const centres = departmentCentres(
      new Map([
        ['59360', { latitude: 50.6, longitude: 3.0 }],
        ['59350', { latitude: 50.0, longitude: 4.0 }],
        ['62041', { latitude: 50.3, longitude: 2.8 }],
      ]),
    );
    expect(centres.get('59')).toEqual({ latitude: 50.3, longitude: 3.5 });
    expect(centres.get('62')).toEqual({ latitude: 50.3, longitude: 2.8 });
  });
});

describe('commune positions: where an entry goes (placeOf)', () => {
  const source: PositionTables = {
    communes: new Map([['59360', { latitude: 50.60982, longitude: 3.01874 }]]),
    departments: new Map([['59', { latitude: 50.45, longitude: 3.3 }]]),
  };

  test('an entry with coordinates is placed exactly there', () => {
    const place = placeOf(
      { commune: '59360', latitude: 50.6, longitude: 3.02, department: { code: '59' } },
      source,
    );
    expect(place).toEqual({ latitude: 50.6, longitude: 3.02, precision: 'exact' });
  });

  test('an entry with only a commune is placed at its commune, as approximate', () => {
    expect(placeOf({ commune: '59360', department: { code: '59' } }, source)).toEqual({
      latitude: 50.60982,
      longitude: 3.01874,
      precision: 'commune',
    });
  });

  test('an entry whose commune is absent from the table is placed at its department’s centre', () => {
    expect(placeOf({ commune: '59009', department: { code: '59' } }, source)).toEqual({
      latitude: 50.45,
      longitude: 3.3,
      precision: 'department',
    });
  });

  test('an entry whose commune and department are both unknown has no place', () => {
    expect(placeOf({ commune: '97608', department: { code: '976' } }, source)).toBeUndefined();
  });

  test('an entry without a location has no place', () => {
    expect(placeOf(undefined, source)).toBeUndefined();
  });
});

describe('commune positions: the table the package ships', () => {
  const tables = positionTables();

  test('it holds about 14,700 communes, Loos at its GeoNames position', () => {
    expect(tables.communes.size).toBeGreaterThan(14_000);
    expect(tables.communes.get('59360')).toEqual({ latitude: 50.60982, longitude: 3.01874 });
  });

  test('Marseille is placed at its centre, not at one of its 120 districts', () => {
    expect(tables.communes.get('13055')).toEqual({ latitude: 43.29695, longitude: 5.38107 });
  });

  test('a municipal arrondissement is placed at its city', () => {
    expect(placeOf({ commune: '13201', department: { code: '13' } })).toMatchObject({
      latitude: 43.29695,
      longitude: 5.38107,
      precision: 'commune',
    });
  });

  test('a small commune absent from the table falls back to its department, inside France', () => {
    // L'Abergement-de-Varey (Ain, 01002) has fewer than 500 inhabitants: not in cities500.
    expect(tables.communes.has('01002')).toBe(false);
    const place = placeOf({ commune: '01002', department: { code: '01' } });
    expect(place?.precision).toBe('department');
    expect(place!.latitude).toBeGreaterThan(45.6);
    expect(place!.latitude).toBeLessThan(46.5);
    expect(place!.longitude).toBeGreaterThan(4.7);
    expect(place!.longitude).toBeLessThan(6.2);
  });

  test('every department has a centre but Mayotte and the overseas collectivities', () => {
    const without = allDepartments()
      .map((d) => d.code)
      .filter((code) => !tables.departments.has(code));
    expect(without.sort()).toEqual(['975', '976', '977', '978', '984', '986', '987', '988', '989']);
  });
});
