/**
 * /partenaires/index-first-region-32.json…: for one value of one filter, its number of
 * partners and the French cards of the first page of them (format:
 * src/lib/directory-index.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { firstPagePaths, jsonResponse } from '~/data/directory-index';
import type { FirstPageFile } from '~/lib/directory-index';

export const getStaticPaths = (() => firstPagePaths('fr')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonResponse((props as { file: FirstPageFile }).file);
