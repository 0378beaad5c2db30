/**
 * File formats for the CMS that keep what staff did not change byte for byte.
 *
 * Decap's own YAML and front-matter formats rewrite the whole file on every save: comments
 * are dropped, `null` becomes `""`, folded text is re-wrapped at 80 columns, quotes change.
 * A one-word edit would then show as a diff of the whole file, and a review (each change is
 * a pull request) could not tell what was edited. These formats remember the text each
 * entry was read from, and on save write back every top-level key whose value has not
 * changed exactly as it was (with the comments around it); changed and new keys are
 * written with the project's YAML style, removed ones are dropped. A body that has not
 * changed keeps its text too.
 *
 * Decap hands `toFile` only the entry's data, so `fromFile` adds a hidden key naming the
 * text it read (ORIGIN_KEY); `toFile` removes it. Pure functions, unit-tested in Node.
 */
import { Document, isMap, isScalar, parseDocument, Scalar, visit } from 'yaml';

/** The hidden key `fromFile` adds; never written to a file. */
export const ORIGIN_KEY = '__cmsOrigin';

interface Origin {
  /** The text before the first key (comments), then each top-level key's text. */
  prefix: string;
  segments: Map<string, string>;
  values: Record<string, unknown>;
  /** Front matter only: the body as read, and the text around the front matter. */
  body?: string;
}

const origins = new Map<string, Origin>();
let counter = 0;

/** Splits a YAML map's text into the text of each top-level key, with its comments. */
function readYaml(text: string): Origin {
  const doc = parseDocument(text);
  const values = (doc.toJS() ?? {}) as Record<string, unknown>;
  const segments = new Map<string, string>();
  let prefix = text;
  if (isMap(doc.contents)) {
    const starts = doc.contents.items.map((pair) => {
      const key = pair.key as { range?: [number, number, number] } | null;
      return { name: isScalar(pair.key) ? String(pair.key.value) : '', start: key?.range?.[0] ?? 0 };
    });
    prefix = text.slice(0, starts[0]?.start ?? text.length);
    starts.forEach(({ name, start }, i) =>
      segments.set(name, text.slice(start, starts[i + 1]?.start ?? text.length)),
    );
  }
  return { prefix, segments, values };
}

/** Deep equality of YAML values; an empty string stands for the null Decap turned into it. */
export function sameValue(a: unknown, b: unknown): boolean {
  if ((a === '' && b === null) || (a === null && b === '')) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return (
      ka.length === kb.length &&
      ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

/**
 * Top-level keys whose schema wants `null` for "not known" rather than no key (a source's
 * title, author, publisher, date: src/schemas/source.ts). A unit test checks this list
 * against the schemas: the admin bundle cannot load them (they read INSEE's lists).
 */
export const NULLABLE_KEYS: readonly string[] = ['title', 'author', 'publisher', 'date'];

/** An optional field left empty in the form: written as absent, not as `""`. */
const isEmpty = (value: unknown) =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * One key in the project's style: lists of plain values on one line (`[a, b]`), digits-only
 * strings such as dates and codes in single quotes (so that no reader takes them for
 * numbers).
 */
function writeKey(name: string, value: unknown): string {
  const doc = new Document({ [name]: value });
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && /^[\d-]+$/.test(scalar.value))
        scalar.type = Scalar.QUOTE_SINGLE;
    },
  });
  // No folding: long strings stay on one line, as staff and the CMS write them; a key left
  // unchanged keeps its own text anyway.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function remember(origin: Origin): string {
  const token = `o${++counter}`;
  origins.set(token, origin);
  return token;
}

/**
 * Writes `data` over the text it was read from (see the module comment). Keys keep the
 * file's order; a new key goes after the nearest key before it in the form's field order
 * (`fieldOrder`, which Decap passes to formats), so that a French version given its `slug`
 * gets it under its title, as the English ones have it.
 */
function writeYaml(
  data: Record<string, unknown>,
  origin: Origin | undefined,
  fieldOrder: readonly string[] = [],
): string {
  const original = origin?.segments ?? new Map<string, string>();
  const write = (name: string, value: unknown) => {
    // Emptied in the form: `null` where the schema asks for it, else no key at all.
    if (isEmpty(value) || value === null)
      return NULLABLE_KEYS.includes(name) && value !== undefined ? `${name}: null\n` : '';
    return ensureNewline(writeKey(name, value));
  };
  const order = [...fieldOrder, ...Object.keys(data).filter((k) => !fieldOrder.includes(k))];
  // New keys, by the original key they follow ('' for the top).
  const after = new Map<string, string[]>();
  let anchor = '';
  for (const name of order) {
    if (!(name in data)) {
      if (original.has(name)) anchor = name;
      continue;
    }
    if (original.has(name)) anchor = name;
    else after.set(anchor, [...(after.get(anchor) ?? []), name]);
  }
  const newKeys = (key: string) => (after.get(key) ?? []).map((name) => write(name, data[name])).join('');
  let out = (origin?.prefix ?? '') + newKeys('');
  for (const [name, segment] of original) {
    if (name in data) out += sameValue(data[name], origin!.values[name]) ? segment : write(name, data[name]);
    out += newKeys(name);
  }
  return out;
}

const ensureNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

const withoutOrigin = (data: Record<string, unknown>) => {
  const { [ORIGIN_KEY]: token, ...rest } = data;
  return { token: typeof token === 'string' ? token : undefined, rest };
};

/** YAML files (partners, sources, commitments, settings). */
export const yamlFormat = {
  fromFile(text: string): Record<string, unknown> {
    const origin = readYaml(text);
    return { ...origin.values, [ORIGIN_KEY]: remember(origin) };
  },
  toFile(data: Record<string, unknown>, fieldOrder?: string[]): string {
    const { token, rest } = withoutOrigin(data);
    return writeYaml(rest, token ? origins.get(token) : undefined, fieldOrder);
  },
};

const FRONT_MATTER = /^---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m;

/** MDX files: YAML front matter between `---` lines, then the body (case studies, pages, brochures). */
export const frontMatterFormat = {
  fromFile(text: string): Record<string, unknown> {
    const match = FRONT_MATTER.exec(text);
    const yaml = match?.index === 0 ? match[1]! : '';
    const body = match?.index === 0 ? text.slice(match[0].length) : text;
    const origin = { ...readYaml(yaml), body };
    return { ...origin.values, body: body.trim(), [ORIGIN_KEY]: remember(origin) };
  },
  toFile(data: Record<string, unknown>, fieldOrder?: string[]): string {
    const { token, rest } = withoutOrigin(data);
    const { body = '', ...fields } = rest;
    const origin = token ? origins.get(token) : undefined;
    const text = String(body ?? '');
    // The body keeps its own text when unchanged, and the blank line after the front matter.
    const original = origin?.body;
    const newBody =
      original !== undefined && original.trim() === text.trim() ? original : `\n${text.trim()}\n`;
    return `---\n${writeYaml(fields, origin, fieldOrder)}---\n${newBody}`;
  },
};

/** The custom format names the generated config.yml uses, with the file extension. */
export const CONTENT_FORMATS = {
  'content-yaml': { extension: 'yaml', format: yamlFormat },
  'content-frontmatter': { extension: 'mdx', format: frontMatterFormat },
} as const;
