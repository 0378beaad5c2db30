/**
 * The exported files of the partner directory, for the static endpoints beside this file
 * (Astro ignores files whose name starts with "_" when it lists routes).
 */
import type { APIContext } from 'astro';
import { partners } from '../../data/content';
import { openDataFiles, type OpenDataFiles } from '../../lib/open-data';

/** The published files, with absolute URLs built from the site's address (SITE_URL). */
export function published(context: Pick<APIContext, 'site'>): OpenDataFiles {
  if (!context.site) throw new Error('the open-data exports need `site` in astro.config.mjs (SITE_URL)');
  return openDataFiles(partners, context.site);
}

/** A file's response; the type tells browsers and spreadsheets how to read it. */
export function fileResponse(body: string, type: string): Response {
  return new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}
