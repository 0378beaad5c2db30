import { describe, expect, test } from 'vitest';
import {
  clampPage,
  compareDepartmentCodes,
  countValues,
  hasFilters,
  pageCount,
  pageRange,
  pageSlice,
  paginate,
  paginationItems,
  readState,
  writeState,
  type Facet,
} from '../../src/lib/directory';

/** Obviously fake items: "Partenaire fictif 001"… */
const fake = (n: number) =>
  Array.from({ length: n }, (_, i) => `Partenaire fictif ${String(i + 1).padStart(3, '0')}`);

describe('pagination', () => {
  test('an empty list has one empty page', () => {
    expect(pageCount(0, 24)).toBe(1);
    expect(paginate([], 24)).toEqual([[]]);
  });

  test('24 items fill exactly one page', () => {
    expect(pageCount(24, 24)).toBe(1);
  });

  test('25 items need a second page holding the last one', () => {
    const pages = paginate(fake(25), 24);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toEqual(['Partenaire fictif 025']);
  });

  test('1,000 fake partners make 42 pages that hold each of them once, in order', () => {
    const items = fake(1000);
    const pages = paginate(items, 24);
    expect(pages).toHaveLength(42);
    expect(pages.flat()).toEqual(items);
    expect(pages.slice(0, -1).every((p) => p.length === 24)).toBe(true);
  });

  test('a page past the end is empty', () => {
    expect(pageSlice(fake(10), 3, 24)).toEqual([]);
  });

  test('the range of the second page of 60 items is 25 to 48', () => {
    expect(pageRange(2, 60, 24)).toEqual({ first: 25, last: 48 });
  });

  test('the range of the last page stops at the total', () => {
    expect(pageRange(3, 60, 24)).toEqual({ first: 49, last: 60 });
  });

  test('a page number beyond the last is brought back to the last', () => {
    expect(clampPage(9, 30, 24)).toBe(2);
  });

  test('a page number under 1 or not a number is brought to 1', () => {
    expect(clampPage(0, 30, 24)).toBe(1);
    expect(clampPage(Number.NaN, 30, 24)).toBe(1);
  });
});

describe('pagination bar', () => {
  test('a few pages are all shown', () => {
    expect(paginationItems(2, 4)).toEqual([1, 2, 3, 4]);
  });

  test('pages far from the current one collapse into gaps, first and last kept', () => {
    expect(paginationItems(10, 20)).toEqual([1, 'gap', 9, 10, 11, 'gap', 20]);
  });

  test('a gap never hides a single page', () => {
    expect(paginationItems(4, 20)).toEqual([1, 2, 3, 4, 5, 'gap', 20]);
  });

  test('a single page gives a single item', () => {
    expect(paginationItems(1, 1)).toEqual([1]);
  });
});

describe('department order', () => {
  test('Corsica’s 2A and 2B come between 19 and 21, overseas departments last', () => {
    const codes = ['971', '21', '2B', '01', '19', '2A', '95', '03'];
    expect(codes.toSorted(compareDepartmentCodes)).toEqual(['01', '03', '19', '2A', '2B', '21', '95', '971']);
  });
});

describe('counts', () => {
  test('each value is counted once per item, even when an item repeats it', () => {
    const counts = countValues([['a', 'b'], ['a'], ['a', 'a']], (values) => values);
    expect(Object.fromEntries(counts)).toEqual({ a: 3, b: 1 });
  });

  test('items without a value add nothing', () => {
    expect(countValues([[], []], (v: string[]) => v).size).toBe(0);
  });
});

const ALLOWED: Record<Facet, readonly string[]> = {
  kind: ['ess-partner', 'ess-organisation'],
  region: ['32', '24'],
  department: ['59', '36'],
  commitment: ['digital-inclusion', 'social-inclusion'],
  partnershipType: ['mediation'],
  legalForm: ['federation', 'scic'],
};

describe('filter state in the address', () => {
  test('known values are read from their query keys', () => {
    const state = readState(new URLSearchParams('region=32&type=mediation&legalForm=scic'), ALLOWED);
    expect(state).toEqual({
      filters: { region: '32', partnershipType: 'mediation', legalForm: 'scic' },
      page: 1,
    });
  });

  test('unknown values are ignored', () => {
    const state = readState(new URLSearchParams('region=99&commitment=<script>'), ALLOWED);
    expect(state.filters).toEqual({});
  });

  test('an empty value, as a form sends for "all", is ignored', () => {
    expect(readState(new URLSearchParams('region=&department=59'), ALLOWED).filters).toEqual({
      department: '59',
    });
  });

  test('of repeated keys the first known value wins', () => {
    expect(readState(new URLSearchParams('region=x&region=24&region=32'), ALLOWED).filters).toEqual({
      region: '24',
    });
  });

  test('labels in place of ids are ignored', () => {
    expect(readState(new URLSearchParams('region=Hauts-de-France'), ALLOWED).filters).toEqual({});
  });

  test('the page is read when it is a positive integer', () => {
    expect(readState(new URLSearchParams('page=3'), ALLOWED).page).toBe(3);
  });

  test('a page that is not a positive integer is ignored', () => {
    for (const page of ['0', '-2', '1.5', 'deux', '1e3', '', '99999999']) {
      expect(readState(new URLSearchParams({ page }), ALLOWED).page, page).toBe(1);
    }
  });

  test('the state is written in the form order, whatever order it was built in', () => {
    expect(writeState({ filters: { legalForm: 'scic', region: '32' }, page: 1 })).toBe(
      '?region=32&legalForm=scic',
    );
  });

  test('page 1 is left out of the address', () => {
    expect(writeState({ filters: { region: '32' }, page: 1 })).toBe('?region=32');
  });

  test('a later page is written after the filters', () => {
    expect(writeState({ filters: { region: '32' }, page: 2 })).toBe('?region=32&page=2');
  });

  test('no filter on the first page gives an empty query string', () => {
    expect(writeState({ filters: {}, page: 1 })).toBe('');
  });

  test('parameters that are not the directory’s are kept after its own', () => {
    expect(writeState({ filters: { region: '32' }, page: 1 }, new URLSearchParams('utm=x&region=24'))).toBe(
      '?region=32&utm=x',
    );
  });

  test('what is written reads back the same', () => {
    const state = { filters: { department: '59', commitment: 'social-inclusion' }, page: 2 };
    expect(readState(new URLSearchParams(writeState(state)), ALLOWED)).toEqual(state);
  });

  test('hasFilters is false for no filter and true for one', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ legalForm: 'scic' })).toBe(true);
  });
});
