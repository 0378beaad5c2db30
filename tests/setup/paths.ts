/** Folders the test layers share. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Scratch space of the tests (git-ignored). */
export const TMP = path.join(ROOT, 'tests/.tmp');
/** The site build shared by the build and browser layers. */
export const DIST = path.join(TMP, 'dist');
/** Astro's command-line entry point, run with the same Node as the tests. */
export const ASTRO_BIN = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
/** The first step of the build: the content check. */
/** `astro build` with the build's V8 flags, as `npm run build` runs it (scripts/astro-build.ts). */
export const ASTRO_BUILD_BIN = path.join(ROOT, 'scripts/astro-build.ts');
export const CHECK_CONTENT_BIN = path.join(ROOT, 'scripts/check-content.ts');
/** The last step of the build: the search index. */
export const SEARCH_INDEX_BIN = path.join(ROOT, 'scripts/search-index.ts');
