/**
 * Bundles the CMS (/admin/: src/cms/admin.ts, Decap CMS and React) with Vite, in a process of
 * its own, for src/integrations/admin-bundle.ts, which starts it when its cached bundle is out
 * of date and copies the files into the build folder.
 *
 *   node scripts/build-admin-bundle.ts <output folder> <public folder of the files, e.g. /_astro/>
 *
 * Why its own process: Decap is some 3,000 modules. Bundling them inside `astro build` took
 * Astro's process from 700 MB to 1.3 GB, and Rolldown's allocator keeps that memory until the
 * process ends, so it stayed for the whole rendering of the pages (README, "Build scale"). Here it
 * is given back when this process exits, before Astro's own bundling starts.
 *
 * Writes into the output folder the bundle's files (its script, `admin.<hash>.js`, and the
 * site's stylesheet, which the CMS previews load) and `bundle.json`: the script's file name,
 * every file written, and every file of this repository the bundle was made from (outside
 * node_modules/, whose versions the lockfile names), which the integration hashes to know
 * whether the bundle is still current.
 *
 * Runs directly on Node 22 (type stripping): no TypeScript-only syntax.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The CMS's entry: what the admin page loads. */
const ADMIN_ENTRY = 'src/cms/admin.ts';

const [folder, base] = process.argv.slice(2);
if (!folder || !base?.endsWith('/'))
  throw new Error('usage: node scripts/build-admin-bundle.ts <output folder> <public folder, e.g. /_astro/>');
const outDir = path.resolve(folder);

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

/** Source files of the repository that went into the bundle, relative to ROOT. */
const inputs = new Set<string>();
const output = await build({
  root: ROOT,
  configFile: false,
  envDir: false,
  publicDir: false,
  mode: 'production',
  logLevel: 'warn',
  // The address the files are served from: the folder of Astro's own assets.
  base,
  plugins: [
    {
      name: 'alliance-dynamique:admin-bundle-inputs',
      moduleParsed(info: { id: string }) {
        const file = info.id.split('?')[0] ?? '';
        if (path.isAbsolute(file) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
          inputs.add(path.relative(ROOT, file).split(path.sep).join('/'));
        }
      },
    },
  ],
  build: {
    // As Astro builds the site's own scripts and styles (astro/dist/core/build/vite-build-config.js).
    target: 'esnext',
    outDir,
    emptyOutDir: false,
    assetsDir: '',
    copyPublicDir: false,
    reportCompressedSize: false,
    // Decap's bundle is 5.7 MB: the CMS is for staff only, and no public page loads it (tests/build/admin.test.ts).
    chunkSizeWarningLimit: 8192,
    // As the site's own scripts (astro.config.mjs): never inlined into another file.
    assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined),
    rolldownOptions: {
      input: { admin: path.join(ROOT, ADMIN_ENTRY) },
      output: {
        entryFileNames: 'admin.[hash].js',
        chunkFileNames: 'admin-[name].[hash].js',
        assetFileNames: '[name].[hash][extname]',
      },
      onLog(level, log, handler) {
        // Decap's dependencies carry "use client" directives and direct eval(), harmless in
        // this bundle; Astro's build printed them too (20 warnings on every build).
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' || log.code === 'EVAL') return;
        handler(level, log);
      },
    },
  },
});

const results = Array.isArray(output) ? output : [output];
const files: string[] = [];
let entry = '';
for (const result of results) {
  if (!('output' in result)) throw new Error('vite build returned a watcher');
  for (const item of result.output) {
    files.push(item.fileName);
    if (item.type === 'chunk' && item.isEntry) entry = item.fileName;
  }
}
if (!entry) throw new Error(`${ADMIN_ENTRY}: Vite wrote no entry script`);
// Checked by the integration before it trusts the folder: the record is written last.
await writeFile(
  path.join(outDir, 'bundle.json'),
  JSON.stringify({ entry, files: files.sort(), inputs: [...inputs].sort() }, null, 2),
);
