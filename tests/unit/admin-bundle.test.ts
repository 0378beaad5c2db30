/**
 * The CMS's script is bundled outside Astro's process and cached (src/integrations/admin-bundle.ts):
 * a cached bundle is used only while every file it was made from, the lockfile and the
 * bundling script are unchanged, and every file of it is still there.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bundleKey, cachedBundle, type BundleRecord } from '../../src/integrations/admin-bundle';

const BASE = '/_astro/';
let root: string;
let folder: string;

/** A project with a lockfile, the bundling script and one CMS source, and a cached bundle of it. */
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ad-admin-bundle-'));
  folder = path.join(root, 'cache');
  await mkdir(path.join(root, 'scripts'));
  await mkdir(path.join(root, 'src/cms'), { recursive: true });
  await mkdir(folder);
  await writeFile(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}');
  await writeFile(path.join(root, 'scripts/build-admin-bundle.ts'), '// bundler');
  await writeFile(path.join(root, 'src/cms/admin.ts'), "import CMS from 'decap-cms-app';");
  await writeFile(path.join(folder, 'admin.abc.js'), '/* bundle */');
  const record: BundleRecord = {
    entry: 'admin.abc.js',
    files: ['admin.abc.js'],
    inputs: ['src/cms/admin.ts'],
  };
  const key = await bundleKey(root, BASE, record.inputs);
  await writeFile(path.join(folder, 'bundle.json'), JSON.stringify({ ...record, key }));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the cached CMS bundle', () => {
  test('is used while nothing it was made from changed', async () => {
    expect((await cachedBundle(root, BASE, folder))?.entry).toBe('admin.abc.js');
  });

  test('is made again when one of its source files changed', async () => {
    await writeFile(path.join(root, 'src/cms/admin.ts'), "import CMS from 'decap-cms-app';\nCMS.init();");
    expect(await cachedBundle(root, BASE, folder)).toBeUndefined();
  });

  test('is made again when the lockfile changed (another version of Decap)', async () => {
    await writeFile(path.join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
    expect(await cachedBundle(root, BASE, folder)).toBeUndefined();
  });

  test('is made again when a source file it was made from is gone', async () => {
    await rm(path.join(root, 'src/cms/admin.ts'));
    expect(await cachedBundle(root, BASE, folder)).toBeUndefined();
  });

  test('is made again when one of its files is missing from the cache', async () => {
    await rm(path.join(folder, 'admin.abc.js'));
    expect(await cachedBundle(root, BASE, folder)).toBeUndefined();
  });

  test('is made again for another address of the assets', async () => {
    expect(await cachedBundle(root, '/site/_astro/', folder)).toBeUndefined();
  });
});
