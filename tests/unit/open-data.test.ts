/**
 * The open-data exports (src/lib/open-data.ts): CSV as French spreadsheets expect it,
 * JSON, GeoJSON and the Table Schema, all driven by one list of columns.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  COLUMNS,
  SCHEMA_VERSION,
  exampleFor,
  neutraliseCell,
  openDataFiles,
  recordsToCsv,
  tableSchema,
  unneutraliseCell,
  type Column,
  type ExportablePartner,
  type ExportRecord,
} from '../../src/lib/open-data';
import { readPartnerFiles, type PartnerFile } from '../../src/lib/import-content';
import { FIXTURE_PARTNERS, MEMBER, NETWORK, ROOT } from '../fixtures/import/helpers';

const SITE = new URL('https://alliance-dynamique.example.org');

function exportable(files: readonly PartnerFile[]): ExportablePartner[] {
  return files.map((f) => {
    if (!f.parsed?.success) throw new Error(`${f.file} does not pass the schema`);
    return { id: f.id, data: f.parsed.data };
  });
}

/** CSV lines without the BOM, split on CRLF (the fixtures hold no line break inside a cell). */
function csvLines(csv: string): string[] {
  return csv.slice(1).split('\r\n').slice(0, -1);
}

let fixture: ExportablePartner[];
let real: ExportablePartner[];
beforeAll(async () => {
  fixture = exportable(await readPartnerFiles(FIXTURE_PARTNERS));
  real = exportable(await readPartnerFiles(path.join(ROOT, 'content/partners')));
});

/** A fixture partner with some fields replaced. */
function variant(data: Partial<ExportablePartner['data']>, id = 'association-fictive-des-tests-n-5') {
  const base = fixture.find((p) => p.id === MEMBER.id)!;
  return { id, data: { ...base.data, ...data } };
}

/** Table Schema patterns are implicitly anchored (XML Schema syntax). */
const anchored = (pattern: string) => new RegExp(`^(?:${pattern})$`);

/** The problems of one value against its column's Table Schema constraints. */
function violations(column: Column, value: ExportRecord[string]): string[] {
  if (value === null) return column.required ? [`${column.name}: required`] : [];
  const problems: string[] = [];
  const text = String(value);
  if (column.pattern && !anchored(column.pattern).test(text))
    problems.push(`${column.name}: "${text}" pattern`);
  if (column.enum && !column.list && !column.enum.includes(text))
    problems.push(`${column.name}: "${text}" enum`);
  if (column.type === 'number' || column.type === 'year') {
    if (typeof value !== 'number') problems.push(`${column.name}: not a number`);
    else if (
      (column.minimum !== undefined && value < column.minimum) ||
      (column.maximum !== undefined && value > column.maximum)
    )
      problems.push(`${column.name}: ${value} out of range`);
  }
  if (column.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) problems.push(`${column.name}: date`);
  return problems;
}

describe('CSV', () => {
  test('the CSV starts with a UTF-8 byte order mark, so that Excel reads it as UTF-8', () => {
    expect(openDataFiles(fixture, SITE).csv.startsWith('\uFEFF')).toBe(true);
  });

  test('the CSV ends every line with CRLF and has no bare line feed', () => {
    const csv = openDataFiles(fixture, SITE).csv;
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  test('the CSV header is every column name once, in order, separated by semicolons', () => {
    const [header] = csvLines(openDataFiles(fixture, SITE).csv);
    expect(header).toBe(COLUMNS.map((c) => c.name).join(';'));
  });

  test('the CSV has one row per partner after the header', () => {
    expect(csvLines(openDataFiles(fixture, SITE).csv)).toHaveLength(fixture.length + 1);
  });

  test('a cell holding a semicolon, a double quote or a line break is quoted, quotes doubled', () => {
    const csv = recordsToCsv([{ nom: 'A; "B"\nC' }]);
    expect(csv).toContain('"A; ""B""\nC"');
  });

  test('lists of codes are joined with a vertical bar', () => {
    const csv = openDataFiles(fixture, SITE).csv;
    expect(csv).toContain(';territorial-cohesion|digital-inclusion;');
  });

  test('a name beginning with = is neutralised in the CSV export with an apostrophe', () => {
    const files = openDataFiles([variant({ name: '=HYPERLIEN("https://example.org")' })], SITE);
    expect(files.csv).toContain(`;"'=HYPERLIEN(""https://example.org"")";`);
  });

  test('a name holding HTML stays the same text in the CSV export', () => {
    const name = '<b>Association</b> Fictive des Tests <script>alert(1)</script>';
    expect(openDataFiles([variant({ name })], SITE).csv).toContain(`;${name};`);
  });
});

describe('formula injection', () => {
  test.each([
    ['=', '=1+1'],
    ['+', '+33 1 00 00 00 00'],
    ['-', '-pas une formule ?'],
    ['@', '@SOMME(A1)'],
    ['a tab', '\tcachée'],
    ['a carriage return', '\rcachée'],
  ])('a cell beginning with %s is prefixed with an apostrophe', (_, text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  test('a plain negative number is left as is, so that it stays a number', () => {
    expect(neutraliseCell('-1.55')).toBe('-1.55');
  });

  test('a cell beginning with any other character is left as is', () => {
    expect(neutraliseCell('Association Fictive des Tests')).toBe('Association Fictive des Tests');
  });

  test('the import removes the apostrophe that the export added', () => {
    for (const text of ['=1+1', '+33', '@x', '-x', '\tx'])
      expect(unneutraliseCell(neutraliseCell(text))).toBe(text);
  });

  test('the import keeps an apostrophe that protects nothing', () => {
    expect(unneutraliseCell("'Association")).toBe("'Association");
  });
});

describe('records', () => {
  test('exactly one record per partner in the CSV, the JSON and the GeoJSON of the real directory', () => {
    const files = openDataFiles(real, SITE);
    const ids = real.map((p) => p.id).sort();
    expect(
      csvLines(files.csv)
        .slice(1)
        .map((l) => l.split(';')[0]),
    ).toEqual(ids);
    expect(
      (JSON.parse(files.json) as { partenaires: ExportRecord[] }).partenaires.map((r) => r['identifiant']),
    ).toEqual(ids);
    expect((JSON.parse(files.geojson) as { features: { id: string }[] }).features.map((f) => f.id)).toEqual(
      ids,
    );
  });

  test('records are sorted by identifier, whatever the order of the partners given', () => {
    const ids = openDataFiles([...fixture].reverse(), SITE).records.map((r) => r['identifiant']);
    expect(ids).toEqual([MEMBER.id, NETWORK.id]);
  });

  test('the url column is the absolute address of the partner’s French page', () => {
    const record = openDataFiles(fixture, SITE).records.find((r) => r['identifiant'] === MEMBER.id)!;
    expect(record['url']).toBe(`https://alliance-dynamique.example.org/partenaires/${MEMBER.id}/`);
  });

  test('department and region are derived from the INSEE code', () => {
    const record = openDataFiles(fixture, SITE).records.find((r) => r['identifiant'] === MEMBER.id)!;
    expect(record).toMatchObject({
      commune: 'Loos',
      code_departement: '59',
      departement: 'Nord',
      code_region: '32',
      region: 'Hauts-de-France',
    });
  });

  test('JSON keeps numbers as numbers and empty cells as null', () => {
    const json = JSON.parse(openDataFiles(fixture, SITE).json) as { partenaires: ExportRecord[] };
    const member = json.partenaires.find((r) => r['identifiant'] === MEMBER.id)!;
    const network = json.partenaires.find((r) => r['identifiant'] === NETWORK.id)!;
    expect(member['latitude']).toBe(50.61);
    expect(member['partenaire_depuis']).toBe(2020);
    expect(network['latitude']).toBeNull();
    expect(network['code_insee']).toBeNull();
  });

  test('JSON names the schema and its version', () => {
    const json = JSON.parse(openDataFiles(fixture, SITE).json) as Record<string, unknown>;
    expect(json['schema']).toBe('https://alliance-dynamique.example.org/donnees/schema-partenaires.json');
    expect(json['version_schema']).toBe(SCHEMA_VERSION);
  });

  test('a name holding HTML stays the same text in the JSON export', () => {
    const name = '<img src=x onerror=alert(1)> Association Fictive des Tests';
    const json = JSON.parse(openDataFiles([variant({ name })], SITE).json) as { partenaires: ExportRecord[] };
    expect(json.partenaires[0]!['nom']).toBe(name);
  });

  test('every value exported from the real directory satisfies its column’s constraints', () => {
    const problems = openDataFiles(real, SITE).records.flatMap((r) =>
      COLUMNS.flatMap((c) =>
        violations(c, r[c.name] ?? null).map((p) => `${String(r['identifiant'])}: ${p}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  test('every value exported from the fixture, which fills every column, satisfies its constraints', () => {
    const problems = openDataFiles(fixture, SITE).records.flatMap((r) =>
      COLUMNS.flatMap((c) => violations(c, r[c.name] ?? null)),
    );
    expect(problems).toEqual([]);
  });
});

describe('GeoJSON', () => {
  interface Feature {
    type: string;
    id: string;
    geometry: { type: string; coordinates: number[] } | null;
    properties: ExportRecord;
  }
  const features = () =>
    (JSON.parse(openDataFiles(fixture, SITE).geojson) as { type: string; features: Feature[] }).features;

  test('the GeoJSON is a FeatureCollection of Features', () => {
    const collection = JSON.parse(openDataFiles(fixture, SITE).geojson) as { type: string };
    expect(collection.type).toBe('FeatureCollection');
    expect(features().every((f) => f.type === 'Feature')).toBe(true);
  });

  test('a partner with coordinates is a Point in longitude, latitude order', () => {
    expect(features().find((f) => f.id === MEMBER.id)!.geometry).toEqual({
      type: 'Point',
      coordinates: [3.01, 50.61],
    });
  });

  test('a partner without coordinates keeps its feature, with a null geometry', () => {
    expect(features().find((f) => f.id === NETWORK.id)!.geometry).toBeNull();
  });

  test('the properties of a feature are the same record as the CSV row', () => {
    const files = openDataFiles(fixture, SITE);
    expect(features().map((f) => f.properties)).toEqual(files.records);
  });
});

describe('Table Schema', () => {
  const schema = () =>
    tableSchema(SITE) as { version: string; fields: Record<string, unknown>[] } & Record<string, unknown>;

  test('the schema carries a semantic version', () => {
    expect(schema().version).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('the schema has one field per column, in the CSV’s order', () => {
    expect(schema().fields.map((f) => f['name'])).toEqual(COLUMNS.map((c) => c.name));
  });

  test('the identifiant is the primary key', () => {
    expect(schema()['primaryKey']).toBe('identifiant');
  });

  test('field names follow schema.data.gouv.fr where a convention exists', () => {
    const names = COLUMNS.map((c) => c.name);
    for (const name of [
      'nom',
      'adresse',
      'code_postal',
      'commune',
      'code_insee',
      'latitude',
      'longitude',
      'site_web',
      'date_maj',
    ])
      expect(names).toContain(name);
  });

  test('every column’s example satisfies its own pattern and list of codes', () => {
    const problems: string[] = [];
    for (const c of COLUMNS) {
      const example = exampleFor(c, SITE);
      if (c.pattern && !anchored(c.pattern).test(example)) problems.push(`${c.name}: ${example}`);
      if (c.enum && !c.list && !c.enum.includes(example)) problems.push(`${c.name}: ${example}`);
      if (c.enum && c.list && !example.split('|').every((v) => c.enum!.includes(v)))
        problems.push(`${c.name}: ${example}`);
    }
    expect(problems).toEqual([]);
  });

  test('every column has a French and an English title and description', () => {
    const missing = COLUMNS.filter(
      (c) => !c.title.fr || !c.title.en || !c.description.fr || !c.description.en,
    ).map((c) => c.name);
    expect(missing).toEqual([]);
  });

  test('only the identifier (the file name) and the computed columns, which the import ignores, carry no field', () => {
    const computed = COLUMNS.filter((c) => !c.field).map((c) => c.name);
    expect(computed).toEqual([
      'identifiant',
      'commune',
      'code_departement',
      'departement',
      'code_region',
      'region',
      'url',
    ]);
  });

  test('no two columns write the same field', () => {
    const fields = COLUMNS.filter((c) => c.field).map((c) => c.field!.join('.'));
    expect(new Set(fields).size).toBe(fields.length);
  });
});
