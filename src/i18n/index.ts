/**
 * Translation helpers: `t(locale)` gives a function that looks up an interface string and
 * fills its {placeholders}; `labelsFor(locale)` gives the enum labels.
 */
import type { Locale } from '../schemas/enums';
import fr, { labels as frLabels, type UiKey } from './fr';
import en, { labels as enLabels } from './en';

const strings = { fr, en } as const;
const allLabels = { fr: frLabels, en: enLabels } as const;

/** BCP 47 tags for Intl and the sitemap. */
export const LOCALE_TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** The other language, for the language switch. */
export const OTHER_LOCALE: Record<Locale, Locale> = { fr: 'en', en: 'fr' };

/** Language names, each written in its own language. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

export function t(locale: Locale) {
  return (key: UiKey, params: Record<string, string | number> = {}): string =>
    strings[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
}

export function labelsFor(locale: Locale) {
  return allLabels[locale];
}
