/**
 * Bulk import of partners from a spreadsheet into content/partners/ (see src/lib/import.ts).
 *
 *   npm run import -- partenaires.csv            # write the partner files
 *   npm run import -- partenaires.csv --dry-run  # only say what would change
 *
 * CONTENT_DIR overrides the content folder. Exit code: 0 when every row was imported,
 * updated or unchanged; 1 when a row was rejected (see <file>.rejets.csv); 2 when the file
 * could not be read at all. Runs directly on Node 22 (type stripping).
 */
import { registerTsResolution } from '../src/lib/import-resolve.ts';

registerTsResolution();
const { ImportError, importReport, runImport } = await import('../src/lib/import.ts');
const { contentDir } = await import('../src/lib/import-content.ts');

const USAGE = 'usage : npm run import -- <fichier.csv> [--dry-run]';
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const files = args.filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run');

if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
if (files.length !== 1 || unknown.length > 0) {
  console.error(unknown.length > 0 ? `option inconnue ${unknown.join(', ')}\n${USAGE}` : USAGE);
  process.exit(2);
}

try {
  const run = await runImport(files[0]!, { contentDir: contentDir(), dryRun });
  console.log(importReport(run));
  console.log(`(${(run.ms / 1000).toFixed(2)} s)`);
  process.exitCode = run.counts.rejected > 0 ? 1 : 0;
} catch (error) {
  if (error instanceof ImportError) {
    console.error(`import : ${error.message} ; rien n’a été écrit.`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
