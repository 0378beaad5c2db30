// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { loadEnv } from 'vite';
import { adminBundle } from './src/integrations/admin-bundle.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { BROCHURE_PAGE_FILE, brochurePdf } from './src/integrations/brochure-pdf.ts';
import { incrementalOutput } from './src/integrations/incremental-output.ts';
import { mapTilesTemplate } from './src/lib/map-tiles.ts';
import { SCRIPT_SOURCES, STYLE_SOURCES, astroDirectives, pageDirectives } from './src/lib/security-policy.ts';

// SITE_URL sets the public address used in canonical links, the sitemap and exports.
const site = process.env.SITE_URL ?? 'https://alliance-dynamique.example.org';
// The map's tiles, read as the map component reads them (environment, then .env files): the
// security policy lets images load from their server and no other.
const tiles = mapTilesTemplate(loadEnv('production', process.cwd(), 'PUBLIC_')['PUBLIC_MAP_TILES']);

export default defineConfig({
  site,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  i18n: {
    locales: ['fr', 'en'],
    defaultLocale: 'fr',
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    // The CMS's script (/admin/), bundled in a process of its own and cached: Decap's 3,000
    // modules would hold 600 MB of Astro's process for the whole build (the file says why).
    adminBundle(),
    mdx(),
    // No `i18n` option: with translated paths it compares every URL with every other
    // (minutes at 40,000 pages); each page's <head> already links its translation.
    // Left out of the sitemap: the CMS at /admin/ is for staff, and embed pages (/embed/…) are
    // made for other sites' iframes, not to be found on their own.
    sitemap({ filter: (page) => !/^\/(admin|embed)\//.test(new URL(page).pathname) }),
    // Search is indexed after the build, in its own process: scripts/search-index.ts.
    // _headers and nginx-headers.conf in the build folder, from the same policy as the <meta>.
    securityHeaders({ tiles }),
    // Each brochure printed to PDF with Chromium, and its page's download link (French line when Chromium is missing).
    brochurePdf(),
    // Unchanged pages stay in the build folder between incremental builds (the file says how).
    incrementalOutput({ rewritten: BROCHURE_PAGE_FILE }),
  ],
  security: {
    // A CSP <meta> in every page: the policy of src/lib/security-policy.ts, and the hashes of
    // the styles and scripts Astro emits: no 'unsafe-inline'.
    csp: {
      directives: astroDirectives(pageDirectives(tiles)),
      scriptDirective: { resources: [...SCRIPT_SOURCES] },
      styleDirective: { resources: [...STYLE_SOURCES] },
    },
  },
  image: {
    // Modern formats first; the <Picture> component falls back to the original.
    responsiveStyles: true,
  },
  markdown: {
    // Content has no code samples, and Shiki's inline styles would break the CSP.
    syntaxHighlight: false,
  },
  vite: {
    build: {
      // The build folder is emptied by src/integrations/incremental-output.ts, which spares
      // the pages an incremental build keeps.
      emptyOutDir: false,
      // Scripts always in files of their own, cached once for every page: Astro would inline a
      // small one (the header menu's, the embed's back link, the embed code form), and the pages
      // hold no inline script but data blocks (tests/build/site.test.ts).
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rollupOptions: {
        onwarn(warning, warn) {
          // Astro's MDX output carries a "use astro:head-inject" directive that the bundler
          // warns about on every MDX file; harmless (withastro/astro#18087).
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
  experimental: {
    // Incremental static builds: a page returned by getStaticPaths() with a cacheKey
    // (src/data/cache-keys.ts) is copied from the previous build when its key and the code it
    // imports are unchanged. The previous output lives in the cache folder (cacheDir, by
    // default node_modules/.astro/: incremental-build.json and dist/); keep it between
    // builds (README, Deploying). Pages without getStaticPaths() are rendered every time.
    incrementalBuild: true,
  },
  build: {
    // Two pages at a time: while one page's file is written, the next one renders. At 20,000
    // partners this took page generation from 72 s to 56 s for about 120 MB more memory;
    // four pages took it to 45 s but for 650 MB more.
    concurrency: 2,
    // Small stylesheets inline would need 'unsafe-inline' under a strict CSP.
    inlineStylesheets: 'never',
  },
});
