/**
 * The partner files of content/partners/, read and written outside Astro: by the bulk
 * import (src/lib/import.ts), the data-quality check (src/lib/data-quality.ts) and their
 * tests. They are validated by the site's own schema, given stand-ins for Astro's
 * `image()` and `reference()`, and written back in one canonical form so that an import
 * that changes nothing writes nothing, and one that changes a field shows only that field
 * in the diff.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { Document, isScalar, isSeq, parseDocument, Scalar, visit } from 'yaml';
import type { SchemaContext } from '../schemas/context';
import { partnerSchema, type PartnerData } from '../schemas/partner';

/**
 * The content folder: ./content, or $CONTENT_DIR. The same rule as contentDir() in
 * content-loader.ts, which cannot be imported here: it loads Astro's content loaders.
 */
export function contentDir(): string {
  return path.resolve(process.env['CONTENT_DIR'] ?? 'content');
}

export function partnersDir(root: string = contentDir()): string {
  return path.join(root, 'partners');
}

/**
 * Astro's `image()` and `reference()` outside Astro: an image stays the path written in
 * the file (Astro checks the file at build time) and a reference is checked against the
 * partner files by the callers.
 */
export const outsideAstro: SchemaContext = {
  image: (() => z.string()) as unknown as SchemaContext['image'],
  reference: (collection) => z.string().transform((id) => ({ id, collection })),
};

export const partnerSchemaOutsideAstro = partnerSchema(outsideAstro);

/**
 * YAML as Astro reads it (js-yaml): an unquoted 2024-05-02 is a timestamp, not text. The
 * same tag makes the writer quote any text that would be read back as a date.
 */
const YAML_OPTIONS = { customTags: ['timestamp'] as const } as { customTags: ['timestamp'] };

/** The fields of a partner file, as written in YAML. */
export interface PartnerYaml {
  kind: string;
  name: string;
  legalForm?: string;
  legalFormSource?: string;
  siret?: string;
  rna?: string;
  scope?: string;
  location?: {
    commune: string;
    postalCode: string;
    address?: string;
    latitude?: number;
    longitude?: number;
  };
  commitments?: string[];
  partnershipTypes?: string[];
  partnershipTypesSource?: string;
  website?: string;
  partnerSince?: number;
  partnerSinceSource?: string;
  networks?: string[];
  description?: { fr: string; en?: string };
  logo?: { src: string; alt: string; credit: string };
  updatedAt: string;
}

/** Top-level keys in the order the schema declares them, which canonical files follow. */
export const PARTNER_KEY_ORDER = [
  'kind',
  'name',
  'legalForm',
  'legalFormSource',
  'siret',
  'rna',
  'scope',
  'location',
  'commitments',
  'partnershipTypes',
  'partnershipTypesSource',
  'website',
  'partnerSince',
  'partnerSinceSource',
  'networks',
  'description',
  'logo',
  'updatedAt',
] as const satisfies readonly (keyof PartnerYaml)[];

/**
 * The YAML fields of validated data, in canonical order: derived places dropped,
 * references back to identifiers, empty optional fields left out.
 */
export function yamlFromParsed(data: PartnerData): PartnerYaml {
  const l = data.location;
  // The logo went through the outside-Astro image() stand-in: its src is still the path.
  const logo = data.logo as unknown as PartnerYaml['logo'];
  const out: Record<string, unknown> = {
    kind: data.kind,
    name: data.name,
    legalForm: data.legalForm,
    legalFormSource: data.legalFormSource,
    siret: data.siret,
    rna: data.rna,
    scope: data.scope,
    location: l && {
      commune: l.commune,
      postalCode: l.postalCode,
      address: l.address,
      latitude: l.latitude,
      longitude: l.longitude,
    },
    commitments: data.commitments.length > 0 ? [...data.commitments] : undefined,
    partnershipTypes: data.partnershipTypes.length > 0 ? [...data.partnershipTypes] : undefined,
    partnershipTypesSource: data.partnershipTypesSource,
    website: data.website,
    partnerSince: data.partnerSince,
    partnerSinceSource: data.partnerSinceSource,
    networks: data.networks.length > 0 ? data.networks.map((n) => n.id) : undefined,
    description: data.description && { fr: data.description.fr, en: data.description.en },
    logo: logo && { src: logo.src, alt: logo.alt, credit: logo.credit },
    updatedAt: data.updatedAt,
  };
  return dropUndefined(out) as unknown as PartnerYaml;
}

function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, dropUndefined(v)]),
    );
  }
  return value;
}

/** Codes and dates are quoted, so that no YAML reader turns them into numbers or dates. */
const QUOTED_KEYS = new Set(['commune', 'postalCode', 'siret', 'rna', 'updatedAt']);
/** Short lists of codes fit on one line, as editors write them: [a, b]. */
const FLOW_KEYS = new Set(['commitments', 'partnershipTypes', 'networks']);
/** Same width as the project's Prettier setting. */
const LINE_WIDTH = 110;

/**
 * The canonical text of a partner file: keys in schema order, codes and dates in single
 * quotes, lists of codes on one line, descriptions folded (>-) at 110 columns. The same
 * data always gives the same bytes.
 */
export function canonicalYaml(data: PartnerYaml): string {
  const ordered = Object.fromEntries(
    PARTNER_KEY_ORDER.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]),
  );
  const doc = new Document(ordered, { ...YAML_OPTIONS, aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair, ancestors) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (QUOTED_KEYS.has(key) && isScalar(pair.value)) pair.value.type = Scalar.QUOTE_SINGLE;
      if (FLOW_KEYS.has(key) && isSeq(pair.value)) pair.value.flow = true;
      // The pair's grandparent pair is "description": fr and en are prose.
      const parent = ancestors[ancestors.length - 2];
      const parentKey = parent && 'key' in parent && isScalar(parent.key) ? parent.key.value : undefined;
      if (parentKey === 'description' && isScalar(pair.value)) pair.value.type = Scalar.BLOCK_FOLDED;
    },
  });
  return doc.toString({ lineWidth: LINE_WIDTH, minContentWidth: 0, flowCollectionPadding: false });
}

export interface PartnerFile {
  /** File name without extension: identifier and URL slug. */
  id: string;
  /** Absolute path. */
  file: string;
  text: string;
  /** The YAML data; undefined when the YAML itself is broken (see yamlError). */
  raw: unknown;
  yamlError?: string;
  /** The schema's verdict on `raw`. */
  parsed: ReturnType<typeof partnerSchemaOutsideAstro.safeParse> | undefined;
}

/** Parses one partner file's text. */
export function readPartnerText(id: string, file: string, text: string): PartnerFile {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0) {
    return { id, file, text, raw: undefined, yamlError: doc.errors[0]!.message, parsed: undefined };
  }
  const raw: unknown = doc.toJS();
  return { id, file, text, raw, parsed: partnerSchemaOutsideAstro.safeParse(raw) };
}

/** Every partner file of a folder (content/partners/), in identifier order. */
export async function readPartnerFiles(dir: string = partnersDir()): Promise<PartnerFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return readPartnerText(name.slice(0, -'.yaml'.length), file, await readFile(file, 'utf8'));
    }),
  );
}
