/**
 * URL slugs from French names: accents folded, apostrophes and punctuation turned
 * into single hyphens, lower case. "Fabrique de l'emploi" → "fabrique-de-l-emploi".
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
