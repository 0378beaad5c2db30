/**
 * Case studies: one MDX file per partnership story and language, in
 * content/case-studies/<fr|en>/<key>.mdx. The file name is the story's key, the same in
 * both languages (that is how the CMS pairs translations); the folder gives the language;
 * `slug` gives the URL segment when it differs from the key.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from './context';
import { CASE_STUDY_STATUSES } from './enums';
import {
  checkListedCitations,
  commitmentList,
  derivedLocale,
  identifier,
  isoDate,
  keyFigure,
  partialDate,
  partnershipTypeList,
  requireStatedBy,
  sourceId,
  SOURCE_RELATION,
  statedBy,
  territory,
  text,
} from './common';
import { field } from './meta';
import { imageWithAlt } from './image';

export const period = z
  .strictObject({
    start: partialDate.meta(
      field({
        label: { fr: 'Début', en: 'Start' },
        hint: {
          fr: 'AAAA, AAAA-MM ou AAAA-MM-JJ, aussi précis que la source.',
          en: 'As precise as the source.',
        },
        example: '2022',
      }),
    ),
    end: partialDate.optional().meta(
      field({
        label: { fr: 'Fin', en: 'End' },
        hint: { fr: 'Seulement s’il a pris fin.', en: 'Only if it has ended.' },
      }),
    ),
    source: sourceId.meta(
      field({
        label: { fr: 'Source des dates', en: 'Source of the dates' },
        hint: {
          fr: 'La source qui donne (ou dont on déduit) le début.',
          en: 'The source that gives (or implies) the start.',
        },
        relation: SOURCE_RELATION,
      }),
    ),
    workedOut: z
      .boolean()
      .default(false)
      .meta(
        field({
          label: { fr: 'Début déduit', en: 'Start worked out' },
          hint: {
            fr: 'Cochez quand la source ne donne pas le début et qu’il est déduit : la page le dit, avec la note.',
            en: 'Tick when the start is worked out: the page says so, with the note.',
          },
        }),
      ),
    note: text.optional().meta(
      field({
        label: { fr: 'Note sur les dates', en: 'Note on the dates' },
        hint: {
          fr: 'Obligatoire quand le début est déduit : comment, en une phrase, dans la langue de la page.',
          en: 'Required when the start is worked out: how, in one sentence.',
        },
        i18n: 'translate',
      }),
    ),
  })
  .superRefine((p, ctx) => {
    if (p.end && p.end < p.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'la fin est avant le début' });
    if (p.workedOut && !p.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'un début déduit doit dire comment il l’a été : écrivez la note',
      });
    }
  });

export const caseStudySchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      title: text.max(120, '120 caractères au plus').meta(
        field({
          label: { fr: 'Titre', en: 'Title' },
          hint: {
            fr: 'Dans la langue de la page, 120 caractères au plus.',
            en: 'In the page language, 120 characters at most.',
          },
          i18n: 'translate',
        }),
      ),
      slug: identifier.optional().meta(
        field({
          label: { fr: 'Adresse de la page', en: 'URL segment' },
          hint: {
            fr: 'Le dernier segment de l’adresse (loos-point-poste-ess) ; le français donne aussi son nom au fichier d’une nouvelle étude. Ne le changez pas une fois publié : les liens existants casseraient.',
            en: 'The last segment of the URL. Empty: the file name. Do not change it once published.',
          },
          i18n: 'translate',
        }),
      ),
      summary: text.max(200, '200 caractères au plus').meta(
        field({
          label: { fr: 'Résumé', en: 'Summary' },
          hint: {
            fr: 'Une ou deux phrases (200 caractères au plus), montrées dans les listes et la recherche.',
            en: 'One or two sentences (200 characters at most), shown in lists and search.',
          },
          widget: 'text',
          i18n: 'translate',
        }),
      ),
      publishedAt: isoDate.meta(
        field({
          label: { fr: 'Date de publication', en: 'Publication date' },
          hint: {
            fr: 'Date de mise en ligne sur ce site (AAAA-MM-JJ).',
            en: 'Date of publication on this site.',
          },
          i18n: 'translate',
        }),
      ),
      updatedAt: isoDate.optional().meta(
        field({
          label: { fr: 'Mise à jour', en: 'Updated' },
          hint: {
            fr: 'Date de la dernière mise à jour importante, s’il y en a eu une.',
            en: 'Date of the last significant update, if any.',
          },
          i18n: 'translate',
        }),
      ),
      status: z
        .enum(CASE_STUDY_STATUSES)
        .optional()
        .meta(
          field({
            label: { fr: 'Statut', en: 'Status' },
            hint: {
              fr: 'Seulement quand une source l’affirme à ce jour ; sinon laissez vide.',
              en: 'Only when a source states it as of today; else leave empty.',
            },
          }),
        ),
      statusSource: statedBy({ fr: 'statut', en: 'status' }),
      period: period.optional().meta(
        field({
          label: { fr: 'Période', en: 'Period' },
          hint: {
            fr: 'Quand le partenariat a commencé (et fini), avec la source qui le dit.',
            en: 'When the partnership ran, with its source.',
          },
        }),
      ),
      territory: territory.meta(
        field({
          label: { fr: 'Territoire', en: 'Territory' },
          hint: { fr: 'Où le partenariat a lieu.', en: 'Where the partnership takes place.' },
        }),
      ),
      partners: z
        .array(ctx.reference('partners'))
        .default([])
        .meta(
          field({
            label: { fr: 'Partenaires', en: 'Partners' },
            hint: {
              fr: 'Les structures de l’annuaire qui prennent part au partenariat.',
              en: 'Organisations of the directory involved.',
            },
            relation: {
              collection: 'partners',
              valueField: '{{slug}}',
              searchFields: ['name'],
              displayFields: ['name'],
            },
          }),
        ),
      commitments: commitmentList.meta(
        field({
          label: { fr: 'Engagements', en: 'Commitments' },
          hint: {
            fr: 'Les engagements sociétaux que ce partenariat sert (au moins un).',
            en: 'The social commitments it serves (at least one).',
          },
        }),
      ),
      partnershipTypes: partnershipTypeList.default([]).meta(
        field({
          label: { fr: 'Types de partenariat', en: 'Partnership types' },
          hint: { fr: 'Seulement ceux qu’une source affirme.', en: 'Only those a source states.' },
        }),
      ),
      partnershipTypesSource: statedBy({ fr: 'types de partenariat', en: 'partnership types' }),
      keyFigures: z
        .array(keyFigure)
        .default([])
        .meta(
          field({
            label: { fr: 'Chiffres clés', en: 'Key figures' },
            hint: {
              fr: 'Montrés en haut de la page ; chacun cite une des sources de la fiche.',
              en: 'Shown at the top of the page; each cites one of the sources.',
            },
            i18n: 'translate',
          }),
        ),
      hero: imageWithAlt(ctx).meta(
        field({
          label: { fr: 'Image principale', en: 'Main image' },
          hint: { fr: 'En haut de la page et dans les listes.', en: 'At the top of the page and in lists.' },
          i18n: 'translate',
        }),
      ),
      sources: z
        .array(sourceId)
        .min(1, 'une étude de cas a au moins une source')
        .meta(
          field({
            label: { fr: 'Sources', en: 'Sources' },
            hint: {
              fr: 'Les documents d’où viennent les faits ; chaque chiffre clé cite l’un d’eux.',
              en: 'Where the facts come from; every key figure cites one of them.',
            },
            relation: SOURCE_RELATION,
          }),
        ),
      replication: text.meta(
        field({
          label: { fr: 'Pour reproduire ce partenariat', en: 'To replicate this partnership' },
          hint: {
            fr: 'Ce qu’il faut à un autre territoire : personnes, lieux, accords.',
            en: 'What another territory needs: people, places, agreements.',
          },
          widget: 'text',
          i18n: 'translate',
        }),
      ),
      draft: z
        .boolean()
        .default(false)
        .meta(
          field({
            label: { fr: 'Brouillon', en: 'Draft' },
            hint: { fr: 'Un brouillon reste hors du site publié.', en: 'Drafts are left out of the site.' },
          }),
        ),
      lang: derivedLocale,
      translationKey: identifier.meta(
        field({
          label: { fr: 'Clé', en: 'Key' },
          hint: {
            fr: 'Le nom du fichier, le même dans les deux langues.',
            en: 'The file name, the same in both languages.',
          },
          derived: true,
        }),
      ),
    })
    .superRefine((entry, ctx) => {
      checkListedCitations(
        entry.sources,
        [
          ...entry.keyFigures.map((f, i) => ({ source: f.source, path: ['keyFigures', i, 'source'] })),
          { source: entry.period?.source, path: ['period', 'source'] },
          { source: entry.statusSource, path: ['statusSource'] },
          { source: entry.partnershipTypesSource, path: ['partnershipTypesSource'] },
        ],
        ctx,
      );
      requireStatedBy(entry, 'status', 'statusSource', 'le statut', ctx);
      requireStatedBy(entry, 'partnershipTypes', 'partnershipTypesSource', 'les types de partenariat', ctx);
    })
    .transform((entry) => ({ ...entry, slug: entry.slug ?? entry.translationKey }));

export type CaseStudyData = z.infer<ReturnType<typeof caseStudySchema>>;
