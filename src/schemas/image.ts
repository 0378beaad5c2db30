import { z } from 'astro/zod';
import type { SchemaContext } from './context';
import { text } from './common';
import { field } from './meta';

/**
 * An image with the text alternative that screen-reader users hear instead of it,
 * and the credit line the licence asks for.
 */
export const imageWithAlt = ({ image }: Pick<SchemaContext, 'image'>) =>
  z.strictObject({
    src: image().meta(
      field({
        label: { fr: 'Image', en: 'Image' },
        hint: {
          fr: 'PNG, JPEG ou WebP, d’au moins 1 600 pixels de large si possible.',
          en: 'PNG, JPEG or WebP, at least 1,600 pixels wide if possible.',
        },
      }),
    ),
    alt: text.meta(
      field({
        label: { fr: 'Texte alternatif', en: 'Text alternative' },
        hint: {
          fr: 'Obligatoire : ce que montre l’image et pourquoi elle compte, pour qui ne la voit pas, dans la langue de la page.',
          en: 'Required: what the image shows and why it matters, in the page language.',
        },
        widget: 'text',
        i18n: 'translate',
      }),
    ),
    credit: text.meta(
      field({
        label: { fr: 'Crédit', en: 'Credit' },
        hint: {
          fr: 'Obligatoire : l’auteur ou la mention de crédit affichée sous l’image (« Illustration : équipe Alliance Dynamique »).',
          en: 'Required: the author or credit line shown under the image.',
        },
        i18n: 'translate',
      }),
    ),
  });
