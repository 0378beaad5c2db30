import { describe, expect, test } from 'vitest';
import { slugify } from '../../src/lib/slug';

describe('slugify', () => {
  test('a typographic apostrophe becomes a hyphen', () => {
    expect(slugify('Fabrique de l’emploi')).toBe('fabrique-de-l-emploi');
  });

  test('a straight apostrophe becomes a hyphen', () => {
    expect(slugify("Fabrique de l'emploi")).toBe('fabrique-de-l-emploi');
  });

  test('accents are folded and capitals lowered', () => {
    expect(slugify('Économie')).toBe('economie');
  });

  test('the oe ligature is written out', () => {
    expect(slugify('Œuvre')).toBe('oeuvre');
    expect(slugify('cœur')).toBe('coeur');
  });

  test('runs of spaces and punctuation become one hyphen, with none at either end', () => {
    expect(slugify('  Point Poste — ESS !  ')).toBe('point-poste-ess');
  });

  test('digits are kept', () => {
    expect(slugify('Sélection 2024')).toBe('selection-2024');
  });
});
