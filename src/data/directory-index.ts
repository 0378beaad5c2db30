/**
 * The directory's static index at build time (format: src/lib/directory-index.ts): the
 * facets file, shared by both languages, and the cards files of each language, from the
 * same partners in the same order as the static pages, with the same card texts.
 */
import type { Locale } from '../schemas/enums';
import { FACETS, type Facet } from '../lib/directory';
import {
  SHARD_SIZE,
  buildCardsFiles,
  buildFacetsFile,
  shardCount,
  type CardsFile,
  type FacetsFile,
} from '../lib/directory-index';
import { partners } from './content';
import { directoryCard, directoryFacets, entryFacets } from './directory';

let facets: FacetsFile | undefined;

/** The facets file: every partner's filter values, with the form's values (directoryFacets). */
export function directoryFacetsFile(): FacetsFile {
  if (facets) return facets;
  // The form's values are the same in both languages: only their labels differ.
  const options = directoryFacets('fr');
  const values = Object.fromEntries(FACETS.map((f) => [f, options[f].map((o) => o.value)])) as Record<
    Facet,
    string[]
  >;
  facets = buildFacetsFile(
    partners.map((p) => ({ id: p.id, facets: entryFacets(p) })),
    values,
  );
  return facets;
}

const cardsCache = new Map<Locale, CardsFile[]>();

/** The cards files of a language, SHARD_SIZE partners each. */
export function directoryCardsFiles(locale: Locale): CardsFile[] {
  const cached = cardsCache.get(locale);
  if (cached) return cached;
  const files = buildCardsFiles(
    partners.map((p) => {
      const card = directoryCard(p, locale);
      return {
        title: card.title,
        href: card.href,
        place: card.place,
        summary: card.summary,
        hreflang: card.hreflang,
        summaryLang: card.summaryLang,
      };
    }),
    directoryFacetsFile().digest,
  );
  cardsCache.set(locale, files);
  return files;
}

/** Paths of a language's cards files, for getStaticPaths. */
export const cardsPaths = (locale: Locale) =>
  Array.from({ length: shardCount(partners.length, SHARD_SIZE) }, (_, shard) => ({
    params: { shard: String(shard) },
    props: { file: directoryCardsFiles(locale)[shard]! },
  }));

export const jsonResponse = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json; charset=utf-8' } });
