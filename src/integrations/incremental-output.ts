/**
 * Lets an incremental build (astro.config.mjs, `experimental.incrementalBuild`) leave its
 * unchanged pages where they are in the build folder, instead of copying them back from the
 * cache: at 20,000 partners the copies are 600 MB of writes, which cost more on the project's
 * machines than rendering the pages again.
 *
 * Astro empties the build folder before building, then copies each page it can skip from
 * `<cacheDir>/dist/`, unless the page is already in the build folder. With Astro's emptying off
 * (`vite.build.emptyOutDir: false`), this integration empties it itself, sparing only what
 * Astro may skip:
 *
 * - at `astro:build:start`, every file of the build folder is deleted except the pages of the
 *   previous build's incremental manifest (`<cacheDir>/incremental-build.json`) and the
 *   search index (pagefind/, which the index step after Astro keeps right; deleted too when no
 *   index step follows, see SEARCH_INDEX_FOLLOWS_ENV) — and the
 *   whole folder is emptied unless the previous build into this very folder completed with
 *   that manifest (a build that failed half-way, or one made into another folder, may have
 *   left pages that the manifest does not describe);
 * - pages that an integration rewrites after Astro wrote them (`rewritten`: the brochure pages,
 *   which get their PDF link) are deleted too: Astro then copies its own version back;
 * - at `astro:build:done`, the pages of the previous manifest that this build no longer made
 *   (a partner removed) are deleted, and the build is marked complete.
 *
 * The build folder then holds what a build into an empty folder would hold
 * (tests/build/incremental.test.ts compares them byte for byte).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SEARCH_BUNDLE_PATHS, SEARCH_INDEX_FOLLOWS_ENV } from '../lib/search';

/** Astro's manifest (astro/dist/core/build/incremental.js): each keyed page's output file. */
interface IncrementalManifest {
  routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
}

const MANIFEST = 'incremental-build.json';
/** This integration's record of the last complete build: its folder and its manifest. */
const COMPLETE = 'incremental-output.json';

async function manifestOutputs(
  cacheDir: string,
): Promise<{ files: Set<string>; digest: string } | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(cacheDir, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  const manifest = JSON.parse(text) as IncrementalManifest;
  const files = new Set<string>();
  for (const route of Object.values(manifest.routes)) {
    for (const entry of Object.values(route.paths)) files.add(entry.outputFile);
  }
  return { files, digest: createHash('sha256').update(text).digest('hex') };
}

/**
 * The search index's folder (SEARCH_BUNDLE_PATHS.site): written after Astro by the index step
 * (scripts/lib/search-index.ts), which makes every file in it right on each run, leaving in
 * place the files of a bundle it did not index again. Pruning it would delete, then have that
 * step put back, 40,000 files at 20,000 partners.
 */
const SEARCH_INDEX_FOLDER = SEARCH_BUNDLE_PATHS.site.replace(/^\/|\/$/g, '');

/**
 * Deletes the files of `dir` that `keep` does not name (paths relative to `root`), then empty
 * folders; the search index's folder is left to its own step.
 */
async function prune(root: string, dir: string, keep: (relative: string) => boolean): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (dir === root && entry.name === SEARCH_INDEX_FOLDER) return;
      if (entry.isDirectory()) {
        await prune(root, full, keep);
        await rmdir(full).catch(() => undefined);
      } else if (!keep(path.relative(root, full).split(path.sep).join('/'))) {
        await rm(full, { force: true });
      }
    }),
  );
}

export function incrementalOutput(options: { rewritten?: RegExp } = {}): AstroIntegration {
  let cacheDir = '';
  let outDir = '';
  let previous: Set<string> = new Set();
  return {
    name: 'alliance-dynamique:incremental-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async ({ logger }) => {
        const complete = path.join(cacheDir, COMPLETE);
        const record = existsSync(complete)
          ? (JSON.parse(await readFile(complete, 'utf8')) as { outDir: string; manifest: string })
          : undefined;
        // Until this build completes, the folder is not one the manifest describes.
        await rm(complete, { force: true });
        const outputs = await manifestOutputs(cacheDir);
        previous =
          outputs && record?.outDir === outDir && record.manifest === outputs.digest
            ? outputs.files
            : new Set();
        if (!existsSync(outDir)) return;
        if (previous.size === 0) {
          await rm(outDir, { recursive: true, force: true });
          return;
        }
        const index = path.join(outDir, SEARCH_INDEX_FOLDER);
        if (!process.env[SEARCH_INDEX_FOLLOWS_ENV] && existsSync(index)) {
          await rm(index, { recursive: true, force: true });
          logger.warn(
            `index de recherche (${SEARCH_INDEX_FOLDER}/) supprimé : il décrivait la construction précédente, ` +
              'et `astro build` seul ne le refait pas. Lancez `npm run build`, qui le refait.',
          );
        }
        const { rewritten } = options;
        await prune(outDir, outDir, (file) => previous.has(file) && !(rewritten?.test(file) ?? false));
      },
      'astro:build:done': async () => {
        const outputs = await manifestOutputs(cacheDir);
        if (!outputs) return;
        for (const file of previous) {
          if (outputs.files.has(file)) continue;
          await rm(path.join(outDir, file), { force: true });
          // Its folder too, when it held nothing else (a build into an empty folder has none).
          await rmdir(path.dirname(path.join(outDir, file))).catch(() => undefined);
        }
        await writeFile(path.join(cacheDir, COMPLETE), JSON.stringify({ outDir, manifest: outputs.digest }));
      },
    },
  };
}
