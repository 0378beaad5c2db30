/**
 * Rules that join entries of several collections: references to partners and stories,
 * citations of sources, URL segments. Pure: the build (src/data/content.ts) stops at the
 * first problem, the content check (scripts/check-content.ts) lists them all, in French,
 * with the file and the field.
 */
import type { Locale } from '../schemas/enums';
import {
  caseStudyCitations,
  citationProblems,
  commitmentCitations,
  partnerCitations,
  settingsCitations,
  type Citation,
  type SourceFacts,
} from './source-rules';

export interface RelationProblem {
  /** The entry's file, as given. */
  file: string;
  /** Field path: partners[0], keyFigures[1].source. */
  field: string;
  message: string;
}

interface Entry<T> {
  file: string;
  id: string;
  data: T;
}

type Ref = { id: string };
type Figure = { source: string; date?: string | undefined };

export interface RelationInput {
  caseStudies: Entry<
    {
      lang: Locale;
      translationKey: string;
      slug: string;
      draft: boolean;
      partners: Ref[];
    } & Parameters<typeof caseStudyCitations>[0]
  >[];
  partners: Entry<{ networks: Ref[] } & Parameters<typeof partnerCitations>[0]>[];
  brochures: Entry<{ lang: Locale; slug: string; caseStudies: string[]; sources: string[] }>[];
  pages: Entry<{ lang: Locale; slug: string; sources: string[] }>[];
  commitments: Entry<{ metrics: { source: string; year: number }[] }>[];
  settings: Entry<{ headlineFigures: Figure[] }>[];
  sources: ReadonlyMap<string, SourceFacts>;
  /**
   * Entries on disk that failed their own checks (already reported): references to them
   * are not reported again. Case studies as "lang/key", partners by id.
   */
  invalid?: { caseStudies: readonly string[]; partners: readonly string[] };
}

export function relationProblems(input: RelationInput): RelationProblem[] {
  const problems: RelationProblem[] = [];
  const add = (entry: { file: string }, field: string, message: string) =>
    problems.push({ file: entry.file, field, message });
  const partnerIds = new Set([...input.partners.map((p) => p.id), ...(input.invalid?.partners ?? [])]);

  for (const c of input.caseStudies) {
    c.data.partners.forEach((ref, i) => {
      if (!partnerIds.has(ref.id)) {
        add(
          c,
          `partners[${i}]`,
          `aucune fiche « ${ref.id} » dans l’annuaire (content/partners/${ref.id}.yaml)`,
        );
      }
    });
  }
  for (const p of input.partners) {
    p.data.networks.forEach((ref, i) => {
      if (ref.id === p.id) add(p, `networks[${i}]`, 'une structure ne peut pas être son propre réseau');
      else if (!partnerIds.has(ref.id)) {
        add(
          p,
          `networks[${i}]`,
          `aucune fiche « ${ref.id} » dans l’annuaire (content/partners/${ref.id}.yaml)`,
        );
      }
    });
  }
  // Brochures name stories by key and show them in their own language.
  const published = new Set([
    ...input.caseStudies.filter((c) => !c.data.draft).map((c) => `${c.data.lang}/${c.data.translationKey}`),
    ...(input.invalid?.caseStudies ?? []),
  ]);
  for (const b of input.brochures) {
    b.data.caseStudies.forEach((key, i) => {
      if (!published.has(`${b.data.lang}/${key}`)) {
        add(
          b,
          `caseStudies[${i}]`,
          `aucune étude de cas publiée content/case-studies/${b.data.lang}/${key}.mdx : la brochure montre les études dans sa langue`,
        );
      }
    });
  }

  const cite = (entry: { file: string }, citations: Citation[]) => {
    for (const p of citationProblems(citations, input.sources)) add(entry, p.field, p.message);
  };
  const listed = (ids: string[]): Citation[] => ids.map((source, i) => ({ source, field: `sources[${i}]` }));
  for (const c of input.caseStudies) cite(c, caseStudyCitations(c.data));
  for (const p of input.partners) cite(p, partnerCitations(p.data));
  for (const b of input.brochures) cite(b, listed(b.data.sources));
  for (const p of input.pages) cite(p, listed(p.data.sources));
  for (const c of input.commitments) cite(c, commitmentCitations(c.data));
  for (const s of input.settings) cite(s, settingsCitations(s.data));

  // Slugs are URL segments: two entries of one language cannot share one.
  for (const list of [input.caseStudies, input.brochures, input.pages] as Entry<{
    lang: Locale;
    slug: string;
  }>[][]) {
    const seen = new Map<string, string>();
    for (const e of list) {
      const key = `${e.data.lang}/${e.data.slug}`;
      const other = seen.get(key);
      if (other)
        add(e, 'slug', `« ${e.data.slug} » est déjà l’adresse de ${other} : choisissez-en une autre`);
      else seen.set(key, e.file);
    }
  }
  return problems;
}
