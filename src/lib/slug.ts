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

/**
 * Identifiers (file names and URL slugs of partners): groups of lower-case letters and
 * digits joined by single hyphens, with at least one letter. A number alone would take the
 * URL of a page of the directory (/partenaires/2/), and Astro would then drop one of the two
 * with a mere warning. Also a Table Schema pattern (XML Schema regular expressions), hence
 * no lookahead: digit-only groups, then a group with a letter, then any groups.
 */
export const IDENTIFIER_PATTERN = '([0-9]+-)*[0-9]*[a-z][a-z0-9]*(-[a-z0-9]+)*';
export const IDENTIFIER_REGEX = new RegExp(`^(?:${IDENTIFIER_PATTERN})$`);
/** The rule in words, for error messages. */
export const IDENTIFIER_RULE =
  'lettres minuscules et chiffres séparés par un seul tiret, avec au moins une lettre (association-exemple)';
