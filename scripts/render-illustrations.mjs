/**
 * Renders the site's illustrations (flat SVG drawings in scripts/illustrations/) to PNG
 * files next to the content entries that use them. The site then converts the PNGs to
 * AVIF/WebP at build time; the SVG sources stay here so they can be edited and re-rendered.
 *
 * Usage, from the project root:
 *   npx node scripts/render-illustrations.mjs            # render every illustration
 *   npx node scripts/render-illustrations.mjs loos-point-poste-ess   # only the ones named
 */
import { readFile, stat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'scripts', 'illustrations');

/** Illustration name (SVG file without extension) → PNG path, relative to the project root. */
const MAP = {
  'loos-point-poste-ess': 'content/case-studies/fr/loos-point-poste-ess.png',
  'indre-inclusion-numerique-france-travail':
    'content/case-studies/fr/indre-inclusion-numerique-france-travail.png',
  'montpellier-lancement-regional-2015': 'content/case-studies/fr/montpellier-lancement-regional-2015.png',
  'plan-inclusion-numerique-300-bureaux': 'content/case-studies/fr/plan-inclusion-numerique-300-bureaux.png',
  'mediation-quartiers-prioritaires': 'content/case-studies/fr/mediation-quartiers-prioritaires.png',
  'bureaux-ruraux-commerces-solidaires': 'content/case-studies/fr/bureaux-ruraux-commerces-solidaires.png',
  'ateliers-ardoiz-admr': 'content/case-studies/fr/ateliers-ardoiz-admr.png',
  'conseillers-numeriques-2022': 'content/case-studies/fr/conseillers-numeriques-2022.png',
  'selection-2026': 'content/brochures/fr/selection-2026.png',
};

const WIDTH = 1600;
const HEIGHT = 900;
const MAX_BYTES = 150 * 1024;

const only = process.argv.slice(2);
const names = only.length > 0 ? only : Object.keys(MAP);
let failed = false;

for (const name of names) {
  const target = MAP[name];
  if (!target) {
    console.error(`unknown illustration "${name}" (known: ${Object.keys(MAP).join(', ')})`);
    failed = true;
    continue;
  }
  const svg = await readFile(path.join(sourceDir, `${name}.svg`));
  const out = path.join(root, target);
  await mkdir(path.dirname(out), { recursive: true });
  await sharp(svg, { density: 72 })
    .resize(WIDTH, HEIGHT, { fit: 'fill' })
    .png({ compressionLevel: 9, palette: true })
    .toFile(out);
  const { size } = await stat(out);
  const kb = (size / 1024).toFixed(1);
  if (size > MAX_BYTES) {
    console.error(`${target}: ${kb} kB, over the ${MAX_BYTES / 1024} kB budget`);
    failed = true;
  } else {
    console.log(`${target}: ${kb} kB`);
  }
}

if (failed) process.exitCode = 1;
