/**
 * Browser test harness: serves a built site on 127.0.0.1 with a tiny static server and
 * opens it in Debian's Chromium through playwright-core (no browser is ever downloaded).
 *
 * - CHROMIUM_PATH overrides /usr/bin/chromium. A missing browser is an error, never a skip.
 * - Every browser gets a fresh, temporary profile.
 * - Requests to anything but the local server are blocked and reported: the site must
 *   not depend on third parties, and tests must not reach the network.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/lib/chromium.ts';

// One definition of how the project runs Debian's Chromium, shared with the build's PDFs.
export const CHROMIUM_PATH = chromiumPath();
export { CHROMIUM_ARGS };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  close(): Promise<void>;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** One rule of a `_headers` file: a path pattern, the headers it sets and those it detaches. */
interface HeaderRule {
  pattern: string;
  set: [string, string][];
  detach: string[];
}

/**
 * Reads a `_headers` file (Netlify, Cloudflare Pages) as those hosts do: rules in order, a
 * pattern ending in `*` matching every path that starts with what precedes it; a later
 * rule's value replaces an earlier one, and `! Name` removes the header earlier rules set.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) continue;
    const detach = /^\s*!\s*(\S+)\s*$/.exec(line);
    if (detach) rule.detach.push(detach[1]!.toLowerCase());
    else {
      const colon = line.indexOf(':');
      rule.set.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The headers the rules give a path. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const matches = rule.pattern.endsWith('*')
      ? pathname.startsWith(rule.pattern.slice(0, -1))
      : pathname === rule.pattern;
    if (!matches) continue;
    for (const name of rule.detach) delete headers[name];
    for (const [name, value] of rule.set) headers[name] = value;
  }
  return headers;
}

/**
 * Serves `root` as a static host would: index.html for folders (with a redirect to the
 * trailing-slash URL), 404.html with status 404 for anything else. With `headers`, every
 * response also carries the headers the build's `_headers` file gives its path, as Netlify
 * and Cloudflare Pages send them (framing rules can only be tested that way).
 */
export async function startStaticServer(
  root: string,
  options: { headers?: boolean } = {},
): Promise<StaticServer> {
  const base = path.resolve(root);
  const rules = options.headers ? parseHeadersFile(await readFile(path.join(base, '_headers'), 'utf8')) : [];
  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        response.writeHead(400).end('bad request');
        return;
      }
      const target = path.join(base, pathname);
      if (target !== base && !target.startsWith(base + path.sep)) {
        response.writeHead(403).end('forbidden');
        return;
      }
      let file: string | undefined;
      if (pathname.endsWith('/')) {
        if (await isFile(path.join(target, 'index.html'))) file = path.join(target, 'index.html');
      } else if (await isFile(target)) {
        file = target;
      } else if (await isFile(path.join(target, 'index.html'))) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      const status = file ? 200 : 404;
      file ??= path.join(base, '404.html');
      try {
        const body = await readFile(file);
        response.writeHead(status, {
          ...headersFor(rules, url.pathname),
          'content-type': contentType(file),
          'content-length': body.length,
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh temporary profile. Throws a clear error when it is missing. */
export async function launchBrowser(
  options: { width?: number; height?: number; javaScript?: boolean } = {},
): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Browser tests need it: install Debian's package ` +
        '(apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary. They never download one.',
    );
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'ad-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
      locale: 'fr-FR',
      javaScriptEnabled: options.javaScript ?? true,
      timeout: 60_000,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw new Error(`could not start Chromium at ${CHROMIUM_PATH}: ${String(error)}`, { cause: error });
  }
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface VisitedPage {
  page: Page;
  /** HTTP status of the main document. */
  status: number | undefined;
  /** console.error messages and uncaught exceptions. */
  errors: string[];
  /** Requests that failed, got an error status from the local server, or left the machine. */
  failedRequests: string[];
}

/**
 * Opens `urlPath` of `origin` in a new tab and records what went wrong while it loaded.
 * The recording goes on until the page is closed.
 */
export async function visit(context: BrowserContext, origin: string, urlPath: string): Promise<VisitedPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const failedRequests: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) {
      await route.continue();
    } else {
      failedRequests.push(`blocked request to ${url} (only ${origin} may be reached)`);
      await route.abort('blockedbyclient');
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location().url ? ` (${message.location().url})` : '';
      errors.push(`console.error: ${message.text()}${where}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(origin + '/')) {
      failedRequests.push(
        `${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`,
      );
    }
  });
  page.on('response', (response) => {
    // A document may be the 404 page on purpose: navigation statuses are returned by visit().
    const request = response.request();
    if (
      response.url().startsWith(origin + '/') &&
      response.status() >= 400 &&
      !request.isNavigationRequest()
    ) {
      failedRequests.push(`${request.method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });
  const response = await page.goto(origin + urlPath, { waitUntil: 'load', timeout: 60_000 });
  return { page, status: response?.status(), errors, failedRequests };
}

export interface Session {
  server: StaticServer;
  browser: Browser;
}

/**
 * A static server and a browser for one test file, started by the first test that asks
 * (so that a missing build or browser fails every test with its reason, rather than
 * skipping them) and stopped by `close()` in afterAll.
 */
export function lazySession(root: () => string): { get(): Promise<Session>; close(): Promise<void> } {
  let session: Promise<Session> | undefined;
  return {
    get() {
      session ??= (async () => {
        const server = await startStaticServer(root());
        try {
          return { server, browser: await launchBrowser() };
        } catch (error) {
          await server.close();
          throw error;
        }
      })();
      return session;
    },
    async close() {
      const started = await session?.catch(() => undefined);
      await started?.browser.close();
      await started?.server.close();
    },
  };
}

/**
 * Page helpers for a test file's session: `open` a page, or `withPage` to run checks on a
 * fresh tab and then assert that nothing went wrong (no console error, no failed request).
 */
export function pageHelpers(session: { get(): Promise<Session> }) {
  async function open(url: string): Promise<VisitedPage> {
    const { browser, server } = await session.get();
    return visit(browser.context, server.origin, url);
  }
  async function withPage(url: string, check: (page: Page, visited: VisitedPage) => Promise<void>) {
    const visited = await open(url);
    try {
      await check(visited.page, visited);
      expect(visited.errors, visited.errors.join('\n')).toEqual([]);
      expect(visited.failedRequests, visited.failedRequests.join('\n')).toEqual([]);
    } finally {
      await visited.page.close();
    }
  }
  return { open, withPage };
}
