/**
 * Full-page screenshots of the built site at 390 px (phone) and 1280 px (desktop) wide,
 * into tests/.tmp/screenshots/, to look at pages as a person would.
 *
 *   npm run screenshots                      # the pages below, from tests/.tmp/dist
 *   npm run screenshots -- /a-propos/ /en/   # other pages
 *   SCREENSHOT_DIST=dist npm run screenshots # another build folder
 *
 * The build folder is built first (astro build with OUT_DIR) when it does not exist.
 * Runs directly on Node 22 (type stripping): imports carry their .ts extension.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, startStaticServer, visit } from './harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.resolve(ROOT, process.env['SCREENSHOT_DIST'] ?? 'tests/.tmp/dist');
const OUT = path.join(ROOT, 'tests/.tmp/screenshots');
const WIDTHS = [390, 1280];

const DEFAULT_URLS = [
  '/',
  '/etudes-de-cas/',
  '/etudes-de-cas/loos-point-poste-ess/',
  '/partenaires/',
  '/partenaires/la-fabrique-de-l-emploi/',
  '/engagements/',
  '/brochures/',
  '/a-propos/',
  '/en/',
  '/en/case-studies/loos-ess-post-point/',
  '/404.html',
];

const urls = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_URLS;

if (!existsSync(DIST)) {
  console.log(`${DIST} does not exist: building the site into it…`);
  // astro build as npm run build runs it, with the build's V8 flags.
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/astro-build.ts')], {
    cwd: ROOT,
    env: { ...process.env, OUT_DIR: DIST },
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await mkdir(OUT, { recursive: true });
const server = await startStaticServer(DIST);
let problems = 0;
try {
  for (const width of WIDTHS) {
    const browser = await launchBrowser({ width, height: 900 });
    try {
      for (const url of urls) {
        const visited = await visit(browser.context, server.origin, url);
        const name = url.replace(/^\/|\/$/g, '').replace(/[^a-z0-9.-]+/gi, '_') || 'home';
        const file = path.join(OUT, `${name}@${width}.png`);
        await visited.page.screenshot({ path: file, fullPage: true });
        const notes = [...visited.errors, ...visited.failedRequests];
        if (visited.status !== 200 && url !== '/404.html') notes.unshift(`HTTP ${String(visited.status)}`);
        problems += notes.length;
        console.log(`${path.relative(ROOT, file)}${notes.length ? `\n  ${notes.join('\n  ')}` : ''}`);
        await visited.page.close();
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
if (problems > 0) console.log(`${problems} problem(s) noted above.`);
