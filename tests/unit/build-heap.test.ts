/**
 * The build's V8 heap is set by the build itself (scripts/astro-build.ts, flags from
 * scripts/lib/build-heap.ts), on every path that builds the site: `npm run build`, the tests'
 * builds and the benchmark.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  ALLOCATOR_ENV,
  INDEX_MIN_OLD_SPACE_MB,
  astroProcessEnv,
  buildNodeFlags,
  fallbackOldSpaceMb,
  indexOldSpaceMb,
  maxOldSpaceMb,
  runWorkerWithHeap,
} from '../../scripts/lib/build-heap';
import { ROOT } from '../setup/paths';

const GB = 1024 ** 3;
const flagValue = (flags: string[], name: string) =>
  Number(flags.find((f) => f.startsWith(`${name}=`))?.slice(name.length + 1));

describe('the build heap', () => {
  test('npm run build runs astro build through the launcher that sets the heap', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['build']).toContain('node scripts/astro-build.ts');
    expect(pkg.scripts['build']).not.toMatch(/(^|&& )astro build/);
  });

  test('the tests and the benchmark build through the same launcher', async () => {
    const run = await readFile(path.join(ROOT, 'tests/setup/run.ts'), 'utf8');
    const bench = await readFile(path.join(ROOT, 'scripts/bench.ts'), 'utf8');
    expect(run).toContain('runNode([ASTRO_BUILD_BIN');
    expect(bench).toContain("path.join(ROOT, 'scripts/astro-build.ts')");
  });

  test('the launcher gives the build process a maximum old space', () => {
    expect(flagValue(buildNodeFlags(1500), '--max-old-space-size')).toBe(1500);
  });

  test('the heap grows with the content: about 900 MB at 20,000 partners, 4 GB at 100,000', () => {
    expect(maxOldSpaceMb(20_100, 24 * GB)).toBeGreaterThanOrEqual(900);
    expect(maxOldSpaceMb(20_100, 24 * GB)).toBeLessThan(1000);
    expect(maxOldSpaceMb(100_100, 24 * GB)).toBeGreaterThan(3900);
    expect(maxOldSpaceMb(100, 24 * GB)).toBe(768);
  });

  test('the heap never takes more than half of the machine, the ceiling a failed build is retried with', () => {
    expect(maxOldSpaceMb(1_000_000, 24 * GB)).toBe(fallbackOldSpaceMb(24 * GB));
    expect(fallbackOldSpaceMb(24 * GB)).toBe(12288);
    expect(fallbackOldSpaceMb(256 * GB)).toBe(16384);
  });

  test("the launcher starts Astro with mimalloc's eager commit off and no purge delay, unless the environment says otherwise", async () => {
    expect(ALLOCATOR_ENV).toEqual({ MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0' });
    const env = astroProcessEnv(
      { MIMALLOC_PURGE_DELAY: '10', PATH: '/bin' },
      { BROCHURE_PDF_JOB: '/tmp/job' },
    );
    expect(env).toEqual({
      MIMALLOC_ARENA_EAGER_COMMIT: '0',
      MIMALLOC_PURGE_DELAY: '10',
      PATH: '/bin',
      BROCHURE_PDF_JOB: '/tmp/job',
    });
    const launcher = await readFile(path.join(ROOT, 'scripts/astro-build.ts'), 'utf8');
    expect(launcher).toMatch(/env: astroProcessEnv\(process\.env,/);
  });
});

/** A worker module given as a data: URL. */
const workerModule = (code: string) => new URL(`data:text/javascript,${encodeURIComponent(code)}`);

describe('the index step heap', () => {
  test('the index step gets a heap with a floor, growing with the pages, within half the machine', () => {
    expect(indexOldSpaceMb(100, 24 * GB)).toBe(INDEX_MIN_OLD_SPACE_MB);
    expect(indexOldSpaceMb(130_000, 24 * GB)).toBeGreaterThan(indexOldSpaceMb(26_000, 24 * GB));
    expect(indexOldSpaceMb(10_000_000, 4 * GB)).toBe(fallbackOldSpaceMb(4 * GB));
  });

  test('a worker that outgrows its heap is reported as out of heap, not as a crash of the process', async () => {
    const hog = workerModule('const kept = []; for (;;) kept.push(new Array(100_000).fill(Math.random()));');
    await expect(runWorkerWithHeap(hog, undefined, 32)).resolves.toEqual({ outOfHeap: true });
  });

  test('a worker that ends within its heap is not', async () => {
    const done = workerModule(
      "import { workerData } from 'node:worker_threads'; if (workerData !== 'job') throw new Error('no job');",
    );
    await expect(runWorkerWithHeap(done, 'job', 64)).resolves.toEqual({ outOfHeap: false });
  });

  test("a worker's own error rejects with its message", async () => {
    const failing = workerModule("throw new Error('indexing failed');");
    await expect(runWorkerWithHeap(failing, undefined, 64)).rejects.toThrow('indexing failed');
  });

  test('the index step indexes in a worker whose heap is sized from the pages', async () => {
    const script = await readFile(path.join(ROOT, 'scripts/search-index.ts'), 'utf8');
    expect(script).toMatch(/runWorkerWithHeap\(new URL\(import\.meta\.url\), job, heap\)/);
    expect(script).toContain('indexOldSpaceMb(pages');
  });
});
