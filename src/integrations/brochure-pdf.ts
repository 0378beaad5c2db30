/**
 * Prints every brochure page to PDF at the end of `astro build`, with Debian's Chromium
 * (playwright-core; never a downloaded browser): A4 as the page's print stylesheet lays it
 * out, tagged for accessibility, with an outline (bookmarks) from its headings, the page's
 * title and language, fonts embedded (Chromium embeds the subsets it uses).
 *
 * Table of contents: Chromium does not support `target-counter()`, so the page numbers come
 * from a first print: its outline gives the page of each section's heading; they are written
 * into the page and it is printed again (the numbers' width cannot move a page break: each
 * section starts a page, and the contents fit one). The second print's outline is checked
 * against the numbers written.
 *
 * Then each page gets its download link, with the PDF's size and page count, in place of
 * its marker (src/lib/brochure.ts), and the page numbers in its table of contents (for the
 * browser's own print). Without Chromium, one French line says so, the markers go, and
 * the rest of the site is built as usual: the pages offer no download.
 *
 * Cached: a PDF is a function of its page's HTML (which names every stylesheet, font and image
 * by a hash of its content) and of the Chromium that prints it. Each print is kept in the
 * cache folder (`<cacheDir>/brochure-pdf/<hash>.pdf`, with its page numbers), and a build
 * whose page is unchanged reuses it instead of starting Chromium: an edit elsewhere on the
 * site costs no print.
 *
 * Printed once Astro has exited, under `npm run build`: scripts/astro-build.ts names a job file
 * in BROCHURE_PDF_JOB, this integration writes what to print into it at the end of the build,
 * and scripts/print-brochures.ts prints after Astro's process is gone. Chromium's processes
 * take about 1.2 GB; printing inside Astro's process added them to Astro's own memory at its
 * peak. A plain `astro build` (no job file named) prints at the end of the build as before.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { chromium } from 'playwright-core';
import { DOWNLOAD_MARKER, PAGE_SLOT } from '../lib/brochure';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium';
import { readPdf, sameTitle } from '../lib/pdf-outline';
import { t } from '../i18n';
import type { Locale } from '../schemas/enums';

/**
 * Chromium in one process (browser, renderer, GPU and utilities together; no zygote): 0.6 GB
 * for the printing step instead of 1.2–1.5 GB over a dozen processes, each of which maps its own
 * copy of Chromium's code. Measured on the two brochures of content/: the PDFs' pages render the
 * same pixels (pdftoppm at 110 dpi) and hold the same text; they are 3 % smaller, as the bold
 * font is embedded once instead of three times (one subset per renderer before).
 */
const PRINT_ARGS = ['--single-process', '--no-zygote'];

/** A brochure page's path: /brochures/<slug>/ or /en/brochures/<slug>/. */
const BROCHURE_PAGE = /^(?:(en)\/)?brochures\/[^/]+\/$/;
/** The file of a brochure page in the build folder, which this integration rewrites (incremental-output.ts). */
export const BROCHURE_PAGE_FILE = /^(?:en\/)?brochures\/[^/]+\/index\.html$/;

export interface BrochurePdf {
  /** URL path of the page, e.g. /en/brochures/selection-2026/. */
  page: string;
  /** URL path of the PDF. */
  pdf: string;
  bytes: number;
  pages: number;
  ms: number;
  /** Taken from the cache (the page had not changed): Chromium did not print it. */
  cached?: boolean;
}

/** "621 ko", "1,4 Mo": kilobytes below a megabyte, else megabytes with one decimal. */
export function formatSize(bytes: number, locale: Locale): string {
  const tr = t(locale);
  if (bytes < 1024 * 1024) {
    return tr('brochure.kilobytes', { size: Math.max(1, Math.round(bytes / 1024)) });
  }
  const mb = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 1,
  }).format(bytes / (1024 * 1024));
  return tr('brochure.megabytes', { size: mb });
}

/** The download block that replaces a page's marker. */
export function downloadHtml(pdf: string, bytes: number, pages: number, locale: Locale): string {
  const tr = t(locale);
  const meta = tr('brochure.downloadMeta', { size: formatSize(bytes, locale), pages });
  return (
    `<p class="brochure-download"><a href="${pdf}" type="application/pdf" download>` +
    `${tr('brochure.download')}</a> <span class="brochure-download__meta">(${meta})</span></p>`
  );
}

async function serveFile(out: string, pathname: string): Promise<string | undefined> {
  const target = path.join(out, decodeURIComponent(pathname));
  if (!target.startsWith(out + path.sep)) return undefined;
  const file = pathname.endsWith('/') ? path.join(target, 'index.html') : target;
  try {
    return (await stat(file)).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Prints the brochure pages of `out` (a built site whose public address is `site`).
 * Pages are opened at their public address; every request to it is answered from `out`,
 * and any other is refused: the PDF's links lead to the live site, and nothing is fetched
 * from elsewhere.
 */
export async function renderBrochures(
  out: string,
  site: string,
  pagePaths: string[],
  log: (line: string) => void,
  cacheFolder?: string,
): Promise<BrochurePdf[]> {
  const origin = new URL(site).origin;
  const results: BrochurePdf[] = [];
  // Pages whose print is cached are filled in from it; Chromium starts only for the others.
  const toPrint: string[] = [];
  for (const pagePath of pagePaths) {
    const cached = cacheFolder ? await fromCache(out, pagePath, cacheFolder) : undefined;
    if (cached) {
      results.push(cached);
      log(`${cached.pdf} : ${cached.pages} pages, ${formatSize(cached.bytes, 'fr')}, inchangé (cache)`);
    } else toPrint.push(pagePath);
  }
  if (toPrint.length === 0) return results;
  const profile = await mkdtemp(path.join(os.tmpdir(), 'ad-brochure-pdf-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...PRINT_ARGS],
    timeout: 60_000,
  });
  try {
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === origin ? await serveFile(out, url.pathname) : undefined;
      if (file) await route.fulfill({ path: file });
      else if (url.origin === origin) await route.fulfill({ status: 404, body: '' });
      else await route.abort('blockedbyclient');
    });
    // The tab the context opens with: a second one would be a second renderer.
    const page = context.pages()[0] ?? (await context.newPage());
    for (const pagePath of toPrint) {
      const started = Date.now();
      const htmlFile = path.join(out, pagePath, 'index.html');
      const html = await readFile(htmlFile, 'utf8');
      const pdfPath = DOWNLOAD_MARKER.exec(html)?.[1];
      if (!pdfPath) continue;
      const locale: Locale = BROCHURE_PAGE.exec(pagePath.slice(1))?.[1] === 'en' ? 'en' : 'fr';
      await page.goto(new URL(pagePath, origin).href, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      // The headings the table of contents lists, by section id.
      const sections = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-toc-page]')].map((slot) => {
          const id = slot.dataset['tocPage'] ?? '';
          return { id, heading: document.getElementById(id)?.querySelector('h2')?.textContent ?? '' };
        }),
      );
      const print = () =>
        page.pdf({
          format: 'A4',
          preferCSSPageSize: true,
          printBackground: true,
          tagged: true,
          outline: true,
        });
      const pagesOf = async (pdf: Uint8Array) => {
        const { outline } = await readPdf(pdf);
        const numbers: Record<string, number> = {};
        for (const { id, heading } of sections) {
          const entry = outline.find((e) => e.depth === 1 && sameTitle(e.title, heading));
          if (entry?.page === undefined) {
            throw new Error(
              `${pagePath} : le PDF n’a pas de signet « ${heading} » (#${id}) ; ce titre de section doit rester un <h2>`,
            );
          }
          numbers[id] = entry.page + 1;
        }
        return numbers;
      };
      let numbers = await pagesOf(await print());
      let pdf: Uint8Array | undefined;
      for (let attempt = 0; attempt < 3 && !pdf; attempt++) {
        await page.evaluate((n) => {
          for (const slot of document.querySelectorAll<HTMLElement>('[data-toc-page]')) {
            slot.textContent = String(n[slot.dataset['tocPage'] ?? ''] ?? '');
          }
        }, numbers);
        const next = await print();
        const check = await pagesOf(next);
        if (sections.every(({ id }) => check[id] === numbers[id])) pdf = next;
        numbers = check;
      }
      if (!pdf)
        throw new Error(`${pagePath} : les numéros de page du sommaire changent d’une impression à l’autre`);
      const facts = await readPdf(pdf);
      await writeFile(path.join(out, pdfPath), pdf);
      await writeFile(htmlFile, filledHtml(html, pdfPath, pdf.byteLength, facts.pages, numbers, locale));
      if (cacheFolder) await toCache(cacheFolder, html, pdf, { pages: facts.pages, numbers });
      const result = {
        page: pagePath,
        pdf: pdfPath,
        bytes: pdf.byteLength,
        pages: facts.pages,
        ms: Date.now() - started,
      };
      results.push(result);
      log(`${pdfPath} : ${facts.pages} pages, ${formatSize(pdf.byteLength, 'fr')}, en ${result.ms} ms`);
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
  return results;
}

/** The page with its download link and its table of contents' page numbers. */
function filledHtml(
  html: string,
  pdfPath: string,
  bytes: number,
  pages: number,
  numbers: Record<string, number>,
  locale: Locale,
): string {
  return html
    .replace(DOWNLOAD_MARKER, downloadHtml(pdfPath, bytes, pages, locale))
    .replace(PAGE_SLOT, (slot, id: string) => slot.replace('></span>', `>${numbers[id] ?? ''}</span>`));
}

interface CachedPrint {
  pages: number;
  numbers: Record<string, number>;
}

/** The cache's name of a page's print: its HTML as built (marker included) and the Chromium that prints it. */
const printKey = (html: string) =>
  createHash('sha256').update(chromiumPath()).update('\0').update(html).digest('hex').slice(0, 32);

async function fromCache(out: string, pagePath: string, folder: string): Promise<BrochurePdf | undefined> {
  const started = Date.now();
  const htmlFile = path.join(out, pagePath, 'index.html');
  const html = await readFile(htmlFile, 'utf8');
  const pdfPath = DOWNLOAD_MARKER.exec(html)?.[1];
  if (!pdfPath) return undefined;
  const key = printKey(html);
  let pdf: Buffer;
  let facts: CachedPrint;
  try {
    pdf = await readFile(path.join(folder, `${key}.pdf`));
    facts = JSON.parse(await readFile(path.join(folder, `${key}.json`), 'utf8')) as CachedPrint;
  } catch {
    return undefined;
  }
  const locale: Locale = BROCHURE_PAGE.exec(pagePath.slice(1))?.[1] === 'en' ? 'en' : 'fr';
  await writeFile(path.join(out, pdfPath), pdf);
  await writeFile(htmlFile, filledHtml(html, pdfPath, pdf.byteLength, facts.pages, facts.numbers, locale));
  return {
    page: pagePath,
    pdf: pdfPath,
    bytes: pdf.byteLength,
    pages: facts.pages,
    ms: Date.now() - started,
  };
}

async function toCache(folder: string, html: string, pdf: Uint8Array, facts: CachedPrint): Promise<void> {
  const key = printKey(html);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, `${key}.pdf`), pdf);
  await writeFile(path.join(folder, `${key}.json`), JSON.stringify(facts));
}

/** Removes the download markers: no PDF, no link. */
async function dropMarkers(out: string, pagePaths: string[]): Promise<void> {
  for (const pagePath of pagePaths) {
    const file = path.join(out, pagePath, 'index.html');
    const html = await readFile(file, 'utf8');
    await writeFile(file, html.replace(DOWNLOAD_MARKER, ''));
  }
}

/** What a build leaves to print: its folder, its public address, its brochure pages and the cache. */
export interface BrochureJob {
  out: string;
  site: string;
  pagePaths: string[];
  cacheFolder: string;
}

/** The variable naming the file where the build writes its BrochureJob instead of printing. */
export const BROCHURE_JOB_ENV = 'BROCHURE_PDF_JOB';

/**
 * Prints a build's brochures (or takes them from the cache) and fills in their pages; without
 * Chromium, says so in one French line and removes the download markers.
 */
export async function printBrochures(
  { out, site, pagePaths, cacheFolder }: BrochureJob,
  logger: { info: (line: string) => void; warn: (line: string) => void },
): Promise<void> {
  if (pagePaths.length === 0) return;
  const browser = chromiumPath();
  if (!existsSync(browser)) {
    await dropMarkers(out, pagePaths);
    logger.warn(
      `Chromium introuvable (${browser}) : les brochures ne sont pas imprimées en PDF et leurs pages n’en proposent pas ; le reste du site est construit (installez le paquet chromium ou indiquez CHROMIUM_PATH).`,
    );
    return;
  }
  const started = Date.now();
  const results = await renderBrochures(out, site, pagePaths, (line) => logger.info(line), cacheFolder);
  const printed = results.filter((r) => !r.cached).length;
  logger.info(
    `${results.length} brochure(s) en PDF en ${Date.now() - started} ms : ${printed} imprimée(s), ${results.length - printed} reprise(s) du cache`,
  );
}

export function brochurePdf(): AstroIntegration {
  let site = '';
  let cacheFolder = '';
  return {
    name: 'alliance-dynamique:brochure-pdf',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? 'http://localhost/';
        cacheFolder = fileURLToPath(new URL('brochure-pdf/', config.cacheDir));
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir).replace(/\/$/, '');
        const pagePaths = pages
          .map((p) => (p.pathname.startsWith('/') ? p.pathname : `/${p.pathname}`))
          .filter((p) => BROCHURE_PAGE.test(p.slice(1)));
        const job: BrochureJob = { out, site, pagePaths, cacheFolder };
        const jobFile = process.env[BROCHURE_JOB_ENV];
        if (jobFile) {
          await writeFile(jobFile, JSON.stringify(job));
          if (pagePaths.length > 0)
            logger.info(`${pagePaths.length} brochure(s) à mettre en PDF une fois Astro terminé`);
          return;
        }
        await printBrochures(job, logger);
      },
    },
  };
}
