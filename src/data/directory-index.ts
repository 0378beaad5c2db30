/**
 * The directory's static index at build time (format: src/lib/directory-index.ts): the
 * facets and column files, shared by both languages, and the cards files of each
 * language, from the same partners in the same order as the static pages, with the same
 * card texts (directoryCard).
 */
import type { Locale } from '../schemas/enums';
import { FACETS, type Facet } from '../lib/directory';
import {
  SHARD_SIZE,
  buildCardsFiles,
  buildFacetsFiles,
  shardCount,
  type CardsFile,
  type ColumnFile,
  type FacetsFile,
} from '../lib/directory-index';
import { partners } from './content';
import { textDigest } from '../lib/cache-keys';

/**
 * An index file's cache key (incremental builds, src/lib/cache-keys.ts): the file is exactly
 * what the endpoint writes, so its digest covers everything the page shows. After a case
 * study's edit, the thousands of cards files of a large directory are then kept, not written
 * again.
 */
const fileKey = (file: unknown) => textDigest(JSON.stringify(file));
import { directoryCard, directoryFacets, entryFacets } from './directory';

let files: { facets: FacetsFile; columns: ColumnFile[] } | undefined;

/** The facets file and the column files: every partner's filter values, with the form's values. */
export function directoryFacetsFiles(): { facets: FacetsFile; columns: ColumnFile[] } {
  if (files) return files;
  // The form's values are the same in both languages: only their labels differ.
  const options = directoryFacets('fr');
  const values = Object.fromEntries(FACETS.map((f) => [f, options[f].map((o) => o.value)])) as Record<
    Facet,
    string[]
  >;
  files = buildFacetsFiles(
    partners.map((p) => ({ id: p.id, facets: entryFacets(p) })),
    values,
  );
  return files;
}

/** Paths of the column files, for getStaticPaths. */
export const columnPaths = () =>
  directoryFacetsFiles().columns.map((file) => ({
    params: { facet: file.facet },
    props: { file },
    cacheKey: fileKey(file),
  }));

const cardsCache = new Map<Locale, CardsFile[]>();

/** The cards files of a language, SHARD_SIZE partners each. */
export function directoryCardsFiles(locale: Locale): CardsFile[] {
  const cached = cardsCache.get(locale);
  if (cached) return cached;
  const cards = buildCardsFiles(
    partners.map((p) => directoryCard(p, locale)),
    directoryFacetsFiles().facets.digest,
  );
  cardsCache.set(locale, cards);
  return cards;
}

/** Paths of a language's cards files, for getStaticPaths. */
export const cardsPaths = (locale: Locale) =>
  Array.from({ length: shardCount(partners.length, SHARD_SIZE) }, (_, shard) => {
    const file = directoryCardsFiles(locale)[shard]!;
    return { params: { shard: String(shard) }, props: { file }, cacheKey: fileKey(file) };
  });

export const jsonResponse = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
