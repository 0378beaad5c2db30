/**
 * Sources: one YAML file per source document in content/sources/, named after the id that
 * figures and pages cite (content/sources/laposte-loos.yaml → `source: laposte-loos`).
 *
 * A source is described only by what the document says about itself: no title, author,
 * publisher or date that it does not give. A date worked out from the text is marked as
 * such, with the reasoning, and shown so on the site.
 */
import { z } from 'astro/zod';
import { httpUrl, locale, partialDate, text } from './common';
import { field } from './meta';

export const sourceSchema = z
  .strictObject({
    title: text.nullable().meta(
      field({
        label: { fr: 'Titre', en: 'Title' },
        hint: {
          fr: 'Le titre tel qu’il est imprimé. Laissez vide quand le document n’en a pas : décrivez-le alors ci-dessous.',
          en: 'The title as printed. Leave empty when the document has none, and describe it below.',
        },
        i18n: 'duplicate',
      }),
    ),
    description: text.optional().meta(
      field({
        label: { fr: 'Description (document sans titre)', en: 'Description (untitled document)' },
        hint: {
          fr: 'Obligatoire quand le document n’a pas de titre : ce qu’il est, en une phrase (« Article en anglais signé Le Groupe La Poste, sans titre, sur… »).',
          en: 'Required when the document has no title: what it is, in one sentence.',
        },
        widget: 'text',
      }),
    ),
    author: text.nullable().meta(
      field({
        label: { fr: 'Auteur', en: 'Author' },
        hint: {
          fr: 'Tel que le document le nomme. Vide quand il n’en nomme pas.',
          en: 'As the document names it. Empty when it names none.',
        },
      }),
    ),
    publisher: text.nullable().meta(
      field({
        label: { fr: 'Éditeur ou publication', en: 'Publisher' },
        hint: {
          fr: 'Seulement quand le document le nomme. Vide sinon : ne le devinez pas.',
          en: 'Only when the document names it. Empty otherwise: do not guess.',
        },
      }),
    ),
    date: partialDate.nullable().meta(
      field({
        label: { fr: 'Date', en: 'Date' },
        hint: {
          fr: 'AAAA, AAAA-MM ou AAAA-MM-JJ, aussi précise que le document la donne. Vide quand elle est inconnue.',
          en: 'YYYY, YYYY-MM or YYYY-MM-DD, as precise as the document gives it. Empty when unknown.',
        },
        example: '2022',
      }),
    ),
    dateWorkedOut: z
      .boolean()
      .default(false)
      .meta(
        field({
          label: { fr: 'Date déduite du texte', en: 'Date worked out' },
          hint: {
            fr: 'Cochez quand le document ne donne pas sa date et qu’elle est déduite de son contenu. Le site l’indique.',
            en: 'Tick when the document does not give its date and it is worked out from the text. The site says so.',
          },
        }),
      ),
    dateReasoning: text.optional().meta(
      field({
        label: { fr: 'Comment la date est déduite', en: 'How the date was worked out' },
        hint: {
          fr: 'Obligatoire quand la date est déduite : le passage du texte qui la fonde.',
          en: 'Required when the date is worked out: the passage of the text it rests on.',
        },
        widget: 'text',
      }),
    ),
    language: locale.meta(
      field({
        label: { fr: 'Langue du document', en: 'Language of the document' },
        hint: { fr: 'fr ou en.', en: 'fr or en.' },
      }),
    ),
    url: httpUrl.optional().meta(
      field({
        label: { fr: 'Adresse web', en: 'Web address' },
        hint: {
          fr: 'Seulement quand elle est connue (http:// ou https://).',
          en: 'Only when known (http:// or https://).',
        },
      }),
    ),
  })
  .superRefine((s, ctx) => {
    if (s.title === null && !s.description) {
      ctx.addIssue({
        code: 'custom',
        path: ['description'],
        message: 'un document sans titre a besoin d’une description : dites ce qu’il est, en une phrase',
      });
    }
    if (s.dateWorkedOut && s.date === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'une date déduite du texte doit être écrite : AAAA, AAAA-MM ou AAAA-MM-JJ',
      });
    }
    if (s.dateWorkedOut && !s.dateReasoning) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateReasoning'],
        message: 'une date déduite du texte doit dire comment elle l’a été (le passage qui la fonde)',
      });
    }
    if (!s.dateWorkedOut && s.dateReasoning) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateWorkedOut'],
        message: 'un raisonnement sur la date est donné : cochez « Date déduite du texte », ou retirez-le',
      });
    }
  });

export type SourceData = z.infer<typeof sourceSchema>;
