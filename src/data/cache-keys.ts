/**
 * Each page's cacheKey, from the site's content: src/lib/cache-keys.ts bound to the lookups
 * of src/data/content.ts. Route data (paths.ts, territories.ts, directory.ts) adds the key
 * of each page to what getStaticPaths() returns; what a key covers is listed in the lib.
 */
import { readFile } from 'node:fs/promises';
import type { Commitment, Locale } from '../schemas/enums';
import { OTHER_LOCALE } from '../i18n';
import * as keys from '../lib/cache-keys';
import { textDigest } from '../lib/digest';
import type { KeyedTerritory } from '../lib/cache-keys';
import {
  brochureCaseStudies,
  brochures,
  caseStudies,
  caseStudiesCiting,
  caseStudiesFor,
  caseStudiesServing,
  commitments,
  membersOf,
  pages,
  partnerById,
  partners,
  settingsEntry,
  sources,
  translationOf,
  type Brochure,
  type CaseStudy,
  type CommitmentEntry,
  type Page,
  type Partner,
} from './content';

const lookups: keys.ContentLookups<Partner, CaseStudy> = {
  partnerById,
  membersOf,
  caseStudiesCiting,
  caseStudyTranslation: (story, locale) => translationOf(caseStudies, story, OTHER_LOCALE[locale]),
};

/**
 * The schemas and loaders that turn content files into data: a change there changes every
 * entry's data without changing its file's digest. Imported as text, they are also part of
 * every keyed page's module graph.
 */
const schemaSources = import.meta.glob(
  ['../schemas/*.ts', '../content.config.ts', '../lib/content-loader.ts'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

/** Entries and schemas that every page depends on: computed once per build. */
const site = keys.cacheKey(
  settingsEntry,
  pages,
  commitments,
  sources,
  brochures,
  ...Object.entries(schemaSources)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, text]) => `${file}:${textDigest(String(text))}`),
);

let everyPartner: string | undefined;

export const partnerPageKey = (entry: Partner, locale: Locale) =>
  keys.partnerPageKey(lookups, site, entry, locale);

export const caseStudyPageKey = (entry: CaseStudy, locale: Locale) =>
  keys.caseStudyPageKey(lookups, site, entry, locale);

export const brochurePageKey = (entry: Brochure, locale: Locale) =>
  keys.brochurePageKey(
    lookups,
    site,
    entry,
    translationOf(brochures, entry, OTHER_LOCALE[locale]),
    brochureCaseStudies(entry),
    locale,
  );

export const commitmentPageKey = (entry: CommitmentEntry, locale: Locale) =>
  keys.commitmentPageKey(site, entry, caseStudiesServing(entry.id as Commitment, locale), locale);

// Content pages are site-wide already (the header and footer link them).
export const contentPageKey = (entry: Page, locale: Locale) => keys.cacheKey(site, locale, entry);

/** The key of every page of a territory's list (`page`: 1-based), from one digest of the territory. */
export const territoryPageKeys = (
  territory: KeyedTerritory,
  translation: Pick<KeyedTerritory, 'partners'> | undefined,
  locale: Locale,
) => {
  const shared = keys.territoryKey(territory, translation);
  return (page: number) => keys.territoryPageKey(site, shared, page, locale);
};

/**
 * A directory page shows its 24 cards and counts over the whole directory (total, regions
 * with partners, partners without a place, facets): all of them follow from the partners.
 */
export const directoryPageKey = (page: number, locale: Locale) => {
  everyPartner ??= keys.cacheKey(partners);
  return keys.directoryPageKey(site, everyPartner, page, locale);
};

/**
 * The open-data files (src/pages/donnees/[file].ts) and page show every partner, with absolute URLs
 * built from the site's address.
 */
export const openDataKey = (siteUrl: string) => {
  everyPartner ??= keys.cacheKey(partners);
  return keys.cacheKey(site, siteUrl, everyPartner);
};

/** The map's data (src/pages/carte/[file].json.ts): every partner's place and filters. */
export const mapDataKey = () => {
  everyPartner ??= keys.cacheKey(partners);
  return keys.cacheKey(site, everyPartner);
};

/**
 * A language's search records (src/pages/search-records/[locale].json.ts): every partner with
 * no page in it (each record reads that partner's own fields), and the case studies not told
 * in it, shown in French.
 */
export const searchRecordsKey = (locale: Locale) => {
  everyPartner ??= keys.cacheKey(partners);
  return keys.cacheKey(
    site,
    locale,
    everyPartner,
    caseStudiesFor(caseStudies, locale).filter((entry) => entry.data.lang !== locale),
  );
};

/** A sharing image's key: the illustration file is read (its bytes are drawn into the image). */
export async function shareImageKey(entry: CaseStudy | Brochure, illustrationFile: string): Promise<string> {
  return keys.shareImageKey(settingsEntry, entry, textDigest(await readFile(illustrationFile)));
}
