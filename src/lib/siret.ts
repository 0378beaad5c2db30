/**
 * SIRET (14 digits) and SIREN (9 digits) checks, after INSEE's rules.
 *
 * Both use the Luhn check digit, with one documented exception: La Poste's own
 * establishments (SIREN 356 000 000) are too many for the Luhn key space, so INSEE
 * declares a La Poste SIRET valid when the sum of its 14 digits is a multiple of 5.
 */

/** SIREN of La Poste, whose establishments follow INSEE's sum-of-digits rule. */
export const LA_POSTE_SIREN = '356000000';

const DIGITS = /^\d+$/;

/** Luhn checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!DIGITS.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit starting from the right.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnValid(siren);
}

export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const sum = [...siret].reduce((total, d) => total + Number(d), 0);
    return sum % 5 === 0;
  }
  return luhnValid(siret);
}

/** Removes the spaces people type when copying a SIRET ("732 829 320 00074"). */
export function normaliseSiret(value: string): string {
  return value.replace(/[\s\u00a0\u202f]/g, '');
}
