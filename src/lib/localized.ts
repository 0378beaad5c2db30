/**
 * Text written in French and optionally English. The English site falls back to French,
 * and says so to assistive technologies through the `lang` it returns.
 */
import type { Locale } from '../schemas/enums';

export interface LocalizedText {
  fr: string;
  en?: string | undefined;
}

export interface Picked {
  text: string;
  /** Language of `text`; differs from the page's when a translation is missing. */
  lang: Locale;
}

/** The text in `locale`, or in French; nothing for an absent text (an undescribed directory entry). */
export function pick(value: LocalizedText, locale: Locale): Picked;
export function pick(value: LocalizedText | undefined, locale: Locale): Picked | undefined;
export function pick(value: LocalizedText | undefined, locale: Locale): Picked | undefined {
  if (value === undefined) return undefined;
  const translated = value[locale];
  return translated ? { text: translated, lang: locale } : { text: value.fr, lang: 'fr' };
}

/** The `lang` attribute to put on an element holding `picked`, or undefined when it matches the page. */
export function langAttr(picked: Picked, pageLocale: Locale): Locale | undefined {
  return picked.lang === pageLocale ? undefined : picked.lang;
}
