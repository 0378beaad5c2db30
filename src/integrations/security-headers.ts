/**
 * Writes the HTTP headers for static hosts beside the built pages, at the end of
 * `astro build`: `_headers` (Netlify, Cloudflare Pages) and `nginx-headers.conf` (nginx),
 * from the policy of src/lib/security-policy.ts, the one the pages' <meta> carries.
 */
import { existsSync } from 'node:fs';
import { open, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  PATH_POLICIES,
  hashesInPage,
  headerDirectives,
  headersFile,
  nginxSnippet,
  type Directives,
} from '../lib/security-policy';

/** The files written into the build folder. */
export const HEADERS_FILE = '_headers';
export const NGINX_FILE = 'nginx-headers.conf';

/**
 * Astro writes the CSP <meta> near the top of <head> (within the first 3 kB today): the
 * start of a page is enough, and reading no more keeps 27,000 pages to a second or two.
 */
const HEAD_BYTES = 16 * 1024;

async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Every script and style hash of the built pages' <meta>. Astro gives every page the same
 * list today; a union keeps the headers right should that change. Pages are read a few
 * at a time (27,000 at the planned scale), and only their first kilobytes.
 */
async function collectHashes(dir: string): Promise<{ script: string[]; style: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const pages = entries.filter((e) => e.isFile() && e.name.endsWith('.html'));
  const script = new Set<string>();
  const style = new Set<string>();
  for (let i = 0; i < pages.length; i += 64) {
    const heads = await Promise.all(
      pages.slice(i, i + 64).map((e) => readHead(path.join(e.parentPath, e.name))),
    );
    for (const head of heads) {
      const hashes = hashesInPage(head);
      hashes.script.forEach((h) => script.add(h));
      hashes.style.forEach((h) => style.add(h));
    }
  }
  return { script: [...script].sort(), style: [...style].sort() };
}

/** `tiles`: the map's tile URL template, as the map uses it ('' for none). */
export function securityHeaders(options: { tiles: string }): AstroIntegration {
  return {
    name: 'alliance-dynamique:security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const site = headerDirectives(options.tiles, await collectHashes(out));
        // The path policies of folders where this build has pages (the CMS's /admin/ once
        // its page is there: its configuration file alone, public/admin/config.yml, needs none).
        const paths: Record<string, Directives> = {};
        for (const [prefix, { directives }] of Object.entries(PATH_POLICIES)) {
          if (await hasPages(path.join(out, prefix))) paths[prefix] = directives;
        }
        await writeFile(path.join(out, HEADERS_FILE), headersFile(site, paths));
        await writeFile(path.join(out, NGINX_FILE), nginxSnippet(site, paths));
        logger.info(`${HEADERS_FILE} and ${NGINX_FILE} written (security headers for static hosts)`);
      },
    },
  };
}

/** Whether `folder` holds an HTML page, at any depth. */
async function hasPages(folder: string): Promise<boolean> {
  if (!existsSync(folder)) return false;
  const entries = await readdir(folder, { recursive: true });
  return entries.some((entry) => entry.endsWith('.html'));
}
