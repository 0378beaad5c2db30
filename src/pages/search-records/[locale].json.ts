/**
 * Search records of the partners that have no page in a language (src/lib/partner-pages.ts),
 * so that the language's index still finds them and the directory's filters still count
 * them, and of the case studies not yet told in it, which its lists show in French.
 * Build-time only: the search index step of the build (scripts/lib/search-index.ts)
 * indexes them, then deletes the folder before the site is published.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getImage } from 'astro:assets';
import { LOCALES, type Locale } from '~/schemas/enums';
import { caseStudies, caseStudiesFor, partners } from '~/data/content';
import { caseStudySearchRecord, partnerSearchRecord } from '~/data/search-meta';
import { hasPartnerPage } from '~/lib/partner-pages';
import { searchRecordsKey } from '~/data/cache-keys';
import { SEARCH_THUMBNAIL_WIDTH } from '~/lib/search';

// Keyed (src/data/cache-keys.ts): an incremental build copies the records from the last build
// unless a partner or a story shown in French in this language changed.
export const getStaticPaths = (() =>
  LOCALES.filter((locale) => locale !== 'fr').map((locale) => ({
    params: { locale },
    cacheKey: searchRecordsKey(locale),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const locale = params['locale'] as Locale;
  const records = partners
    .filter((entry) => !hasPartnerPage(entry, locale))
    .map((entry) => partnerSearchRecord(entry, locale));
  // Case studies not yet told in this language, which its lists show in French.
  for (const entry of caseStudiesFor(caseStudies, locale)) {
    if (entry.data.lang === locale) continue;
    // The thumbnail of the French page (SearchMeta.astro): same image, same size.
    const thumb = await getImage({ src: entry.data.hero.src, width: SEARCH_THUMBNAIL_WIDTH, format: 'webp' });
    records.push(caseStudySearchRecord(entry, locale, thumb.src));
  }
  return new Response(JSON.stringify(records), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
