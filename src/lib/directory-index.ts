/**
 * The directory's static index: what the <partner-directory> script filters, counts and
 * draws in the browser, without a server and without the search index. Pure functions,
 * shared by the build (encoding, src/data/directory-index.ts) and the script (decoding,
 * filtering, counting), so that both read the same format.
 *
 * Three kinds of files, written at build time (src/pages/partenaires/index-*.json.ts):
 *
 * - **Facets** (one small file for both languages: codes are ids, never labels): the
 *   number of partners, the values of each facet, and how derived facets follow from
 *   their parent (the region from the department).
 * - **Columns** (one file per facet that is not derived, both languages): a code per
 *   partner in the directory's order (names, French collation: the order of the static
 *   pages), as a string of base-91 digits (encodeColumn), which gzip packs to about the
 *   information it holds: a few bits per partner, where JSON arrays of numbers would take
 *   several bytes. A filtered view fetches the columns of its filters first and shows its
 *   page; the other columns follow, for the counts of the other filters.
 * - **Cards** (per language, SHARD_SIZE partners a file, in the same order): what a card
 *   shows (name, link, place, summary, legal form, commitments…), worded as the static
 *   card words it. The script fetches only the files that hold the partners of the page on
 *   screen; small files keep that cheap when a rare filter scatters a page's partners
 *   across the alphabet.
 * - **First pages** (per language, one file per value of each facet): the number of
 *   partners with that value, and the positions and cards of the first page of them. A
 *   single filter (the commonest choice, and every link to a territory's or a commitment's
 *   directory) shows its first page from this one file, where the cards files would take
 *   up to a page's worth of requests (its partners are spread over the alphabet); a
 *   combination of filters, or a later page, takes the cards files.
 *
 * Every file carries the format's version and the digest of the directory it was built
 * from: a page built before a new version or a new deployment can tell that the files no
 * longer match it, instead of showing the wrong partners.
 */
import { FACETS, FACET_PARENTS, FACET_SHAPES, type DirectoryFilters, type Facet } from './directory';

/** Bumped whenever the layout of the files changes. */
export const DIRECTORY_INDEX_VERSION = 1;

/** Partners per cards file. */
export const SHARD_SIZE = 8;

/** The facets file. */
export interface FacetsFile {
  version: number;
  /** Digest of the directory (order, ids, facets): its column and cards files carry the same. */
  digest: string;
  /** Partners in the directory. */
  count: number;
  shardSize: number;
  /** The values of each facet; a column's codes refer to their positions. */
  values: Record<Facet, string[]>;
  /** Facets derived from another (FACET_PARENTS), with their code for each code of the other; they have no column. */
  derived: Partial<Record<Facet, number[]>>;
}

/**
 * A column file: `count` codes of one facet (encodeColumn): 0 for none, else 1 + the
 * value's position ('one'), or a bit mask of positions ('many').
 */
export interface ColumnFile {
  version: number;
  digest: string;
  facet: Facet;
  column: string;
}

/** What a card shows, worded as the static card words it (src/data/directory.ts, directoryCard). */
export interface CardText {
  title: string;
  href: string;
  /** Language of the partner's page when it is not the list's. */
  hreflang?: string | undefined;
  /** What the entry is (partner, institutional partner, referenced organisation), worded. */
  kind: string;
  place?: string | undefined;
  summary?: string | undefined;
  /** Language of the summary when it is not the list's. */
  summaryLang?: string | undefined;
  legalForm?: string | undefined;
  commitments: string[];
  partnershipTypes: string[];
}

/**
 * A card as an array, to keep the files small: [name, href, hreflang, kind, place,
 * summary, summary language, legal form, commitments, partnership types]; absent texts are ''.
 */
export type CardRow = [string, string, string, string, string, string, string, string, string[], string[]];

/** A cards file: the partners from position `start`, SHARD_SIZE of them (fewer in the last file). */
export interface CardsFile {
  version: number;
  digest: string;
  start: number;
  cards: CardRow[];
}

/**
 * A first-page file: the partners with one value of one facet, `total` of them, and the
 * first page of them (PAGE_SIZE at most): their positions in the directory's order, and
 * their cards in the same order.
 */
export interface FirstPageFile {
  version: number;
  digest: string;
  facet: Facet;
  value: string;
  total: number;
  positions: number[];
  cards: CardRow[];
}

export function toCardRow(card: CardText): CardRow {
  return [
    card.title,
    card.href,
    card.hreflang ?? '',
    card.kind,
    card.place ?? '',
    card.summary ?? '',
    card.summaryLang ?? '',
    card.legalForm ?? '',
    card.commitments,
    card.partnershipTypes,
  ];
}

export function fromCardRow(row: CardRow): CardText {
  const text = (value: string) => (value === '' ? undefined : value);
  return {
    title: row[0],
    href: row[1],
    hreflang: text(row[2]),
    kind: row[3],
    place: text(row[4]),
    summary: text(row[5]),
    summaryLang: text(row[6]),
    legalForm: text(row[7]),
    commitments: row[8],
    partnershipTypes: row[9],
  };
}

// --- Columns ---

/** Printable ASCII without '"' and '\\', the two characters JSON would escape. */
const DIGITS = Array.from({ length: 0x7e - 0x23 + 1 }, (_, i) => String.fromCharCode(0x23 + i))
  .filter((c) => c !== '\\')
  .join('');
const BASE = DIGITS.length;
const DIGIT_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < BASE; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

/**
 * Writes non-negative integers as base-91 numbers of one width (that of the largest), one
 * digit plane after the other: all the most significant digits first. A wide column is
 * mostly small numbers, so its first planes are nearly constant and gzip makes them
 * almost free, where interleaved digits would mix two alphabets.
 */
export function encodeColumn(codes: readonly number[]): string {
  let width = 1;
  for (const code of codes) {
    if (!Number.isInteger(code) || code < 0) throw new Error(`column code ${code} is not a natural number`);
    while (code >= BASE ** width) width++;
  }
  const planes: string[] = [];
  for (let plane = width - 1; plane >= 0; plane--) {
    const unit = BASE ** plane;
    planes.push(codes.map((code) => DIGITS[Math.floor(code / unit) % BASE]!).join(''));
  }
  return planes.join('');
}

/** Reads a column of `count` numbers; throws when the text cannot be one. */
export function decodeColumn(text: string, count: number): Uint32Array {
  const codes = new Uint32Array(count);
  if (count === 0) return codes;
  const width = text.length / count;
  if (!Number.isInteger(width) || width < 1)
    throw new Error('directory index: a column has the wrong length');
  for (let at = 0; at < text.length; at++) {
    const digit = DIGIT_VALUE[text.charCodeAt(at)] ?? -1;
    if (digit < 0) throw new Error('directory index: a column holds a character outside its digits');
    const i = at % count;
    codes[i] = codes[i]! * BASE + digit;
  }
  return codes;
}

/** The code of one partner's values of a facet: see FacetsFile.columns. Unknown values are left out. */
export function facetCode(facet: Facet, chosen: readonly string[], values: readonly string[]): number {
  if (FACET_SHAPES[facet] === 'one') {
    const i = chosen.length > 0 ? values.indexOf(chosen[0]!) : -1;
    return i + 1;
  }
  let mask = 0;
  for (const value of chosen) {
    const i = values.indexOf(value);
    if (i >= 0) mask |= 2 ** i;
  }
  return mask;
}

/** The values a code stands for, in the order of `values`. */
export function codeValues(facet: Facet, code: number, values: readonly string[]): string[] {
  if (FACET_SHAPES[facet] === 'one') return code > 0 && code <= values.length ? [values[code - 1]!] : [];
  return values.filter((_, i) => Math.floor(code / 2 ** i) % 2 === 1);
}

/** A bit mask stays a safe 32-bit integer in the browser: no 'many' facet may have more values. */
const MAX_MANY_VALUES = 30;

/** A short digest of a text (FNV-1a, 32 bits): enough to tell two builds apart, not a security check. */
export function digestOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** One partner as the index sees it: its values of each facet, and its id (for the digest). */
export interface IndexEntry {
  id: string;
  facets: Readonly<Record<Facet, readonly string[]>>;
}

/**
 * The table that derives a facet's codes from its parent's (FACET_PARENTS), or undefined
 * when some entry's code does not follow from its parent's (then the facet keeps a column).
 */
function derivation(parentCodes: readonly number[], codes: readonly number[]): number[] | undefined {
  const table: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const known = table[parentCodes[i]!];
    if (known === undefined) table[parentCodes[i]!] = codes[i]!;
    else if (known !== codes[i]) return undefined;
  }
  // Parent codes that no entry has (an unused value) derive "none".
  return Array.from(table, (code) => code ?? 0);
}

/** The facets file of `entries` (already in the directory's order), and the column file of each facet not derived. */
export function buildFacetsFiles(
  entries: readonly IndexEntry[],
  values: Readonly<Record<Facet, readonly string[]>>,
  shardSize: number = SHARD_SIZE,
): { facets: FacetsFile; columns: ColumnFile[] } {
  const valueLists = {} as Record<Facet, string[]>;
  const codes = {} as Record<Facet, number[]>;
  for (const facet of FACETS) {
    valueLists[facet] = [...values[facet]];
    if (FACET_SHAPES[facet] === 'many' && valueLists[facet].length > MAX_MANY_VALUES)
      throw new Error(`directory index: ${facet} has more than ${MAX_MANY_VALUES} values`);
    codes[facet] = entries.map((e) => facetCode(facet, e.facets[facet], valueLists[facet]));
  }
  const derived: Partial<Record<Facet, number[]>> = {};
  const texts: [Facet, string][] = [];
  for (const facet of FACETS) {
    const parent = FACET_PARENTS[facet];
    const table = parent ? derivation(codes[parent], codes[facet]) : undefined;
    if (table) derived[facet] = table;
    else texts.push([facet, encodeColumn(codes[facet])]);
  }
  const digest = digestOf(JSON.stringify([entries.map((e) => e.id), valueLists, derived, texts]));
  const version = DIRECTORY_INDEX_VERSION;
  return {
    facets: { version, digest, count: entries.length, shardSize, values: valueLists, derived },
    columns: texts.map(([facet, column]) => ({ version, digest, facet, column })),
  };
}

/**
 * The cards files of one language: `cards` in the directory's order, cut every `shardSize`;
 * one empty file for an empty directory (shardCount).
 */
export function buildCardsFiles(
  cards: readonly CardText[],
  digest: string,
  shardSize: number = SHARD_SIZE,
): CardsFile[] {
  const files: CardsFile[] = [];
  for (let start = 0; start < Math.max(cards.length, 1); start += shardSize) {
    files.push({
      version: DIRECTORY_INDEX_VERSION,
      digest,
      start,
      cards: cards.slice(start, start + shardSize).map(toCardRow),
    });
  }
  return files;
}

/** A value as it appears in a first-page file's name: ids are INSEE codes and enum values. */
const FILE_NAME_VALUE = /^[A-Za-z0-9-]+$/;

/**
 * The first-page files of one language: one per value of each facet in `values` (a value
 * no entry has gets an empty one, so that every value of the form has its file), from the
 * entries and their `cards`, both in the directory's order.
 */
export function buildFirstPageFiles(
  entries: readonly IndexEntry[],
  values: Readonly<Record<Facet, readonly string[]>>,
  cards: readonly CardText[],
  digest: string,
  pageSize: number,
): FirstPageFile[] {
  if (cards.length !== entries.length) throw new Error('directory index: one card per entry is needed');
  const files: FirstPageFile[] = [];
  for (const facet of FACETS) {
    for (const value of values[facet]) {
      if (!FILE_NAME_VALUE.test(value))
        throw new Error(`directory index: ${facet} value "${value}" cannot name a file`);
      const positions: number[] = [];
      let total = 0;
      entries.forEach((entry, position) => {
        if (!entry.facets[facet].includes(value)) return;
        if (total++ < pageSize) positions.push(position);
      });
      files.push({
        version: DIRECTORY_INDEX_VERSION,
        digest,
        facet,
        value,
        total,
        positions,
        cards: positions.map((position) => toCardRow(cards[position]!)),
      });
    }
  }
  return files;
}

/** Number of cards files for `count` partners (at least one, empty, for an empty directory). */
export function shardCount(count: number, shardSize: number = SHARD_SIZE): number {
  return Math.max(1, Math.ceil(count / shardSize));
}

// --- In the browser ---

/** The facets file, read, and the codes of the facets whose columns have arrived. */
export interface DirectoryIndex {
  digest: string;
  count: number;
  shardSize: number;
  values: Readonly<Record<Facet, readonly string[]>>;
  derived: Readonly<Partial<Record<Facet, readonly number[]>>>;
  codes: Partial<Record<Facet, Uint32Array>>;
}

/** Checks and reads a facets file; throws when it is not one of this version. */
export function readFacetsFile(file: unknown): DirectoryIndex {
  const f = file as Partial<FacetsFile> | null;
  if (!f || f.version !== DIRECTORY_INDEX_VERSION)
    throw new Error(`directory index: version ${String(f?.version)}, expected ${DIRECTORY_INDEX_VERSION}`);
  const { digest, count, shardSize, values, derived } = f;
  if (typeof digest !== 'string' || typeof count !== 'number' || typeof shardSize !== 'number' || !derived)
    throw new Error('directory index: the facets file is incomplete');
  for (const facet of FACETS) {
    if (!Array.isArray(values?.[facet])) throw new Error(`directory index: no values for ${facet}`);
    const parent = FACET_PARENTS[facet];
    if (derived[facet] && (!parent || derived[parent]))
      throw new Error(`directory index: ${facet} cannot be derived`);
  }
  return { digest, count, shardSize, values: values!, derived, codes: {} };
}

/** The facets whose columns must be fetched for the codes of `facets` (a derived one needs its parent's). */
export function columnsFor(index: Pick<DirectoryIndex, 'derived'>, facets: readonly Facet[]): Facet[] {
  const needed = facets.map((facet) => (index.derived[facet] ? FACET_PARENTS[facet]! : facet));
  return FACETS.filter((facet) => needed.includes(facet));
}

/**
 * Adds a column file to `index`, with the codes of the facets derived from it; a file from
 * another build throws StaleIndexError.
 */
export function addColumn(index: DirectoryIndex, file: unknown): void {
  const f = file as Partial<ColumnFile> | null;
  if (!f || f.version !== DIRECTORY_INDEX_VERSION || f.digest !== index.digest) throw new StaleIndexError();
  const facet = FACETS.find((candidate) => candidate === f.facet);
  if (!facet || typeof f.column !== 'string' || index.derived[facet])
    throw new Error('directory index: not a column file');
  const codes = decodeColumn(f.column, index.count);
  index.codes[facet] = codes;
  for (const child of FACETS) {
    const table = index.derived[child];
    if (table && FACET_PARENTS[child] === facet) index.codes[child] = codes.map((code) => table[code] ?? 0);
  }
}

/** A cards file that belongs to `index`: same version and digest, or an error. */
export function readCardsFile(file: unknown, index: Pick<DirectoryIndex, 'digest'>): CardsFile {
  const f = file as Partial<CardsFile> | null;
  if (!f || f.version !== DIRECTORY_INDEX_VERSION || f.digest !== index.digest || !Array.isArray(f.cards))
    throw new StaleIndexError();
  return f as CardsFile;
}

/** A first-page file of `facet` and `value` that belongs to `index`, or an error (StaleIndexError from another build). */
export function readFirstPageFile(
  file: unknown,
  index: Pick<DirectoryIndex, 'digest'>,
  facet: Facet,
  value: string,
): FirstPageFile {
  const f = file as Partial<FirstPageFile> | null;
  if (!f || f.version !== DIRECTORY_INDEX_VERSION || f.digest !== index.digest) throw new StaleIndexError();
  if (
    f.facet !== facet ||
    f.value !== value ||
    typeof f.total !== 'number' ||
    !Array.isArray(f.positions) ||
    !Array.isArray(f.cards) ||
    f.cards.length !== f.positions.length
  )
    throw new Error('directory index: not the first-page file of this filter');
  return f as FirstPageFile;
}

/** The filter when `filters` hold exactly one (its first page has a file of its own), else undefined. */
export function singleFilter(filters: DirectoryFilters): { facet: Facet; value: string } | undefined {
  const chosen = FACETS.filter((facet) => filters[facet] !== undefined);
  return chosen.length === 1 ? { facet: chosen[0]!, value: filters[chosen[0]!]! } : undefined;
}

/** A cards file from another build than the facets file (a deployment in between). */
export class StaleIndexError extends Error {
  constructor() {
    super('directory index: a cards file does not match the facets file');
  }
}

/** The cards files that hold the partners at `positions`. */
export function shardsOf(positions: readonly number[], shardSize: number): number[] {
  return [...new Set(positions.map((p) => Math.floor(p / shardSize)))];
}

/** The matching partners of a set of filters, and what each value of each facet would give. */
export interface FilterResult {
  /** Positions of the matching partners, in the directory's order. */
  matches: number[];
  /**
   * Per facet whose codes are in the index, per value: the partners matching the other
   * filters that have this value. Undefined until every facet's codes are there.
   */
  counts: Record<Facet, Record<string, number>> | undefined;
}

/**
 * Filters and counts in one pass, as faceted search does: a facet's counts ignore its own
 * choice (choosing a region keeps every region's count, and narrows the others'). A
 * partner that fails no filter counts for every facet; one that fails exactly one filter
 * still counts for that facet's values. A value the index does not know matches nothing.
 * The codes of the filtered facets must be in `index` (columnsFor); the counts need all.
 */
export function filterIndex(index: DirectoryIndex, filters: DirectoryFilters): FilterResult {
  const active = FACETS.flatMap((facet) => {
    const value = filters[facet];
    if (value === undefined) return [];
    const at = index.values[facet].indexOf(value);
    const codes = index.codes[facet];
    if (!codes) throw new Error(`directory index: the ${facet} column is not loaded`);
    const test: (i: number) => boolean =
      at < 0
        ? () => false
        : FACET_SHAPES[facet] === 'one'
          ? (i) => codes[i] === at + 1
          : (i) => (codes[i]! & (2 ** at)) !== 0;
    return [{ facet, test }];
  });
  const counting = FACETS.every((facet) => index.codes[facet] !== undefined);
  const tallies = {} as Record<Facet, Float64Array>;
  for (const facet of FACETS) tallies[facet] = new Float64Array(index.values[facet].length);
  const tally = (facet: Facet, i: number) => {
    const code = index.codes[facet]![i]!;
    const t = tallies[facet];
    if (FACET_SHAPES[facet] === 'one') {
      if (code > 0 && code <= t.length) t[code - 1]! += 1;
    } else {
      for (let bit = 0; bit < t.length; bit++) if (code & (1 << bit)) t[bit]! += 1;
    }
  };
  const matches: number[] = [];
  for (let i = 0; i < index.count; i++) {
    let failed: Facet | undefined;
    let failures = 0;
    for (const { facet, test } of active) {
      if (!test(i)) {
        failed = facet;
        if (++failures > 1) break;
      }
    }
    if (failures === 0) {
      matches.push(i);
      if (counting) for (const facet of FACETS) tally(facet, i);
    } else if (failures === 1 && counting) {
      tally(failed!, i);
    }
  }
  if (!counting) return { matches, counts: undefined };
  const counts = {} as Record<Facet, Record<string, number>>;
  for (const facet of FACETS) {
    counts[facet] = Object.fromEntries(index.values[facet].map((value, v) => [value, tallies[facet][v]!]));
  }
  return { matches, counts };
}
