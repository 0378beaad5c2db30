/**
 * Access to the shared site build (tests/setup/build-site.ts) from the build and
 * browser layers.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';

/** The built site's folder; throws the build's output when the build failed. */
export function requireSite(): string {
  const build = inject('siteBuild');
  if (!build)
    throw new Error('no site build: run these tests through vitest.config.ts (globalSetup build-site.ts)');
  if (!build.ok) throw new Error(build.output);
  if (!existsSync(build.dist)) throw new Error(`the site build folder ${build.dist} does not exist`);
  return build.dist;
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

export interface Page {
  /** Path of the file inside the build, e.g. "en/case-studies/index.html". */
  file: string;
  /** Its URL path, e.g. "/en/case-studies/" ("/404.html" for the error page). */
  url: string;
  html: string;
}

/** Every HTML page of the build. */
export async function readPages(dist: string): Promise<Page[]> {
  const files = (await listFiles(dist)).filter((f) => f.endsWith('.html'));
  return Promise.all(
    files.map(async (file) => ({
      file,
      url: '/' + file.replace(/(^|\/)index\.html$/, '$1'),
      html: await readFile(path.join(dist, file), 'utf8'),
    })),
  );
}

/** The CMS (/admin/) is a single-page application for staff, not a page of the site. */
export const isSitePage = (page: { url: string }): boolean => !page.url.startsWith('/admin/');

/** The site's pages, for the tests that check every page: without the CMS (tests/build/admin.test.ts). */
export async function readSitePages(dist: string): Promise<Page[]> {
  return (await readPages(dist)).filter(isSitePage);
}

/**
 * The file a URL path is served from: "/a/" → a/index.html, "/a.css" → a.css.
 * Undefined when nothing in the build answers it.
 */
export function fileForUrl(dist: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '');
  } catch {
    return undefined;
  }
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const full = path.join(dist, relative);
  if (!full.startsWith(dist)) return undefined;
  return existsSync(full) && statSync(full).isFile() ? full : undefined;
}

/** The URLs listed in the build's sitemap(s), as paths ("/en/about/"). */
export async function sitemapPaths(dist: string): Promise<string[]> {
  const files = (await listFiles(dist)).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  const paths: string[] = [];
  for (const file of files) {
    const xml = await readFile(path.join(dist, file), 'utf8');
    for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(match[1]!.trim()).pathname);
  }
  return paths;
}
