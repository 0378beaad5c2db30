import { describe, expect, test } from 'vitest';
import { FACETS, type Facet } from '../../src/lib/directory';
import {
  DIRECTORY_INDEX_VERSION,
  StaleIndexError,
  buildCardsFiles,
  addColumn,
  buildFacetsFiles,
  buildFirstPageFiles,
  columnsFor,
  codeValues,
  decodeColumn,
  encodeColumn,
  facetCode,
  filterIndex,
  fromCardRow,
  readCardsFile,
  readFacetsFile,
  readFirstPageFile,
  shardCount,
  shardsOf,
  singleFilter,
  toCardRow,
  type CardText,
  type DirectoryIndex,
  type IndexEntry,
} from '../../src/lib/directory-index';

/** An obviously fake entry with the given facet values (none for the others). */
const entry = (id: string, values: Partial<Record<Facet, string[]>>): IndexEntry => ({
  id,
  facets: Object.fromEntries(FACETS.map((f) => [f, values[f] ?? []])) as Record<Facet, string[]>,
});

/** Every facet's values: each facet offers what the entries below use, and one unused value. */
const VALUES = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<Facet, string[]>;
Object.assign(VALUES, {
  kind: ['ess-partner', 'institutional-partner', 'ess-organisation'],
  region: ['32', '53', '84'],
  department: ['29', '35', '59', '62'],
  commitment: ['social-inclusion', 'digital-inclusion', 'territorial-cohesion'],
  partnershipType: ['mediation', 'hosting'],
  legalForm: ['association', 'scic', 'scop'],
});

const ENTRIES: IndexEntry[] = [
  entry('fictif-a', {
    kind: ['ess-partner'],
    region: ['32'],
    department: ['59'],
    commitment: ['social-inclusion'],
    legalForm: ['scic'],
  }),
  entry('fictif-b', {
    kind: ['institutional-partner'],
    region: ['32'],
    department: ['62'],
    commitment: ['social-inclusion', 'digital-inclusion'],
    legalForm: ['association'],
  }),
  entry('fictif-c', {
    kind: ['ess-organisation'],
    region: ['53'],
    department: ['35'],
    commitment: ['digital-inclusion'],
  }),
  entry('fictif-d', { commitment: ['digital-inclusion'], legalForm: ['scic'] }),
  entry('fictif-e', { kind: ['ess-organisation'], region: ['53'], department: ['29'], legalForm: ['scic'] }),
];

/** The index as the browser reads it: the facets file, then the column files named (all by default). */
function index(entries = ENTRIES, only?: Facet[]): DirectoryIndex {
  const { facets, columns } = JSON.parse(JSON.stringify(buildFacetsFiles(entries, VALUES))) as ReturnType<
    typeof buildFacetsFiles
  >;
  const read = readFacetsFile(facets);
  for (const column of columns) if (!only || only.includes(column.facet)) addColumn(read, column);
  return read;
}

/** A card with only a name and a link. */
const card = (title: string, extra: Partial<CardText> = {}): CardText => ({
  title,
  href: `/partenaires/${title.toLowerCase().replace(/\W+/g, '-')}/`,
  kind: 'Structure ESS référencée',
  commitments: [],
  partnershipTypes: [],
  ...extra,
});

describe('directory index columns', () => {
  test('small codes take one character each', () => {
    const text = encodeColumn([0, 1, 5, 90]);
    expect(text).toHaveLength(4);
    expect([...decodeColumn(text, 4)]).toEqual([0, 1, 5, 90]);
  });

  test('a code past 90 widens every code of the column to two characters, and reads back', () => {
    const codes = [0, 91, 150, 3, 8280];
    const text = encodeColumn(codes);
    expect(text).toHaveLength(10);
    expect([...decodeColumn(text, codes.length)]).toEqual(codes);
  });

  test('a column never holds a quote or a backslash, which JSON would escape', () => {
    const codes = Array.from({ length: 8281 }, (_, i) => i);
    expect(encodeColumn(codes)).not.toMatch(/["\\]/);
    expect(JSON.stringify(encodeColumn(codes))).toHaveLength(2 * 8281 + 2);
  });

  test('a negative or fractional code is refused', () => {
    expect(() => encodeColumn([-1])).toThrow(/natural/);
    expect(() => encodeColumn([1.5])).toThrow(/natural/);
  });

  test('a column of the wrong length is refused', () => {
    expect(() => decodeColumn('###', 2)).toThrow(/length/);
  });

  test('a single-valued facet codes position + 1, and 0 for none', () => {
    expect(facetCode('region', ['53'], ['32', '53'])).toBe(2);
    expect(facetCode('region', [], ['32', '53'])).toBe(0);
    expect(codeValues('region', 2, ['32', '53'])).toEqual(['53']);
    expect(codeValues('region', 0, ['32', '53'])).toEqual([]);
  });

  test('a list facet codes a bit mask, read back in the values order', () => {
    const values = ['a', 'b', 'c'];
    const code = facetCode('commitment', ['c', 'a'], values);
    expect(code).toBe(0b101);
    expect(codeValues('commitment', code, values)).toEqual(['a', 'c']);
  });
});

describe('directory index files', () => {
  test('the facets file holds the version, the count and the values; each column one code per entry', () => {
    const { facets, columns } = buildFacetsFiles(ENTRIES, VALUES);
    expect(facets.version).toBe(DIRECTORY_INDEX_VERSION);
    expect(facets.count).toBe(5);
    expect(facets.values.region).toEqual(['32', '53', '84']);
    for (const column of columns) {
      expect(column.version).toBe(DIRECTORY_INDEX_VERSION);
      expect(column.digest).toBe(facets.digest);
    }
    const read = index();
    for (const facet of FACETS) expect(read.codes[facet]).toHaveLength(5);
    expect(codeValues('department', read.codes.department![4]!, read.values.department)).toEqual(['29']);
    expect(codeValues('region', read.codes.region![3]!, read.values.region)).toEqual([]);
  });

  test('the region has no column: it follows from the department', () => {
    const { facets, columns } = buildFacetsFiles(ENTRIES, VALUES);
    expect(columns.map((c) => c.facet)).not.toContain('region');
    expect(facets.derived.region).toBeDefined();
    const read = index(ENTRIES, ['department']);
    expect([...read.codes.region!].map((c) => codeValues('region', c, read.values.region))).toEqual([
      ['32'],
      ['32'],
      ['53'],
      [],
      ['53'],
    ]);
    expect(columnsFor(read, ['region', 'legalForm'])).toEqual(['department', 'legalForm']);
  });

  test('a region that does not follow from the department keeps its own column', () => {
    const odd = [...ENTRIES, entry('fictif-f', { region: ['84'], department: ['59'] })];
    const { facets, columns } = buildFacetsFiles(odd, VALUES);
    expect(facets.derived.region).toBeUndefined();
    expect(columns.map((c) => c.facet)).toContain('region');
    expect(codeValues('region', index(odd).codes.region![5]!, VALUES.region)).toEqual(['84']);
  });

  test('the same entries give the same files, byte for byte', () => {
    expect(JSON.stringify(buildFacetsFiles(ENTRIES, VALUES))).toBe(
      JSON.stringify(buildFacetsFiles(structuredClone(ENTRIES), VALUES)),
    );
  });

  test('the digest changes when the order of the entries changes', () => {
    const swapped = [ENTRIES[1]!, ENTRIES[0]!, ...ENTRIES.slice(2)];
    expect(buildFacetsFiles(swapped, VALUES).facets.digest).not.toBe(
      buildFacetsFiles(ENTRIES, VALUES).facets.digest,
    );
  });

  test('a facets file of another version is refused', () => {
    const file = { ...buildFacetsFiles(ENTRIES, VALUES).facets, version: DIRECTORY_INDEX_VERSION + 1 };
    expect(() => readFacetsFile(file)).toThrow(/version/);
  });

  test('a column file from another build is refused as stale', () => {
    const read = index(ENTRIES, []);
    const other = buildFacetsFiles(ENTRIES.slice(1), VALUES).columns[0];
    expect(() => addColumn(read, other)).toThrow(StaleIndexError);
  });

  test('cards are cut into files of the shard size, each with its start, version and digest', () => {
    const cards = Array.from({ length: 19 }, (_, i) => card(`Fictif ${i}`));
    const files = buildCardsFiles(cards, 'abcd1234', 8);
    expect(files.map((f) => [f.start, f.cards.length])).toEqual([
      [0, 8],
      [8, 8],
      [16, 3],
    ]);
    expect(files.every((f) => f.version === DIRECTORY_INDEX_VERSION && f.digest === 'abcd1234')).toBe(true);
    expect(shardCount(19, 8)).toBe(3);
  });

  test('an empty directory still has one, empty, cards file', () => {
    expect(buildCardsFiles([], 'abcd1234', 8)).toEqual([
      { version: DIRECTORY_INDEX_VERSION, digest: 'abcd1234', start: 0, cards: [] },
    ]);
    expect(shardCount(0, 8)).toBe(1);
  });

  test('a cards file from another build is refused as stale', () => {
    const [file] = buildCardsFiles([card('Fictif')], 'aaaa0000');
    expect(() => readCardsFile(file, { digest: 'bbbb1111' })).toThrow(StaleIndexError);
    expect(readCardsFile(file, { digest: 'aaaa0000' }).cards).toHaveLength(1);
  });

  test('a card without place, legal form or summary reads back without them, never as text', () => {
    const read = fromCardRow(toCardRow(card('Fictif', { summary: undefined })));
    expect(read.summary).toBeUndefined();
    expect(read.place).toBeUndefined();
    expect(read.legalForm).toBeUndefined();
  });

  test('a card reads back as it was written, lists and languages included', () => {
    const text = card('Fictif', {
      hreflang: 'fr',
      place: 'Loos (Nord)',
      summary: 'Structure fictive.',
      summaryLang: 'fr',
      legalForm: 'Association',
      commitments: ['Inclusion sociale', 'Inclusion numérique'],
      partnershipTypes: ['Médiation'],
    });
    expect(fromCardRow(toCardRow(text))).toEqual(text);
  });

  test('the cards files of a page are those holding its positions, each once', () => {
    expect(shardsOf([0, 3, 7, 8, 30], 8)).toEqual([0, 1, 3]);
  });
});

describe('directory first-page files', () => {
  const cards = ENTRIES.map((e) => card(e.id));
  const files = () => buildFirstPageFiles(ENTRIES, VALUES, cards, 'abcd1234', 2);
  const fileOf = (facet: Facet, value: string) =>
    files().find((f) => f.facet === facet && f.value === value)!;

  test("a value's file holds how many entries have it, and the first page of them in order", () => {
    const scic = fileOf('legalForm', 'scic');
    expect([scic.total, scic.positions]).toEqual([3, [0, 3]]);
    expect(scic.cards.map((row) => fromCardRow(row).title)).toEqual(['fictif-a', 'fictif-d']);
  });

  test('a list facet gives each of its values a file', () => {
    expect(fileOf('commitment', 'digital-inclusion').positions).toEqual([1, 2]);
    expect(fileOf('commitment', 'social-inclusion').positions).toEqual([0, 1]);
  });

  test('every value of every facet has a file, an empty one when no entry has it', () => {
    expect(files().map((f) => `${f.facet}=${f.value}`)).toEqual(
      FACETS.flatMap((facet) => VALUES[facet].map((value) => `${facet}=${value}`)),
    );
    expect(fileOf('department', '29').total).toBe(1);
    expect(fileOf('commitment', 'territorial-cohesion')).toMatchObject({
      total: 0,
      positions: [],
      cards: [],
    });
  });

  test('a first-page file carries the version and digest of its build', () => {
    expect(files().every((f) => f.version === DIRECTORY_INDEX_VERSION && f.digest === 'abcd1234')).toBe(true);
  });

  test('a first-page file from another build is refused as stale', () => {
    expect(() =>
      readFirstPageFile(fileOf('kind', 'ess-partner'), { digest: 'bbbb1111' }, 'kind', 'ess-partner'),
    ).toThrow(StaleIndexError);
  });

  test('a first-page file read for another filter is refused', () => {
    expect(() => readFirstPageFile(fileOf('region', '32'), { digest: 'abcd1234' }, 'region', '53')).toThrow(
      /not the first-page file/,
    );
  });

  test('a value that cannot name a file is refused at build time', () => {
    const values = { ...VALUES, legalForm: ['scic/../x'] };
    expect(() => buildFirstPageFiles(ENTRIES, values, cards, 'abcd1234', 2)).toThrow(/cannot name a file/);
  });

  test('only a single filter has a first-page file of its own', () => {
    expect(singleFilter({ region: '32' })).toEqual({ facet: 'region', value: '32' });
    expect(singleFilter({ region: '32', legalForm: 'scic' })).toBeUndefined();
    expect(singleFilter({})).toBeUndefined();
  });
});

const fail = (): never => {
  throw new Error('no counts');
};

describe('filtering and counting the index', () => {
  test("with only the filtered facet's column, entries are filtered but not counted", () => {
    const { matches, counts } = filterIndex(index(ENTRIES, ['legalForm']), { legalForm: 'scic' });
    expect(matches).toEqual([0, 3, 4]);
    expect(counts).toBeUndefined();
  });

  test('filtering on a facet whose column has not arrived is an error, not an empty list', () => {
    expect(() => filterIndex(index(ENTRIES, ['legalForm']), { region: '32' })).toThrow(/not loaded/);
  });

  test('no filter matches every entry, in order, and counts every value', () => {
    const { matches, counts = fail() } = filterIndex(index(), {});
    expect(matches).toEqual([0, 1, 2, 3, 4]);
    expect(counts.region).toEqual({ '32': 2, '53': 2, '84': 0 });
    expect(counts.commitment).toEqual({
      'social-inclusion': 2,
      'digital-inclusion': 3,
      'territorial-cohesion': 0,
    });
    expect(counts.legalForm).toEqual({ association: 1, scic: 3, scop: 0 });
  });

  test('one filter keeps the matching entries in order', () => {
    expect(filterIndex(index(), { legalForm: 'scic' }).matches).toEqual([0, 3, 4]);
    expect(filterIndex(index(), { commitment: 'digital-inclusion' }).matches).toEqual([1, 2, 3]);
  });

  test('the kind of entry is a filter like the others, with its counts', () => {
    const { matches, counts = fail() } = filterIndex(index(), { kind: 'ess-organisation' });
    expect(matches).toEqual([2, 4]);
    expect(counts.kind).toEqual({ 'ess-partner': 1, 'institutional-partner': 1, 'ess-organisation': 2 });
    expect(counts.region).toEqual({ '32': 0, '53': 2, '84': 0 });
  });

  test('two filters combine', () => {
    expect(filterIndex(index(), { region: '32', commitment: 'digital-inclusion' }).matches).toEqual([1]);
  });

  test("a facet's counts ignore its own choice and follow the others", () => {
    const { counts = fail() } = filterIndex(index(), { region: '32' });
    // Every region keeps its count: choosing another region would give that many.
    expect(counts.region).toEqual({ '32': 2, '53': 2, '84': 0 });
    // The other facets count within region 32 only.
    expect(counts.legalForm).toEqual({ association: 1, scic: 1, scop: 0 });
    expect(counts.department).toEqual({ '29': 0, '35': 0, '59': 1, '62': 1 });
  });

  test('with two filters, each facet counts within the other filter', () => {
    const { counts = fail() } = filterIndex(index(), { region: '53', legalForm: 'scic' });
    expect(counts.region).toEqual({ '32': 1, '53': 1, '84': 0 });
    expect(counts.legalForm).toEqual({ association: 0, scic: 1, scop: 0 });
  });

  test('a value the index does not know matches nothing', () => {
    const { matches, counts = fail() } = filterIndex(index(), { department: '75' });
    expect(matches).toEqual([]);
    expect(counts.department).toEqual({ '29': 1, '35': 1, '59': 1, '62': 1 });
    expect(counts.region).toEqual({ '32': 0, '53': 0, '84': 0 });
  });
});
