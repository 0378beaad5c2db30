/**
 * The RSS feed of case studies, one per language (@astrojs/rss): every story told in that
 * language, newest first, linking to its page. Stories not translated are in the other
 * language's feed only: a feed reader shows a feed in one language.
 */
import rss from '@astrojs/rss';
import type { Locale } from '../schemas/enums';
import { LOCALE_TAGS, t } from '../i18n';
import { byLocale, caseStudies } from '../data/content';
import { entryUrl, feedUrl, sectionUrl } from './urls';

export async function caseStudyFeed(locale: Locale, site: URL | undefined): Promise<Response> {
  const tr = t(locale);
  const base = site ?? new URL('http://localhost/');
  const response = await rss({
    title: tr('feed.title'),
    description: tr('feed.description'),
    site: new URL(sectionUrl('caseStudies', locale), base).href,
    trailingSlash: true,
    customData: `<language>${LOCALE_TAGS[locale]}</language>`,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    items: byLocale(caseStudies, locale).map((c) => ({
      title: c.data.title,
      link: new URL(entryUrl('caseStudies', locale, c.data.slug), base).href,
      pubDate: new Date(`${c.data.publishedAt}T00:00:00Z`),
      description: c.data.summary,
    })),
    stylesheet: false,
  });
  // The feed names its own address (atom:link rel=self), as feed validators ask.
  const self = new URL(feedUrl(locale), base).href;
  const xml = (await response.text()).replace(
    '<channel>',
    `<channel><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
