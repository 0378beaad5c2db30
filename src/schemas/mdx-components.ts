/**
 * The components editors may use in content MDX, and their props. MDX passes strings
 * only (the build rejects {expressions}), so every prop is a string. The MDX check
 * (src/lib/mdx-guard.ts) validates each use against these schemas when content loads,
 * naming the file and line; the components validate again when they render.
 */
import { z } from 'astro/zod';
import { partialDate } from './partial-date';

/**
 * What the CMS shows for a prop (src/cms/editor-components.ts reads it): a French label, a
 * hint under the field, and the choices of a closed list in French.
 */
export interface PropMeta {
  label: string;
  hint?: string;
  /** French labels of an enum's values, in the enum's order. */
  options?: Record<string, string>;
}

const meta = (m: PropMeta) => m as unknown as Record<string, unknown>;

const sourceId = z
  .string({ error: 'source is required: the id of one of the sources in the frontmatter' })
  .regex(/^[a-z0-9-]+$/, 'source must be the id of one of the page’s sources')
  .meta(meta({ label: 'Source', hint: 'Le document d’où vient ce chiffre ou cette citation.' }));

export const keyFigureProps = z.strictObject({
  value: z
    .string()
    .regex(/^\d+([.,]\d+)?$/, 'value must be a number written with digits, e.g. "14"')
    .meta(meta({ label: 'Valeur', hint: 'Le nombre, en chiffres, sans espace : 14, 7000 ou 2,5.' })),
  label: z
    .string()
    .min(1, 'label is required')
    .meta(
      meta({ label: 'Libellé', hint: 'Ce qui est compté, tel que la source le dit : « îlots numériques ».' }),
    ),
  unit: z
    .string()
    .optional()
    .meta(meta({ label: 'Unité', hint: 'Facultatif : %, €, km… Laisser vide pour un simple nombre.' })),
  source: sourceId,
  date: partialDate.optional().meta(
    meta({
      label: 'Date du chiffre',
      hint: 'Facultatif : AAAA, AAAA-MM ou AAAA-MM-JJ, aussi précis que la source. Vide : la date de la source.',
    }),
  ),
});

export const quoteProps = z.strictObject({
  author: z
    .string()
    .min(1, 'author is required')
    .meta(
      meta({ label: 'Auteur ou autrice', hint: 'Le nom de la personne citée, tel que la source l’écrit.' }),
    ),
  role: z
    .string()
    .optional()
    .meta(meta({ label: 'Fonction', hint: 'Facultatif : sa fonction et sa structure.' })),
  source: sourceId,
  /** Set when the quote is translated from another language ("en"). */
  translatedFrom: z
    .enum(['fr', 'en'])
    .optional()
    .meta(
      meta({
        label: 'Traduit de',
        hint: 'Seulement si la citation est traduite : la langue dans laquelle elle a été dite.',
        options: { fr: 'français', en: 'anglais' },
      }),
    ),
});

export const partnerCardProps = z.strictObject({
  id: z
    .string()
    .min(1, 'id is the partner file name without .yaml')
    .meta(meta({ label: 'Partenaire', hint: 'Tapez quelques lettres de son nom pour le trouver.' })),
});

export const calloutProps = z.strictObject({
  title: z
    .string()
    .min(1)
    .optional()
    .meta(meta({ label: 'Titre', hint: 'Facultatif : « À retenir », « Sur les dates »…' })),
  tone: z
    .enum(['info', 'success', 'warning'])
    .default('info')
    .meta(
      meta({
        label: 'Ton',
        hint: 'Information par défaut.',
        options: { info: 'information', success: 'réussite', warning: 'avertissement' },
      }),
    ),
});

/** Component name → schema of its attributes. The keys are the only components content may use. */
export const CONTENT_COMPONENTS = {
  KeyFigure: keyFigureProps,
  Quote: quoteProps,
  PartnerCard: partnerCardProps,
  Callout: calloutProps,
} as const;

export type ContentComponentName = keyof typeof CONTENT_COMPONENTS;

/** Parses props or throws an error naming the component and the bad prop. */
export function parseProps<T extends z.ZodType>(component: string, schema: T, props: unknown): z.output<T> {
  const { children: _children, ...rest } = (props ?? {}) as Record<string, unknown>;
  const result = schema.safeParse(rest);
  if (!result.success) throw new Error(`<${component}>: ${describeIssues(result.error)}`);
  return result.data;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'attributes'}: ${i.message}`).join('; ');
}
