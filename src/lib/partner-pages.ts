/**
 * Which partner pages exist, and where a link to a partner goes.
 *
 * Every partner has a French page. An English page exists when the partner has an English
 * description (`description.en`): most of the directory comes from French sources with no
 * English text, and an English page that is French in all but its labels would double the
 * build (20,000 more pages at the planned scale) for little. English lists, the English map
 * and the English search index link those partners to their French page, marked
 * hreflang="fr" and "(page in French)".
 */
import type { Locale } from '../schemas/enums';
import { entryUrl } from './urls';

/** What the rule reads of a partner entry (its id is its URL slug). */
interface PartnerLike {
  id: string;
  /** A referenced organisation may have no description: it then has a French page only. */
  data: { description?: { fr: string; en?: string | undefined } | undefined };
}

export function hasPartnerPage(entry: Pick<PartnerLike, 'data'>, locale: Locale): boolean {
  return locale === 'fr' || entry.data.description?.[locale] !== undefined;
}

/** A link to an entry's page, which may be in the other language (partners, case studies). */
export interface EntryLink {
  href: string;
  /** Language of the page linked to, when it is not the language of the page that links. */
  hreflang: Locale | undefined;
}

/** The partner's page in `locale`, or its French page when it has none in `locale`. */
export function partnerLink(entry: PartnerLike, locale: Locale): EntryLink {
  const lang = hasPartnerPage(entry, locale) ? locale : 'fr';
  return { href: entryUrl('partners', lang, entry.id), hreflang: lang === locale ? undefined : lang };
}
