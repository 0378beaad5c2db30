/**
 * getStaticPaths for each route, per language, each page with its cacheKey (cache-keys.ts:
 * incremental builds). Route files stay thin: they import
 * one of these and hand the props to a view.
 */
import type { Commitment, Locale } from '../schemas/enums';
import { labelsFor } from '../i18n';
import { hasPartnerPage } from '../lib/partner-pages';
import { brochures, byLocale, caseStudies, commitments, pages, partners } from './content';
import {
  brochurePageKey,
  caseStudyPageKey,
  commitmentPageKey,
  contentPageKey,
  partnerPageKey,
} from './cache-keys';

export const caseStudyPaths = (locale: Locale) =>
  byLocale(caseStudies, locale).map((entry) => ({
    params: { slug: entry.data.slug },
    props: { entry, locale },
    cacheKey: caseStudyPageKey(entry, locale),
  }));

/** Every partner in French; in English, those with an English description (partner-pages.ts). */
export const partnerPaths = (locale: Locale) =>
  partners
    .filter((entry) => hasPartnerPage(entry, locale))
    .map((entry) => ({
      params: { slug: entry.id },
      props: { entry, locale },
      cacheKey: partnerPageKey(entry, locale),
    }));

export const commitmentPaths = (locale: Locale) =>
  commitments.map((entry) => ({
    params: { slug: labelsFor(locale).commitmentSlug[entry.id as Commitment] },
    props: { entry, locale },
    cacheKey: commitmentPageKey(entry, locale),
  }));

export const brochurePaths = (locale: Locale) =>
  byLocale(brochures, locale).map((entry) => ({
    params: { slug: entry.data.slug },
    props: { entry, locale },
    cacheKey: brochurePageKey(entry, locale),
  }));

export const contentPagePaths = (locale: Locale) =>
  byLocale(pages, locale).map((entry) => ({
    params: { page: entry.data.slug },
    props: { entry, locale },
    cacheKey: contentPageKey(entry, locale),
  }));
