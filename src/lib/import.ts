/**
 * Bulk import of partners from a spreadsheet (`npm run import -- file.csv`): the columns
 * of the open-data CSV (src/lib/open-data.ts), read back into content/partners/*.yaml.
 *
 * - It accepts what French spreadsheet software writes: ";" or "," (detected), UTF-8 with
 *   or without BOM, or Windows-1252; codes that lost their leading zero are restored.
 * - Every row is validated by the site's own schema; computed columns (commune,
 *   département, région, url…) are ignored.
 * - A row updates the partner with the same SIRET or identifiant, never a different
 *   organisation; updates keep the fields the CSV does not carry (logo).
 * - Rejected rows are listed with their line, column and reason, and written to a rejects
 *   CSV ready to be fixed and imported again: imported + updated + unchanged + rejected =
 *   rows read.
 *
 * `planImport` decides without touching the disk; `runImport` reads and writes.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { z } from 'astro/zod';
import { COLUMNS, COLUMN_BY_NAME, LIST_SEPARATOR, toCsv, unneutraliseCell, type Column } from './open-data';
import {
  canonicalYaml,
  partnersDir,
  partnerSchemaOutsideAstro,
  readPartnerFiles,
  yamlFromParsed,
  type PartnerFile,
} from './import-content';
import { normaliseSiret } from './siret';
import { IDENTIFIER_REGEX, IDENTIFIER_RULE, slugify } from './slug';
import {
  communeByCode,
  communesNamed,
  communesWithPostalCode,
  territoryAt,
  territoryOfDepartment,
  type Commune,
} from './geography';
import type { EntryKind } from '../schemas/enums';

/** A problem that stops the whole import before any row is read (unreadable file, bad header). */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Columns of the rejects file, after the input's own. */
export const REJECT_COLUMNS = ['ligne', 'champ', 'raison'] as const;

// --- Reading the file ---

export type Encoding = 'UTF-8 with BOM' | 'UTF-8' | 'Windows-1252';

/**
 * The text of a CSV file. Excel writes UTF-8 with a byte order mark, or Windows-1252 for
 * "CSV (séparateur : point-virgule)"; LibreOffice writes UTF-8 without one. A file that
 * is not valid UTF-8 is read as Windows-1252, which every byte sequence is.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'Windows-1252' };
  }
}

/** ";" or ",": whichever the header line holds more of, outside quotes (";" on a tie). */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

export interface CsvRow {
  /** Line of the file where the row starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: ';' | ',';
  encoding: Encoding;
}

/**
 * Parses a CSV file with csv-parse. Rows keep their own number of cells (a row with too
 * many is rejected later, with its line); rows whose cells are all empty are skipped.
 */
export function readCsv(bytes: Uint8Array): CsvTable {
  const decoded = decodeCsv(bytes);
  // One kind of line end, so that line numbers count as an editor does and cells that
  // span lines hold "\n" as YAML does.
  const text = decoded.text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new ImportError('le fichier est vide');
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; raw: string }[];
  try {
    // With `raw`, csv-parse returns { record, raw } objects; its types do not follow the option.
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      raw: true,
      skip_empty_lines: false,
    }) as unknown as { record: string[]; raw: string }[];
  } catch (error) {
    throw new ImportError(`le fichier n’est pas un CSV valide : ${(error as Error).message}`);
  }
  let line = 1;
  const all: CsvRow[] = [];
  for (const { record, raw } of records) {
    all.push({ line, cells: record });
    line += (raw.match(/\n/g) ?? []).length;
  }
  const [first, ...rest] = all;
  if (!first) throw new ImportError('le fichier est vide');
  const header = first.cells.map((c) => c.trim());
  const rows = rest.filter((r) => r.cells.some((c) => c.trim() !== ''));
  // Excel pads every line to the sheet's "used range" with empty cells. A column with no
  // name and no cell in any row holds nothing: drop it. Empty cells past the header are
  // dropped too; a cell with text there is kept, so that its row is rejected (too many
  // columns) rather than losing it. A nameless column with cells fails in checkHeader.
  const empty = (cell: string | undefined) => (cell ?? '').trim() === '';
  const kept = header.flatMap((name, i) => (name === '' && rows.every((r) => empty(r.cells[i])) ? [] : [i]));
  const trim = (cells: string[]): string[] => {
    const extra = cells.slice(header.length);
    return [
      ...kept.filter((i) => i < cells.length).map((i) => cells[i]!),
      ...(extra.every((c) => empty(c)) ? [] : extra),
    ];
  };
  return {
    header: kept.map((i) => header[i]!),
    rows: rows.map((r) => ({ line: r.line, cells: trim(r.cells) })),
    delimiter,
    encoding: decoded.encoding,
  };
}

// --- Deciding ---

export type RowStatus = 'imported' | 'updated' | 'unchanged' | 'rejected';

export interface Problem {
  /** Column at fault (empty when the row as a whole is). */
  column: string;
  message: string;
}

export interface RowOutcome {
  line: number;
  /** The cells as read, one per header column (extra cells are named in the problem). */
  cells: string[];
  status: RowStatus;
  /** The partner's identifier, when the row got that far. */
  id?: string;
  problems: Problem[];
  /** Canonical YAML to write, for imported and updated rows. */
  yaml?: string;
}

export interface ImportPlan {
  header: string[];
  delimiter: ';' | ',';
  encoding: Encoding;
  outcomes: RowOutcome[];
  counts: Record<RowStatus, number> & { read: number };
}

const IGNORED_COLUMNS = new Set<string>(REJECT_COLUMNS);

/** What a new row without a kind is: identity-only spreadsheets list referenced organisations. */
export const IMPORTED_KIND: EntryKind = 'ess-organisation';

/** Today in France (YYYY-MM-DD): the "checked on" date of rows that give none. */
export function importDate(now: Date = new Date()): string {
  // Swedish writes dates as ISO does; the time zone is the editors'.
  return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

/**
 * The commune a row names in its `commune` column, when it gives no INSEE code: by its
 * name, with the postal code to tell homonyms apart. A postal code in the name's place is
 * the usual mistake, and is said as such.
 */
export function communeFromCells(
  name: string,
  postalCode: string,
): { commune: Commune } | { problem: string } {
  if (/^\d{5}$/.test(name)) {
    const named = communesWithPostalCode(name);
    return {
      problem:
        named.length > 0
          ? `« ${name} » est un code postal, pas une commune : écrivez le nom de la commune (${named
              .slice(0, 3)
              .map((c) => c.name)
              .join(', ')}), ou son code INSEE dans code_insee`
          : `« ${name} » n’est pas un nom de commune : écrivez le nom de la commune, ou son code INSEE dans code_insee`,
    };
  }
  const all = communesNamed(name);
  const matching = postalCode ? all.filter((c) => c.postalCodes.includes(postalCode)) : all;
  const describe = (c: Commune) => `${c.name} (${c.code}, ${c.department.name})`;
  if (matching.length === 1) return { commune: matching[0]! };
  if (matching.length === 0) {
    return {
      problem:
        all.length > 0
          ? `aucune commune « ${name} » n’a le code postal ${postalCode} : ${all.slice(0, 5).map(describe).join(', ')} ; vérifiez le code postal, ou écrivez le code INSEE dans code_insee`
          : `aucune commune française ne s’appelle « ${name} » : vérifiez l’orthographe, ou écrivez son code INSEE dans code_insee`,
    };
  }
  return {
    problem: `${matching.length} communes s’appellent « ${name} »${postalCode ? ` avec le code postal ${postalCode}` : ''} : ${matching.slice(0, 5).map(describe).join(', ')}${matching.length > 5 ? '…' : ''} ; donnez le code postal, ou le code INSEE dans code_insee`,
  };
}
/** The columns that tell which partner a row is. */
const IDENTITY_COLUMNS = ['identifiant', 'siret', 'nom'];

/** Checks the header: known columns only (a typo would silently drop a field), each once. */
export function checkHeader(header: readonly string[]): void {
  const seen = new Set<string>();
  for (const [i, name] of header.entries()) {
    if (name === '') {
      throw new ImportError(
        `la colonne ${i + 1} n’a pas de nom dans l’en-tête mais contient des cellules : nommez-la, ou supprimez la colonne`,
      );
    }
    if (!COLUMN_BY_NAME.has(name) && !IGNORED_COLUMNS.has(name)) {
      throw new ImportError(
        `colonne inconnue « ${name} » dans l’en-tête (une faute de frappe ferait perdre ce champ) ; les colonnes sont : ${COLUMNS.map((c) => c.name).join(', ')}`,
      );
    }
    if (seen.has(name))
      throw new ImportError(`la colonne « ${name} » figure deux fois dans l’en-tête : gardez-en une`);
    seen.add(name);
  }
  if (!IDENTITY_COLUMNS.some((c) => seen.has(c))) {
    throw new ImportError(
      `l’en-tête n’a aucune des colonnes ${IDENTITY_COLUMNS.join(', ')} : est-ce bien l’annuaire des partenaires ?`,
    );
  }
}

/** A spreadsheet turned a long code into a number: 7,32829E+13. */
const SCIENTIFIC = /^\d+(?:[.,]\d+)?E\+?\d+$/i;
const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;
const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A cell's text as the value the YAML file holds, or a problem. Empty cells are
 * `undefined`: the field is left out.
 */
export function cellValue(column: Column, text: string): { value: unknown } | { problem: string } {
  if (text === '') return { value: undefined };
  if (column.list) {
    return {
      value: text
        .split(LIST_SEPARATOR)
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    };
  }
  if ((column.pattern?.includes('[0-9]') ?? false) && SCIENTIFIC.test(text)) {
    return {
      problem: `« ${text} » est un nombre en notation scientifique : le tableur a lu ce code comme un nombre ; mettez la colonne au format Texte et saisissez le code à nouveau`,
    };
  }
  switch (column.type) {
    case 'number':
      return { value: DECIMAL.test(text) ? Number(text.replace(',', '.')) : text };
    case 'year':
      return { value: /^\d{4}$/.test(text) ? Number(text) : text };
    case 'date': {
      // French spreadsheets display and save dates as DD/MM/YYYY.
      const french = FRENCH_DATE.exec(text);
      return {
        value: french ? `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}` : text,
      };
    }
    default:
      // 01001 read as a number loses its zero: restore it (2A004 is never touched).
      if (column.padTo && /^\d+$/.test(text) && text.length === column.padTo - 1) {
        return { value: text.padStart(column.padTo, '0') };
      }
      return { value: text };
  }
}

type Json = Record<string, unknown>;

function setField(target: Json, field: readonly string[], value: unknown): void {
  const [head, ...rest] = field;
  if (head === undefined) return;
  if (rest.length === 0) {
    if (value === undefined) delete target[head];
    else target[head] = value;
    return;
  }
  const child = (target[head] && typeof target[head] === 'object' ? target[head] : {}) as Json;
  setField(child, rest, value);
  if (Object.keys(child).length === 0) delete target[head];
  else target[head] = child;
}

/** The column a schema issue is about: ["location", "postalCode"] → code_postal. */
function columnOfPath(issuePath: readonly PropertyKey[]): string {
  const names = issuePath.filter((p) => typeof p === 'string');
  for (let n = names.length; n > 0; n--) {
    const column = COLUMNS.find((c) => c.field && c.field.join('.') === names.slice(0, n).join('.'));
    if (column) return column.name;
  }
  return names.join('.');
}

function problemOfIssue(issue: z.core.$ZodIssue): Problem {
  const column = columnOfPath(issue.path);
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    const message =
      column === 'code_insee' || column === 'code_postal'
        ? 'obligatoire dès qu’une adresse, un code postal ou des coordonnées sont donnés'
        : 'obligatoire : cette cellule ne doit pas être vide';
    return { column, message };
  }
  return { column, message: issue.message };
}

interface Candidate {
  outcome: RowOutcome;
  id: string;
  siret: string | undefined;
  networks: string[];
  isNew: boolean;
}

function deepClone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Decides what each row does, without touching the disk: `existing` is every file of
 * content/partners/. Rows are independent except for duplicates and network references,
 * which are checked across the file and the existing partners.
 */
export function planImport(
  table: CsvTable,
  existing: readonly PartnerFile[],
  options: { today?: string } = {},
): ImportPlan {
  checkHeader(table.header);
  const today = options.today ?? importDate();
  const width = table.header.length;
  const byId = new Map(existing.map((f) => [f.id, f]));
  const bySiret = new Map<string, PartnerFile>();
  for (const f of existing) {
    const siret = existingSiret(f);
    if (siret) bySiret.set(siret, f);
  }
  const columnIndex = new Map(table.header.map((name, i) => [name, i]));
  const cellOf = (cells: readonly string[], name: string): string | undefined => {
    const i = columnIndex.get(name);
    return i === undefined ? undefined : unneutraliseCell((cells[i] ?? '').trim());
  };

  const outcomes: RowOutcome[] = [];
  const candidates: Candidate[] = [];

  for (const row of table.rows) {
    const cells = Array.from({ length: width }, (_, i) => row.cells[i] ?? '');
    const outcome: RowOutcome = { line: row.line, cells, status: 'rejected', problems: [] };
    outcomes.push(outcome);
    const reject = (column: string, message: string) => outcome.problems.push({ column, message });

    if (row.cells.length !== width) {
      const extra = row.cells.slice(width).filter((c) => c !== '');
      reject(
        '',
        row.cells.length > width
          ? `trop de colonnes : ${row.cells.length} cellules, l’en-tête en a ${width}` +
              (extra.length > 0 ? ` (cellules en trop : ${extra.map((c) => `"${c}"`).join(', ')})` : '') +
              ' ; une cellule contient-elle le séparateur sans être entre guillemets ?'
          : `pas assez de colonnes : ${row.cells.length} cellules, l’en-tête en a ${width}`,
      );
      continue;
    }

    // The patch: what the row says about each field it carries.
    const patch: { field: readonly string[]; value: unknown }[] = [];
    for (const name of table.header) {
      const column = COLUMN_BY_NAME.get(name);
      if (!column?.field) continue;
      const read = cellValue(column, cellOf(cells, name) ?? '');
      if ('problem' in read) reject(name, read.problem);
      else patch.push({ field: column.field, value: read.value });
    }

    // Which partner is it?
    const idCell = cellOf(cells, 'identifiant') ?? '';
    const siretCell = cellOf(cells, 'siret') ?? '';
    const siret = siretCell ? normaliseSiret(siretCell) : undefined;
    const siretColumnPresent = columnIndex.has('siret');
    const sameSiret = siret ? bySiret.get(siret) : undefined;
    let target: PartnerFile | undefined;
    let id: string | undefined;
    /** Set when the identifier was made from the name: a match is then only a guess. */
    let guessed = false;

    if (idCell) {
      if (!IDENTIFIER_REGEX.test(idCell)) {
        reject('identifiant', `« ${idCell} » n’est pas un identifiant : ${IDENTIFIER_RULE}`);
      } else {
        id = idCell;
        target = byId.get(idCell);
        const fileSiret = target && existingSiret(target);
        if (target && fileSiret && siretColumnPresent && fileSiret !== siret) {
          reject(
            'siret',
            `l’identifiant « ${idCell} » est la fiche au SIRET ${fileSiret}, et cette ligne a ${siret ? `le SIRET ${siret}` : 'aucun SIRET'} : ` +
              'une autre structure ne peut pas prendre son identifiant (pour corriger un SIRET, modifiez son fichier YAML)',
          );
        } else if (sameSiret && sameSiret.id !== idCell) {
          reject(
            'identifiant',
            `le SIRET ${siret!} est déjà celui de la fiche « ${sameSiret.id} » : écrivez cet identifiant pour la mettre à jour (un import ne renomme jamais une fiche)`,
          );
        }
      }
    } else if (sameSiret) {
      id = sameSiret.id;
      target = sameSiret;
    } else {
      const name = cellOf(cells, 'nom') ?? '';
      id = slugify(name) || undefined;
      if (id && !IDENTIFIER_REGEX.test(id)) {
        reject(
          'identifiant',
          `l’identifiant tiré du nom, « ${id} », n’a pas de lettre : écrivez-en un dans la colonne identifiant (${IDENTIFIER_RULE})`,
        );
        id = undefined;
      }
      target = id ? byId.get(id) : undefined;
      guessed = target !== undefined;
      if (!columnIndex.has('identifiant') && !columnIndex.has('nom')) {
        reject('identifiant', 'ni identifiant, ni SIRET connu, ni nom : de quelle structure s’agit-il ?');
      }
    }
    if (id) outcome.id = id;

    if (target && target.raw === undefined) {
      reject(
        'identifiant',
        `${target.file} n’est pas un YAML valide (${target.yamlError ?? ''}) : corrigez-le d’abord`,
      );
    }

    // The new content: the existing file with the row's fields applied.
    const merged: Json =
      target && target.raw && typeof target.raw === 'object' ? deepClone(target.raw as Json) : {};
    for (const { field, value } of patch) setField(merged, field, value);
    // The schema fills an absent list of networks with []: leave it out, as editors do.
    if (Array.isArray(merged['networks']) && merged['networks'].length === 0) delete merged['networks'];
    const previous = target?.raw && typeof target.raw === 'object' ? (target.raw as Json) : undefined;
    // No kind in the row (no column, or an empty cell): an entry keeps its own, and a new
    // one is a referenced organisation, which is what an identity-only spreadsheet lists.
    if (merged['kind'] === undefined) merged['kind'] = previous?.['kind'] ?? IMPORTED_KIND;

    // An identity-only spreadsheet names the commune, not its INSEE code.
    const inseeCell = cellOf(cells, 'code_insee') ?? '';
    const communeCell = cellOf(cells, 'commune') ?? '';
    if (inseeCell === '' && communeCell !== '') {
      const found = communeFromCells(communeCell, cellOf(cells, 'code_postal') ?? '');
      if ('problem' in found) reject('commune', found.problem);
      else setField(merged, ['location', 'commune'], found.commune.code);
    }
    const mergedLocation = merged['location'] as Json | undefined;
    if (mergedLocation && typeof mergedLocation['commune'] === 'string' && !mergedLocation['postalCode']) {
      // A commune with a single postal code gives it; with several, the row must say which.
      const commune = communeByCode(mergedLocation['commune']);
      if (commune?.postalCodes.length === 1) mergedLocation['postalCode'] = commune.postalCodes[0];
    }

    // No date in the row: the entry keeps its own when the row changes nothing, and takes
    // the import's date when it changes something or is new (below).
    const dated = (cellOf(cells, 'date_maj') ?? '') !== '';
    if (!dated) merged['updatedAt'] = previous?.['updatedAt'] ?? today;

    let result = partnerSchemaOutsideAstro.safeParse(merged);
    if (!result.success) {
      for (const issue of result.error.issues) outcome.problems.push(problemOfIssue(issue));
      continue;
    }
    let data = result.data;
    const location = data.location;
    if (location?.latitude !== undefined && location.longitude !== undefined) {
      const at = territoryAt(location.latitude, location.longitude);
      const expected = territoryOfDepartment(location.department.code);
      if (!at) {
        reject(
          'latitude',
          `(${location.latitude}, ${location.longitude}) est hors de France et de ses outre-mer : latitude et longitude sont-elles inversées, ou des cellules vides lues comme 0 ?`,
        );
      } else if (at !== expected) {
        reject(
          'latitude',
          `(${location.latitude}, ${location.longitude}) est en ${at.name}, mais ${location.communeName} (${location.commune}) est en ${expected.name}`,
        );
      }
    }
    if (outcome.problems.length > 0 || !id) {
      if (!id && outcome.problems.length === 0) reject('nom', 'il faut un nom pour en tirer un identifiant');
      continue;
    }

    let yaml = canonicalYaml(yamlFromParsed(data));
    const before =
      target?.parsed?.success === true ? canonicalYaml(yamlFromParsed(target.parsed.data)) : undefined;
    if (!dated && target && yaml !== before && merged['updatedAt'] !== today) {
      merged['updatedAt'] = today;
      result = partnerSchemaOutsideAstro.safeParse(merged);
      if (!result.success) throw new Error(`import: the date ${today} made a valid row invalid`);
      data = result.data;
      yaml = canonicalYaml(yamlFromParsed(data));
    }
    if (guessed && yaml !== before) {
      reject(
        'identifiant',
        `une fiche « ${id} » existe déjà (${path.basename(target!.file)}) : écrivez « ${id} » dans la colonne identifiant pour la mettre à jour, ou un autre identifiant pour une nouvelle fiche`,
      );
      continue;
    }
    outcome.yaml = yaml;
    outcome.status = !target ? 'imported' : yaml === before ? 'unchanged' : 'updated';
    candidates.push({
      outcome,
      id,
      siret: data.siret,
      networks: data.networks.map((n) => n.id),
      isNew: !target,
    });
  }

  rejectDuplicates(
    outcomes,
    (o) => o.id,
    'identifiant',
    (v) => `l’identifiant « ${v} »`,
  );
  rejectDuplicates(
    outcomes,
    (o) => {
      const i = columnIndex.get('siret');
      const cell = i === undefined ? '' : normaliseSiret(unneutraliseCell((o.cells[i] ?? '').trim()));
      return cell || undefined;
    },
    'siret',
    (v) => `le SIRET ${v}`,
  );
  rejectMissingNetworks(candidates, new Set(byId.keys()));

  for (const o of outcomes) {
    if (o.problems.length > 0) {
      o.status = 'rejected';
      delete o.yaml;
    }
  }
  const counts = { read: outcomes.length, imported: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const o of outcomes) counts[o.status]++;
  return { header: table.header, delimiter: table.delimiter, encoding: table.encoding, outcomes, counts };
}

function existingSiret(file: PartnerFile): string | undefined {
  if (file.parsed?.success) return file.parsed.data.siret;
  const raw = file.raw as Json | undefined;
  return typeof raw?.['siret'] === 'string' ? normaliseSiret(raw['siret']) : undefined;
}

/** One organisation per row: every row sharing an identifiant or a SIRET with another is rejected. */
function rejectDuplicates(
  outcomes: readonly RowOutcome[],
  key: (o: RowOutcome) => string | undefined,
  column: string,
  describe: (value: string) => string,
): void {
  const lines = new Map<string, RowOutcome[]>();
  for (const o of outcomes) {
    const k = key(o);
    if (k) lines.set(k, [...(lines.get(k) ?? []), o]);
  }
  for (const [value, group] of lines) {
    if (group.length < 2) continue;
    for (const o of group) {
      const others = group.filter((g) => g !== o).map((g) => g.line);
      o.problems.push({
        column,
        message: `${describe(value)} figure aussi ligne ${others.join(', ')} : une ligne par structure`,
      });
    }
  }
}

/**
 * Networks must name existing partners or partners this file imports. Rejecting a row can
 * orphan a row that names it, so the check runs until nothing changes.
 */
function rejectMissingNetworks(candidates: readonly Candidate[], existingIds: ReadonlySet<string>): void {
  let changed = true;
  while (changed) {
    changed = false;
    const known = new Set(existingIds);
    for (const c of candidates) if (c.isNew && c.outcome.problems.length === 0) known.add(c.id);
    for (const c of candidates) {
      if (c.outcome.problems.length > 0) continue;
      for (const network of c.networks) {
        if (network === c.id) {
          c.outcome.problems.push({
            column: 'reseaux',
            message: 'une structure ne peut pas être son propre réseau',
          });
        } else if (!known.has(network)) {
          c.outcome.problems.push({
            column: 'reseaux',
            message: `aucune fiche « ${network} », ni dans content/partners/ ni parmi les lignes valides de ce fichier`,
          });
        }
      }
      if (c.outcome.problems.length > 0) changed = true;
    }
  }
}

// --- Writing ---

/** The rejects file: the input's columns, then ligne, champ and raison; ready to fix and import again. */
export function rejectsCsv(plan: ImportPlan): string {
  const kept = plan.header.map((name, i) => ({ name, i })).filter(({ name }) => !IGNORED_COLUMNS.has(name));
  const rows = plan.outcomes
    .filter((o) => o.status === 'rejected')
    .map((o) => [
      ...kept.map(({ i }) => o.cells[i] ?? ''),
      String(o.line),
      [...new Set(o.problems.map((p) => p.column).filter(Boolean))].join(', '),
      o.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join(' ; '),
    ]);
  return toCsv([...kept.map((k) => k.name), ...REJECT_COLUMNS], rows);
}

/** partenaires.csv → partenaires.rejets.csv, beside it. */
export function rejectsPath(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}.rejets.csv`);
}

export interface ImportRun extends ImportPlan {
  input: string;
  /** Files written (or that would be, in a dry run). */
  written: string[];
  /** The rejects file, when rows were rejected (not written in a dry run). */
  rejectsFile?: string;
  dryRun: boolean;
  ms: number;
}

/** Reads `input`, decides, and (unless `dryRun`) writes the partner files and the rejects file. */
export async function runImport(
  input: string,
  options: { contentDir: string; dryRun?: boolean },
): Promise<ImportRun> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (error) {
    throw new ImportError(`impossible de lire ${input} : ${(error as Error).message}`);
  }
  const dir = partnersDir(options.contentDir);
  if (!existsSync(dir)) throw new ImportError(`pas de dossier de fiches ${dir}`);
  const plan = planImport(readCsv(bytes), await readPartnerFiles(dir));
  const written: string[] = [];
  for (const o of plan.outcomes) {
    if ((o.status === 'imported' || o.status === 'updated') && o.yaml && o.id) {
      const file = path.join(dir, `${o.id}.yaml`);
      if (!dryRun) await writeFile(file, o.yaml);
      written.push(file);
    }
  }
  const rejects = rejectsPath(input);
  let rejectsFile: string | undefined;
  if (plan.counts.rejected > 0) {
    rejectsFile = rejects;
    if (!dryRun) await writeFile(rejects, rejectsCsv(plan));
  } else if (!dryRun && existsSync(rejects)) {
    // A rejects file from an earlier run would now be stale.
    await rm(rejects);
  }
  return {
    ...plan,
    input,
    written,
    ...(rejectsFile ? { rejectsFile } : {}),
    dryRun,
    ms: performance.now() - started,
  };
}

const STATUS_WORDS: Record<RowStatus, string> = {
  imported: 'importée',
  updated: 'mise à jour',
  unchanged: 'inchangée',
  rejected: 'refusée',
};

/** What happened, for a person (in French): one line per row that changed or failed, then the totals. */
export function importReport(run: ImportRun, cwd: string = process.cwd()): string {
  const rel = (file: string) => {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith('..') ? relative : file;
  };
  const lines: string[] = [];
  const { counts } = run;
  const encoding = run.encoding === 'UTF-8 with BOM' ? 'UTF-8 avec BOM' : run.encoding;
  lines.push(
    `${rel(run.input)} : ${counts.read} ligne(s) lue(s) (${encoding}, séparateur « ${run.delimiter} »)` +
      (run.dryRun ? ' — essai : rien n’est écrit' : ''),
  );
  for (const o of run.outcomes) {
    if (o.status === 'unchanged') continue;
    if (o.status === 'rejected') {
      for (const p of o.problems) {
        lines.push(`  ligne ${o.line} : refusée : ${p.column ? `${p.column} : ` : ''}${p.message}`);
      }
    } else {
      lines.push(`  ligne ${o.line} : ${STATUS_WORDS[o.status]} : ${o.id ?? ''}`);
    }
  }
  lines.push(
    `${counts.imported} importée(s) + ${counts.updated} mise(s) à jour + ${counts.unchanged} inchangée(s) + ${counts.rejected} refusée(s) = ${counts.read} ligne(s) lue(s)`,
  );
  if (run.rejectsFile) {
    lines.push(
      run.dryRun
        ? `Les lignes refusées seraient écrites dans ${rel(run.rejectsFile)}.`
        : `Lignes refusées écrites dans ${rel(run.rejectsFile)} : corrigez-les dans ce fichier, puis importez-le.`,
    );
  }
  return lines.join('\n');
}
