/**
 * Writes the Decap CMS configuration, generated from the content schemas, to
 * public/admin/config.yml (see src/lib/cms-config.ts):
 *
 *   npm run cms:config          writes it
 *   npm run cms:config -- --check   exits 1 when the committed file differs
 *
 * Runs directly on Node 22 (type stripping).
 */
import { registerTsResolution } from '../src/lib/import-resolve.ts';

registerTsResolution();
const { readFile, writeFile, mkdir } = await import('node:fs/promises');
const path = await import('node:path');
const { cmsConfigYaml, CMS_CONFIG_PATH } = await import('../src/lib/cms-config-file.ts');

const file = path.resolve(CMS_CONFIG_PATH);
const text = cmsConfigYaml();
if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error(
      `${CMS_CONFIG_PATH} n’est pas à jour avec les schémas de src/schemas/ : lancez npm run cms:config et validez le fichier.`,
    );
    process.exitCode = 1;
  } else console.log(`${CMS_CONFIG_PATH} est à jour.`);
} else {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  console.log(`${CMS_CONFIG_PATH} écrit.`);
}
