/**
 * Numbers and dates for people, through Intl: "1 300" and "24 juin 2015" in French,
 * "1,300" and "24 June 2015" in English.
 */
import type { Locale } from '../schemas/enums';
import { LOCALE_TAGS } from '../i18n';

// One formatter per language and style: building an Intl formatter costs far more than
// using one, and a 20,000-partner build formats hundreds of thousands of values.
const formatters = new Map<
  string,
  Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat | Intl.PluralRules
>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat | Intl.PluralRules>(
  key: string,
  make: () => T,
): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

export function formatNumber(value: number, locale: Locale): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(LOCALE_TAGS[locale])).format(value);
}

/** The plural category of a count ("one", "other"…), to choose the wording of "{count} partners". */
export function pluralCategory(count: number, locale: Locale): Intl.LDMLPluralRule {
  return cached(`plural:${locale}`, () => new Intl.PluralRules(LOCALE_TAGS[locale])).select(count);
}

/** A latitude or longitude, to the precision it was given (at most six decimals: 11 cm). */
export function formatCoordinate(value: number, locale: Locale): string {
  return cached(
    `coordinate:${locale}`,
    () => new Intl.NumberFormat(LOCALE_TAGS[locale], { maximumFractionDigits: 6 }),
  ).format(value);
}

/** A YYYY-MM-DD date in full words. Computed in UTC so the build machine's zone never shifts it. */
export function formatDate(iso: string, locale: Locale): string {
  return cached(
    `date:${locale}`,
    () => new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'long', timeZone: 'UTC' }),
  ).format(new Date(`${iso}T00:00:00Z`));
}

/** A date as precise as its source: "2022", "juin 2015", "24 juin 2015". */
export function formatPartialDate(value: string, locale: Locale): string {
  const [y, m, d] = value.split('-');
  if (!m) return y ?? value;
  if (!d) {
    return cached(
      `month:${locale}`,
      () => new Intl.DateTimeFormat(LOCALE_TAGS[locale], { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    ).format(new Date(`${y}-${m}-01T00:00:00Z`));
  }
  return formatDate(value, locale);
}

/** "a, b et c" / "a, b and c". */
export function formatList(items: readonly string[], locale: Locale): string {
  return cached(
    `list:${locale}`,
    () => new Intl.ListFormat(LOCALE_TAGS[locale], { type: 'conjunction' }),
  ).format(items);
}

/** Sorts strings the way a French reader expects (accents ignored, "É" with "E"). */
export const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
