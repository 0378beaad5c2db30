/**
 * /partenaires/index-facets.json: the filter values of every partner, for the directory's
 * filters in both languages (format: src/lib/directory-index.ts).
 */
import type { APIRoute } from 'astro';
import { directoryFacetsFile, jsonResponse } from '~/data/directory-index';

export const GET: APIRoute = () => jsonResponse(directoryFacetsFile());
