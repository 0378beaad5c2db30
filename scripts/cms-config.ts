/**
 * Writes what is generated from the content schemas: the Decap CMS configuration,
 * public/admin/config.yml (src/lib/cms-config.ts), and the editors' reference of every
 * field, docs/champs.md (src/lib/field-docs.ts):
 *
 *   npm run cms:config               writes them
 *   npm run cms:config -- --check    exits 1 when a committed file differs
 *
 * Runs directly on Node 22 (type stripping).
 */
import { registerTsResolution } from '../src/lib/import-resolve.ts';

registerTsResolution();
const { readFile, writeFile, mkdir } = await import('node:fs/promises');
const path = await import('node:path');
const { cmsConfigYaml, CMS_CONFIG_PATH } = await import('../src/lib/cms-config-file.ts');
const { fieldDocsMarkdown, FIELD_DOCS_PATH } = await import('../src/lib/field-docs.ts');

for (const [name, text] of [
  [CMS_CONFIG_PATH, cmsConfigYaml()],
  [FIELD_DOCS_PATH, fieldDocsMarkdown()],
] as const) {
  const file = path.resolve(name);
  if (process.argv.includes('--check')) {
    const committed = await readFile(file, 'utf8').catch(() => '');
    if (committed !== text) {
      console.error(
        `${name} n’est pas à jour avec les schémas de src/schemas/ : lancez npm run cms:config et validez le fichier.`,
      );
      process.exitCode = 1;
    } else console.log(`${name} est à jour.`);
  } else {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    console.log(`${name} écrit.`);
  }
}
