/**
 * Global setup of the build and browser layers: builds the site once per `vitest run`
 * into tests/.tmp/dist (OUT_DIR), from the real content folder, as `npm run build` does
 * (astro build, then the search index).
 *
 * - REUSE_BUILD=1 keeps an existing tests/.tmp/dist (for local iteration).
 * - When the build fails, its whole output is printed here and handed to the tests
 *   (inject('siteBuild')): every test that needs the site then fails with that output,
 *   while the unit tests and the content-error tests still report their own results.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { DIST } from './paths';
import { runBuild } from './run';

export interface SiteBuild {
  ok: boolean;
  dist: string;
  /** The build's output when it failed (empty when it succeeded or was reused). */
  output: string;
  ms: number;
  reused: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteBuild: SiteBuild;
  }
}

// Both the build and the browser projects list this file; globalThis is shared by the
// whole vitest process, so the second project waits for the first one's build.
const KEY = Symbol.for('alliance-dynamique.siteBuild');
type WithBuild = typeof globalThis & { [KEY]?: Promise<SiteBuild> };

async function buildSite(): Promise<SiteBuild> {
  if (process.env['REUSE_BUILD'] === '1' && existsSync(DIST)) {
    console.log(`[build-site] REUSE_BUILD=1: using the existing build in ${DIST}`);
    return { ok: true, dist: DIST, output: '', ms: 0, reused: true };
  }
  await rm(DIST, { recursive: true, force: true });
  console.log(`[build-site] astro build and search index → ${DIST}`);
  // Vitest sets NODE_ENV=test, which Vite would pass on to the client bundles: React (in the
  // CMS at /admin/) would then ship its development build, twice as large. Build as npm run build does.
  const result = await runBuild([], DIST, {
    env: { OUT_DIR: DIST, NODE_ENV: 'production' },
    timeoutMs: 20 * 60_000,
  });
  const ok = result.code === 0 && existsSync(DIST);
  const seconds = (result.ms / 1000).toFixed(1);
  if (ok) {
    console.log(`[build-site] built in ${seconds} s`);
    return { ok, dist: DIST, output: '', ms: result.ms, reused: false };
  }
  const banner = `astro build FAILED (exit code ${String(result.code)}, ${seconds} s)`;
  console.error(
    `\n[build-site] ${banner}; its output:\n\n${result.output}\n[build-site] end of build output\n`,
  );
  return { ok: false, dist: DIST, output: `${banner}:\n${result.output}`, ms: result.ms, reused: false };
}

export default async function setup(project: TestProject): Promise<void> {
  const shared = globalThis as WithBuild;
  shared[KEY] ??= buildSite();
  project.provide('siteBuild', await shared[KEY]);
}
