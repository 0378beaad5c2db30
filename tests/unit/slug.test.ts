import { describe, expect, test } from 'vitest';
import { IDENTIFIER_REGEX, slugify } from '../../src/lib/slug';

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

describe('identifiers', () => {
  test('groups of lower-case letters and digits joined by hyphens are identifiers', () => {
    for (const id of ['association-exemple', '1000-cafes', 'selection-2024', '2a', 'x']) {
      expect(IDENTIFIER_REGEX.test(id), id).toBe(true);
    }
  });

  test('a number alone is not an identifier: it would take the URL of a directory page', () => {
    for (const id of ['2', '834', '12-34']) expect(IDENTIFIER_REGEX.test(id), id).toBe(false);
  });

  test('capitals, accents, stray hyphens and spaces are not identifiers', () => {
    for (const id of ['Association', 'économie', '-a', 'a-', 'a--b', 'a b', '']) {
      expect(IDENTIFIER_REGEX.test(id), id).toBe(false);
    }
  });
});
