/**
 * The editors' reference of every field, in French, generated from the same declarations
 * as the CMS form (src/lib/cms-config.ts): docs/champs.md. Nothing here is written twice:
 * labels, hints, required flags, choices and patterns all come from the schemas.
 */
import { buildCmsConfig, type CmsField } from './cms-config';

export const FIELD_DOCS_PATH = 'docs/champs.md';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

function describe(field: CmsField): string {
  const parts: string[] = [];
  if (field.hint) parts.push(field.hint);
  if (field.options) parts.push(`Choix : ${field.options.map((o) => o.label).join(', ')}.`);
  if (field.widget === 'relation') parts.push(`Choisi parmi : ${String(field.collection)}.`);
  if (field.pattern) parts.push(`Format : ${field.pattern[1]}.`);
  if (field.field?.pattern) parts.push(`Format : ${field.field.pattern[1]}.`);
  if (field.i18n === true) parts.push('Traduit : une valeur par langue.');
  return parts.join(' ');
}

function rows(fields: readonly CmsField[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const name = `${prefix}${f.name}`;
    const required = f.required === false ? 'non' : 'oui';
    const row = `| ${cell(f.label)} | \`${name}\` | ${required} | ${cell(describe(f))} |`;
    const children = f.fields ? rows(f.fields, `${name}${f.widget === 'list' ? '[].' : '.'}`) : [];
    return [row, ...children];
  });
}

export function fieldDocsMarkdown(): string {
  const config = buildCmsConfig();
  const lines = [
    '# Les champs du contenu',
    '',
    'Ce document est généré par `npm run cms:config` à partir des schémas (`src/schemas/`) : ne le',
    'modifiez pas à la main. Il dit, pour chaque collection, ce que montre le formulaire du CMS :',
    'le libellé, le nom du champ dans les fichiers, s’il est obligatoire, et la consigne.',
  ];
  for (const collection of config.collections) {
    const fields =
      'fields' in collection && collection.fields ? collection.fields : collection.files![0]!.fields;
    lines.push('', `## ${collection.label}`, '');
    if ('folder' in collection) lines.push(`Dossier : \`${collection.folder}/\`.`, '');
    lines.push('| Libellé | Champ | Obligatoire | Consigne |', '| --- | --- | --- | --- |', ...rows(fields));
  }
  return `${lines.join('\n')}\n`;
}
