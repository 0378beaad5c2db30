/**
 * Institutional pages (about, how to become a partner, legal notice, accessibility
 * statement, personal data): content/pages/<fr|en>/<key>.mdx, where the file name is the
 * page's key (about.mdx…), the same in both languages, and `slug` its URL segment.
 */
import { z } from 'astro/zod';
import { PAGE_KEYS } from './enums';
import { derivedLocale, identifier, isoDate, text, citedSources } from './common';
import { field } from './meta';

export const pageSchema = z.strictObject({
  title: text.max(120, '120 caractères au plus').meta(
    field({
      label: { fr: 'Titre', en: 'Title' },
      hint: { fr: '120 caractères au plus.', en: '120 characters at most.' },
      i18n: 'translate',
    }),
  ),
  slug: identifier.meta(
    field({
      label: { fr: 'Adresse de la page', en: 'URL segment' },
      hint: {
        fr: 'Dernier segment de l’adresse (a-propos). Ne le changez pas une fois publié.',
        en: 'Last segment of the URL (about). Do not change it once published.',
      },
      i18n: 'translate',
    }),
  ),
  description: text.max(200, '200 caractères au plus').meta(
    field({
      label: { fr: 'Description', en: 'Description' },
      hint: {
        fr: 'Résumé pour les moteurs de recherche (200 caractères au plus).',
        en: 'Summary for search engines (200 characters at most).',
      },
      widget: 'text',
      i18n: 'translate',
    }),
  ),
  updatedAt: isoDate.meta(
    field({
      label: { fr: 'Mise à jour', en: 'Updated' },
      hint: {
        fr: 'Date de la dernière mise à jour (AAAA-MM-JJ), en bas de page.',
        en: 'Date of the last update, at the bottom of the page.',
      },
      i18n: 'translate',
    }),
  ),
  sources: citedSources({
    fr: 'Les documents que la page cite (chiffres clés, citations) : listés en bas de page.',
    en: 'The documents the page cites, listed at the bottom of the page.',
  }),
  key: z.enum(PAGE_KEYS, { error: `nom de fichier attendu : ${PAGE_KEYS.join(', ')}` }).meta(
    field({
      label: { fr: 'Page', en: 'Page' },
      hint: { fr: 'Le nom du fichier.', en: 'The file name.' },
      derived: true,
    }),
  ),
  lang: derivedLocale,
});

export type PageData = z.infer<typeof pageSchema>;
