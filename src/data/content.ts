/**
 * The one place that loads the collections. Each collection is read once per build;
 * pages import the named lists and lookups below instead of calling getCollection.
 * Relations between entries are checked here, so that a broken reference fails the
 * build with the file and field at fault.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { COMMITMENTS, type Commitment, type Locale, type PageKey } from '../schemas/enums';
import { frenchCollator } from '../lib/format';
import { communeByCode, departmentByCode } from '../lib/geography';
import { slugOf } from '../lib/urls';
import { figureDate } from '../lib/source-rules';
import { relationProblems } from '../lib/content-relations';

export type CaseStudy = CollectionEntry<'caseStudies'>;
export type Partner = CollectionEntry<'partners'>;
export type Brochure = CollectionEntry<'brochures'>;
export type CommitmentEntry = CollectionEntry<'commitments'>;
export type Page = CollectionEntry<'pages'>;
export type SourceEntry = CollectionEntry<'sources'>;

class ContentRelationError extends Error {
  constructor(entry: { id: string; filePath?: string | undefined }, field: string, message: string) {
    super(`${entry.filePath ?? entry.id}: ${field}: ${message}`);
    this.name = 'ContentRelationError';
  }
}

const allPartners = await getCollection('partners');
export const partners: Partner[] = [...allPartners].sort((a, b) =>
  frenchCollator.compare(a.data.name, b.data.name),
);
const partnersById = new Map(partners.map((p) => [p.id, p]));

export const caseStudies: CaseStudy[] = (await getCollection('caseStudies', (e) => !e.data.draft)).sort(
  (a, b) =>
    b.data.publishedAt.localeCompare(a.data.publishedAt) ||
    frenchCollator.compare(a.data.title, b.data.title),
);
const caseStudiesById = new Map(caseStudies.map((c) => [c.id, c]));

export const brochures: Brochure[] = (await getCollection('brochures')).sort(
  (a, b) => b.data.year - a.data.year,
);
export const pages: Page[] = await getCollection('pages');

export const commitments: CommitmentEntry[] = (await getCollection('commitments')).sort(
  (a, b) => a.data.order - b.data.order,
);

export const sources: SourceEntry[] = await getCollection('sources');
const sourcesById = new Map(sources.map((s) => [s.id, s]));

const settingsEntries = await getCollection('settings');
if (settingsEntries.length !== 1) {
  throw new Error(
    `content/settings/ must hold exactly one file (site.yaml); found ${settingsEntries.length}`,
  );
}
/** The settings file's entry (its digest keys every page: src/data/cache-keys.ts). */
export const settingsEntry = settingsEntries[0]!;
export const settings = settingsEntry.data;

// --- Relations: references, citations and URL segments (src/lib/content-relations.ts). ---
// The content check (npm run build runs it first) lists every problem in French; this stops
// the build at the first one, should Astro be run on its own.
const fileOf = (e: { id: string; filePath?: string | undefined }) => e.filePath ?? e.id;
const [relationProblem] = relationProblems({
  caseStudies: caseStudies.map((e) => ({ file: fileOf(e), id: e.id, data: e.data })),
  partners: partners.map((e) => ({ file: fileOf(e), id: e.id, data: e.data })),
  brochures: brochures.map((e) => ({ file: fileOf(e), id: e.id, data: e.data })),
  pages: pages.map((e) => ({ file: fileOf(e), id: e.id, data: e.data })),
  commitments: commitments.map((e) => ({ file: fileOf(e), id: e.id, data: e.data })),
  settings: settingsEntries.map((e) => ({ file: fileOf(e), id: e.id, data: e.data })),
  sources: new Map(sources.map((s) => [s.id, s.data])),
});
if (relationProblem) {
  throw new ContentRelationError(
    { id: relationProblem.file },
    relationProblem.field,
    relationProblem.message,
  );
}
/** Case studies by language and key (file name): brochures name stories by key. */
const caseStudyByKey = new Map(caseStudies.map((c) => [`${c.data.lang}/${c.data.translationKey}`, c]));

const commitmentIds = new Set(commitments.map((c) => c.id));
for (const c of commitments) {
  if (!(COMMITMENTS as readonly string[]).includes(c.id)) {
    throw new ContentRelationError(c, 'nom du fichier', `doit être l’un de ${COMMITMENTS.join(', ')}`);
  }
}
for (const id of COMMITMENTS) {
  if (!commitmentIds.has(id)) throw new Error(`content/commitments/${id}.yaml : fichier manquant`);
}

// --- Lookups ---
export const byLocale = <T extends { data: { lang: Locale } }>(entries: T[], locale: Locale): T[] =>
  entries.filter((e) => e.data.lang === locale);

/** Stories (translationKey) told in each language. */
const toldIn = new Map<Locale, Set<string>>();
for (const c of caseStudies) {
  const keys = toldIn.get(c.data.lang) ?? new Set<string>();
  keys.add(c.data.translationKey);
  toldIn.set(c.data.lang, keys);
}

/**
 * The case studies of `entries` that a page in `locale` lists: each story once, in `locale`
 * when it is translated, else in French. An English page then shows every partnership, and
 * the card of a French one says that it leads to a page in French (see data/cards.ts).
 */
export function caseStudiesFor(entries: CaseStudy[], locale: Locale): CaseStudy[] {
  const translated = toldIn.get(locale) ?? new Set<string>();
  return entries.filter(
    (e) => e.data.lang === locale || (e.data.lang === 'fr' && !translated.has(e.data.translationKey)),
  );
}

export function partnerById(id: string): Partner | undefined {
  return partnersById.get(id);
}

export function caseStudyById(id: string): CaseStudy | undefined {
  return caseStudiesById.get(id);
}

/** A brochure's stories, in its order and language. */
export function brochureCaseStudies(brochure: Brochure): CaseStudy[] {
  return brochure.data.caseStudies.map((key) => caseStudyByKey.get(`${brochure.data.lang}/${key}`)!);
}

export function sourceById(id: string): SourceEntry | undefined {
  return sourcesById.get(id);
}

/**
 * A figure with the date it shows: its own, else its source's (marked when worked out).
 * The checks above guarantee that one of them exists.
 */
export function datedFigure<T extends { source: string; date?: string | undefined }>(
  figure: T,
): T & { when: { date: string; workedOut: boolean } } {
  return { ...figure, when: figureDate(figure, sourcesById.get(figure.source)?.data)! };
}

/** The source entries of `ids`, in that order, each once. */
export function sourcesOf(ids: Iterable<string>): SourceEntry[] {
  return [...new Set(ids)].map((id) => sourcesById.get(id)!);
}

// Relations read the other way, indexed once: every partner page asks, and a scan of all
// partners per page made the build quadratic (about 30 s of 200 at 20,000 partners).
function indexBy<T>(entries: readonly T[], keys: (entry: T) => string[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const entry of entries) {
    for (const key of new Set(keys(entry))) {
      const list = index.get(key);
      if (list) list.push(entry);
      else index.set(key, [entry]);
    }
  }
  return index;
}
const citingIndex = indexBy(caseStudies, (c) => c.data.partners.map((p) => p.id));
const membersIndex = indexBy(partners, (p) => p.data.networks.map((n) => n.id));

/** The case studies that cite a partner: the partner relation read the other way. */
export function caseStudiesCiting(partnerId: string, locale: Locale): CaseStudy[] {
  return caseStudiesFor(citingIndex.get(partnerId) ?? [], locale);
}

/** Partners that list `networkId` among their networks, in the order of `partners`. */
export function membersOf(networkId: string): Partner[] {
  // A copy: callers may sort or filter it without touching the index.
  return [...(membersIndex.get(networkId) ?? [])];
}

export function caseStudiesServing(commitment: Commitment, locale: Locale): CaseStudy[] {
  return caseStudiesFor(caseStudies, locale).filter((c) => c.data.commitments.includes(commitment));
}

export function commitmentEntry(id: Commitment): CommitmentEntry {
  return commitments.find((c) => c.id === id)!;
}

/** The same story, brochure or page in another language, if it exists. */
export function translationOf<T extends { id: string; data: { lang: Locale } }>(
  entries: T[],
  entry: T,
  locale: Locale,
): T | undefined {
  // Translations share their file name (content/<folder>/<lang>/<key>): the id after the language.
  return entries.find((e) => e.data.lang === locale && slugOf(e.id) === slugOf(entry.id));
}

export function pageByKey(locale: Locale, key: PageKey): Page | undefined {
  return pages.find((p) => p.data.lang === locale && p.data.key === key);
}

// --- Territories (partner directory): who and what is in each department and region ---

/**
 * Department and region codes a case study's territory names, through its communes,
 * departments and regions. `national: true` adds none: a nationwide story is not listed
 * under every territory.
 */
function placesOf(study: CaseStudy): { departments: Set<string>; regions: Set<string> } {
  const { territory } = study.data;
  const departments = new Set(territory.departments);
  for (const code of territory.communes) {
    const commune = communeByCode(code);
    if (commune) departments.add(commune.department.code);
  }
  const regions = new Set(territory.regions);
  for (const code of departments) {
    const region = departmentByCode(code)?.region;
    if (region) regions.add(region.code);
  }
  return { departments, regions };
}

/** Indexes by department and region code, built once, on first use. */
let territoryIndex: { partners: Map<string, Partner[]>; caseStudies: Map<string, CaseStudy[]> } | undefined;

function byTerritory() {
  if (territoryIndex) return territoryIndex;
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  // Keys are "d:59" and "r:32": department and region codes never mix.
  const partnerMap = new Map<string, Partner[]>();
  for (const p of partners) {
    if (!p.data.location) continue;
    add(partnerMap, `d:${p.data.location.department.code}`, p);
    add(partnerMap, `r:${p.data.location.region.code}`, p);
  }
  const studyMap = new Map<string, CaseStudy[]>();
  for (const c of caseStudies) {
    const places = placesOf(c);
    for (const code of places.departments) add(studyMap, `d:${code}`, c);
    for (const code of places.regions) add(studyMap, `r:${code}`, c);
  }
  territoryIndex = { partners: partnerMap, caseStudies: studyMap };
  return territoryIndex;
}

/** Partners based in a department (by INSEE code), sorted by name. */
export function partnersInDepartment(code: string): Partner[] {
  return byTerritory().partners.get(`d:${code}`) ?? [];
}

/** Partners based in a region (by INSEE code), sorted by name. */
export function partnersInRegion(code: string): Partner[] {
  return byTerritory().partners.get(`r:${code}`) ?? [];
}

/** Case studies (for a page in `locale`) that name a department, or one of its communes. */
export function caseStudiesInDepartment(code: string, locale: Locale): CaseStudy[] {
  return caseStudiesFor(byTerritory().caseStudies.get(`d:${code}`) ?? [], locale);
}

/** Case studies (for a page in `locale`) that name a region, or one of its departments or communes. */
export function caseStudiesInRegion(code: string, locale: Locale): CaseStudy[] {
  return caseStudiesFor(byTerritory().caseStudies.get(`r:${code}`) ?? [], locale);
}

/** Case studies (for a page in `locale`) that cover the whole country. */
export function nationalCaseStudies(locale: Locale): CaseStudy[] {
  return caseStudiesFor(caseStudies, locale).filter((c) => c.data.territory.national);
}

export { slugOf };
