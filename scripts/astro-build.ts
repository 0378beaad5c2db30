/**
 * `astro build` with the V8 heap of its process set from the content and the machine
 * (scripts/lib/build-heap.ts): the second step of `npm run build`, and the build that the
 * tests and the benchmark run.
 *
 *   node scripts/astro-build.ts [astro build options]    # e.g. --config tests/setup/astro.fixture.config.mjs
 *
 * Node's flags have to be given to the process that runs Astro: this script starts it, passes
 * its output through, and exits with its exit code. Should the build run out of heap, it is
 * run once more with half the machine's memory, saying so.
 *
 * Then, once Astro's process has exited, it prints the brochure PDFs the build listed
 * (scripts/print-brochures.ts, src/integrations/brochure-pdf.ts): Chromium's memory no longer
 * adds up with Astro's at the end of the build (2.6 GB for the two at 1,000 partners before).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  astroProcessEnv,
  OUT_OF_HEAP,
  buildNodeFlags,
  countContentEntries,
  fallbackOldSpaceMb,
  maxOldSpaceMb,
} from './lib/build-heap.ts';
import { SEARCH_INDEX_FOLLOWS_ENV } from '../src/lib/search.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO_BIN = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PRINT_BROCHURES = path.join(ROOT, 'scripts/print-brochures.ts');
/** The file where the build leaves its brochures to print (BROCHURE_JOB_ENV of brochure-pdf.ts). */
const jobFolder = await mkdtemp(path.join(os.tmpdir(), 'ad-brochure-job-'));
const JOB_FILE = path.join(jobFolder, 'job.json');

/** Runs the build with a heap of `oldSpaceMb`; resolves with its exit code and whether it ran out of heap. */
function run(oldSpaceMb: number): Promise<{ code: number; outOfHeap: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...buildNodeFlags(oldSpaceMb), ASTRO_BIN, 'build', ...process.argv.slice(2)],
      {
        stdio: ['inherit', 'inherit', 'pipe'],
        env: astroProcessEnv(process.env, { BROCHURE_PDF_JOB: JOB_FILE, [SEARCH_INDEX_FOLLOWS_ENV]: '1' }),
      },
    );
    let outOfHeap = false;
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      if (OUT_OF_HEAP.test(chunk.toString())) outOfHeap = true;
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 1 : 0), outOfHeap });
    });
  });
}

const entries = await countContentEntries(path.resolve(process.env['CONTENT_DIR'] ?? 'content'));
const heap = maxOldSpaceMb(entries, os.totalmem());
let result = await run(heap);
const fallback = fallbackOldSpaceMb(os.totalmem());
if (result.code !== 0 && result.outOfHeap && fallback > heap) {
  console.error(
    `[astro-build] le tas de ${String(heap)} Mo prévu pour ${String(entries)} fichiers de contenu n’a pas suffi : ` +
      `nouvelle construction avec ${String(fallback)} Mo (scripts/lib/build-heap.ts, PER_ENTRY_KB, est à relever).`,
  );
  result = await run(fallback);
}
if (result.code === 0 && existsSync(JOB_FILE)) {
  result.code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [PRINT_BROCHURES, JOB_FILE], { stdio: 'inherit' });
    child.on('close', (code) => resolve(code ?? 1));
  });
}
await rm(jobFolder, { recursive: true, force: true });
process.exitCode = result.code;
