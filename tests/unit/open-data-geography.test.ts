/**
 * The rectangles around each part of France (src/lib/geography.ts) that the import and the
 * data-quality check use to reject coordinates outside France or far from their commune.
 */
import { describe, expect, test } from 'vitest';
import {
  FRENCH_TERRITORIES,
  allDepartments,
  territoryAt,
  territoryOfDepartment,
  type BoundingBox,
} from '../../src/lib/geography';

/** Approximate coordinates of towns at the edges and centres of each part of France. */
const PLACES: [string, number, number, string][] = [
  ['Paris', 48.857, 2.352, 'France métropolitaine'],
  ['Bray-Dunes (northernmost)', 51.08, 2.52, 'France métropolitaine'],
  ['Ouessant (westernmost)', 48.46, -5.09, 'France métropolitaine'],
  ['Lauterbourg (easternmost)', 48.97, 8.18, 'France métropolitaine'],
  ['Lamanère (southernmost)', 42.36, 2.52, 'France métropolitaine'],
  ['Menton', 43.77, 7.5, 'France métropolitaine'],
  ['Ajaccio', 41.92, 8.74, 'Corse'],
  ['Bastia', 42.7, 9.45, 'Corse'],
  ['Pointe-à-Pitre', 16.24, -61.53, 'Guadeloupe'],
  ['Fort-de-France', 14.62, -61.06, 'Martinique'],
  ['Cayenne', 4.92, -52.31, 'Guyane'],
  ['Saint-Denis', -20.88, 55.45, 'La Réunion'],
  ['Saint-Pierre', 46.78, -56.18, 'Saint-Pierre-et-Miquelon'],
  ['Mamoudzou', -12.78, 45.23, 'Mayotte'],
  ['Gustavia', 17.9, -62.85, 'Saint-Barthélemy'],
  ['Marigot', 18.07, -63.08, 'Saint-Martin'],
  ['Port-aux-Français', -49.35, 70.22, 'Terres australes et antarctiques françaises'],
  ['Mata-Utu', -13.28, -176.17, 'Wallis-et-Futuna'],
  ['Papeete', -17.55, -149.56, 'Polynésie française'],
  ['Nouméa', -22.28, 166.46, 'Nouvelle-Calédonie'],
  ['Clipperton', 10.3, -109.22, 'Île de Clipperton'],
];

describe('parts of France', () => {
  test.each(PLACES)('%s lies in the rectangle of its part of France', (_, latitude, longitude, name) => {
    expect(territoryAt(latitude, longitude)?.name).toBe(name);
  });

  test('(0, 0), what a spreadsheet writes for empty coordinates, is in no part of France', () => {
    expect(territoryAt(0, 0)).toBeUndefined();
  });

  test('swapped latitude and longitude of a place in the North are in no part of France', () => {
    expect(territoryAt(3.01, 50.61)).toBeUndefined();
  });

  // Rectangles are a sanity check, not borders: Geneva or Brussels pass, London and Rome do not.
  test('London and Rome are in no part of France', () => {
    expect(territoryAt(51.51, -0.13)).toBeUndefined();
    expect(territoryAt(41.9, 12.5)).toBeUndefined();
  });

  test('every department of INSEE’s list belongs to exactly one part of France', () => {
    for (const d of allDepartments()) {
      const explicit = FRENCH_TERRITORIES.filter((t) => t.departments?.includes(d.code));
      expect(explicit.length, d.code).toBeLessThanOrEqual(1);
      expect(territoryOfDepartment(d.code), d.code).toBeDefined();
    }
  });

  test('Corsican departments belong to Corsica, and Nord to metropolitan France', () => {
    expect(territoryOfDepartment('2A').name).toBe('Corse');
    expect(territoryOfDepartment('2B').name).toBe('Corse');
    expect(territoryOfDepartment('59').name).toBe('France métropolitaine');
  });

  test('no two parts of France have overlapping rectangles', () => {
    const overlaps = (a: BoundingBox, b: BoundingBox) =>
      a.south <= b.north && b.south <= a.north && a.west <= b.east && b.west <= a.east;
    const problems: string[] = [];
    for (const [i, a] of FRENCH_TERRITORIES.entries()) {
      for (const b of FRENCH_TERRITORIES.slice(i + 1)) {
        if (a.boxes.some((x) => b.boxes.some((y) => overlaps(x, y)))) problems.push(`${a.name} / ${b.name}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('every rectangle has its south below its north and its west left of its east', () => {
    const bad = FRENCH_TERRITORIES.flatMap((t) =>
      t.boxes.filter((b) => b.south >= b.north || b.west >= b.east),
    );
    expect(bad).toEqual([]);
  });
});
