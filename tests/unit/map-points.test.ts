import { describe, expect, test } from 'vitest';
import {
  MAP_LIST_LIMIT,
  P,
  buildMapData,
  facetCounts,
  filterPoints,
  fromMask,
  exactPlace,
  isApproximate,
  isMapped,
  mapListing,
  parseFilters,
  roundCoordinate,
  toMapInput,
  toMask,
  writeFilters,
  type Facet,
  type Locate,
  type MapData,
  type MapPartnerInput,
} from '../../src/lib/map-points';
import { COMMITMENTS, ENTRY_KINDS, LEGAL_FORMS, PARTNERSHIP_TYPES } from '../../src/schemas/enums';

/** A fake partner in Loos (Nord, Hauts-de-France) unless told otherwise. */
function partner(overrides: Partial<MapPartnerInput> = {}): MapPartnerInput {
  return {
    slug: 'structure-fictive-1',
    name: 'Structure fictive n°1',
    kind: 'ess-partner',
    english: true,
    legalForm: 'association',
    commitments: ['social-inclusion'],
    partnershipTypes: ['mediation'],
    location: {
      latitude: 50.6123456,
      longitude: 3.0123456,
      department: { code: '59' },
      region: { code: '32' },
    },
    ...overrides,
  };
}

const inRennes = {
  latitude: 48.11,
  longitude: -1.68,
  department: { code: '35' },
  region: { code: '53' },
};
const inBrest = { ...inRennes, department: { code: '29' }, latitude: 48.39, longitude: -4.49 };

const PARTNERS: MapPartnerInput[] = [
  partner(),
  partner({
    slug: 'b',
    name: 'B',
    kind: 'ess-organisation',
    location: inRennes,
    commitments: ['digital-inclusion', 'social-inclusion'],
    legalForm: 'scop',
  }),
  partner({
    slug: 'c',
    name: 'C',
    kind: 'institutional-partner',
    location: inBrest,
    commitments: ['digital-inclusion'],
    legalForm: undefined,
  }),
  partner({ slug: 'unmapped', name: 'Sans coordonnées', location: undefined }),
];

const ALLOWED: Record<Facet, readonly string[]> = {
  kind: ENTRY_KINDS,
  region: ['32', '53', '84'],
  department: ['29', '35', '59', '69'],
  commitment: COMMITMENTS,
  partnershipType: PARTNERSHIP_TYPES,
  legalForm: LEGAL_FORMS,
};

describe('map points: encoding', () => {
  test('a partner is mapped only when it has both latitude and longitude', () => {
    expect(isMapped(partner())).toBe(true);
    expect(isMapped(partner({ location: undefined }))).toBe(false);
    expect(isMapped(partner({ location: { department: { code: '59' }, region: { code: '32' } } }))).toBe(
      false,
    );
  });

  test('with a locator, a partner with only a commune is mapped at the place it gives', () => {
    const commune = { department: { code: '59' }, region: { code: '32' }, commune: '59360' };
    const atLoos: Locate = (location) =>
      location?.commune === '59360'
        ? { longitude: 3.01874, latitude: 50.60982, precision: 'commune' }
        : undefined;
    expect(isMapped(partner({ location: commune }))).toBe(false);
    expect(isMapped(partner({ location: commune }), atLoos)).toBe(true);
  });

  test('an exact point is written precision 0, a commune position 1 and a department position 2', () => {
    const byCommune: Locate = (location) =>
      exactPlace(location) ??
      (location?.commune
        ? { longitude: 3.01874, latitude: 50.60982, precision: 'commune' }
        : location && { longitude: 3.2, latitude: 50.4, precision: 'department' });
    const data = buildMapData(
      [
        partner({ slug: 'exact' }),
        partner({
          slug: 'commune',
          location: { department: { code: '59' }, region: { code: '32' }, commune: '59360' },
        }),
        partner({ slug: 'department', location: { department: { code: '59' }, region: { code: '32' } } }),
      ],
      byCommune,
    );
    expect(data.points.map((p) => [p[P.slug], p[P.precision], p[P.lon], p[P.lat]])).toEqual([
      ['exact', 0, 3.01235, 50.61235],
      ['commune', 1, 3.01874, 50.60982],
      ['department', 2, 3.2, 50.4],
    ]);
    expect(data.precisions).toEqual(['exact', 'commune', 'department']);
  });

  test('the precision of a point decodes through the table the data carries', () => {
    const data = JSON.parse(
      JSON.stringify(
        buildMapData([partner({ location: { department: { code: '59' }, region: { code: '32' } } })], () => ({
          longitude: 3,
          latitude: 50,
          precision: 'department',
        })),
      ),
    ) as MapData;
    const precision = data.precisions[data.points[0]![P.precision]];
    expect(precision).toBe('department');
    expect(isApproximate(precision!)).toBe(true);
    expect(isApproximate(0)).toBe(false);
  });

  test('coordinates are rounded to five decimals', () => {
    expect(roundCoordinate(3.0123456)).toBe(3.01235);
    expect(roundCoordinate(-1.123454)).toBe(-1.12345);
  });

  test('a list of values round-trips through a bit mask', () => {
    const mask = toMask(['digital-inclusion', 'territorial-cohesion'], COMMITMENTS);
    expect(mask).toBe(0b101);
    expect(fromMask(mask, COMMITMENTS)).toEqual(['territorial-cohesion', 'digital-inclusion']);
  });

  test('partners without coordinates are left out of the data', () => {
    const data = buildMapData(PARTNERS);
    expect(data.points.map((p) => p[P.slug])).toEqual(['structure-fictive-1', 'b', 'c']);
  });

  test('each point is [lon, lat, name, slug, region, department, commitments, types, legal form, English page, precision, kind]', () => {
    const data = buildMapData([partner()]);
    expect(data.points[0]).toEqual([
      3.01235,
      50.61235,
      'Structure fictive n°1',
      'structure-fictive-1',
      0,
      0,
      2,
      32,
      0,
      1,
      0,
      0,
    ]);
    expect(data.regions).toEqual(['32']);
    expect(data.departments).toEqual(['59']);
  });

  test('region and department tables hold only the codes in use, in code order', () => {
    const data = buildMapData(PARTNERS);
    expect(data.regions).toEqual(['32', '53']);
    expect(data.departments).toEqual(['29', '35', '59']);
  });

  test('department codes sort as French readers expect: 2A and 2B between 19 and 21, overseas last', () => {
    const at = (code: string) => ({ ...inRennes, department: { code } });
    const data = buildMapData(
      ['971', '21', '2B', '19', '2A', '01'].map((code) => partner({ slug: code, location: at(code) })),
    );
    expect(data.departments).toEqual(['01', '19', '2A', '2B', '21', '971']);
  });

  test('an unknown legal form is written -1', () => {
    const data = buildMapData([partner({ legalForm: undefined })]);
    expect(data.points[0]![P.legalForm]).toBe(-1);
  });

  test('a name with markup is kept as plain text in the data', () => {
    const name = 'Structure fictive <em>&</em> "Cie"';
    const data = buildMapData([partner({ name })]);
    expect(JSON.parse(JSON.stringify(data)).points[0][P.name]).toBe(name);
  });

  test('a content entry becomes a map input whose slug is its id', () => {
    const { slug: _slug, english: _english, ...data } = partner();
    const entry = {
      id: 'la-structure',
      data: { ...data, description: { fr: 'Une structure.', en: 'An organisation.' } },
    };
    expect(toMapInput(entry).slug).toBe('la-structure');
  });

  test('a point says whether its partner has an English page: only with an English description', () => {
    const { slug: _slug, english: _english, ...data } = partner();
    const translated = toMapInput({
      id: 'a',
      data: { ...data, description: { fr: 'Une structure.', en: 'An organisation.' } },
    });
    const untranslated = toMapInput({ id: 'b', data: { ...data, description: { fr: 'Une structure.' } } });
    const points = buildMapData([translated, untranslated]).points;
    expect(points.map((p) => p[P.english])).toEqual([1, 0]);
  });
});

describe('map points: filters in the query string', () => {
  test('known filters are read from the query string', () => {
    const params = new URLSearchParams(
      'region=53&commitment=digital-inclusion&type=mediation&legalForm=scop',
    );
    expect(parseFilters(params, ALLOWED)).toEqual({
      region: '53',
      commitment: 'digital-inclusion',
      partnershipType: 'mediation',
      legalForm: 'scop',
    });
  });

  test('unknown values and keys are ignored', () => {
    const params = new URLSearchParams('region=99&commitment=<script>&colour=red&department=35');
    expect(parseFilters(params, ALLOWED)).toEqual({ department: '35' });
  });

  test('filters are written in the form order, keeping other parameters', () => {
    const params = writeFilters(new URLSearchParams('lang=fr&region=11'), {
      legalForm: 'scop',
      region: '53',
    });
    expect(params.toString()).toBe('lang=fr&region=53&legalForm=scop');
  });

  test('clearing every filter leaves no filter parameter', () => {
    expect(writeFilters(new URLSearchParams('region=53&type=mediation'), {}).toString()).toBe('');
  });
});

describe('map points: filtering and counts', () => {
  const data = buildMapData(PARTNERS);

  test('no filter keeps every point', () => {
    expect(filterPoints(data, {})).toHaveLength(3);
  });

  test('filters combine: every chosen value must match', () => {
    const slugs = (f: Parameters<typeof filterPoints>[1]) => filterPoints(data, f).map((p) => p[P.slug]);
    expect(slugs({ region: '53' })).toEqual(['b', 'c']);
    expect(slugs({ region: '53', legalForm: 'scop' })).toEqual(['b']);
    expect(slugs({ commitment: 'digital-inclusion', department: '29' })).toEqual(['c']);
  });

  test('the kind of entry filters the points, by the directory’s query key', () => {
    expect(filterPoints(data, { kind: 'ess-organisation' }).map((p) => p[P.slug])).toEqual(['b']);
    expect(filterPoints(data, { kind: 'ess-partner', region: '53' })).toEqual([]);
    expect(parseFilters(new URLSearchParams('kind=institutional-partner'), ALLOWED)).toEqual({
      kind: 'institutional-partner',
    });
    expect(writeFilters(new URLSearchParams(), { region: '53', kind: 'ess-partner' }).toString()).toBe(
      'kind=ess-partner&region=53',
    );
  });

  test('each kind of entry is counted, and narrowed by the other filters', () => {
    expect([...facetCounts(data, {}).kind]).toEqual([
      ['ess-partner', 1],
      ['institutional-partner', 1],
      ['ess-organisation', 1],
    ]);
    expect(facetCounts(data, { region: '53' }).kind.get('ess-partner')).toBe(0);
    expect(facetCounts(data, { kind: 'ess-partner' }).kind.get('ess-organisation')).toBe(1);
  });

  test('a value that no point has matches nothing', () => {
    expect(filterPoints(data, { region: '84' })).toEqual([]);
    expect(filterPoints(data, { commitment: 'ecological-transition' })).toEqual([]);
  });

  test('without filters, counts are the number of points per value', () => {
    const counts = facetCounts(data, {});
    expect(counts.region.get('53')).toBe(2);
    expect(counts.department.get('59')).toBe(1);
    expect(counts.commitment.get('social-inclusion')).toBe(2);
    expect(counts.commitment.get('digital-inclusion')).toBe(2);
    expect(counts.legalForm.get('association')).toBe(1);
    expect(counts.legalForm.get('mutual')).toBe(0);
  });

  test('a facet’s own choice does not narrow its counts, but narrows the others’', () => {
    const counts = facetCounts(data, { region: '53' });
    expect(counts.region.get('32')).toBe(1);
    expect(counts.region.get('53')).toBe(2);
    expect(counts.department.get('59')).toBe(0);
    expect(counts.department.get('35')).toBe(1);
    expect(counts.commitment.get('social-inclusion')).toBe(1);
  });

  test('counts agree with filtering: choosing a value shows as many points as its count said', () => {
    const filters = { commitment: 'digital-inclusion' };
    const counts = facetCounts(data, filters);
    for (const [region, count] of counts.region) {
      expect(filterPoints(data, { ...filters, region })).toHaveLength(count);
    }
  });
});

describe('the map page without JavaScript (mapListing)', () => {
  /** A directory entry, with coordinates unless `mapped` is false. */
  const entry = (i: number, mapped = true) => ({
    id: `structure-fictive-${i}`,
    data: {
      name: `Structure fictive n°${i}`,
      kind: 'ess-organisation' as const,
      legalForm: 'association' as const,
      commitments: ['social-inclusion' as const],
      partnershipTypes: ['mediation' as const],
      description: { fr: 'Structure inventée pour les tests.' },
      location: {
        ...(mapped ? { latitude: 50.61, longitude: 3.01 } : {}),
        department: { code: '59' },
        region: { code: '32' },
      },
    },
  });

  test('with no partner on the map, it lists none and counts every partner as off the map', () => {
    expect(mapListing([entry(1, false), entry(2, false)])).toEqual({
      mapped: [],
      listed: [],
      unmapped: 0,
      unknownPosition: 2,
    });
  });

  test('a partner without any location counts apart from one whose location has no known position', () => {
    const { location: _location, ...data } = entry(3).data;
    const listing = mapListing([entry(1, false), { id: 'nowhere', data }]);
    expect(listing.unmapped).toBe(1);
    expect(listing.unknownPosition).toBe(1);
  });

  test('up to the limit, it lists every partner with a place and counts the others', () => {
    const partners = [entry(1), entry(2, false), entry(3)];
    const listing = mapListing(partners, exactPlace, 2);
    expect(listing.listed?.map(({ partner: p }) => p.id)).toEqual([
      'structure-fictive-1',
      'structure-fictive-3',
    ]);
    expect(listing.unknownPosition).toBe(1);
  });

  test('with a locator, a partner with only a commune is listed with its approximate place', () => {
    const atCommune: Locate = (location) =>
      location
        ? (exactPlace(location) ?? { longitude: 3.02, latitude: 50.61, precision: 'commune' })
        : undefined;
    const listing = mapListing([entry(1), entry(2, false)], atCommune);
    expect(listing.listed?.map(({ place }) => place.precision)).toEqual(['exact', 'commune']);
    expect(listing.unknownPosition).toBe(0);
  });

  test('past the limit, it lists none: the page links to the directory instead', () => {
    const listing = mapListing([entry(1), entry(2), entry(3)], exactPlace, 2);
    expect(listing.mapped).toHaveLength(3);
    expect(listing.listed).toBeUndefined();
  });

  test('the limit is 200 partners', () => {
    expect(MAP_LIST_LIMIT).toBe(200);
    const partners = Array.from({ length: 201 }, (_, i) => entry(i));
    expect(mapListing(partners.slice(0, 200)).listed).toHaveLength(200);
    expect(mapListing(partners).listed).toBeUndefined();
  });
});
