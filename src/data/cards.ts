/**
 * View-models: entries mapped to the small shapes that presentational components take.
 */
import type { Locale } from '../schemas/enums';
import { labelsFor, t } from '../i18n';
import { formatPartialDate } from '../lib/format';
import { pick } from '../lib/localized';
import { describeTerritory } from '../lib/territory';
import { entryUrl, slugOf } from '../lib/urls';
import type { CardData } from '../components/Card.astro';
import type { Brochure, CaseStudy, Partner } from './content';
import { partnerLink, type PartnerLink } from '../lib/partner-pages';

/** A card's link, and the note a link to a page in another language carries. */
function linkFields({ href, hreflang }: PartnerLink, locale: Locale) {
  return hreflang ? { href, hreflang, linkNote: t(locale)('partner.pageInFrench') } : { href };
}

export function caseStudyCard(entry: CaseStudy, locale: Locale): CardData {
  const labels = labelsFor(locale);
  const { data } = entry;
  return {
    href: entryUrl('caseStudies', locale, slugOf(entry.id)),
    title: data.title,
    summary: data.summary,
    image: { src: data.hero.src, alt: data.hero.alt },
    meta: [
      describeTerritory(data.territory, locale),
      formatPartialDate(data.period.start, locale),
      labels.status[data.status],
    ],
    tags: data.commitments.map((c) => labels.commitment[c]),
  };
}

export function partnerCard(entry: Partner, locale: Locale): CardData {
  const labels = labelsFor(locale);
  const { data } = entry;
  const description = pick(data.description, locale);
  const place = data.location
    ? `${data.location.communeName} (${data.location.department.name})`
    : data.scope
      ? labels.scope[data.scope]
      : undefined;
  return {
    ...linkFields(partnerLink(entry, locale), locale),
    title: data.name,
    summary: description.text,
    ...(description.lang !== locale ? { lang: description.lang } : {}),
    meta: [data.legalForm ? labels.legalForm[data.legalForm] : undefined, place].filter(
      (m) => m !== undefined,
    ),
    tags: data.commitments.map((c) => labels.commitment[c]),
  };
}

export function brochureCard(entry: Brochure, locale: Locale): CardData {
  return {
    href: entryUrl('brochures', locale, slugOf(entry.id)),
    title: entry.data.title,
    summary: entry.data.intro,
    image: { src: entry.data.cover.src, alt: entry.data.cover.alt },
    meta: [String(entry.data.year)],
  };
}
