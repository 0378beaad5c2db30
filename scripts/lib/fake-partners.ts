/**
 * Obviously fake partners for the scale benchmark (scripts/bench.ts): "Structure fictive
 * n°123", deterministic for a given seed, and valid against the partner schema — real INSEE
 * commune codes with one of their postal codes (INSEE's lists, through src/lib/geography.ts),
 * SIRETs that pass the Luhn key, coordinates near the prefecture of the commune's department.
 * They are written to a temporary content folder, never to content/.
 *
 * Runs on Node 22 directly (type stripping): imports carry their .ts extension and the file
 * uses no TypeScript-only syntax.
 */
import { createRequire } from 'node:module';
import { communeByCode } from '../../src/lib/geography.ts';
import { luhnValid } from '../../src/lib/siret.ts';
import { COMMITMENTS, LEGAL_FORMS, PARTNERSHIP_TYPES, SCOPES } from '../../src/schemas/enums.ts';

const require = createRequire(import.meta.url);

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same partners. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

/**
 * Share of fake partners with an English description, and so an English page
 * (src/lib/partner-pages.ts). The 20,000 points the programme plans come from French
 * sources: few will be translated. One in ten is a generous guess.
 */
export const ENGLISH_SHARE = 0.1;

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Between 1 and `max` distinct values of `items`, in the list's order. */
function some<T>(rng: Rng, items: readonly T[], max: number): T[] {
  const count = int(rng, 1, max);
  const chosen = new Set<T>();
  while (chosen.size < count) chosen.add(pick(rng, items));
  return items.filter((item) => chosen.has(item));
}

/** A normally distributed number (Box–Muller), cut at two standard deviations. */
function gaussian(rng: Rng, sd: number): number {
  const value = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.max(-2, Math.min(2, value)) * sd;
}

/**
 * Approximate latitude and longitude of each department's prefecture (coastal ones moved a
 * little inland), so that fake points fall on land in the right department. Only these
 * departments receive fake partners.
 */
const ANCHORS_TEXT =
  '01:46.21,5.23 02:49.56,3.62 03:46.57,3.33 04:44.09,6.24 05:44.56,6.08 06:43.78,7.20 07:44.74,4.60 ' +
  '08:49.76,4.73 09:42.97,1.61 10:48.30,4.07 11:43.21,2.35 12:44.35,2.58 13:43.36,5.45 14:49.15,-0.40 ' +
  '15:44.93,2.44 16:45.65,0.16 17:46.17,-0.98 18:47.08,2.40 19:45.27,1.77 2A:42.00,8.90 2B:42.50,9.30 ' +
  '21:47.32,5.04 22:48.45,-2.80 23:46.17,1.87 24:45.18,0.72 25:47.24,6.02 26:44.93,4.89 27:49.03,1.15 ' +
  '28:48.45,1.49 29:48.05,-4.00 30:43.84,4.36 31:43.60,1.44 32:43.65,0.59 33:44.84,-0.55 34:43.65,3.85 ' +
  '35:48.12,-1.68 36:46.81,1.69 37:47.39,0.69 38:45.19,5.72 39:46.68,5.56 40:43.89,-0.50 41:47.59,1.34 ' +
  '42:45.44,4.39 43:45.04,3.89 44:47.23,-1.50 45:47.90,1.91 46:44.45,1.44 47:44.20,0.62 48:44.52,3.50 ' +
  '49:47.48,-0.56 50:49.12,-1.09 51:48.96,4.37 52:48.11,5.14 53:48.07,-0.77 54:48.69,6.18 55:48.77,5.16 ' +
  '56:47.70,-2.70 57:49.12,6.18 58:46.99,3.16 59:50.63,3.06 60:49.43,2.08 61:48.43,0.09 62:50.29,2.78 ' +
  '63:45.78,3.09 64:43.30,-0.37 65:43.23,0.08 66:42.70,2.80 67:48.57,7.75 68:48.08,7.36 69:45.76,4.84 ' +
  '70:47.62,6.16 71:46.31,4.83 72:48.01,0.20 73:45.56,5.92 74:45.90,6.13 75:48.86,2.35 76:49.44,1.10 ' +
  '77:48.54,2.66 78:48.80,2.13 79:46.32,-0.46 80:49.89,2.30 81:43.93,2.15 82:44.02,1.36 83:43.20,6.00 ' +
  '84:43.95,4.81 85:46.67,-1.43 86:46.58,0.34 87:45.83,1.26 88:48.17,6.45 89:47.80,3.57 90:47.64,6.86 ' +
  '91:48.63,2.44 92:48.89,2.21 93:48.91,2.44 94:48.79,2.46 95:49.04,2.08 ' +
  '971:16.25,-61.55 972:14.65,-61.02 973:4.85,-52.35 974:-21.13,55.53 976:-12.82,45.15';

export const DEPARTMENT_ANCHORS: ReadonlyMap<string, { lat: number; lon: number }> = new Map(
  ANCHORS_TEXT.split(' ').map((entry) => {
    const [code, coordinates] = entry.split(':') as [string, string];
    const [lat, lon] = coordinates.split(',').map(Number) as [number, number];
    return [code, { lat, lon }];
  }),
);

/** Spread of the points around their anchor, in degrees: about 9 km, 2 km overseas. */
const SPREAD = 0.08;
const SPREAD_OVERSEAS = 0.02;

interface RawCommune {
  code: string;
  type: string;
  departement?: string;
  population?: number;
}

interface Candidate {
  code: string;
  postalCodes: readonly string[];
  department: string;
}

let candidates: { list: Candidate[]; cumulative: Float64Array } | undefined;

/**
 * Communes to draw from, weighted by population so that fake partners gather in towns as
 * real ones do; each one is checked through src/lib/geography.ts, as the schema checks it.
 */
function communes() {
  if (candidates) return candidates;
  const raw = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
  const list: Candidate[] = [];
  const weights: number[] = [];
  for (const c of raw) {
    if (c.type !== 'commune-actuelle' || !c.departement || !DEPARTMENT_ANCHORS.has(c.departement)) continue;
    const commune = communeByCode(c.code);
    if (!commune || commune.postalCodes.length === 0) continue;
    list.push({ code: c.code, postalCodes: commune.postalCodes, department: commune.department.code });
    weights.push(Math.max(1, c.population ?? 1));
  }
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (cumulative[i] = total += w));
  candidates = { list, cumulative };
  return candidates;
}

function pickCommune(rng: Rng): Candidate {
  const { list, cumulative } = communes();
  const target = rng() * cumulative[cumulative.length - 1]!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cumulative[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return list[low]!;
}

/** The digit that completes `digits` into a number whose Luhn key is valid. */
function luhnKey(digits: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(digits + d)) return String(d);
  throw new Error(`no Luhn key for ${digits}`);
}

/** A SIRET that passes INSEE's check (Luhn on the SIREN and on the 14 digits); never La Poste's. */
export function fakeSiret(rng: Rng): string {
  let siren8: string;
  do {
    siren8 = String(int(rng, 10_000_000, 99_999_999));
  } while (siren8.startsWith('35600000'));
  const siren = siren8 + luhnKey(siren8);
  const nic4 = String(int(rng, 0, 9999)).padStart(4, '0');
  return siren + nic4 + luhnKey(siren + nic4);
}

export interface FakePartner {
  /** File name without .yaml: the partner's identifier and URL slug. */
  id: string;
  /** The file's content, as the YAML loader hands it to the schema. */
  data: Record<string, unknown>;
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * The one source that fake partners cite for their legal form, partnership types and start
 * year (the schema asks for one): a fake document, written beside them as
 * content/sources/source-fictive.yaml.
 */
export const FAKE_SOURCE = {
  id: 'source-fictive',
  data: {
    title: 'Source fictive',
    author: null,
    publisher: null,
    date: '2025',
    language: 'fr',
  },
} as const;

/**
 * Shares of each kind of entry among the fake ones that are not networks: the planned 20,000
 * points are mostly ESS organisations the directory references, a few partners.
 */
export const KIND_SHARES = { 'ess-partner': 0.1, 'institutional-partner': 0.02 } as const;

/**
 * `count` fake directory entries. The first ones (one per 400) are fake networks (ESS
 * partners) that others belong to, so that "members of this network" pages are exercised at
 * scale. Then about 10 % ESS partners and 2 % institutional partners, described, with
 * commitments and partnership types, 85 % placed exactly, 10 % at a commune only; and 88 %
 * referenced organisations as an identity-only spreadsheet gives them: name, sometimes a
 * SIRET and a legal form, 40 % placed exactly and 55 % at a commune only, one in three
 * described, rarely a commitment. 5 % of all have no location. One in 250 has markup in its
 * name, which every page and the map must show as text.
 */
export function fakePartners(count: number, seed = 1): FakePartner[] {
  const rng = mulberry32(seed);
  const networks = count >= 2 ? Math.max(1, Math.round(count / 400)) : 0;
  const networkIds: string[] = [];
  const width = String(count).length;
  const partners: FakePartner[] = [];
  for (let i = 1; i <= count; i++) {
    const number = String(i).padStart(width, '0');
    const isNetwork = i <= networks;
    const id = isNetwork ? `reseau-fictif-${number}` : `structure-fictive-${number}`;
    let name = isNetwork ? `Réseau fictif n°${i}` : `Structure fictive n°${i}`;
    if (i % 250 === 0) name += ' <em>&</em> "Cie"';
    const draw = rng();
    const kind = isNetwork
      ? 'ess-partner'
      : draw < KIND_SHARES['ess-partner']
        ? 'ess-partner'
        : draw < KIND_SHARES['ess-partner'] + KIND_SHARES['institutional-partner']
          ? 'institutional-partner'
          : 'ess-organisation';
    const partner = kind !== 'ess-organisation';
    const data: Record<string, unknown> = { kind, name };
    if (isNetwork) data['legalForm'] = 'federation';
    else if (rng() < 0.85) data['legalForm'] = pick(rng, LEGAL_FORMS);
    if (data['legalForm']) data['legalFormSource'] = FAKE_SOURCE.id;
    if (rng() < 0.5) data['siret'] = fakeSiret(rng);
    data['scope'] = isNetwork ? 'national' : pick(rng, SCOPES);
    const where = rng();
    const exact = partner ? 0.85 : 0.4;
    if (where < 0.95) {
      const commune = pickCommune(rng);
      const location: Record<string, unknown> = {
        commune: commune.code,
        postalCode: pick(rng, commune.postalCodes),
      };
      if (where < exact) {
        const anchor = DEPARTMENT_ANCHORS.get(commune.department)!;
        const spread = commune.department.length === 3 ? SPREAD_OVERSEAS : SPREAD;
        location['latitude'] = round5(anchor.lat + gaussian(rng, spread));
        location['longitude'] = round5(anchor.lon + gaussian(rng, spread * 1.4));
      }
      data['location'] = location;
    }
    if (partner || rng() < 0.05) data['commitments'] = some(rng, COMMITMENTS, 2);
    if (partner) {
      data['partnershipTypes'] = some(rng, PARTNERSHIP_TYPES, 2);
      data['partnershipTypesSource'] = FAKE_SOURCE.id;
      data['partnerSince'] = int(rng, 2015, 2025);
      data['partnerSinceSource'] = FAKE_SOURCE.id;
    }
    data['website'] = `https://${id}.example.org/`;
    data['networks'] = !isNetwork && networks > 0 && rng() < 0.3 ? [pick(rng, networkIds)] : [];
    const described = partner || rng() < 1 / 3;
    const description: Record<string, string> = {
      fr: isNetwork
        ? `Réseau fictif n°${i}, inventé pour mesurer le site à grande échelle : il n’existe pas.`
        : `Structure fictive n°${i}, inventée pour mesurer le site à grande échelle : elle n’existe pas.`,
    };
    if (rng() < ENGLISH_SHARE) {
      description['en'] =
        `Fictitious ${isNetwork ? 'network' : 'organisation'} no. ${i}, made up to test the site at scale: it does not exist.`;
    }
    if (described) data['description'] = description;
    data['updatedAt'] = '2025-01-15';
    if (isNetwork) networkIds.push(id);
    partners.push({ id, data });
  }
  return partners;
}
