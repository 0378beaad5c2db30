/**
 * /carte/points.json: the partner map's data, written once at build time for both
 * languages (see src/lib/map-points.ts for the format).
 */
import type { APIRoute } from 'astro';
import { partners } from '~/data/content';
import { buildMapData, toMapInput } from '~/lib/map-points';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildMapData(partners.map(toMapInput))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
