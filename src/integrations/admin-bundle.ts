/**
 * The CMS's script (/admin/: Decap CMS, React and the site's editor components), bundled
 * outside `astro build`'s process and copied into the build folder.
 *
 * Why: Decap is some 3,000 modules. Bundled by Astro's client build, they took the build's
 * process from 0.7 to 1.3 GB with the site's real content, and Rolldown's allocator keeps what
 * it touched until the process ends: those 600 MB sat under every page Astro rendered
 * afterwards, and the build could not stay under 1.5 GB at 20,000 partners (README, "Build
 * scale"). Bundled by scripts/build-admin-bundle.ts in a child process, the memory goes back to
 * the system when that process exits, before Astro's own bundling starts.
 *
 * Cached: the bundle is kept in `<cacheDir>/admin-bundle/` with the list of the repository's
 * files it was made from (`bundle.json`), and made again only when one of them, the lockfile
 * (the versions of Decap and its dependencies), the bundling script, NODE_ENV or the assets'
 * address changed. An incremental build after a content edit does not bundle it at all.
 *
 * The admin page (src/pages/admin/index.astro) names the script through the virtual module
 * `virtual:alliance-dynamique/admin-script`: `/_astro/admin.<hash>.js` in a build, and the
 * source file itself under `astro dev`, which Vite serves and transforms as it did before.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** The module the admin page imports its script's address from. */
const VIRTUAL_ID = 'virtual:alliance-dynamique/admin-script';
/** The CMS's entry, relative to the project (what `astro dev` serves). */
const ADMIN_ENTRY = 'src/cms/admin.ts';
/** The script that bundles it, relative to the project. */
const BUNDLER = 'scripts/build-admin-bundle.ts';

/** What scripts/build-admin-bundle.ts records, with the key this integration adds. */
export interface BundleRecord {
  /** The script the admin page loads, a file name in the folder. */
  entry: string;
  /** Every file of the bundle, names in the folder. */
  files: string[];
  /** The repository's files the bundle was made from, relative to the project. */
  inputs: string[];
  key?: string;
}

/** A digest of everything the bundle depends on; undefined when an input has gone. */
export async function bundleKey(root: string, base: string, inputs: string[]): Promise<string | undefined> {
  // NODE_ENV too: Vite builds React's development version when it is not 'production'.
  const hash = createHash('sha256').update(`${base}\0${process.env['NODE_ENV'] ?? ''}\0`);
  for (const file of ['package-lock.json', BUNDLER, ...inputs]) {
    let content: Buffer;
    try {
      content = await readFile(path.join(root, file));
    } catch {
      return undefined;
    }
    hash.update(file).update('\0').update(content).update('\0');
  }
  return hash.digest('hex');
}

/** The cached bundle of `folder`, if every file is there and its inputs are unchanged. */
export async function cachedBundle(
  root: string,
  base: string,
  folder: string,
): Promise<BundleRecord | undefined> {
  let record: BundleRecord;
  try {
    record = JSON.parse(await readFile(path.join(folder, 'bundle.json'), 'utf8')) as BundleRecord;
  } catch {
    return undefined;
  }
  if (!record.key || !record.files.every((file) => existsSync(path.join(folder, file)))) return undefined;
  return (await bundleKey(root, base, record.inputs)) === record.key ? record : undefined;
}

/** Runs scripts/build-admin-bundle.ts into `folder`; rejects with its output if it fails. */
function runBundler(root: string, base: string, folder: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, BUNDLER), folder, base], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${BUNDLER} a échoué (code ${String(code)}) :\n${output}`));
    });
  });
}

/** The bundle for this build: from the cache, or made again and recorded with its key. */
async function currentBundle(
  root: string,
  base: string,
  folder: string,
  logger: AstroIntegrationLogger,
): Promise<BundleRecord> {
  const cached = await cachedBundle(root, base, folder);
  if (cached) {
    logger.info(`script de l’administration (Decap CMS) repris du cache : ${cached.entry}`);
    return cached;
  }
  const started = Date.now();
  await runBundler(root, base, folder);
  const record = JSON.parse(await readFile(path.join(folder, 'bundle.json'), 'utf8')) as BundleRecord;
  const key = await bundleKey(root, base, record.inputs);
  await writeFile(path.join(folder, 'bundle.json'), JSON.stringify({ ...record, key }, null, 2));
  logger.info(
    `script de l’administration (Decap CMS) construit à part en ${String(Date.now() - started)} ms : ${record.entry}`,
  );
  return record;
}

export function adminBundle(): AstroIntegration {
  let bundle: BundleRecord | undefined;
  let folder = '';
  let assets = '';
  return {
    name: 'alliance-dynamique:admin-bundle',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        let src = `/${ADMIN_ENTRY}`;
        if (command === 'build') {
          assets = config.build.assets;
          const base = `${config.base.replace(/\/?$/, '/')}${assets}/`;
          folder = fileURLToPath(new URL('admin-bundle/', config.cacheDir));
          await mkdir(folder, { recursive: true });
          bundle = await currentBundle(root, base, folder, logger);
          src = `${base}${bundle.entry}`;
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'alliance-dynamique:admin-script',
                resolveId: (id: string) => (id === VIRTUAL_ID ? `\0${VIRTUAL_ID}` : undefined),
                load: (id: string) =>
                  id === `\0${VIRTUAL_ID}` ? `export default ${JSON.stringify(src)};` : undefined,
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir }) => {
        if (!bundle) return;
        const target = path.join(fileURLToPath(dir), assets);
        await mkdir(target, { recursive: true });
        await Promise.all(
          bundle.files.map((file) => copyFile(path.join(folder, file), path.join(target, file))),
        );
      },
    },
  };
}
