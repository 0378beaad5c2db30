/**
 * The open-data files of the partner directory (DATA_FILES: /donnees/partenaires.csv, .json,
 * .geojson and their table schema), one route for the four so that each carries a cacheKey:
 * an incremental build copies them from the last build unless a partner, the site-wide
 * entries or the site's address changed (openDataKey). At 20,000 partners they are some
 * 100 MB of text, built again otherwise after every edit of a case study.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DATA_FILES, type DataFile } from '~/lib/urls';
import { openDataKey } from '~/data/cache-keys';
import { fileResponse, published } from './_published';

/** Each file's media type: it tells browsers and spreadsheets how to read it. */
const TYPES: Record<DataFile, string> = {
  csv: 'text/csv',
  json: 'application/json',
  geojson: 'application/geo+json',
  schema: 'application/json',
};

export const getStaticPaths = (() =>
  (Object.keys(DATA_FILES) as DataFile[]).map((kind) => ({
    params: { file: DATA_FILES[kind] },
    props: { kind },
    cacheKey: openDataKey(import.meta.env.SITE ?? ''),
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ kind: DataFile }> = (context) =>
  fileResponse(published(context)[context.props.kind], TYPES[context.props.kind]);
