/**
 * Case studies: one MDX file per partnership story and language, in content/case-studies/<lang>/.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from './context';
import { CASE_STUDY_STATUSES } from './enums';
import {
  checkCitations,
  commitmentList,
  isoDate,
  keyFigure,
  locale,
  partialDate,
  partnershipTypeList,
  source,
  territory,
  text,
} from './common';
import { imageWithAlt } from './image';

export const caseStudySchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      title: text.max(120).describe('Title of the story, in the page language.'),
      summary: text
        .max(200)
        .describe('One or two sentences (200 characters at most) shown in lists and search results.'),
      publishedAt: isoDate.describe('Date of publication on this site (YYYY-MM-DD).'),
      updatedAt: isoDate.optional().describe('Date of the last significant update, if any.'),
      status: z.enum(CASE_STUDY_STATUSES).describe('pilot, ongoing, scaled (extended elsewhere) or ended.'),
      period: z
        .strictObject({
          start: partialDate.describe('When the partnership started (YYYY, YYYY-MM or YYYY-MM-DD).'),
          end: partialDate.optional().describe('When it ended, if it has.'),
        })
        .refine((p) => !p.end || p.end >= p.start, { message: 'end is before start', path: ['end'] })
        .describe('When the partnership ran.'),
      territory: territory.describe('Where the partnership takes place.'),
      partners: z
        .array(ctx.reference('partners'))
        .default([])
        .describe('Partners involved: file names (without .yaml) of entries in content/partners/.'),
      commitments: commitmentList.describe('The social commitments this partnership serves.'),
      partnershipTypes: partnershipTypeList.describe('The kinds of partnership involved.'),
      keyFigures: z
        .array(keyFigure)
        .default([])
        .describe('Figures shown at the top of the page; each cites one of the sources below.'),
      hero: imageWithAlt(ctx).describe('Main image, shown at the top of the page and in lists.'),
      sources: z
        .array(source)
        .min(1, 'a case study needs at least one source')
        .describe('Where the facts come from; every key figure cites one of them.'),
      replication: text.describe(
        'What another territory needs to reproduce this partnership (people, places, agreements).',
      ),
      lang: locale,
      translationKey: z
        .string()
        .regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens')
        .describe('Same value in every language version of this story, so the language switch can find it.'),
      draft: z.boolean().default(false).describe('Drafts are left out of the built site.'),
    })
    .superRefine((entry, ctx) => checkCitations(entry.sources, entry.keyFigures, 'keyFigures', ctx));

export type CaseStudyData = z.infer<ReturnType<typeof caseStudySchema>>;
