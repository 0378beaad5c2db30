/**
 * Brochures: curated selections of case studies that staff publish online (and print).
 */
import { z } from 'astro/zod';
import type { SchemaContext } from './context';
import { isoDate, locale, text, year } from './common';
import { imageWithAlt } from './image';

export const brochureSchema = (ctx: SchemaContext) =>
  z.strictObject({
    title: text.max(120).describe('Title of the brochure.'),
    year: year.describe('Edition year.'),
    intro: text
      .max(600)
      .describe('Introduction shown on the cover page and in lists (600 characters at most).'),
    caseStudies: z
      .array(ctx.reference('caseStudies'))
      .min(1, 'a brochure presents at least one case study')
      .describe('Case studies in the order they appear (identifiers such as fr/loos-point-poste-ess).'),
    cover: imageWithAlt(ctx).describe('Cover image.'),
    publishedAt: isoDate.describe('Date of publication on this site (YYYY-MM-DD).'),
    lang: locale,
    translationKey: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe('Same value in every language version.'),
  });

export type BrochureData = z.infer<ReturnType<typeof brochureSchema>>;
