/**
 * Institutional pages (about, how to become a partner, legal notice, accessibility
 * statement, personal data): one MDX file per page and language in content/pages/<lang>/.
 */
import { z } from 'astro/zod';
import { PAGE_KEYS } from './enums';
import { isoDate, locale, text } from './common';

export const pageSchema = z.strictObject({
  title: text.max(120).describe('Title of the page.'),
  description: text
    .max(200)
    .describe('Summary for search engines and search results (200 characters at most).'),
  key: z.enum(PAGE_KEYS).describe('Which institutional page this is; links in the footer use it.'),
  lang: locale,
  updatedAt: isoDate.describe('Date of the last update (YYYY-MM-DD), shown at the bottom of the page.'),
});

export type PageData = z.infer<typeof pageSchema>;
