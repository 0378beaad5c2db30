/**
 * The rules that tie what the site states to its sources, as pure functions: the build
 * (src/data/content.ts), the content check (scripts/check-content.ts) and the tests apply
 * the same ones.
 *
 * - Every citation names a source that exists (a file of content/sources/).
 * - Every figure has a date: its own, or its source's.
 * - An undated source cannot back a dated figure: its date must at least be worked out
 *   from the text, and marked so (dateWorkedOut, with the reasoning).
 */

export interface SourceFacts {
  date: string | null;
  dateWorkedOut: boolean;
}

export interface Citation {
  /** The cited source id. */
  source: string;
  /** Where the citation stands, as a field path: keyFigures[0].source. */
  field: string;
  /** Set for figures: they need a date (their own or their source's). */
  figure?: { date?: string | undefined };
}

export interface CitationProblem {
  field: string;
  message: string;
}

export function citationProblems(
  citations: readonly Citation[],
  sources: ReadonlyMap<string, SourceFacts>,
): CitationProblem[] {
  const problems: CitationProblem[] = [];
  for (const c of citations) {
    const source = sources.get(c.source);
    if (!source) {
      problems.push({
        field: c.field,
        message: `la source « ${c.source} » n’existe pas (aucun fichier content/sources/${c.source}.yaml) : choisissez une source existante ou créez sa fiche`,
      });
      continue;
    }
    if (!c.figure) continue;
    if (c.figure.date === undefined && source.date === null) {
      problems.push({
        field: c.field,
        message: `ce chiffre n’a pas de date et sa source « ${c.source} » n’est pas datée : indiquez quand le chiffre était vrai, ou ne le présentez pas comme un chiffre clé`,
      });
    } else if (c.figure.date !== undefined && source.date === null) {
      problems.push({
        field: c.field,
        message: `la source « ${c.source} » n’est pas datée : elle ne peut pas appuyer un chiffre daté (${c.figure.date}) sans une date déduite du texte et marquée comme telle dans sa fiche`,
      });
    }
  }
  return problems;
}

/** The date a figure shows: its own, else its source's; and whether it is worked out. */
export function figureDate(
  figure: { date?: string | undefined },
  source: SourceFacts | undefined,
): { date: string; workedOut: boolean } | undefined {
  if (figure.date !== undefined) return { date: figure.date, workedOut: false };
  if (source?.date) return { date: source.date, workedOut: source.dateWorkedOut };
  return undefined;
}

type Figure = { source: string; date?: string | undefined };

/** Citations of a case study's front matter. */
export function caseStudyCitations(d: {
  sources: readonly string[];
  keyFigures: readonly Figure[];
  period?: { source: string } | undefined;
  statusSource?: string | undefined;
  partnershipTypesSource?: string | undefined;
}): Citation[] {
  return [
    ...d.sources.map((source, i) => ({ source, field: `sources[${i}]` })),
    ...d.keyFigures.map((f, i) => ({
      source: f.source,
      field: `keyFigures[${i}].source`,
      figure: { date: f.date },
    })),
    ...optional(d.period?.source, 'period.source'),
    ...optional(d.statusSource, 'statusSource'),
    ...optional(d.partnershipTypesSource, 'partnershipTypesSource'),
  ];
}

/** Citations of a partner: the sources of its legal form, partnership types and start year. */
export function partnerCitations(d: {
  legalFormSource?: string | undefined;
  partnershipTypesSource?: string | undefined;
  partnerSinceSource?: string | undefined;
}): Citation[] {
  return [
    ...optional(d.legalFormSource, 'legalFormSource'),
    ...optional(d.partnershipTypesSource, 'partnershipTypesSource'),
    ...optional(d.partnerSinceSource, 'partnerSinceSource'),
  ];
}

/** Citations of a commitment's metrics: each is a figure dated by its year. */
export function commitmentCitations(d: { metrics: readonly { source: string; year: number }[] }): Citation[] {
  return d.metrics.map((m, i) => ({
    source: m.source,
    field: `metrics[${i}].source`,
    figure: { date: String(m.year) },
  }));
}

/** Citations of the home page's headline figures. */
export function settingsCitations(d: { headlineFigures: readonly Figure[] }): Citation[] {
  return d.headlineFigures.map((f, i) => ({
    source: f.source,
    field: `headlineFigures[${i}].source`,
    figure: { date: f.date },
  }));
}

function optional(source: string | undefined, field: string): Citation[] {
  return source === undefined ? [] : [{ source, field }];
}
