import { describe, expect, test } from 'vitest';
import { formatCoordinate, formatDate, formatNumber, pluralCategory } from '../../src/lib/format';

describe('formatCoordinate', () => {
  test('writes a French decimal comma and an English decimal point', () => {
    expect(formatCoordinate(50.60993, 'fr')).toBe('50,60993');
    expect(formatCoordinate(50.60993, 'en')).toBe('50.60993');
  });

  test('keeps at most six decimals and no trailing zeros', () => {
    expect(formatCoordinate(-61.123456789, 'en')).toBe('-61.123457');
    expect(formatCoordinate(3.1, 'fr')).toBe('3,1');
  });
});

describe('formatNumber and formatDate', () => {
  test('group thousands as each language does', () => {
    expect(formatNumber(20000, 'fr')).toBe('20\u202f000');
    expect(formatNumber(20000, 'en')).toBe('20,000');
  });

  test('write a date in full words whatever the time zone of the machine', () => {
    expect(formatDate('2025-01-15', 'fr')).toBe('15 janvier 2025');
    expect(formatDate('2025-01-15', 'en')).toBe('15 January 2025');
  });
});

describe('pluralCategory', () => {
  test('puts 0 and 1 in the singular in French but only 1 in English', () => {
    expect([0, 1, 2].map((n) => pluralCategory(n, 'fr'))).toEqual(['one', 'one', 'other']);
    expect([0, 1, 2].map((n) => pluralCategory(n, 'en'))).toEqual(['other', 'one', 'other']);
  });
});
