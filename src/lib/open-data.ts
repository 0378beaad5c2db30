/**
 * The partner directory as open data. One list of columns, `COLUMNS`, drives every
 * format: the CSV, JSON and GeoJSON exports, the Table Schema published beside them,
 * the open-data page that documents them, and the bulk import (src/lib/import.ts), which
 * reads the same columns back.
 *
 * Field names follow the conventions of schema.data.gouv.fr where one applies (nom,
 * adresse, code_postal, commune, code_insee, latitude, longitude, site_web, date_maj).
 * Pure functions: Astro's static endpoints and the command-line import both use them.
 */
import {
  COMMITMENTS,
  ENTRY_KINDS,
  LEGAL_FORMS,
  PARTNERSHIP_TYPES,
  SCOPES,
  type Commitment,
  type EntryKind,
  type LegalForm,
  type PartnershipType,
  type Scope,
} from '../schemas/enums';
import { dataFileUrl, dataUrl, entryUrl, type DataFile } from './urls';
import { IDENTIFIER_PATTERN } from './slug';
import { fieldMeta } from '../schemas/meta';
import { locationFields, NETWORKS_FIELD, partnerFields } from '../schemas/partner';

/**
 * Version of the export format (semantic versioning, as on schema.data.gouv.fr): bump the
 * minor number when a column is added, the major one when a column is renamed, removed or
 * changes meaning, and update `lastModified`.
 */
export const SCHEMA_VERSION = '1.2.0';
const SCHEMA_CREATED = '2026-11-23';
const SCHEMA_LAST_MODIFIED = '2026-11-30';

/** What the exports read of a partner: the validated data of one content/partners file. */
export interface ExportablePartner {
  /** File name without extension: the partner's identifier and URL slug. */
  id: string;
  data: {
    kind: EntryKind;
    name: string;
    legalForm?: LegalForm | undefined;
    legalFormSource?: string | undefined;
    siret?: string | undefined;
    rna?: string | undefined;
    scope?: Scope | undefined;
    location?:
      | {
          commune: string;
          postalCode: string;
          address?: string | undefined;
          latitude?: number | undefined;
          longitude?: number | undefined;
          communeName: string;
          department: { code: string; name: string };
          region: { code: string; name: string };
        }
      | undefined;
    commitments: readonly Commitment[];
    partnershipTypes: readonly PartnershipType[];
    partnershipTypesSource?: string | undefined;
    website?: string | undefined;
    partnerSince?: number | undefined;
    partnerSinceSource?: string | undefined;
    networks: readonly { id: string }[];
    description?: { fr: string; en?: string | undefined } | undefined;
    updatedAt: string;
  };
}

export type CellValue = string | number | null;
/** One partner as exported: column name → value (null when empty). */
export type ExportRecord = Record<string, CellValue>;

interface Bilingual {
  fr: string;
  en: string;
}

/** Types of the Table Schema specification (frictionlessdata.io) that the columns use. */
export type ColumnType = 'string' | 'number' | 'year' | 'date';

export interface Column {
  /** Column name in every format (CSV header, JSON key, GeoJSON property). */
  name: string;
  title: Bilingual;
  description: Bilingual;
  type: ColumnType;
  format?: 'uri';
  required?: boolean;
  unique?: boolean;
  /** A closed list: one code. */
  enum?: readonly string[];
  /** A list of codes or identifiers, joined with LIST_SEPARATOR. */
  list?: boolean;
  /** Table Schema pattern (XML Schema syntax: implicitly anchored, no ^ or $). */
  pattern?: string;
  minimum?: number;
  maximum?: number;
  /** Example value, as written in the CSV. */
  example: string;
  /**
   * Where the import writes the column in the partner's YAML file. Absent for columns
   * computed at export (commune name, department, region, URL): the import ignores them.
   */
  field?: readonly string[];
  /**
   * Codes that spreadsheets read as numbers and so strip of their leading zero (01001 →
   * 1001): the import pads them back to this length.
   */
  padTo?: number;
  value(partner: ExportablePartner, site: URL): CellValue;
}

/** Separator of the values of a list column (engagements, types_partenariat, reseaux). */
export const LIST_SEPARATOR = '|';

/** A closed list as a Table Schema pattern: codes joined with "|", at least one. */
const listPattern = (codes: readonly string[]) => {
  const one = `(${codes.join('|')})`;
  return `${one}(\\|${one})*`;
};

const DERIVED_FROM_INSEE: Bilingual = {
  fr: 'Calculé à partir de code_insee (liste officielle de l’INSEE) ; ignoré à l’import.',
  en: 'Computed from code_insee (INSEE’s official list); ignored on import.',
};

const orNull = <T>(value: T | undefined): T | null => value ?? null;

/**
 * Title and description of a column that holds a partner field, from the field's own
 * declaration (src/schemas/partner.ts): the CMS form and the open-data schema say the same
 * thing. `format` adds what the file format needs on top (codes, separators).
 */
function documented(
  field: readonly string[],
  format?: Bilingual,
): { title: Bilingual; description: Bilingual; field: readonly string[] } {
  const [first, second] = field as [keyof typeof partnerFields | 'networks', string | undefined];
  const meta =
    first === 'networks'
      ? NETWORKS_FIELD.field
      : fieldMeta(
          first === 'location' && second
            ? locationFields[second as keyof typeof locationFields]
            : partnerFields[first],
        );
  if (!meta?.hint)
    throw new Error(`open data: the field ${field.join('.')} has no label or hint in its schema`);
  const join = (a: string, b: string | undefined) => (b ? `${a} ${b}` : a);
  return {
    title: meta.label,
    description: { fr: join(meta.hint.fr, format?.fr), en: join(meta.hint.en, format?.en) },
    field,
  };
}

const AS_CODE: Bilingual = { fr: 'Par son code (liste ci-dessous).', en: 'As its code (list below).' };
const AS_CODES: Bilingual = {
  fr: 'Par leurs codes séparés par « | » (liste ci-dessous).',
  en: 'As codes separated by "|" (list below).',
};
const AS_SOURCE: Bilingual = {
  fr: 'Identifiant d’une source publiée par le site.',
  en: 'Identifier of a source the site publishes.',
};

export const COLUMNS: readonly Column[] = [
  {
    name: 'identifiant',
    title: { fr: 'Identifiant', en: 'Identifier' },
    description: {
      fr: 'Identifiant stable du partenaire : nom de son fichier et de sa page (lettres minuscules, chiffres et tirets, au moins une lettre). Vide pour un nouveau partenaire à l’import : il est alors tiré du nom.',
      en: 'Stable identifier of the partner: the name of its file and page (lower-case letters, digits and hyphens, at least one letter). Leave it empty for a new partner on import: it is then made from the name.',
    },
    type: 'string',
    required: true,
    unique: true,
    pattern: IDENTIFIER_PATTERN,
    example: 'association-exemple',
    value: (p) => p.id,
  },
  {
    name: 'nom',
    ...documented(['name']),
    type: 'string',
    required: true,
    example: 'Association Exemple',
    value: (p) => p.data.name,
  },
  {
    name: 'type_fiche',
    ...documented(['kind'], AS_CODE),
    type: 'string',
    required: true,
    enum: ENTRY_KINDS,
    example: 'ess-organisation',
    value: (p) => p.data.kind,
  },
  {
    name: 'forme_juridique',
    ...documented(['legalForm'], AS_CODE),
    type: 'string',
    enum: LEGAL_FORMS,
    example: 'association',
    value: (p) => orNull(p.data.legalForm),
  },
  {
    name: 'source_forme_juridique',
    ...documented(['legalFormSource'], AS_SOURCE),
    type: 'string',
    pattern: IDENTIFIER_PATTERN,
    example: 'article-exemple',
    value: (p) => orNull(p.data.legalFormSource),
  },
  {
    name: 'siret',
    ...documented(['siret']),
    type: 'string',
    unique: true,
    pattern: '[0-9]{14}',
    example: '12345678200002',
    value: (p) => orNull(p.data.siret),
  },
  {
    name: 'rna',
    ...documented(['rna']),
    type: 'string',
    pattern: 'W[0-9]{9}',
    example: 'W123456789',
    value: (p) => orNull(p.data.rna),
  },
  {
    name: 'echelle',
    ...documented(['scope'], AS_CODE),
    type: 'string',
    enum: SCOPES,
    example: 'local',
    value: (p) => orNull(p.data.scope),
  },
  {
    name: 'adresse',
    ...documented(['location', 'address']),
    type: 'string',
    example: '1 rue de l’Exemple',
    value: (p) => orNull(p.data.location?.address),
  },
  {
    name: 'code_postal',
    ...documented(['location', 'postalCode']),
    type: 'string',
    pattern: '[0-9]{5}',
    example: '59120',
    padTo: 5,
    value: (p) => orNull(p.data.location?.postalCode),
  },
  {
    name: 'code_insee',
    ...documented(['location', 'commune']),
    type: 'string',
    pattern: '[0-9]{5}|2[AB][0-9]{3}',
    example: '59360',
    padTo: 5,
    value: (p) => orNull(p.data.location?.commune),
  },
  {
    name: 'commune',
    title: { fr: 'Commune', en: 'Commune' },
    description: {
      fr: 'Calculé à partir de code_insee. À l’import, seulement quand code_insee est vide : le nom de la commune donne son code (avec code_postal quand plusieurs communes portent ce nom).',
      en: 'Computed from code_insee. On import, only when code_insee is empty: the commune’s name gives its code (with code_postal when several communes share the name).',
    },
    type: 'string',
    example: 'Loos',
    value: (p) => orNull(p.data.location?.communeName),
  },
  {
    name: 'code_departement',
    title: { fr: 'Code du département', en: 'Department code' },
    description: DERIVED_FROM_INSEE,
    type: 'string',
    example: '59',
    value: (p) => orNull(p.data.location?.department.code),
  },
  {
    name: 'departement',
    title: { fr: 'Département', en: 'Department' },
    description: DERIVED_FROM_INSEE,
    type: 'string',
    example: 'Nord',
    value: (p) => orNull(p.data.location?.department.name),
  },
  {
    name: 'code_region',
    title: { fr: 'Code de la région', en: 'Region code' },
    description: DERIVED_FROM_INSEE,
    type: 'string',
    example: '32',
    value: (p) => orNull(p.data.location?.region.code),
  },
  {
    name: 'region',
    title: { fr: 'Région', en: 'Region' },
    description: DERIVED_FROM_INSEE,
    type: 'string',
    example: 'Hauts-de-France',
    value: (p) => orNull(p.data.location?.region.name),
  },
  {
    name: 'latitude',
    ...documented(['location', 'latitude']),
    type: 'number',
    minimum: -90,
    maximum: 90,
    example: '50.61',
    value: (p) => orNull(p.data.location?.latitude),
  },
  {
    name: 'longitude',
    ...documented(['location', 'longitude']),
    type: 'number',
    minimum: -180,
    maximum: 180,
    example: '3.01',
    value: (p) => orNull(p.data.location?.longitude),
  },
  {
    name: 'engagements',
    ...documented(['commitments'], AS_CODES),
    type: 'string',
    list: true,
    enum: COMMITMENTS,
    pattern: listPattern(COMMITMENTS),
    example: 'territorial-cohesion|social-inclusion',
    value: (p) => p.data.commitments.join(LIST_SEPARATOR) || null,
  },
  {
    name: 'types_partenariat',
    ...documented(['partnershipTypes'], AS_CODES),
    type: 'string',
    list: true,
    enum: PARTNERSHIP_TYPES,
    pattern: listPattern(PARTNERSHIP_TYPES),
    example: 'shared-places|mediation',
    value: (p) => p.data.partnershipTypes.join(LIST_SEPARATOR) || null,
  },
  {
    name: 'source_types_partenariat',
    ...documented(['partnershipTypesSource'], AS_SOURCE),
    type: 'string',
    pattern: IDENTIFIER_PATTERN,
    example: 'article-exemple',
    value: (p) => orNull(p.data.partnershipTypesSource),
  },
  {
    name: 'site_web',
    ...documented(['website']),
    type: 'string',
    format: 'uri',
    pattern: 'https?://.+',
    example: 'https://www.example.org/',
    value: (p) => orNull(p.data.website),
  },
  {
    name: 'partenaire_depuis',
    ...documented(['partnerSince']),
    type: 'year',
    minimum: 1990,
    maximum: 2100,
    example: '2022',
    value: (p) => orNull(p.data.partnerSince),
  },
  {
    name: 'source_partenaire_depuis',
    ...documented(['partnerSinceSource'], AS_SOURCE),
    type: 'string',
    pattern: IDENTIFIER_PATTERN,
    example: 'article-exemple',
    value: (p) => orNull(p.data.partnerSinceSource),
  },
  {
    name: 'reseaux',
    ...documented(['networks'], {
      fr: 'Identifiants d’autres partenaires, séparés par « | ».',
      en: 'Identifiers of other partners, separated by "|".',
    }),
    type: 'string',
    list: true,
    pattern: `${IDENTIFIER_PATTERN}(\\|${IDENTIFIER_PATTERN})*`,
    example: 'reseau-exemple',
    value: (p) => p.data.networks.map((n) => n.id).join(LIST_SEPARATOR) || null,
  },
  {
    name: 'description_fr',
    title: { fr: 'Description (français)', en: 'Description (French)' },
    description: {
      fr: 'Courte description de la structure et de ce qu’elle fait avec La Poste, en français : obligatoire pour un partenaire, facultative pour une structure référencée.',
      en: 'Short description of the organisation and what it does with La Poste, in French: required for a partner, optional for a referenced organisation.',
    },
    type: 'string',
    example: 'Association qui anime des ateliers numériques dans un bureau de poste.',
    field: ['description', 'fr'],
    value: (p) => orNull(p.data.description?.fr),
  },
  {
    name: 'description_en',
    title: { fr: 'Description (anglais)', en: 'Description (English)' },
    description: {
      fr: 'La même description en anglais, si elle existe.',
      en: 'The same description in English, if there is one.',
    },
    type: 'string',
    example: 'An association that runs digital workshops in a post office.',
    field: ['description', 'en'],
    value: (p) => orNull(p.data.description?.en),
  },
  {
    name: 'date_maj',
    ...documented(['updatedAt']),
    type: 'date',
    required: true,
    example: '2026-11-23',
    value: (p) => p.data.updatedAt,
  },
  {
    name: 'url',
    title: { fr: 'Page du partenaire', en: 'Partner page' },
    description: {
      fr: 'Adresse de la page du partenaire sur ce site (en français) ; ignorée à l’import.',
      en: 'Address of the partner’s page on this site (in French); ignored on import.',
    },
    type: 'string',
    format: 'uri',
    required: true,
    example: 'https://alliance-dynamique.example.org/partenaires/association-exemple/',
    value: (p, site) => absoluteUrl(entryUrl('partners', 'fr', p.id), site),
  },
];

/** The columns by name. */
export const COLUMN_BY_NAME: ReadonlyMap<string, Column> = new Map(COLUMNS.map((c) => [c.name, c]));

function absoluteUrl(pathname: string, site: URL): string {
  return new URL(pathname, site).href;
}

/** One record per partner, in identifier order (stable from one build to the next). */
export function exportRecords(partners: readonly ExportablePartner[], site: URL): ExportRecord[] {
  return [...partners]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => Object.fromEntries(COLUMNS.map((c) => [c.name, c.value(p, site)])));
}

// --- CSV, as French spreadsheet software expects it ---

export const CSV_DELIMITER = ';';
const BOM = '\uFEFF';
const CRLF = '\r\n';

/** A plain number ("-1.55", "2022") cannot be a formula: it is left as is, so it stays a number. */
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
/** What spreadsheet software reads as the start of a formula (or a DDE command). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Protects a cell against formula injection: a text beginning with =, +, -, @, a tab or a
 * carriage return is prefixed with an apostrophe, which spreadsheets read as "this is
 * text". The import removes that apostrophe again (see `unneutraliseCell`).
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** Undoes `neutraliseCell`: "'=1+1" → "=1+1". Any other apostrophe is kept. */
export function unneutraliseCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) && !PLAIN_NUMBER.test(text.slice(1))
    ? text.slice(1)
    : text;
}

/** A value as CSV cell text: empty for null, numbers written with a decimal point. */
export function cellText(value: CellValue): string {
  return value === null ? '' : String(value);
}

function quoteCell(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/**
 * Rows as CSV: UTF-8 with a byte order mark (so that Excel detects the encoding),
 * semicolons, CRLF line ends, every cell protected against formula injection.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    cells.map((cell) => quoteCell(neutraliseCell(cell), CSV_DELIMITER)).join(CSV_DELIMITER);
  return BOM + [header, ...rows].map(line).join(CRLF) + CRLF;
}

/** The directory as CSV: one header row of column names, then one row per partner. */
export function recordsToCsv(records: readonly ExportRecord[]): string {
  return toCsv(
    COLUMNS.map((c) => c.name),
    records.map((r) => COLUMNS.map((c) => cellText(r[c.name] ?? null))),
  );
}

// --- JSON and GeoJSON ---

/** The directory as JSON: the same records as the CSV, numbers as numbers, empty cells as null. */
export function recordsToJson(records: readonly ExportRecord[], site: URL): string {
  return (
    JSON.stringify(
      {
        schema: absoluteUrl(dataFileUrl('schema'), site),
        version_schema: SCHEMA_VERSION,
        documentation: absoluteUrl(dataUrl('fr'), site),
        partenaires: records,
      },
      null,
      2,
    ) + '\n'
  );
}

/**
 * The directory as GeoJSON (RFC 7946): one Feature per partner, whose properties are the
 * same records. Partners without coordinates are kept, with `geometry: null` (RFC 7946,
 * §3.2): every export then holds exactly one record per partner, and a map simply skips
 * them.
 */
export function recordsToGeoJson(records: readonly ExportRecord[], site: URL): string {
  const features = records.map((r) => {
    const { latitude, longitude } = r;
    return {
      type: 'Feature',
      id: r['identifiant'],
      geometry:
        typeof latitude === 'number' && typeof longitude === 'number'
          ? { type: 'Point', coordinates: [longitude, latitude] }
          : null,
      properties: r,
    };
  });
  return (
    JSON.stringify(
      { type: 'FeatureCollection', schema: absoluteUrl(dataFileUrl('schema'), site), features },
      null,
      2,
    ) + '\n'
  );
}

// --- Table Schema ---

/**
 * The Table Schema (frictionlessdata.io, as published on schema.data.gouv.fr) of the
 * exports: every column with its type, constraints and example, in French.
 */
export function tableSchema(site: URL): Record<string, unknown> {
  return {
    $schema: 'https://specs.frictionlessdata.io/schemas/table-schema.json',
    name: 'partenaires-alliance-dynamique',
    title: 'Partenaires de l’Alliance Dynamique',
    description:
      'Annuaire de l’Alliance Dynamique, le programme du Groupe La Poste avec l’économie sociale et solidaire : ses partenaires (structures de l’ESS et partenaires institutionnels) et les structures de l’ESS qu’il référence (colonne type_fiche). Un enregistrement par fiche.',
    countryCode: 'FR',
    homepage: absoluteUrl(dataUrl('fr'), site),
    path: absoluteUrl(dataFileUrl('schema'), site),
    resources: [
      { title: 'Annuaire au format CSV', path: absoluteUrl(dataFileUrl('csv'), site) },
      { title: 'Annuaire au format JSON', path: absoluteUrl(dataFileUrl('json'), site) },
      { title: 'Annuaire au format GeoJSON', path: absoluteUrl(dataFileUrl('geojson'), site) },
    ],
    created: SCHEMA_CREATED,
    lastModified: SCHEMA_LAST_MODIFIED,
    version: SCHEMA_VERSION,
    missingValues: [''],
    primaryKey: 'identifiant',
    fields: COLUMNS.map((c) => {
      const constraints: Record<string, unknown> = {};
      if (c.required) constraints['required'] = true;
      if (c.unique) constraints['unique'] = true;
      if (c.enum && !c.list) constraints['enum'] = [...c.enum];
      if (c.pattern) constraints['pattern'] = c.pattern;
      if (c.minimum !== undefined) constraints['minimum'] = c.minimum;
      if (c.maximum !== undefined) constraints['maximum'] = c.maximum;
      return {
        name: c.name,
        title: c.title.fr,
        description: c.description.fr,
        type: c.type,
        ...(c.format ? { format: c.format } : {}),
        example: exampleFor(c, site),
        ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
      };
    }),
  };
}

/** The example of a column; the URL example follows the site's address. */
export function exampleFor(column: Column, site: URL): string {
  return column.name === 'url'
    ? absoluteUrl(entryUrl('partners', 'fr', 'association-exemple'), site)
    : column.example;
}

// --- Everything the build publishes ---

export interface OpenDataFiles {
  records: ExportRecord[];
  readonly csv: string;
  readonly json: string;
  readonly geojson: string;
  readonly schema: string;
}

/**
 * The four published files of a list of partners. Each file is built when it is read, and
 * not kept: at 20,000 partners the three exports weigh about 100 MB of text, which an
 * endpoint needs for a moment and the rest of the build not at all (the open-data page only
 * shows their sizes: openDataSummary).
 */
export function openDataFiles(partners: readonly ExportablePartner[], site: URL): OpenDataFiles {
  const records = exportRecords(partners, site);
  return {
    records,
    get csv() {
      return recordsToCsv(records);
    },
    get json() {
      return recordsToJson(records, site);
    },
    get geojson() {
      return recordsToGeoJson(records, site);
    },
    get schema() {
      return JSON.stringify(tableSchema(site), null, 2) + '\n';
    },
  };
}

export interface OpenDataSummary {
  records: number;
  /** Records with coordinates. */
  located: number;
  /** Size of each file once written, in bytes. */
  bytes: Record<DataFile, number>;
}

// Both languages of the open-data page ask: measure the files once per list and site.
const summaries = new WeakMap<readonly ExportablePartner[], Map<string, OpenDataSummary>>();

/** What the open-data page says of the files: counts and sizes, measured on the files themselves. */
export function openDataSummary(partners: readonly ExportablePartner[], site: URL): OpenDataSummary {
  let bySite = summaries.get(partners);
  if (!bySite) summaries.set(partners, (bySite = new Map()));
  let summary = bySite.get(site.href);
  if (!summary) {
    const files = openDataFiles(partners, site);
    summary = {
      records: files.records.length,
      located: files.records.filter((r) => typeof r['latitude'] === 'number').length,
      bytes: {
        csv: byteLength(files.csv),
        json: byteLength(files.json),
        geojson: byteLength(files.geojson),
        schema: byteLength(files.schema),
      },
    };
    bySite.set(site.href, summary);
  }
  return summary;
}

/** Size in bytes of a file's text once written (UTF-8). */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
