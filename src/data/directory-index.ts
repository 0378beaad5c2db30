/**
 * The directory's static index at build time (format: src/lib/directory-index.ts): the
 * facets and column files, shared by both languages, and the cards and first-page files of
 * each language, from the same partners in the same order as the static pages, with the
 * same card texts (directoryCard).
 */
import type { Locale } from '../schemas/enums';
import { FACETS, PAGE_SIZE, type Facet } from '../lib/directory';
import {
  SHARD_SIZE,
  buildCardsFiles,
  buildFacetsFiles,
  buildFirstPageFiles,
  shardCount,
  type CardText,
  type CardsFile,
  type ColumnFile,
  type FacetsFile,
  type FirstPageFile,
  type IndexEntry,
} from '../lib/directory-index';
import { partners } from './content';
import { textDigest } from '../lib/digest';

/**
 * An index file's cache key (incremental builds, src/lib/cache-keys.ts): the file is exactly
 * what the endpoint writes, so its digest covers everything the page shows. After a case
 * study's edit, the thousands of cards files of a large directory are then kept, not written
 * again.
 */
const fileKey = (file: unknown) => textDigest(JSON.stringify(file));
import { directoryCard, directoryFacets, entryFacets } from './directory';

let files: { facets: FacetsFile; columns: ColumnFile[] } | undefined;
let entries: IndexEntry[] | undefined;

/** Every partner's filter values, in the directory's order. */
const indexEntries = () => (entries ??= partners.map((p) => ({ id: p.id, facets: entryFacets(p) })));

/** The form's values of each filter: the same in both languages, only their labels differ. */
function formValues(): Record<Facet, string[]> {
  const options = directoryFacets('fr');
  return Object.fromEntries(FACETS.map((f) => [f, options[f].map((o) => o.value)])) as Record<
    Facet,
    string[]
  >;
}

/** The facets file and the column files: every partner's filter values, with the form's values. */
export function directoryFacetsFiles(): { facets: FacetsFile; columns: ColumnFile[] } {
  files ??= buildFacetsFiles(indexEntries(), formValues());
  return files;
}

/** Paths of the column files, for getStaticPaths. */
export const columnPaths = () =>
  directoryFacetsFiles().columns.map((file) => ({
    params: { facet: file.facet },
    props: { file },
    cacheKey: fileKey(file),
  }));

const textsCache = new Map<Locale, CardText[]>();

/** Every partner's card in a language, in the directory's order. */
function cardTexts(locale: Locale): CardText[] {
  const cached = textsCache.get(locale) ?? partners.map((p) => directoryCard(p, locale));
  textsCache.set(locale, cached);
  return cached;
}

const cardsCache = new Map<Locale, CardsFile[]>();

/** The cards files of a language, SHARD_SIZE partners each. */
export function directoryCardsFiles(locale: Locale): CardsFile[] {
  const cached = cardsCache.get(locale);
  if (cached) return cached;
  const cards = buildCardsFiles(cardTexts(locale), directoryFacetsFiles().facets.digest);
  cardsCache.set(locale, cards);
  return cards;
}

const firstPagesCache = new Map<Locale, FirstPageFile[]>();

/** The first-page files of a language: one per value of each filter, PAGE_SIZE cards at most. */
export function directoryFirstPageFiles(locale: Locale): FirstPageFile[] {
  const cached = firstPagesCache.get(locale);
  if (cached) return cached;
  const { facets } = directoryFacetsFiles();
  const firsts = buildFirstPageFiles(
    indexEntries(),
    facets.values,
    cardTexts(locale),
    facets.digest,
    PAGE_SIZE,
  );
  firstPagesCache.set(locale, firsts);
  return firsts;
}

/** Paths of a language's first-page files, for getStaticPaths: `filter` is `<facet>-<value>`. */
export const firstPagePaths = (locale: Locale) =>
  directoryFirstPageFiles(locale).map((file) => ({
    params: { filter: `${file.facet}-${file.value}` },
    props: { file },
    cacheKey: fileKey(file),
  }));

/** Paths of a language's cards files, for getStaticPaths. */
export const cardsPaths = (locale: Locale) =>
  Array.from({ length: shardCount(partners.length, SHARD_SIZE) }, (_, shard) => {
    const file = directoryCardsFiles(locale)[shard]!;
    return { params: { shard: String(shard) }, props: { file }, cacheKey: fileKey(file) };
  });

export const jsonResponse = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
