/**
 * The Decap CMS configuration, generated from the content schemas (src/schemas/): field
 * names and order, required flags, defaults, selects with their French labels, patterns
 * with the same French messages as the build, relations, lists, images. What an editor
 * sees is declared once, beside each field (`.meta(field(…))`, src/schemas/meta.ts), and
 * nothing here repeats it.
 *
 * `npm run cms:config` writes the result to public/admin/config.yml, which is committed so
 * that reviewers see what staff will see; a test regenerates it and fails on any difference.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from '../schemas/context';
import { caseStudySchema } from '../schemas/case-study';
import { partnerSchema } from '../schemas/partner';
import { brochureSchema } from '../schemas/brochure';
import { commitmentSchema } from '../schemas/commitment';
import { pageSchema } from '../schemas/page';
import { settingsSchema } from '../schemas/settings';
import { sourceSchema } from '../schemas/source';
import { defOf, fieldMeta, unwrap, type FieldMeta } from '../schemas/meta';
import { PATTERNS } from '../schemas/common';
import { CONTENT_COMPONENTS } from '../schemas/mdx-components';
import {
  PAGE_KEYS,
  type PageKey,
  CASE_STUDY_STATUSES,
  COMMITMENTS,
  ENTRY_KINDS,
  LEGAL_FORMS,
  LOCALES,
  METRIC_KINDS,
  METRIC_QUALIFIERS,
  PARTNERSHIP_TYPES,
  SCOPES,
  DEFAULT_LOCALE,
} from '../schemas/enums';
import { labels } from '../i18n/fr';
import { allDepartments, allRegions } from './geography';
import { CMS_BACKEND, CMS_LOCAL_BACKEND_URL } from '../cms/backend';

/**
 * The CMS's own formats (src/cms/formats.ts, registered by the admin bundle): Decap's
 * built-in 'yaml' and 'frontmatter' rewrite a whole file on every save; these keep what was
 * not edited byte for byte.
 */
const CONTENT_YAML = 'content-yaml';
const CONTENT_FRONTMATTER = 'content-frontmatter';

/** Images and references as the generator sees them: images are the only `custom` type. */
const cmsContext: SchemaContext = {
  image: () => z.custom() as never,
  reference: () => z.string() as never,
};

/** The French labels of every closed list, found by its values. */
const OPTION_LABELS = new Map<string, Record<string, string>>([
  [key(ENTRY_KINDS), labels.kind],
  [key(COMMITMENTS), labels.commitment],
  [key(PARTNERSHIP_TYPES), labels.partnershipType],
  [key(LEGAL_FORMS), labels.legalForm],
  [key(SCOPES), labels.scope],
  [key(CASE_STUDY_STATUSES), labels.status],
  [key(METRIC_KINDS), labels.metricKind],
  [key(METRIC_QUALIFIERS), labels.metricQualifier],
  [key(LOCALES), labels.language],
  // The site's content pages, by key (a brochure's call to action leads to one of them).
  [
    key(PAGE_KEYS),
    {
      about: 'À propos',
      'become-partner': 'Devenir partenaire',
      'legal-notice': 'Mentions légales',
      accessibility: 'Accessibilité',
      'personal-data': 'Données personnelles',
    } satisfies Record<PageKey, string>,
  ],
]);

function key(values: readonly string[]): string {
  return [...values].sort().join('|');
}

export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  i18n?: boolean | 'duplicate';
  pattern?: [string, string];
  options?: { label: string; value: string }[];
  multiple?: boolean;
  fields?: CmsField[];
  field?: CmsField;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  summary?: string;
  collapsed?: boolean;
  choose_url?: boolean;
  media_library?: { config: { multiple: boolean } };
  [extra: string]: unknown;
}

/** The first regular expression of a string schema, with its message, as Decap's `pattern`. */
function patternOf(schema: z.ZodType): [string, string] | undefined {
  const def = defOf(schema);
  if (def.type === 'string' && def.format === 'url') return [PATTERNS.url.regex.source, PATTERNS.url.message];
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c['format'] === 'regex' && c['pattern'] instanceof RegExp) {
      const error = c['error'] as ((issue: object) => string) | undefined;
      return [c['pattern'].source, error?.({}) ?? 'format invalide'];
    }
  }
  return undefined;
}

function numberBounds(schema: z.ZodType): Pick<CmsField, 'value_type' | 'min' | 'max'> {
  const out: Pick<CmsField, 'value_type' | 'min' | 'max'> = { value_type: 'float' };
  for (const check of defOf(schema).checks ?? []) {
    const c = check._zod.def;
    if (c['format'] === 'safeint') out.value_type = 'int';
    if (c['check'] === 'greater_than' && c['inclusive']) out.min = c['value'] as number;
    if (c['check'] === 'less_than' && c['inclusive']) out.max = c['value'] as number;
  }
  return out;
}

function selectOptions(schema: z.ZodType): { label: string; value: string }[] {
  const values = Object.values(defOf(schema).entries ?? {});
  const names = OPTION_LABELS.get(key(values));
  if (!names) throw new Error(`CMS config: no French labels for the list ${values.join(', ')}`);
  return values.map((value) => ({ label: names[value] ?? value, value }));
}

interface Context {
  /** The collection is translated (case studies, pages, brochures). */
  i18n: boolean;
  /** Inside a translated object or list: children follow their parent. */
  inTranslated: boolean;
}

/** The Decap field of one schema field. */
export function cmsField(name: string, schema: z.ZodType, ctx: Context): CmsField | undefined {
  const meta: FieldMeta | undefined = fieldMeta(schema);
  if (!meta) throw new Error(`CMS config: the field "${name}" has no label (src/schemas: .meta(field(…)))`);
  if (meta.derived) return undefined;
  const { core, optional, nullable, defaultValue } = unwrap(schema);
  const def = defOf(core);
  const field: CmsField = { name, label: meta.label.fr, widget: 'string' };
  if (meta.hint) field.hint = meta.hint.fr;
  if (optional || nullable || defaultValue !== undefined) field.required = false;
  if (defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0)) {
    field.default = defaultValue;
  }
  if (ctx.i18n) {
    if (ctx.inTranslated) field.i18n = true;
    else field.i18n = meta.i18n === 'translate' ? true : 'duplicate';
  }
  const childCtx: Context = { i18n: ctx.i18n, inTranslated: ctx.inTranslated || field.i18n === true };

  if (meta.relation) {
    Object.assign(field, {
      widget: 'relation',
      collection: meta.relation.collection,
      value_field: meta.relation.valueField,
      search_fields: meta.relation.searchFields,
      display_fields: meta.relation.displayFields,
      // Only the first matches are listed: the directory is meant to hold 20,000 entries.
      options_length: 50,
    });
    if (def.type === 'array') field.multiple = true;
    return field;
  }
  switch (def.type) {
    case 'string': {
      field.widget = meta.widget ?? 'string';
      const pattern = meta.pattern ? [meta.pattern.regex.source, meta.pattern.message] : patternOf(core);
      if (pattern) field.pattern = pattern as [string, string];
      break;
    }
    case 'number':
      Object.assign(field, { widget: 'number' }, numberBounds(core));
      break;
    case 'boolean':
      field.widget = 'boolean';
      break;
    case 'enum':
      Object.assign(field, { widget: 'select', options: selectOptions(core) });
      break;
    case 'custom':
      Object.assign(field, {
        widget: 'image',
        choose_url: false,
        media_library: { config: { multiple: false } },
      });
      break;
    case 'object': {
      field.widget = 'object';
      field.fields = cmsFields(core, childCtx);
      // Decap 3.16 checks the required fields of an optional object even when it is left out,
      // so an entry without it (a case study without a period) could not be saved. Its fields
      // are then optional in the form; the build's check still asks for them when it is given.
      if (field.required === false) field.fields = field.fields.map((f) => ({ ...f, required: false }));
      break;
    }
    case 'array': {
      const element = unwrap(def.element!).core;
      const elementDef = defOf(element);
      if (elementDef.type === 'enum') {
        Object.assign(field, { widget: 'select', multiple: true, options: selectOptions(element) });
      } else if (elementDef.type === 'object') {
        Object.assign(field, { widget: 'list', fields: cmsFields(element, childCtx) });
        const first = field.fields?.[0]?.name;
        if (first) field.summary = `{{fields.${first}}}`;
      } else {
        // A list of codes: one text field per item, checked by the item's pattern.
        const item: CmsField = { name: 'item', label: meta.label.fr, widget: 'string' };
        const pattern = patternOf(element);
        if (pattern) item.pattern = pattern;
        if (field.i18n === 'duplicate') item.i18n = 'duplicate';
        Object.assign(field, { widget: 'list', field: item });
      }
      break;
    }
    default:
      throw new Error(`CMS config: no widget for the field "${name}" (type ${def.type})`);
  }
  // Decap's configuration check accepts only true or false as the `i18n` of an object or list
  // (decap-cms-widget-object and -list, schema.js): with 'duplicate' the CMS does not start.
  // Such a container is marked translatable and its fields keep 'duplicate', which Decap
  // copies from the French version.
  if ((field.widget === 'object' || field.widget === 'list') && field.i18n === 'duplicate') field.i18n = true;
  return field;
}

/** The fields of an object schema, in its order. */
export function cmsFields(schema: z.ZodType, ctx: Context): CmsField[] {
  const { core } = unwrap(schema);
  const shape = defOf(core).shape;
  if (!shape) throw new Error('CMS config: expected an object schema');
  return Object.entries(shape)
    .map(([name, field]) => cmsField(name, field, ctx))
    .filter((f): f is CmsField => f !== undefined);
}

const BODY: CmsField = {
  name: 'body',
  label: 'Texte',
  widget: 'markdown',
  hint: 'Le récit, en Markdown. Les boutons « Chiffre clé », « Citation », « Fiche partenaire » et « Encadré » insèrent les composants du site.',
  i18n: true,
  // Only the site's own components: Decap's code block and image would write what the
  // site does not show as intended (an image without its credit).
  editor_components: Object.keys(CONTENT_COMPONENTS),
};

/** The partner list's filters: by region (from the commune code), legal form and commitment. */
function partnerViewFilters() {
  const departments = allDepartments();
  const byRegion = allRegions()
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((region) => ({
      label: `Région : ${region.name}`,
      field: 'location.commune',
      // Commune codes begin with their department's code (59360 in the Nord, 97101 in Guadeloupe).
      pattern: `^(${departments
        .filter((d) => d.region.code === region.code)
        .map((d) => d.code)
        .join('|')})`,
    }));
  const byForm = LEGAL_FORMS.map((form) => ({
    label: `Forme juridique : ${labels.legalForm[form]}`,
    field: 'legalForm',
    pattern: `^${form}$`,
  }));
  const byCommitment = COMMITMENTS.map((c) => ({
    label: `Engagement : ${labels.commitment[c]}`,
    field: 'commitments',
    pattern: c,
  }));
  return [...byRegion, ...byForm, ...byCommitment];
}

/** The whole configuration, as Decap reads it from /admin/config.yml. */
export function buildCmsConfig() {
  const translated: Context = { i18n: true, inTranslated: false };
  const plain: Context = { i18n: false, inTranslated: false };
  const i18n = { structure: 'multiple_folders', locales: [...LOCALES], default_locale: DEFAULT_LOCALE };
  return {
    backend: CMS_BACKEND,
    // `npm run cms`: decap-server on this machine (127.0.0.1 only), saving files on disk.
    local_backend: { url: CMS_LOCAL_BACKEND_URL },
    publish_mode: 'editorial_workflow',
    locale: 'fr',
    site_url: '/',
    // Each collection says where its images go; this is the fallback Decap requires.
    media_folder: 'content/media',
    public_folder: '/content/media',
    i18n,
    collections: [
      {
        name: 'case-studies',
        label: 'Études de cas',
        label_singular: 'Étude de cas',
        description: 'Les récits de partenariats, en français et en anglais, côte à côte.',
        folder: 'content/case-studies',
        extension: 'mdx',
        format: CONTENT_FRONTMATTER,
        create: true,
        i18n: true,
        // The file name is the story's key, shared by both languages: its French URL segment.
        identifier_field: 'title',
        slug: '{{fields.slug}}',
        summary: '{{title}} ({{publishedAt}})',
        sortable_fields: ['title', 'publishedAt'],
        // One images folder for both languages: entry-relative media and i18n do not mix
        // (decap-cms#4781); ../images/ resolves from fr/ and en/ alike.
        media_folder: '/content/case-studies/images',
        public_folder: '../images',
        fields: [...withRequiredSlug(cmsFields(caseStudySchema(cmsContext), translated)), BODY],
      },
      {
        name: 'partners',
        label: 'Annuaire',
        label_singular: 'Fiche de l’annuaire',
        description:
          'Les partenaires et structures de l’ESS. Pour modifier beaucoup de fiches à la fois, passez par le tableur (npm run import).',
        folder: 'content/partners',
        extension: 'yaml',
        format: CONTENT_YAML,
        create: true,
        identifier_field: 'name',
        slug: '{{slug}}',
        summary: '{{name}} · {{location.postalCode}} ({{location.commune}}) · {{legalForm}}',
        sortable_fields: ['name', 'updatedAt', 'location.commune'],
        view_filters: partnerViewFilters(),
        media_folder: '/content/partners/logos',
        public_folder: './logos',
        fields: cmsFields(partnerSchema(cmsContext), plain),
      },
      {
        name: 'brochures',
        label: 'Brochures',
        label_singular: 'Brochure',
        folder: 'content/brochures',
        extension: 'mdx',
        format: CONTENT_FRONTMATTER,
        create: true,
        i18n: true,
        identifier_field: 'title',
        slug: '{{fields.slug}}',
        summary: '{{title}} ({{year}})',
        media_folder: '/content/brochures/images',
        public_folder: '../images',
        fields: [...withRequiredSlug(cmsFields(brochureSchema(cmsContext), translated)), BODY],
      },
      {
        name: 'commitments',
        label: 'Engagements',
        label_singular: 'Engagement',
        folder: 'content/commitments',
        extension: 'yaml',
        format: CONTENT_YAML,
        // The four commitments are fixed (src/schemas/enums.ts): edited, never added.
        create: false,
        delete: false,
        identifier_field: 'order',
        summary: '{{order}}. {{title.fr}}',
        sortable_fields: ['order'],
        fields: cmsFields(commitmentSchema, plain),
      },
      {
        name: 'pages',
        label: 'Pages',
        label_singular: 'Page',
        folder: 'content/pages',
        extension: 'mdx',
        format: CONTENT_FRONTMATTER,
        // The institutional pages are fixed (PAGE_KEYS): edited, never added.
        create: false,
        delete: false,
        i18n: true,
        identifier_field: 'title',
        summary: '{{title}}',
        fields: [...cmsFields(pageSchema, translated), BODY],
      },
      {
        name: 'sources',
        label: 'Sources',
        label_singular: 'Source',
        description:
          'Les documents d’où viennent les faits et les chiffres, décrits seulement par ce qu’ils disent d’eux-mêmes.',
        folder: 'content/sources',
        extension: 'yaml',
        format: CONTENT_YAML,
        create: true,
        identifier_field: 'title',
        slug: '{{slug}}',
        summary: '{{slug}} : {{title}}{{description}}',
        fields: cmsFields(sourceSchema, plain),
      },
      {
        name: 'settings',
        label: 'Réglages du site',
        delete: false,
        format: CONTENT_YAML,
        files: [
          {
            name: 'site',
            label: 'Réglages du site',
            file: 'content/settings/site.yaml',
            fields: cmsFields(settingsSchema, plain),
          },
        ],
      },
    ],
  };
}

/**
 * New entries of translated collections take their file name from the French URL segment,
 * so the CMS asks for it; files written by hand may still leave it out (it then defaults
 * to the file name).
 */
function withRequiredSlug(fields: CmsField[]): CmsField[] {
  return fields.map((f) => {
    if (f.name !== 'slug') return f;
    const { required: _required, ...rest } = f;
    return rest;
  });
}
