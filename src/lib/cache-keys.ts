/**
 * Cache keys of the pages that getStaticPaths() returns, for Astro's incremental static builds
 * (`experimental.incrementalBuild` in astro.config.mjs). Astro re-renders a page when its
 * cacheKey, or the code the page imports (its module graph, which Astro hashes itself),
 * changed since the last build; otherwise it copies the previous build's output. So a key
 * must change whenever anything the page shows changes, relations included.
 *
 * A key is a hash of entry digests (Astro gives each content entry the digest of its file),
 * of the images they hold (by the hash of their bytes, see imageSources) and of the few
 * computed values a page shows about entries it does not list (counts):
 *
 * - every page: the site-wide entries (settings, content pages linked from the header and
 *   footer, commitments, sources, brochures) and the schemas that turn files into data
 *   (`site`, src/data/cache-keys.ts). They are few and rarely edited: a change to one of
 *   them rebuilds every page.
 * - a partner page: the partner, its networks, its members, the case studies citing it (in
 *   the page's language, or the French story when it has no translation).
 * - a case study: the story, its translation (the language switch), every partner it names
 *   (front matter, or a <PartnerCard> in its text).
 * - a brochure: itself, its translation, its stories and their partners.
 * - a commitment: itself and the case studies serving it.
 * - a territory page: every partner and case study of the territory (the page's cards, its
 *   counts, its departments' counts) and how many pages its translation has.
 * - a directory page: every partner (its 24 cards, and counts over the whole directory).
 * - a sharing image: its entry, the settings (site name) and its illustration's bytes.
 *
 * This module is pure (no astro:content): src/data/cache-keys.ts binds it to the content, and
 * tests/unit/cache-keys.test.ts checks that a change to a related entry changes the key.
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../schemas/enums';
import { partnerCardIds } from './data-quality';
import { PAGE_SIZE, pageCount } from './directory';

/** What a key reads of an entry: its collection, id and digest (its data when it has none). */
export interface KeyedEntry {
  collection: string;
  id: string;
  digest?: number | string | undefined;
  data?: unknown;
  body?: string | undefined;
}

/** A part of a key: an entry, a list of entries (its order counts), or a plain value. */
export type KeyPart = KeyedEntry | readonly KeyedEntry[] | string | number | boolean | undefined;

/**
 * The `src` of every image an entry's data holds (astro:assets metadata: src, width, height,
 * format). In a build, `src` names the file by Vite's hash of its bytes: a picture uploaded
 * again under the same name changes it, where the entry's digest (of its own file) does not.
 */
export function imageSources(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) imageSources(item, found);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const { src, width, height, format } = record;
    if (
      typeof src === 'string' &&
      typeof width === 'number' &&
      typeof height === 'number' &&
      typeof format === 'string'
    )
      found.push(src);
    else for (const item of Object.values(record)) imageSources(item, found);
  }
  return found;
}

function entryLine(entry: KeyedEntry): string {
  // Astro's loaders give every entry a digest of its file; a loader without one is keyed by
  // what it loaded.
  const digest =
    entry.digest ??
    createHash('sha256')
      .update(JSON.stringify(entry.data) ?? '')
      .update(entry.body ?? '')
      .digest('hex');
  const images = entry.digest === undefined ? [] : imageSources(entry.data);
  return `${entry.collection}/${entry.id}@${String(digest)}${images.map((src) => ` ${src}`).join('')}`;
}

const isEntry = (part: unknown): part is KeyedEntry =>
  typeof part === 'object' && part !== null && 'collection' in part && 'id' in part;

/** The key of `parts`, in order. */
export function cacheKey(...parts: KeyPart[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    if (Array.isArray(part)) {
      hash.update(`[${String(part.length)}\n`);
      for (const entry of part as readonly KeyedEntry[]) hash.update(`${entryLine(entry)}\n`);
      hash.update(']\n');
    } else if (isEntry(part)) {
      hash.update(`${entryLine(part)}\n`);
    } else {
      hash.update(`${typeof part}:${String(part)}\n`);
    }
  }
  return hash.digest('hex').slice(0, 32);
}

// --- The relations each kind of page shows, read from the content (src/data/content.ts). ---

export interface KeyedPartner extends KeyedEntry {
  data: { networks: readonly { id: string }[] };
}
export interface KeyedStory extends KeyedEntry {
  data: { partners: readonly { id: string }[] };
  body?: string | undefined;
}

/** The lookups of src/data/content.ts that keys need. */
export interface ContentLookups<P extends KeyedPartner, S extends KeyedStory> {
  partnerById(id: string): P | undefined;
  membersOf(networkId: string): readonly P[];
  caseStudiesCiting(partnerId: string, locale: Locale): readonly S[];
  caseStudyTranslation(story: S, locale: Locale): S | undefined;
}

/** Every partner a story names: its front matter's, then its text's <PartnerCard>s. */
export function partnersNamedBy<P extends KeyedPartner, S extends KeyedStory>(
  lookups: Pick<ContentLookups<P, S>, 'partnerById'>,
  story: S,
): P[] {
  const ids = [...story.data.partners.map((ref) => ref.id), ...partnerCardIds(story.body ?? '')];
  return [...new Set(ids)].map((id) => lookups.partnerById(id)).filter((p) => p !== undefined);
}

export function partnerPageKey<P extends KeyedPartner, S extends KeyedStory>(
  lookups: ContentLookups<P, S>,
  site: string,
  entry: P,
  locale: Locale,
): string {
  return cacheKey(
    site,
    locale,
    entry,
    entry.data.networks.map((ref) => lookups.partnerById(ref.id)).filter((p) => p !== undefined),
    lookups.membersOf(entry.id),
    lookups.caseStudiesCiting(entry.id, locale),
  );
}

export function caseStudyPageKey<P extends KeyedPartner, S extends KeyedStory>(
  lookups: ContentLookups<P, S>,
  site: string,
  entry: S,
  locale: Locale,
): string {
  return cacheKey(
    site,
    locale,
    entry,
    lookups.caseStudyTranslation(entry, locale),
    partnersNamedBy(lookups, entry),
  );
}

export function brochurePageKey<P extends KeyedPartner, S extends KeyedStory>(
  lookups: ContentLookups<P, S>,
  site: string,
  entry: KeyedEntry,
  translation: KeyedEntry | undefined,
  stories: readonly S[],
  locale: Locale,
): string {
  return cacheKey(
    site,
    locale,
    entry,
    translation,
    stories,
    stories.flatMap((story) => partnersNamedBy(lookups, story)),
  );
}

export function commitmentPageKey(
  site: string,
  entry: KeyedEntry,
  serving: readonly KeyedEntry[],
  locale: Locale,
): string {
  return cacheKey(site, locale, entry, serving);
}

/** What a territory page shows of its territory, whichever page of its list it is. */
export interface KeyedTerritory {
  slug: string;
  partners: readonly KeyedEntry[];
  caseStudies: readonly KeyedEntry[];
  departments: readonly { slug: string; partners: readonly unknown[]; caseStudies: readonly unknown[] }[];
}

const counts = (t: Pick<KeyedTerritory, 'slug' | 'partners' | 'caseStudies'>) =>
  `${t.slug}:${String(t.partners.length)}:${String(t.caseStudies.length)}`;

/**
 * The part of a territory's page keys that every page of its list shares: computed once per
 * territory (a region of thousands of partners has hundreds of pages).
 */
export function territoryKey(
  territory: KeyedTerritory,
  translation: Pick<KeyedTerritory, 'partners'> | undefined,
): string {
  return cacheKey(
    territory.slug,
    territory.partners,
    territory.caseStudies,
    ...territory.departments.map((d) =>
      counts({
        slug: d.slug,
        partners: d.partners as KeyedEntry[],
        caseStudies: d.caseStudies as KeyedEntry[],
      }),
    ),
    translation ? pageCount(translation.partners.length, PAGE_SIZE) : 'no translation',
  );
}

export function territoryPageKey(site: string, territory: string, page: number, locale: Locale): string {
  return cacheKey(site, locale, territory, page);
}

/**
 * `everyPartner`: cacheKey(partners), computed once per build by the caller. The directory's
 * counts (total, regions with partners, partners without a place, facets) follow from it.
 */
export function directoryPageKey(site: string, everyPartner: string, page: number, locale: Locale): string {
  return cacheKey(site, locale, page, everyPartner);
}

export function shareImageKey(settings: KeyedEntry, entry: KeyedEntry, illustrationDigest: string): string {
  return cacheKey(settings, entry, illustrationDigest);
}
