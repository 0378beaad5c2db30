/**
 * Field types shared by several collections: dates, links, sources and figures.
 * Every message names the rule that was broken, so that a build error points
 * an editor at the fix.
 */
import { z } from 'astro/zod';
import { COMMITMENTS, LOCALES, PARTNERSHIP_TYPES } from './enums';
import { communeByCode, departmentByCode, regionByCode, explainUnknownCommune } from '../lib/geography';

/** A calendar date written YYYY-MM-DD, kept as a string so that no time zone shifts it. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a real calendar date');

/**
 * A date as precise as the source allows: a year (2022), a month (2015-06) or a day.
 * Sources often give only a year; writing more would invent a fact.
 */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => {
    const [y, m = '01', d = '01'] = s.split('-');
    const full = `${y}-${m}-${d}`;
    const date = new Date(`${full}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(full);
  }, 'not a real calendar date');

/** A year between the founding of La Poste's ESS partnerships and a sane horizon. */
export const year = z.number().int().min(1990).max(2100);

/** An absolute web address. Only http and https: `javascript:` and `data:` links are code. */
export const httpUrl = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: 'expected an http:// or https:// web address',
});

export const locale = z.enum(LOCALES).describe('Language of this text: fr or en.');

/** Non-empty, trimmed text. */
export const text = z.string().trim().min(1, 'must not be empty');

/** A piece of text in French, optionally also in English (the English site falls back to French). */
export const localizedText = z.strictObject({
  fr: text.describe('French text (required: the site is French first).'),
  en: text
    .optional()
    .describe('English text; when absent the English site shows the French one, marked lang="fr".'),
});

/** Where a figure or fact comes from. */
export const source = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens')
    .describe('Short identifier that figures use to cite this source, e.g. "interview-2022".'),
  title: text.describe('Title of the article, report or page.'),
  publisher: text
    .nullable()
    .describe('Who published it (organisation or outlet); null when the source does not say.'),
  date: partialDate
    .nullable()
    .describe('Publication date, as precise as known (YYYY, YYYY-MM or YYYY-MM-DD); null when undated.'),
  url: httpUrl.optional().describe('Web address of the source, if it is online.'),
});

/** A number shown prominently, always with the source and date it comes from. */
export const keyFigure = z.strictObject({
  value: z.number().nonnegative().describe('The number itself, without spaces or unit (e.g. 1300).'),
  unit: text.optional().describe('Unit or suffix shown after the number (e.g. "mois", "%").'),
  label: text.describe('What is counted, in the page language (e.g. "bureaux de poste France services").'),
  source: z.string().describe('The `id` of one of this entry’s `sources`.'),
  date: partialDate.describe('When the figure was true (YYYY, YYYY-MM or YYYY-MM-DD).'),
});

/** INSEE commune code: five characters, 2A/2B for Corsica; checked against INSEE's current list. */
export const inseeCommuneCode = z
  .string()
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'an INSEE commune code has 5 characters (e.g. 59360, 2A004)')
  .superRefine((code, ctx) => {
    if (!communeByCode(code)) ctx.addIssue({ code: 'custom', message: explainUnknownCommune(code) });
  });

export const departmentCode = z
  .string()
  .refine((c) => departmentByCode(c) !== undefined, 'not the code of a French department (e.g. 36, 2A, 971)');

export const regionCode = z
  .string()
  .refine((c) => regionByCode(c) !== undefined, 'not the INSEE code of a French region (e.g. 24, 76)');

/** Where a partnership happens: national, or a list of communes, departments and regions. */
export const territory = z
  .strictObject({
    national: z.boolean().default(false).describe('True when the partnership covers the whole country.'),
    communes: z.array(inseeCommuneCode).default([]).describe('INSEE codes of the communes concerned.'),
    departments: z.array(departmentCode).default([]).describe('Codes of the departments concerned.'),
    regions: z.array(regionCode).default([]).describe('INSEE codes of the regions concerned.'),
  })
  .refine(
    (t) => t.national || t.communes.length + t.departments.length + t.regions.length > 0,
    'give at least one commune, department or region, or set national: true',
  );

/**
 * Checks that every figure of `items` (found under `key`) cites a source listed in the
 * same entry, and that source ids are unique: no figure without its source.
 */
export function checkCitations(
  sources: readonly { id: string }[],
  items: readonly { source: string }[] | undefined,
  key: string,
  ctx: z.RefinementCtx,
): void {
  const ids = new Set<string>();
  sources.forEach((s, i) => {
    if (ids.has(s.id)) {
      ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
    }
    ids.add(s.id);
  });
  items?.forEach((item, i) => {
    if (!ids.has(item.source)) {
      ctx.addIssue({
        code: 'custom',
        path: [key, i, 'source'],
        message: `cites source "${item.source}", which is not in this entry's sources (${[...ids].join(', ') || 'none'})`,
      });
    }
  });
}

/** The social commitments an entry serves: at least one. */
export const commitmentList = z.array(z.enum(COMMITMENTS)).min(1, 'choose at least one commitment');

/** The kinds of partnership an entry involves: at least one. */
export const partnershipTypeList = z
  .array(z.enum(PARTNERSHIP_TYPES))
  .min(1, 'choose at least one partnership type');
