/**
 * Brochures: curated selections of case studies that staff publish online (and print),
 * in content/brochures/<fr|en>/<key>.mdx. As for case studies, the file name is shared by
 * both languages and the folder gives the language.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from './context';
import { PAGE_KEYS } from './enums';
import { derivedLocale, identifier, isoDate, text, year, citedSources } from './common';
import { field } from './meta';
import { imageWithAlt } from './image';

export const brochureSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      title: text.max(120, '120 caractères au plus').meta(
        field({
          label: { fr: 'Titre', en: 'Title' },
          hint: { fr: '120 caractères au plus.', en: '120 characters at most.' },
          i18n: 'translate',
        }),
      ),
      slug: identifier.optional().meta(
        field({
          label: { fr: 'Adresse de la page', en: 'URL segment' },
          hint: {
            fr: 'Dernier segment de l’adresse ; le français donne aussi son nom au fichier d’une nouvelle brochure. Ne le changez pas une fois publié.',
            en: 'Last segment of the URL. Empty: the file name.',
          },
          i18n: 'translate',
        }),
      ),
      year: year.meta(field({ label: { fr: 'Année d’édition', en: 'Edition year' } })),
      intro: text.max(600, '600 caractères au plus').meta(
        field({
          label: { fr: 'Introduction', en: 'Introduction' },
          hint: {
            fr: 'Montrée en couverture et dans les listes (600 caractères au plus).',
            en: 'Shown on the cover and in lists (600 characters at most).',
          },
          widget: 'text',
          i18n: 'translate',
        }),
      ),
      caseStudies: z
        .array(identifier)
        .min(1, 'une brochure présente au moins une étude de cas')
        .meta(
          field({
            label: { fr: 'Études de cas, dans l’ordre', en: 'Case studies, in order' },
            hint: {
              fr: 'Dans l’ordre de la brochure ; chaque langue montre sa version de chaque étude.',
              en: 'In the brochure’s order; each language shows its version of each story.',
            },
            relation: {
              collection: 'case-studies',
              valueField: '{{slug}}',
              searchFields: ['title'],
              displayFields: ['title'],
            },
          }),
        ),
      closing: text.max(1500, '1 500 caractères au plus').meta(
        field({
          label: { fr: 'Conclusion', en: 'Closing text' },
          hint: {
            fr: 'Après les études de cas, sur le web et en dernière page du PDF : ce que l’on peut faire ensuite (1 500 caractères au plus, paragraphes séparés par une ligne vide).',
            en: 'After the case studies, on the web and on the last page of the PDF: what the reader can do next (1,500 characters at most, paragraphs separated by a blank line).',
          },
          widget: 'text',
          i18n: 'translate',
        }),
      ),
      callToAction: z
        .strictObject({
          label: text.max(80, '80 caractères au plus').meta(
            field({
              label: { fr: 'Texte du lien', en: 'Link text' },
              hint: {
                fr: 'Ce que fait le lien, à l’infinitif (« Devenir partenaire »), 80 caractères au plus.',
                en: 'What the link does (“Become a partner”), 80 characters at most.',
              },
              i18n: 'translate',
            }),
          ),
          page: z.enum(PAGE_KEYS, { error: `page attendue : ${PAGE_KEYS.join(', ')}` }).meta(
            field({
              label: { fr: 'Page du site', en: 'Page of the site' },
              hint: {
                fr: 'La page où mène le lien, dans la langue de la brochure.',
                en: 'The page the link leads to, in the brochure’s language.',
              },
            }),
          ),
        })
        .meta(
          field({
            label: { fr: 'Appel à l’action', en: 'Call to action' },
            hint: {
              fr: 'Le lien qui clôt la brochure ; le PDF en écrit l’adresse en toutes lettres.',
              en: 'The link that ends the brochure; the PDF spells out its address.',
            },
          }),
        ),
      cover: imageWithAlt(ctx).meta(field({ label: { fr: 'Couverture', en: 'Cover' }, i18n: 'translate' })),
      publishedAt: isoDate.meta(
        field({
          label: { fr: 'Date de publication', en: 'Publication date' },
          hint: { fr: 'AAAA-MM-JJ.', en: 'YYYY-MM-DD.' },
          i18n: 'translate',
        }),
      ),
      sources: citedSources({
        fr: 'Les documents que l’introduction et la conclusion citent (les études de cas ont les leurs).',
        en: 'The documents the introduction and closing text cite (case studies have their own).',
      }),
      lang: derivedLocale,
      translationKey: identifier.meta(field({ label: { fr: 'Clé', en: 'Key' }, derived: true })),
    })
    .transform((entry) => ({ ...entry, slug: entry.slug ?? entry.translationKey }));

export type BrochureData = z.infer<ReturnType<typeof brochureSchema>>;
