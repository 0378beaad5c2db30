/**
 * /carte/points.json: the partner map's data, written once at build time for both
 * languages (see src/lib/map-points.ts for the format). Entries without coordinates are
 * placed at their commune or department (commune-positions.ts), marked approximate.
 *
 * A route with one path so that the file carries a cacheKey (src/data/cache-keys.ts): an
 * incremental build copies it from the last build unless a partner or a site-wide entry
 * changed, instead of placing 20,000 partners again after a case study's edit.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { partners } from '~/data/content';
import { mapDataKey } from '~/data/cache-keys';
import { buildMapData, toMapInput } from '~/lib/map-points';
import { placeOf } from '~/lib/commune-positions';

export const getStaticPaths = (() => [
  { params: { file: 'points' }, cacheKey: mapDataKey() },
]) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildMapData(partners.map(toMapInput), placeOf)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
