import { describe, expect, test } from 'vitest';
import { citationProblems, figureDate, type SourceFacts } from '../../src/lib/source-rules';
import { checkContent } from '../../src/lib/content-check';

const SOURCES = new Map<string, SourceFacts>([
  ['datee', { date: '2015-06', dateWorkedOut: false }],
  ['deduite', { date: '2022', dateWorkedOut: true }],
  ['non-datee', { date: null, dateWorkedOut: false }],
]);

describe('figures and their sources', () => {
  test('a citation of a source that does not exist is a problem on its field', () => {
    expect(citationProblems([{ source: 'absente', field: 'keyFigures[0].source' }], SOURCES)).toEqual([
      expect.objectContaining({
        field: 'keyFigures[0].source',
        message: expect.stringContaining('« absente » n’existe pas'),
      }),
    ]);
  });

  test('a figure without a date takes its source’s date', () => {
    expect(figureDate({}, SOURCES.get('datee'))).toEqual({ date: '2015-06', workedOut: false });
  });

  test('a figure without a date takes a worked-out source date, marked as worked out', () => {
    expect(figureDate({}, SOURCES.get('deduite'))).toEqual({ date: '2022', workedOut: true });
  });

  test('a figure’s own date wins over its source’s', () => {
    expect(figureDate({ date: '2021' }, SOURCES.get('deduite'))).toEqual({ date: '2021', workedOut: false });
  });

  test('a figure with no date from an undated source is a problem: every figure has a date', () => {
    const problems = citationProblems([{ source: 'non-datee', field: 'f', figure: {} }], SOURCES);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('ce chiffre n’a pas de date')]);
  });

  test('a dated figure backed by an undated source is a problem: the source needs a worked-out date', () => {
    const problems = citationProblems(
      [{ source: 'non-datee', field: 'f', figure: { date: '2022' } }],
      SOURCES,
    );
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('n’est pas datée')]);
  });

  test('a dated figure backed by a source with a worked-out date passes', () => {
    expect(citationProblems([{ source: 'deduite', field: 'f', figure: { date: '2021' } }], SOURCES)).toEqual(
      [],
    );
  });

  test('a citation that is not a figure needs no date, even from an undated source', () => {
    expect(citationProblems([{ source: 'non-datee', field: 'sources[0]' }], SOURCES)).toEqual([]);
  });
});

describe('fidelity of the site’s own content', () => {
  test('every cited source exists, every figure has a date, every claim names its source', async () => {
    expect(await checkContent('content')).toEqual([]);
  });
});
