/**
 * The one place that loads the collections. Each collection is read once per build;
 * pages import the named lists and lookups below instead of calling getCollection.
 * Relations between entries are checked here, so that a broken reference fails the
 * build with the file and field at fault.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { COMMITMENTS, type Commitment, type Locale, type PageKey } from '../schemas/enums';
import { frenchCollator } from '../lib/format';
import { slugOf } from '../lib/urls';

export type CaseStudy = CollectionEntry<'caseStudies'>;
export type Partner = CollectionEntry<'partners'>;
export type Brochure = CollectionEntry<'brochures'>;
export type CommitmentEntry = CollectionEntry<'commitments'>;
export type Page = CollectionEntry<'pages'>;

class ContentRelationError extends Error {
  constructor(entry: { id: string; filePath?: string | undefined }, field: string, message: string) {
    super(`${entry.filePath ?? entry.id}: ${field}: ${message}`);
    this.name = 'ContentRelationError';
  }
}

/** The language folder of an entry (content/case-studies/<lang>/…) must match its `lang` field. */
function checkLanguageFolder(entry: { id: string; filePath?: string | undefined; data: { lang: Locale } }) {
  const folder = entry.id.split('/')[0];
  if (folder !== entry.data.lang) {
    throw new ContentRelationError(
      entry,
      'lang',
      `is "${entry.data.lang}" but the file is in the "${folder}" folder`,
    );
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

const settingsEntries = await getCollection('settings');
if (settingsEntries.length !== 1) {
  throw new Error(
    `content/settings/ must hold exactly one file (site.yaml); found ${settingsEntries.length}`,
  );
}
export const settings = settingsEntries[0]!.data;

// --- Relations: every reference must point at an existing entry. ---
for (const c of caseStudies) {
  checkLanguageFolder(c);
  c.data.partners.forEach((ref, i) => {
    if (!partnersById.has(ref.id)) {
      throw new ContentRelationError(c, `partners[${i}]`, `no partner file content/partners/${ref.id}.yaml`);
    }
  });
}
for (const p of partners) {
  p.data.networks.forEach((ref, i) => {
    if (!partnersById.has(ref.id)) {
      throw new ContentRelationError(p, `networks[${i}]`, `no partner file content/partners/${ref.id}.yaml`);
    }
    if (ref.id === p.id)
      throw new ContentRelationError(p, `networks[${i}]`, 'a partner cannot be its own network');
  });
}
for (const b of brochures) {
  checkLanguageFolder(b);
  b.data.caseStudies.forEach((ref, i) => {
    const study = caseStudiesById.get(ref.id);
    if (!study) throw new ContentRelationError(b, `caseStudies[${i}]`, `no published case study "${ref.id}"`);
    if (study.data.lang !== b.data.lang) {
      throw new ContentRelationError(b, `caseStudies[${i}]`, `"${ref.id}" is not in the brochure's language`);
    }
  });
}
for (const p of pages) checkLanguageFolder(p);
const commitmentIds = new Set(commitments.map((c) => c.id));
for (const c of commitments) {
  if (!(COMMITMENTS as readonly string[]).includes(c.id)) {
    throw new ContentRelationError(c, 'file name', `must be one of ${COMMITMENTS.join(', ')}`);
  }
}
for (const id of COMMITMENTS) {
  if (!commitmentIds.has(id)) throw new Error(`content/commitments/${id}.yaml is missing`);
}

// --- Lookups ---
export const byLocale = <T extends { data: { lang: Locale } }>(entries: T[], locale: Locale): T[] =>
  entries.filter((e) => e.data.lang === locale);

export function partnerById(id: string): Partner | undefined {
  return partnersById.get(id);
}

export function caseStudyById(id: string): CaseStudy | undefined {
  return caseStudiesById.get(id);
}

/** The case studies that cite a partner: the partner relation read the other way. */
export function caseStudiesCiting(partnerId: string, locale: Locale): CaseStudy[] {
  return byLocale(caseStudies, locale).filter((c) => c.data.partners.some((p) => p.id === partnerId));
}

/** Partners that list `networkId` among their networks. */
export function membersOf(networkId: string): Partner[] {
  return partners.filter((p) => p.data.networks.some((n) => n.id === networkId));
}

export function caseStudiesServing(commitment: Commitment, locale: Locale): CaseStudy[] {
  return byLocale(caseStudies, locale).filter((c) => c.data.commitments.includes(commitment));
}

export function commitmentEntry(id: Commitment): CommitmentEntry {
  return commitments.find((c) => c.id === id)!;
}

/** The same story, brochure or page in another language, if it exists. */
export function translationOf<T extends { id: string; data: { lang: Locale; translationKey: string } }>(
  entries: T[],
  entry: T,
  locale: Locale,
): T | undefined {
  return entries.find((e) => e.data.lang === locale && e.data.translationKey === entry.data.translationKey);
}

export function pageByKey(locale: Locale, key: PageKey): Page | undefined {
  return pages.find((p) => p.data.lang === locale && p.data.key === key);
}

export { slugOf };
