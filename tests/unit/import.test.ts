/**
 * The bulk import (src/lib/import.ts, scripts/import.ts): reading what spreadsheets
 * write, one test per kind of bad input, matching existing partners, and the files it
 * writes. Every organisation is made up; the content folder is a scratch copy of
 * tests/fixtures/import/partners.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ImportError,
  decodeCsv,
  detectDelimiter,
  planImport,
  readCsv,
  rejectsPath,
  runImport,
  type ImportPlan,
  type RowOutcome,
} from '../../src/lib/import';
import { partnersDir, readPartnerFiles, type PartnerFile } from '../../src/lib/import-content';
import { COLUMNS, cellText, exportRecords } from '../../src/lib/open-data';
import {
  MEMBER,
  NETWORK,
  ROOT,
  csvFile,
  fakeSiret,
  newRow,
  scratchContent,
  type CsvOptions,
  type Row,
} from '../fixtures/import/helpers';

const scratch: string[] = [];
/** A scratch content folder, removed after the tests. */
async function content(): Promise<string> {
  const dir = await scratchContent();
  scratch.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

let existing: PartnerFile[];
beforeAll(async () => {
  existing = await readPartnerFiles(partnersDir(await content()));
});

/** What the import would do with these rows, against the fixture partners. */
function plan(rows: Row[], options: CsvOptions = {}): ImportPlan {
  return planImport(readCsv(csvFile(rows, options)), existing);
}

/** The only row of a plan. */
function only(rows: Row[], options: CsvOptions = {}): RowOutcome {
  const { outcomes } = plan(rows, options);
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

/** "column: message" for each problem of a row. */
const problems = (o: RowOutcome) => o.problems.map((p) => `${p.column}: ${p.message}`);

/** Expects the row to be rejected on `column`, with a message matching `message`. */
function expectRejected(o: RowOutcome, column: string, message?: RegExp) {
  expect(o.status, problems(o).join('\n') || 'no problem').toBe('rejected');
  const onColumn = o.problems.filter((p) => p.column === column);
  expect(onColumn, `no problem on ${column}: ${problems(o).join('; ')}`).not.toEqual([]);
  if (message) expect(onColumn.map((p) => p.message).join('\n')).toMatch(message);
}

/** The YAML a row would write, parsed back to its text for simple checks. */
function yamlOf(o: RowOutcome): string {
  expect(o.status, problems(o).join('\n')).not.toBe('rejected');
  return o.yaml ?? '';
}

const SITE = new URL('https://alliance-dynamique.example.org');

/** A fixture partner as the CSV export writes it: the row an editor would start from. */
function exportedRow(id: string, overrides: Row = {}): Row {
  const file = existing.find((f) => f.id === id);
  if (!file?.parsed?.success) throw new Error(`fixture partner ${id} is missing or invalid`);
  const [record] = exportRecords([{ id, data: file.parsed.data }], SITE);
  return {
    ...Object.fromEntries(COLUMNS.map((c) => [c.name, cellText(record![c.name] ?? null)])),
    ...overrides,
  };
}

const memberRow = (overrides: Row = {}): Row => exportedRow(MEMBER.id, overrides);

describe('reading what spreadsheets write', () => {
  test('a UTF-8 file with a byte order mark is read, the mark not part of the first column name', () => {
    const table = readCsv(csvFile([newRow(2)], { bom: true }));
    expect(table.encoding).toBe('UTF-8 with BOM');
    expect(table.header[0]).toBe('identifiant');
  });

  test('a UTF-8 file without a byte order mark is read as UTF-8', () => {
    const table = readCsv(csvFile([newRow(2, { nom: 'Société Fictive des Tests – l’atelier' })]));
    expect(table.encoding).toBe('UTF-8');
    expect(table.rows[0]!.cells).toContain('Société Fictive des Tests – l’atelier');
  });

  test('a Windows-1252 file, which is not valid UTF-8, is decoded as Windows-1252', () => {
    const name = 'Société Fictive des Tests – l’atelier « œuvre »';
    const table = readCsv(csvFile([newRow(2, { nom: name })], { encoding: 'windows-1252' }));
    expect(table.encoding).toBe('Windows-1252');
    expect(table.rows[0]!.cells).toContain(name);
  });

  test('plain ASCII is read as UTF-8', () => {
    expect(decodeCsv(new TextEncoder().encode('nom\r\nA\r\n')).encoding).toBe('UTF-8');
  });

  test('semicolons are detected as the separator', () => {
    expect(readCsv(csvFile([newRow(2)], { delimiter: ';' })).delimiter).toBe(';');
  });

  test('commas are detected as the separator', () => {
    const table = readCsv(csvFile([newRow(2)], { delimiter: ',' }));
    expect(table.delimiter).toBe(',');
    expect(plan([newRow(2)], { delimiter: ',' }).outcomes[0]!.status).toBe('imported');
  });

  test('a separator inside quotes does not count towards detection', () => {
    expect(detectDelimiter('"a,b,c";d;e\n')).toBe(';');
  });

  test('a cell holding the separator in quotes stays one cell', () => {
    const row = newRow(2, { description_fr: 'Ateliers ; permanences, accueil.' });
    expect(yamlOf(only([row]))).toContain('Ateliers ; permanences, accueil.');
  });

  test('a cell spanning two lines keeps the line numbers of the rows after it', () => {
    const rows = [
      newRow(2, { description_fr: 'Première ligne\nseconde ligne' }),
      newRow(3, { siret: 'faux' }),
    ];
    expect(plan(rows).outcomes.map((o) => o.line)).toEqual([2, 4]);
  });

  test('blank rows are skipped, not counted as rows read', () => {
    const text = `nom;engagements\r\n\r\n;\r\n`;
    expect(readCsv(new TextEncoder().encode(text)).rows).toEqual([]);
  });

  test('an empty file stops the import', () => {
    expect(() => readCsv(new Uint8Array())).toThrow(ImportError);
  });

  test('an unknown column stops the import before any row, since a typo would drop a field', () => {
    const row = { ...newRow(2), site_wbe: 'https://example.org/' };
    expect(() => plan([row])).toThrow(/colonne inconnue « site_wbe »/);
  });

  test('a column named twice stops the import', () => {
    const bytes = new TextEncoder().encode('nom;nom\r\nA;B\r\n');
    expect(() => planImport(readCsv(bytes), existing)).toThrow(/figure deux fois/);
  });

  test('the ligne, champ and raison columns of a rejects file are ignored', () => {
    const row = { ...newRow(2), ligne: '7', champ: 'siret', raison: 'SIRET invalide' };
    expect(only([row]).status).toBe('imported');
  });
});

describe('cells', () => {
  test('an INSEE code that lost its leading zero (1001) is restored to 01001', () => {
    const row = newRow(2, { code_insee: '1001', code_postal: '01400', latitude: '46.15', longitude: '4.92' });
    expect(yamlOf(only([row]))).toContain("commune: '01001'");
  });

  test('a postal code that lost its leading zero (1400) is restored to 01400', () => {
    const row = newRow(2, { code_insee: '01001', code_postal: '1400', latitude: '46.15', longitude: '4.92' });
    expect(yamlOf(only([row]))).toContain("postalCode: '01400'");
  });

  test('a Corsican INSEE code (2A004) stays as written', () => {
    const row = newRow(2, {
      code_insee: '2A004',
      code_postal: '20000',
      latitude: '41.92',
      longitude: '8.74',
    });
    expect(yamlOf(only([row]))).toContain("commune: '2A004'");
  });

  test('a decimal comma in coordinates is read as a decimal point', () => {
    const yaml = yamlOf(only([newRow(2, { latitude: '50,61', longitude: '3,01' })], { delimiter: ';' }));
    expect(yaml).toContain('latitude: 50.61');
  });

  test('a date written DD/MM/YYYY by a French spreadsheet is stored as YYYY-MM-DD', () => {
    expect(yamlOf(only([newRow(2, { date_maj: '5/11/2026' })]))).toContain("updatedAt: '2026-11-05'");
  });

  test('a SIRET written with spaces is stored without them', () => {
    const siret = fakeSiret(42);
    const spaced = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
    expect(yamlOf(only([newRow(2, { siret: spaced })]))).toContain(`siret: '${siret}'`);
  });

  test('a SIRET turned into scientific notation is rejected, with advice to format the column as text', () => {
    expectRejected(only([newRow(2, { siret: '9,9999E+13' })]), 'siret', /mettez la colonne au format Texte/);
  });

  test('a new row without an identifiant gets one made from its name', () => {
    expect(only([newRow(2, { nom: 'Atelier Fictif des Tests d’Économie' })]).id).toBe(
      'atelier-fictif-des-tests-d-economie',
    );
  });

  test('an empty reseaux cell leaves the networks out of the file', () => {
    expect(yamlOf(only([newRow(2, { reseaux: '' })]))).not.toContain('networks');
  });
});

describe('bad input: each kind rejects its row, with the column at fault', () => {
  test('an invalid SIRET is rejected on the siret column', () => {
    const siret = fakeSiret(7);
    const wrong = siret.slice(0, 13) + String((Number(siret[13]) + 1) % 10);
    expectRejected(only([newRow(2, { siret: wrong })]), 'siret', /SIRET invalide/);
  });

  test('an unknown INSEE code is rejected on the code_insee column', () => {
    expectRejected(
      only([newRow(2, { code_insee: '99999' })]),
      'code_insee',
      /n’est le code INSEE d’aucune commune/,
    );
  });

  test('a postal code typed as the INSEE code is rejected with the likely commune', () => {
    expectRejected(only([newRow(2, { code_insee: '59000' })]), 'code_insee', /est un code postal/);
  });

  test('coordinates (0, 0) are rejected as outside France', () => {
    expectRejected(only([newRow(2, { latitude: '0', longitude: '0' })]), 'latitude', /hors de France/);
  });

  test('swapped latitude and longitude are rejected as outside France', () => {
    expectRejected(only([newRow(2, { latitude: '3.01', longitude: '50.61' })]), 'latitude', /hors de France/);
  });

  test('coordinates in another part of France than the commune are rejected', () => {
    const row = newRow(2, { latitude: '-20.88', longitude: '55.45' });
    expectRejected(
      only([row]),
      'latitude',
      /est en La Réunion, mais Loos \(59360\) est en France métropolitaine/,
    );
  });

  test('a latitude without a longitude is rejected', () => {
    expectRejected(only([newRow(2, { longitude: '' })]), 'longitude', /la latitude et la longitude/);
  });

  test('a row without a name is rejected on the nom column', () => {
    expectRejected(only([newRow(2, { nom: '' })]), 'nom', /obligatoire/);
  });

  test('a SIRET twice in the file rejects both rows, each naming the other’s line', () => {
    const siret = fakeSiret(9);
    const { outcomes } = plan([newRow(2, { siret }), newRow(3, { siret })]);
    expectRejected(outcomes[0]!, 'siret', /figure aussi ligne 3/);
    expectRejected(outcomes[1]!, 'siret', /figure aussi ligne 2/);
  });

  test('an identifiant twice in the file rejects both rows', () => {
    const { outcomes } = plan([newRow(2, { identifiant: 'double' }), newRow(3, { identifiant: 'double' })]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });

  test('a javascript: website is rejected on the site_web column', () => {
    expectRejected(only([newRow(2, { site_web: 'javascript:alert(1)' })]), 'site_web', /http/);
  });

  test.each(['=', '+', '-', '@'])('a name beginning with %s is kept as harmless text', (start) => {
    const name = `${start}SOMME(1;2) Association Fictive des Tests`;
    const o = only([newRow(2, { nom: name })]);
    expect(o.status).toBe('imported');
    expect(yamlOf(o)).toContain(name);
  });

  test("a name neutralised by the export ('=…) gets its apostrophe removed", () => {
    expect(yamlOf(only([newRow(2, { nom: "'=1+1 Association Fictive" })]))).toContain(
      'name: =1+1 Association Fictive\n',
    );
  });

  test.each(['siret', 'code_insee', 'code_postal'])(
    'a %s cell beginning with = is rejected by its field rule',
    (column) => {
      const row = newRow(2);
      expectRejected(only([{ ...row, [column]: `=${row[column] ?? ''}` }]), column);
    },
  );

  test('a new partner whose name is only a number needs an identifiant, since its page would take a directory page', () => {
    const o = only([newRow(2, { nom: '2' })]);
    expectRejected(o, 'identifiant');
    expect(problems(o).join()).toMatch(/tiré du nom, « 2 », n’a pas de lettre/);
    expect(only([newRow(2, { nom: '2', identifiant: 'association-2' })]).status).toBe('imported');
  });

  test('an identifiant that is only a number is rejected', () => {
    expectRejected(only([newRow(2, { identifiant: '2' })]), 'identifiant');
  });

  test('HTML in a name is kept as text, exactly as written', () => {
    const name = '<script>alert("Association Fictive des Tests")</script>';
    const o = only([newRow(2, { nom: name })]);
    expect(o.status).toBe('imported');
    expect(yamlOf(o)).toContain(`name: ${name}`);
  });

  test('a row with too many columns is rejected with its line number and its extra cell', () => {
    const text = 'nom;engagements\r\nA;social-inclusion\r\nB;social-inclusion;en trop\r\n';
    const { outcomes } = planImport(readCsv(new TextEncoder().encode(text)), existing);
    const tooMany = outcomes.find((o) => o.line === 3)!;
    expect(tooMany.status).toBe('rejected');
    expect(problems(tooMany).join()).toMatch(/trop de colonnes : 3 cellules, l’en-tête en a 2.*"en trop"/);
  });

  test('a file a spreadsheet padded with empty columns imports as if it were not', () => {
    const rows = [newRow(2), newRow(3)];
    const padded = new TextDecoder().decode(csvFile(rows)).replace(/\r\n/g, ';;;\r\n');
    const table = readCsv(new TextEncoder().encode(padded));
    expect(table.header).toEqual(readCsv(csvFile(rows)).header);
    expect(planImport(table, existing).outcomes.map(yamlOf)).toEqual(plan(rows).outcomes.map(yamlOf));
  });

  test('empty cells past the last column are not extra columns', () => {
    const text = 'nom;engagements\r\nA;social-inclusion;;\r\n';
    const o = planImport(readCsv(new TextEncoder().encode(text)), existing).outcomes[0]!;
    expect(problems(o).join()).not.toMatch(/trop de colonnes/);
  });

  test('a column with no name that holds cells stops the import, naming the column', () => {
    const text = 'nom;;engagements\r\nA;oublié;social-inclusion\r\n';
    expect(() => planImport(readCsv(new TextEncoder().encode(text)), existing)).toThrow(
      /la colonne 2 n’a pas de nom dans l’en-tête mais contient des cellules/,
    );
  });

  test('a row with too few columns is rejected', () => {
    const text = 'nom;engagements;types_partenariat\r\nA;social-inclusion\r\n';
    const o = planImport(readCsv(new TextEncoder().encode(text)), existing).outcomes[0]!;
    expect(problems(o).join()).toMatch(/pas assez de colonnes/);
  });

  test('an unknown commitment code is rejected on the engagements column', () => {
    expectRejected(only([newRow(2, { engagements: 'social-inclusion|world-peace' })]), 'engagements');
  });

  test('a postal code that is not one of the commune’s is rejected on code_postal', () => {
    expectRejected(
      only([newRow(2, { code_postal: '75001' })]),
      'code_postal',
      /n’est pas un code postal de Loos/,
    );
  });

  test('an identifiant that is not lower-case words joined by hyphens is rejected', () => {
    expectRejected(
      only([newRow(2, { identifiant: 'Mon Association' })]),
      'identifiant',
      /n’est pas un identifiant/,
    );
  });

  test('a network that is neither a partner nor a row of the file is rejected', () => {
    expectRejected(
      only([newRow(2, { reseaux: 'reseau-inexistant' })]),
      'reseaux',
      /aucune fiche « reseau-inexistant »/,
    );
  });

  test('a network imported by another row of the same file is accepted', () => {
    const network = newRow(2, { identifiant: 'reseau-fictif-n-2', reseaux: '' });
    const member = newRow(3, { reseaux: 'reseau-fictif-n-2' });
    expect(plan([member, network]).outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
  });

  test('a row naming a rejected row as its network is rejected too', () => {
    const network = newRow(2, { identifiant: 'reseau-fictif-n-2', reseaux: '', siret: 'faux' });
    const member = newRow(3, { reseaux: 'reseau-fictif-n-2' });
    const { outcomes } = plan([member, network]);
    expectRejected(outcomes[0]!, 'reseaux');
  });

  test('a partner cannot be its own network', () => {
    expectRejected(
      only([newRow(2, { identifiant: 'boucle', reseaux: 'boucle' })]),
      'reseaux',
      /son propre réseau/,
    );
  });
});

describe('matching existing partners', () => {
  test('the identifiant of a partner whose SIRET differs is rejected: never a silent overwrite', () => {
    const row = memberRow({ siret: fakeSiret(11), nom: 'Autre Association Fictive' });
    expectRejected(only([row]), 'siret', /une autre structure ne peut pas prendre son identifiant/);
  });

  test('a known SIRET without identifiant updates that partner', () => {
    const o = only([memberRow({ identifiant: '', date_maj: '2026-11-20' })]);
    expect(o.status).toBe('updated');
    expect(o.id).toBe(MEMBER.id);
  });

  test('a known SIRET under another identifiant is rejected: the import never renames', () => {
    expectRejected(
      only([memberRow({ identifiant: 'nouveau-nom' })]),
      'identifiant',
      /est déjà celui de la fiche/,
    );
  });

  test('a new row whose name gives the identifier of a different existing partner is rejected', () => {
    const row = newRow(2, { nom: 'Réseau Fictif des Tests', siret: fakeSiret(12) });
    expectRejected(only([row]), 'identifiant', /existe déjà/);
  });

  test('a row identical to its partner is unchanged', () => {
    expect(only([memberRow()]).status).toBe('unchanged');
  });

  test('an update keeps the logo, which the CSV does not carry', () => {
    const row = exportedRow(NETWORK.id, { nom: 'Réseau Fictif des Tests (nouveau nom)' });
    const yaml = yamlOf(only([row]));
    expect(yaml).toContain('src: ./reseau-fictif-des-tests.png');
    expect(yaml).toContain('name: Réseau Fictif des Tests (nouveau nom)');
  });

  test('an update changes only the lines of the fields the row changes', async () => {
    const before = await readFile(existing.find((f) => f.id === MEMBER.id)!.file, 'utf8');
    const after = yamlOf(only([memberRow({ date_maj: '2026-11-20' })]));
    expect(after).toBe(before.replace("updatedAt: '2026-02-01'", "updatedAt: '2026-11-20'"));
  });

  test('columns absent from the file leave their fields as they are', () => {
    const row = { identifiant: MEMBER.id, date_maj: '2026-11-20' };
    const yaml = yamlOf(only([row]));
    expect(yaml).toContain('website: https://example.org/');
    expect(yaml).toContain("updatedAt: '2026-11-20'");
  });

  test('an empty cell removes an optional field', () => {
    expect(yamlOf(only([memberRow({ site_web: '' })]))).not.toContain('website');
  });

  test('computed columns are ignored: a wrong commune name changes nothing', () => {
    const row = { ...memberRow(), commune: 'Ailleurs', region: 'Nulle part', url: 'https://example.org/' };
    expect(only([row]).status).toBe('unchanged');
  });
});

/** A row of an identity-only spreadsheet of ESS organisations: what a real one holds. */
const identityRow = (n: number, overrides: Row = {}): Row => ({
  nom: `Structure Fictive des Tests n°${n}`,
  siret: fakeSiret(500 + n),
  adresse: `${n} rue des Tests`,
  code_postal: '59120',
  commune: 'Loos',
  ...overrides,
});

describe('identity-only spreadsheets of ESS organisations', () => {
  const TODAY = '2026-11-30';
  const planOn = (rows: Row[]) => planImport(readCsv(csvFile(rows)), existing, { today: TODAY });

  test('a row with only name, SIRET, address, postal code and commune is imported as a referenced organisation', () => {
    const [o] = planOn([identityRow(1)]).outcomes;
    expect(o!.status, problems(o!).join('\n')).toBe('imported');
    expect(o!.yaml).toMatch(/^kind: ess-organisation\nname: Structure Fictive des Tests n°1\n/);
    expect(o!.yaml).toContain("  commune: '59360'\n  postalCode: '59120'\n  address: 1 rue des Tests\n");
  });

  test('an empty update date becomes the import date', () => {
    const [o] = planOn([identityRow(1, { date_maj: '' })]).outcomes;
    expect(o!.yaml).toContain(`updatedAt: '${TODAY}'`);
  });

  test('the commune is found by its name however it is typed: case, accents, hyphens, "St"', () => {
    const [o] = planOn([identityRow(1, { commune: 'st-etienne', code_postal: '42000' })]).outcomes;
    expect(o!.yaml).toContain("commune: '42218'");
  });

  test('a commune with a single postal code gives it when the row has none', () => {
    const [o] = planOn([identityRow(1, { code_postal: '', commune: 'Loos' })]).outcomes;
    expect(o!.yaml).toContain("postalCode: '59120'");
  });

  test('a commune that is a postal code is rejected, naming the communes of that code', () => {
    expectRejected(
      planOn([identityRow(1, { commune: '59120' })]).outcomes[0]!,
      'commune',
      /« 59120 » est un code postal, pas une commune : écrivez le nom de la commune \(Loos\)/,
    );
  });

  test('a commune name shared by several communes needs the postal code, and the rejection lists them', () => {
    expectRejected(
      planOn([identityRow(1, { commune: 'Saint-Denis', code_postal: '' })]).outcomes[0]!,
      'commune',
      /communes s’appellent « Saint-Denis ».*Saint-Denis \(93066, Seine-Saint-Denis\)/,
    );
  });

  test('an unknown commune name is rejected with what to check', () => {
    expectRejected(
      planOn([identityRow(1, { commune: 'Loosville' })]).outcomes[0]!,
      'commune',
      /aucune commune française ne s’appelle « Loosville »/,
    );
  });

  test('a missing name is rejected on the nom column', () => {
    expectRejected(planOn([identityRow(1, { nom: '' })]).outcomes[0]!, 'nom');
  });

  test('a name made only of markup is rejected: a name has letters', () => {
    expectRejected(
      planOn([identityRow(1, { nom: '<b></b>' })]).outcomes[0]!,
      'nom',
      /lettres ou des chiffres/,
    );
  });

  test('the same SIRET on two rows rejects both, each naming the other’s line', () => {
    const siret = fakeSiret(777);
    const { outcomes } = planOn([identityRow(1, { siret }), identityRow(2, { siret })]);
    expectRejected(outcomes[0]!, 'siret', /figure aussi ligne 3/);
    expectRejected(outcomes[1]!, 'siret', /figure aussi ligne 2/);
  });

  test('an organisation already in the directory under another identifier is matched by its SIRET and keeps its kind', () => {
    const [o] = planOn([
      identityRow(9, { nom: 'Association Fictive des Tests n°1', siret: MEMBER.siret }),
    ]).outcomes;
    expect(o!.id).toBe(MEMBER.id);
    expect(o!.status, problems(o!).join('\n')).toBe('updated');
    expect(o!.yaml).toMatch(/^kind: ess-partner\n/);
  });

  test('an update without a date takes the import date; a row that changes nothing keeps the entry’s date', () => {
    const changed = planOn([
      identityRow(9, { nom: 'Association Fictive des Tests n°1', siret: MEMBER.siret }),
    ]);
    expect(changed.outcomes[0]!.yaml).toContain(`updatedAt: '${TODAY}'`);
    const same = planOn([{ siret: MEMBER.siret, nom: 'Association Fictive des Tests n°1' }]);
    expect(same.outcomes[0]!.status, problems(same.outcomes[0]!).join('\n')).toBe('unchanged');
  });

  test('a second run of the same identity-only file changes nothing, on a later day too', async () => {
    const dir = await content();
    const input = path.join(dir, 'structures.csv');
    await writeFile(
      input,
      csvFile([identityRow(1), identityRow(2, { commune: 'Lille', code_postal: '59000' })]),
    );
    const first = await runImport(input, { contentDir: dir });
    expect(first.counts).toMatchObject({ read: 2, imported: 2, rejected: 0 });
    const second = await runImport(input, { contentDir: dir });
    expect(second.counts).toMatchObject({ read: 2, unchanged: 2, imported: 0, updated: 0 });
    const files = await readPartnerFiles(partnersDir(dir));
    const later = planImport(readCsv(csvFile([identityRow(1)])), files, { today: '2027-03-01' });
    expect(later.counts).toMatchObject({ unchanged: 1 });
  });
});

describe('running an import', () => {
  test('valid rows are written as YAML files named after their identifier', async () => {
    const dir = await content();
    const input = path.join(dir, 'nouveaux.csv');
    await writeFile(input, csvFile([newRow(2)], { bom: true }));
    const run = await runImport(input, { contentDir: dir });
    expect(run.counts.imported).toBe(1);
    const text = await readFile(path.join(dir, 'partners/association-fictive-des-tests-n-2.yaml'), 'utf8');
    expect(text).toMatch(/^kind: ess-partner\nname: Association Fictive des Tests n°2\n/);
  });

  test('imported + updated + unchanged + rejected equals the rows read', async () => {
    const dir = await content();
    const input = path.join(dir, 'melange.csv');
    const rows = [
      newRow(2),
      memberRow(),
      memberRow({ identifiant: '', date_maj: '2026-11-20' }),
      newRow(4, { siret: 'x' }),
    ];
    await writeFile(input, csvFile(rows));
    const { counts } = await runImport(input, { contentDir: dir });
    expect(counts).toEqual({ read: 4, imported: 1, updated: 0, unchanged: 0, rejected: 3 });
    expect(counts.imported + counts.updated + counts.unchanged + counts.rejected).toBe(counts.read);
  });

  test('running the same file twice changes nothing the second time', async () => {
    const dir = await content();
    const input = path.join(dir, 'deux-fois.csv');
    await writeFile(
      input,
      csvFile([
        newRow(2),
        newRow(3, { identifiant: 'association-n-3' }),
        memberRow({ date_maj: '2026-11-21' }),
      ]),
    );
    const first = await runImport(input, { contentDir: dir });
    expect(first.counts).toMatchObject({ imported: 2, updated: 1 });
    const snapshot = async () =>
      Promise.all(
        (await readdir(partnersDir(dir))).sort().map((f) => readFile(path.join(partnersDir(dir), f), 'utf8')),
      );
    const before = await snapshot();
    const second = await runImport(input, { contentDir: dir });
    expect(second.counts).toMatchObject({ read: 3, unchanged: 3 });
    expect(second.written).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  test('rejected rows go to <file>.rejets.csv: the same columns, then ligne, champ and raison', async () => {
    const dir = await content();
    const input = path.join(dir, 'lot.csv');
    await writeFile(input, csvFile([newRow(2), newRow(3, { siret: '123' })]));
    const run = await runImport(input, { contentDir: dir });
    expect(run.rejectsFile).toBe(path.join(dir, 'lot.rejets.csv'));
    const table = readCsv(await readFile(rejectsPath(input)));
    expect(table.header).toEqual([...Object.keys(newRow(3)), 'ligne', 'champ', 'raison']);
    expect(table.rows).toHaveLength(1);
    const cells = table.rows[0]!.cells;
    expect(cells.slice(-3, -1)).toEqual(['3', 'siret']);
    expect(cells.at(-1)).toMatch(/^siret: /);
  });

  test('the rejects file, once fixed in place, imports cleanly and the stale rejects file goes', async () => {
    const dir = await content();
    const input = path.join(dir, 'lot.csv');
    await writeFile(input, csvFile([newRow(3, { siret: '123' })]));
    await runImport(input, { contentDir: dir });
    const rejects = rejectsPath(input);
    const fixed = (await readFile(rejects, 'utf8')).replace(';123;', `;${fakeSiret(103)};`);
    await writeFile(input, fixed);
    const run = await runImport(input, { contentDir: dir });
    expect(run.counts).toMatchObject({ read: 1, imported: 1, rejected: 0 });
    expect(existsSync(rejects)).toBe(false);
  });

  test('a dry run writes neither partner files nor a rejects file', async () => {
    const dir = await content();
    const input = path.join(dir, 'essai.csv');
    await writeFile(input, csvFile([newRow(2), newRow(3, { siret: '123' })]));
    const run = await runImport(input, { contentDir: dir, dryRun: true });
    expect(run.counts).toMatchObject({ imported: 1, rejected: 1 });
    expect(await readdir(partnersDir(dir))).toHaveLength(2);
    expect(existsSync(rejectsPath(input))).toBe(false);
  });
});

describe('the command line', () => {
  const runCli = (args: string[], contentDir: string) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/import.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });

  test('npm run import exits with 0 when every row is imported, and prints the totals', async () => {
    const dir = await content();
    const input = path.join(dir, 'ok.csv');
    await writeFile(input, csvFile([newRow(2)]));
    const result = runCli([input], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '1 importée(s) + 0 mise(s) à jour + 0 inchangée(s) + 0 refusée(s) = 1 ligne(s) lue(s)',
    );
  });

  test('npm run import exits with 1 when a row was rejected', async () => {
    const dir = await content();
    const input = path.join(dir, 'ko.csv');
    await writeFile(input, csvFile([newRow(2, { siret: '123' })]));
    const result = runCli([input], dir);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/ligne 2 : refusée : siret :/);
  });

  test('npm run import exits with 2, writing nothing, when the header has an unknown column', async () => {
    const dir = await content();
    const input = path.join(dir, 'entete.csv');
    await writeFile(input, csvFile([{ ...newRow(2), inconnue: 'x' }]));
    const result = runCli([input], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('colonne inconnue « inconnue »');
    expect(await readdir(partnersDir(dir))).toHaveLength(2);
  });
});
