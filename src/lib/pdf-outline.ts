/**
 * Reads what a PDF says about itself with pdf-lib (pure JavaScript): its page count, title,
 * language and outline (bookmarks) with the page each entry leads to. The brochure step of
 * the build takes the table of contents' page numbers from the outline of a first print;
 * the tests read the same things from the published files.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** 0-based index of the page it leads to; undefined when its destination is not a page. */
  page: number | undefined;
  depth: number;
}

export interface PdfFacts {
  pages: number;
  title: string | undefined;
  lang: string | undefined;
  outline: OutlineEntry[];
}

function text(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const outline: OutlineEntry[] = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    // A malformed file could loop: stop after as many entries as it has objects.
    let guard = doc.context.largestObjectNumber + 1;
    for (let item = first; item && guard-- > 0; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      let dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
      const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
      if (!dest && action) dest = action.lookupMaybe(PDFName.of('D'), PDFArray);
      outline.push({
        title: text(item.lookup(PDFName.of('Title'))) ?? '',
        page: dest ? pageIndex.get(dest.get(0).toString()) : undefined,
        depth,
      });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  walk(root?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return {
    pages: doc.getPageCount(),
    title: doc.getTitle(),
    lang: text(doc.catalog.lookup(PDFName.of('Lang'))),
    outline,
  };
}

/**
 * Outline titles are a heading's text as laid out: Chromium drops the space where a line
 * wrapped ("tient lePoint Poste"). Compare titles without their white space.
 */
export function sameTitle(a: string, b: string): boolean {
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  return squeeze(a) === squeeze(b);
}
