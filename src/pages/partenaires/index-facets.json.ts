/**
 * /partenaires/index-facets.json: the number of partners and the values of each filter,
 * for the directory's filters in both languages (format: src/lib/directory-index.ts).
 */
import type { APIRoute } from 'astro';
import { directoryFacetsFiles, jsonResponse } from '~/data/directory-index';

export const GET: APIRoute = () => jsonResponse(directoryFacetsFiles().facets);
