/**
 * The four social commitments: one YAML file each in content/commitments/, named after
 * the commitment's identifier (territorial-cohesion.yaml…), with its yearly metrics.
 */
import { z } from 'astro/zod';
import { METRIC_KINDS, METRIC_QUALIFIERS } from './enums';
import { identifier, localizedText, sourceId, SOURCE_RELATION, year } from './common';
import { field } from './meta';

export const metric = z.strictObject({
  value: z
    .number({ error: 'un nombre est attendu, en chiffres, sans espace (400000)' })
    .nonnegative('un chiffre ne peut pas être négatif')
    .meta(
      field({
        label: { fr: 'Valeur', en: 'Value' },
        hint: { fr: 'En chiffres, sans espace (400000).', en: 'Digits only (400000).' },
      }),
    ),
  qualifier: z
    .enum(METRIC_QUALIFIERS)
    .default('exact')
    .meta(
      field({
        label: { fr: 'Précision', en: 'Qualifier' },
        hint: {
          fr: 'Comme la source le formule : exact, « plus de » ou « environ ».',
          en: 'As the source words it: exact, "more than" or "about".',
        },
      }),
    ),
  label: localizedText.meta(field({ label: { fr: 'Ce qui est compté', en: 'What is counted' } })),
  year: year.meta(
    field({
      label: { fr: 'Année', en: 'Year' },
      hint: { fr: 'L’année à laquelle le chiffre s’applique.', en: 'The year the figure applies to.' },
    }),
  ),
  kind: z.enum(METRIC_KINDS).meta(
    field({
      label: { fr: 'Nature', en: 'Kind' },
      hint: { fr: 'Mesuré, ou objectif annoncé.', en: 'Measured, or an announced goal.' },
    }),
  ),
  series: identifier.optional().meta(
    field({
      label: { fr: 'Série (graphique)', en: 'Chart series' },
      hint: {
        fr: 'Le même identifiant pour une même mesure d’une année à l’autre (personnes-accompagnees) : la page trace ces chiffres ensemble, les objectifs en pointillés. Vide : le chiffre n’est que dans le tableau.',
        en: 'The same identifier for one measure across years: the page draws them together, targets dashed. Empty: the figure is only in the table.',
      },
    }),
  ),
  source: sourceId.meta(
    field({
      label: { fr: 'Source', en: 'Source' },
      relation: SOURCE_RELATION,
    }),
  ),
});

export const commitmentSchema = z.strictObject({
  title: localizedText.meta(field({ label: { fr: 'Nom', en: 'Name' } })),
  summary: localizedText.meta(
    field({
      label: { fr: 'Résumé', en: 'Summary' },
      hint: {
        fr: 'Ce que La Poste et ses partenaires font pour cet engagement, en deux ou trois phrases.',
        en: 'Two or three sentences.',
      },
    }),
  ),
  order: z
    .number()
    .int()
    .min(1, 'position de 1 à 4')
    .max(4, 'position de 1 à 4')
    .meta(
      field({
        label: { fr: 'Position', en: 'Position' },
        hint: { fr: 'Ordre dans les listes (1 à 4).', en: 'Order in lists (1 to 4).' },
      }),
    ),
  metrics: z
    .array(metric)
    .default([])
    .meta(
      field({
        label: { fr: 'Chiffres par année', en: 'Yearly figures' },
        hint: { fr: 'Chacun avec sa source.', en: 'Each with its source.' },
      }),
    ),
  body: localizedText.optional().meta(
    field({
      label: { fr: 'Présentation', en: 'Presentation' },
      hint: {
        fr: 'Texte plus long, sur la page de l’engagement, en paragraphes séparés par une ligne vide. Chaque chiffre y cite sa source.',
        en: 'Longer text on the commitment page, in paragraphs separated by a blank line.',
      },
      widget: 'text',
    }),
  ),
});

export type CommitmentData = z.infer<typeof commitmentSchema>;
