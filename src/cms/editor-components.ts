/**
 * The CMS's editor components for the four components content may use (KeyFigure, Quote,
 * PartnerCard, Callout): staff fill a form, the editor writes the tag. Each component's
 * fields come from its props schema in src/schemas/mdx-components.ts (names, order, French
 * label and hint, required flag, choices, pattern), so the form cannot drift from what the
 * MDX check accepts. Pure data and functions: the admin bundle registers them with
 * `CMS.registerEditorComponent`, the unit tests round-trip them in Node.
 */
import type { z } from 'astro/zod';
import { CONTENT_COMPONENTS, type ContentComponentName, type PropMeta } from '../schemas/mdx-components';
import { ATTRIBUTES_SOURCE, escapeAttribute, parseAttributes, writeAttributes } from './mdx-tags';

/** A Decap field, as in config.yml (the subset these components use). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: string;
  options?: { label: string; value: string }[];
  pattern?: [string, string];
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
}

/** Data of one component in the editor: its attributes, `body` for children, `layout`. */
export type ComponentData = Record<string, string | undefined>;

export interface EditorComponent {
  id: ContentComponentName;
  label: string;
  fields: CmsField[];
  pattern: RegExp;
  fromBlock(match: RegExpMatchArray): ComponentData;
  toBlock(data: ComponentData): string;
  toPreview(data: ComponentData): string;
}

/** Collections that a prop's value names: the source id of a figure or quote, the partner of a card. */
const RELATIONS: Partial<Record<string, Pick<CmsField, 'collection' | 'search_fields' | 'display_fields'>>> =
  {
    // As the front matter's source fields (src/schemas/case-study.ts): found by title or
    // description, shown by id, which is what the tag holds.
    source: { collection: 'sources', search_fields: ['title', 'description'], display_fields: ['{{slug}}'] },
    'PartnerCard.id': { collection: 'partners', search_fields: ['name'], display_fields: ['name'] },
  };

interface ComponentSpec {
  label: string;
  /** The component wraps text (Markdown): a `body` field, written between its tags. */
  children?: { label: string; hint: string };
}

const SPECS: Record<ContentComponentName, ComponentSpec> = {
  KeyFigure: { label: 'Chiffre clé' },
  Quote: {
    label: 'Citation',
    children: { label: 'Citation', hint: 'Les mots de la personne, tels que la source les rapporte.' },
  },
  PartnerCard: { label: 'Fiche partenaire' },
  Callout: {
    label: 'Encadré',
    children: {
      label: 'Texte de l’encadré',
      hint: 'Mise en forme Markdown possible : *italique*, **gras**.',
    },
  },
};

/** What the Zod internals expose about a prop: optional or not, enum values, regex patterns. */
interface Introspected {
  optional: boolean;
  values?: string[];
  patterns: RegExp[];
  defaultValue?: string;
}

interface ZodInternals {
  _zod: {
    def: {
      type: string;
      innerType?: unknown;
      defaultValue?: unknown;
      entries?: Record<string, string>;
      checks?: { _zod: { def: { pattern?: RegExp } } }[];
    };
  };
}

function introspect(schema: z.ZodType): Introspected {
  let current = schema as unknown as ZodInternals;
  let optional = false;
  let defaultValue: string | undefined;
  // Unwrap optional() and default(): both mean staff may leave the field empty.
  for (;;) {
    const { def } = current._zod;
    if (def.type === 'optional' || def.type === 'default') {
      optional = true;
      if (def.type === 'default') defaultValue = String(def.defaultValue);
      current = def.innerType as ZodInternals;
    } else break;
  }
  const { def } = current._zod;
  const patterns = (def.checks ?? []).flatMap((c) => (c._zod.def.pattern ? [c._zod.def.pattern] : []));
  return {
    optional,
    ...(def.type === 'enum' && def.entries ? { values: Object.values(def.entries) } : {}),
    patterns,
    ...(defaultValue === undefined ? {} : { defaultValue }),
  };
}

/** The meta of a prop: on the outer schema (`.optional().meta()`) or the inner one. */
function propMeta(schema: z.ZodType): PropMeta | undefined {
  let current: unknown = schema;
  while (current) {
    const found = (current as z.ZodType).meta() as PropMeta | undefined;
    if (found?.label) return found;
    current = (current as { _zod: { def: { innerType?: unknown } } })._zod.def.innerType;
  }
  return undefined;
}

/** The Decap field of one prop of a component. */
export function propField(component: ContentComponentName, name: string, schema: z.ZodType): CmsField {
  const meta = propMeta(schema);
  const info = introspect(schema);
  const relation = RELATIONS[`${component}.${name}`] ?? RELATIONS[name];
  const field: CmsField = {
    name,
    label: meta?.label ?? name,
    widget: 'string',
    ...(meta?.hint ? { hint: meta.hint } : {}),
    required: !info.optional,
  };
  if (relation) {
    Object.assign(field, { widget: 'relation', value_field: '{{slug}}', options_length: 50, ...relation });
  } else if (info.values) {
    field.widget = 'select';
    field.options = info.values.map((value) => ({ label: meta?.options?.[value] ?? value, value }));
    if (info.defaultValue !== undefined) field.default = info.defaultValue;
  } else if (info.patterns[0]) {
    field.pattern = [info.patterns[0].source, `Format attendu : ${meta?.hint ?? info.patterns[0].source}`];
  }
  return field;
}

/**
 * The inline HTML tags content may use (ALLOWED_HTML in src/lib/mdx-guard.ts, which a unit
 * test compares with this list): repeated here because the MDX check's module loads the
 * MDX parser, which has no place in the browser bundle.
 */
export const INLINE_TAGS = ['abbr', 'br', 'sub', 'sup', 'small', 'span', 'mark', 'kbd'] as const;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]!);

/**
 * Children are Markdown inside MDX: `{` would start an expression and `<` a tag. Braces,
 * and a `<` that does not open one of the inline tags content may use, get a backslash
 * (Markdown's escape, which MDX reads as the plain character). Already escaped ones stay.
 */
export function escapeChildren(text: string): string {
  const allowed = INLINE_TAGS.join('|');
  return text
    .replace(/(?<!\\)[{}]/g, (c) => `\\${c}`)
    .replace(new RegExp(String.raw`(?<!\\)<(?!/?(?:${allowed})\b)`, 'g'), '\\<');
}

/** Builds the editor component of one site component. */
export function editorComponent(name: ContentComponentName): EditorComponent {
  const spec = SPECS[name];
  const shape = (CONTENT_COMPONENTS[name] as unknown as { shape: Record<string, z.ZodType> }).shape;
  const order = Object.keys(shape);
  const fields = order.map((prop) => propField(name, prop, shape[prop]!));
  const children = spec.children;
  if (children) {
    fields.push({ name: 'body', label: children.label, widget: 'text', hint: children.hint, required: true });
    // How the file had it: children on the tag's line ("inline") or on lines of their own.
    fields.push({ name: 'layout', label: 'Mise en page', widget: 'hidden', default: 'block' });
  }
  const pattern = children
    ? new RegExp(`^<${name}(${ATTRIBUTES_SOURCE})\\s*>(\\n?)([\\s\\S]*?)\\n?</${name}>`)
    : new RegExp(`^<${name}(${ATTRIBUTES_SOURCE})\\s*/>`);
  return {
    id: name,
    label: spec.label,
    fields,
    pattern,
    fromBlock(match) {
      const data: ComponentData = parseAttributes(match[1] ?? '');
      if (children) {
        data['body'] = match[3] ?? '';
        data['layout'] = match[2] ? 'block' : 'inline';
      }
      return data;
    },
    toBlock(data) {
      const attributes = writeAttributes(order, data);
      if (!children) return `<${name}${attributes} />`;
      const body = escapeChildren(data['body'] ?? '');
      return data['layout'] === 'inline'
        ? `<${name}${attributes}>${body}</${name}>`
        : `<${name}${attributes}>\n${body}\n</${name}>`;
    },
    toPreview(data) {
      // A plain summary: Decap sanitises the preview's HTML, and the values are escaped here too.
      const parts = order
        .filter((prop) => data[prop])
        .map(
          (prop) =>
            `<dt>${escapeHtml(fields.find((f) => f.name === prop)!.label)}</dt><dd>${escapeHtml(String(data[prop]))}</dd>`,
        );
      const body = children && data['body'] ? `<blockquote>${escapeHtml(data['body'])}</blockquote>` : '';
      return `<aside class="cms-component"><strong>${escapeHtml(spec.label)}</strong><dl>${parts.join('')}</dl>${body}</aside>`;
    },
  };
}

/** The four editor components, in the order of the editor's "+" menu. */
export const EDITOR_COMPONENTS: readonly EditorComponent[] = (
  Object.keys(CONTENT_COMPONENTS) as ContentComponentName[]
).map(editorComponent);

/** Writes one tag, as the editor does: used by tests and scripts that produce content. */
export function writeTag(name: ContentComponentName, data: ComponentData): string {
  return editorComponent(name).toBlock(data);
}

export { escapeAttribute };
