/**
 * Search records of the partners that have no page in a language (src/lib/partner-pages.ts),
 * so that the language's index still finds them and the directory's filters still count
 * them. Build-time only: the search index step of the build (scripts/lib/search-index.ts)
 * indexes them, then deletes the folder before the site is published.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { LOCALES, type Locale } from '~/schemas/enums';
import { partners } from '~/data/content';
import { partnerSearchRecord } from '~/data/search-meta';
import { hasPartnerPage } from '~/lib/partner-pages';

export const getStaticPaths = (() =>
  LOCALES.filter((locale) => locale !== 'fr').map((locale) => ({
    params: { locale },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const locale = params['locale'] as Locale;
  const records = partners
    .filter((entry) => !hasPartnerPage(entry, locale))
    .map((entry) => partnerSearchRecord(entry, locale));
  return new Response(JSON.stringify(records), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
