/**
 * Every URL of the site is built here, so that routes and links cannot drift apart.
 * French lives at the root, English under /en/; section names are translated.
 */
import type { Commitment, Locale } from '../schemas/enums';
import { labelsFor } from '../i18n';

export const SECTIONS = {
  caseStudies: { fr: 'etudes-de-cas', en: 'case-studies' },
  partners: { fr: 'partenaires', en: 'partners' },
  commitments: { fr: 'engagements', en: 'commitments' },
  brochures: { fr: 'brochures', en: 'brochures' },
} as const satisfies Record<string, Record<Locale, string>>;

export type Section = keyof typeof SECTIONS;

/** "/" or "/en/". */
export function homeUrl(locale: Locale): string {
  return locale === 'fr' ? '/' : `/${locale}/`;
}

/** The list page of a section: /etudes-de-cas/, /en/case-studies/. */
export function sectionUrl(section: Section, locale: Locale): string {
  return `${homeUrl(locale)}${SECTIONS[section][locale]}/`;
}

/** One entry of a section: /etudes-de-cas/loos-point-poste-ess/. */
export function entryUrl(section: Section, locale: Locale, slug: string): string {
  return `${sectionUrl(section, locale)}${slug}/`;
}

/** A content page (about, legal notice…) at the root of its language: /a-propos/, /en/about/. */
export function pageUrl(locale: Locale, slug: string): string {
  return `${homeUrl(locale)}${slug}/`;
}

export function commitmentUrl(locale: Locale, commitment: Commitment): string {
  return entryUrl('commitments', locale, labelsFor(locale).commitmentSlug[commitment]);
}

/** The last segment of a collection id: "fr/loos-point-poste-ess" → "loos-point-poste-ess". */
export function slugOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}
