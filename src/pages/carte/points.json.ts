/**
 * /carte/points.json: the partner map's data, written once at build time for both
 * languages (see src/lib/map-points.ts for the format). Entries without coordinates are
 * placed at their commune or department (commune-positions.ts), marked approximate.
 */
import type { APIRoute } from 'astro';
import { partners } from '~/data/content';
import { buildMapData, toMapInput } from '~/lib/map-points';
import { placeOf } from '~/lib/commune-positions';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildMapData(partners.map(toMapInput), placeOf)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
