import { describe, expect, test } from 'vitest';
import { isValidSiren, isValidSiret, luhnValid, normaliseSiret } from '../../src/lib/siret';

describe('SIRET', () => {
  test('a SIRET whose Luhn key matches is valid', () => {
    expect(isValidSiret('73282932000074')).toBe(true);
  });

  test('a SIRET whose last digit breaks the Luhn key is invalid', () => {
    expect(isValidSiret('73282932000075')).toBe(false);
  });

  test('a La Poste SIRET whose digits add up to a multiple of 5 is valid', () => {
    // 3+5+6+4+9+8+3+7 = 45; the Luhn key does not hold for it.
    expect(luhnValid('35600000049837')).toBe(false);
    expect(isValidSiret('35600000049837')).toBe(true);
  });

  test('a La Poste SIRET whose digits do not add up to a multiple of 5 is invalid', () => {
    expect(isValidSiret('35600000049838')).toBe(false);
  });

  test('spaces typed in a SIRET are removed, including non-breaking ones', () => {
    expect(normaliseSiret('732 829 320 00074')).toBe('73282932000074');
    expect(normaliseSiret('732\u00a0829\u202f320 00074')).toBe('73282932000074');
    expect(isValidSiret(normaliseSiret('732 829 320 00074'))).toBe(true);
  });

  test('a 13-digit number is not a SIRET', () => {
    expect(isValidSiret('7328293200007')).toBe(false);
  });

  test('letters are not accepted in a SIRET', () => {
    expect(isValidSiret('7328293200007A')).toBe(false);
  });

  test('the SIREN is the first nine digits and has its own Luhn key', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
  });
});
