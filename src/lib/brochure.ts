/**
 * Names shared by the brochure page (src/views/BrochurePage.astro) and the step that prints
 * it to PDF at the end of the build (src/integrations/brochure-pdf.ts).
 */
import type { Locale } from '../schemas/enums';

/** The PDF's file name, in the brochure page's folder: alliance-dynamique-selection-2026-en.pdf. */
export function brochurePdfName(slug: string, locale: Locale): string {
  return `alliance-dynamique-${slug}${locale === 'fr' ? '' : `-${locale}`}.pdf`;
}

/**
 * The empty element the page holds where the download goes. The PDF step replaces it with
 * the link, its size and page count, or removes it when no PDF was made.
 */
export function downloadMarker(pdfPath: string): string {
  return `<div data-brochure-pdf="${pdfPath}"></div>`;
}
export const DOWNLOAD_MARKER = /<div data-brochure-pdf="([^"]+)"><\/div>/;

/** The table of contents' page-number slot of the section with this id. */
export function pageSlot(id: string): string {
  return `<span class="toc__page" data-toc-page="${id}"></span>`;
}
export const PAGE_SLOT = /<span class="toc__page" data-toc-page="([^"]+)"><\/span>/g;

/** The id of a story's section in the brochure. */
export const storyId = (key: string): string => `etude-${key}`;
