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
  buildNodeFlags,
  fallbackOldSpaceMb,
  maxOldSpaceMb,
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
    const launcher = await readFile(path.join(ROOT, 'scripts/astro-build.ts'), 'utf8');
    expect(launcher).toMatch(/env: \{ \.\.\.ALLOCATOR_ENV, \.\.\.process\.env,/);
  });
});
