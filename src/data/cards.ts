/**
 * View-models: entries mapped to the small shapes that presentational components take.
 */
import type { Locale } from '../schemas/enums';
import { labelsFor, t } from '../i18n';
import { formatPartialDate } from '../lib/format';
import { pick } from '../lib/localized';
import { describeTerritory } from '../lib/territory';
import { entryUrl } from '../lib/urls';
import type { CardData } from '../components/Card.astro';
import type { Brochure, CaseStudy, Partner } from './content';
import { partnerLink, type EntryLink } from '../lib/partner-pages';

/** A card's link, and the note a link to a page in another language carries. */
function linkFields({ href, hreflang }: EntryLink, locale: Locale) {
  return hreflang ? { href, hreflang, linkNote: t(locale)('partner.pageInFrench') } : { href };
}

/**
 * Where a link to a case study goes: its own page, in its own language. A story not yet
 * told in `locale` is listed in French (caseStudiesFor), and the link says so.
 */
export function caseStudyLink(entry: CaseStudy, locale: Locale): EntryLink {
  const { lang } = entry.data;
  return {
    href: entryUrl('caseStudies', lang, entry.data.slug),
    hreflang: lang === locale ? undefined : lang,
  };
}

export function caseStudyCard(entry: CaseStudy, locale: Locale): CardData {
  const labels = labelsFor(locale);
  const { data } = entry;
  return {
    ...linkFields(caseStudyLink(entry, locale), locale),
    ...(data.lang !== locale ? { lang: data.lang } : {}),
    title: data.title,
    summary: data.summary,
    image: { src: data.hero.src, alt: data.hero.alt },
    meta: [
      describeTerritory(data.territory, locale),
      ...(data.period ? [formatPartialDate(data.period.start, locale)] : []),
      ...(data.status ? [labels.status[data.status]] : []),
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
    ...(description ? { summary: description.text } : {}),
    ...(description && description.lang !== locale ? { lang: description.lang } : {}),
    meta: [
      labels.kind[data.kind],
      data.legalForm ? labels.legalForm[data.legalForm] : undefined,
      place,
    ].filter((m) => m !== undefined),
    tags: data.commitments.map((c) => labels.commitment[c]),
  };
}

export function brochureCard(entry: Brochure, locale: Locale): CardData {
  return {
    href: entryUrl('brochures', locale, entry.data.slug),
    title: entry.data.title,
    summary: entry.data.intro,
    image: { src: entry.data.cover.src, alt: entry.data.cover.alt },
    meta: [String(entry.data.year)],
  };
}
