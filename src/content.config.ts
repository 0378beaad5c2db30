/**
 * The site's collections. Schemas live in src/schemas/ (one file per concern);
 * content lives in the top-level content/ folder (or $CONTENT_DIR).
 */
import { defineCollection, reference } from 'astro:content';
import { contentGlob } from './lib/content-loader';
import { caseStudySchema } from './schemas/case-study';
import { partnerSchema } from './schemas/partner';
import { brochureSchema } from './schemas/brochure';
import { commitmentSchema } from './schemas/commitment';
import { pageSchema } from './schemas/page';
import { settingsSchema } from './schemas/settings';
import { sourceSchema } from './schemas/source';

// Translated collections: content/<folder>/<fr|en>/<key>.mdx, the key shared by both languages.
const translated = { fromPath: { keyField: 'translationKey' } };

const caseStudies = defineCollection({
  loader: contentGlob('case-studies', '*/*.mdx', translated),
  schema: ({ image }) => caseStudySchema({ image, reference }),
});

const partners = defineCollection({
  // File names are identifiers and URL slugs: checked before loading.
  loader: contentGlob('partners', '*.yaml', { identifiers: true }),
  schema: ({ image }) => partnerSchema({ image, reference }),
});

const brochures = defineCollection({
  loader: contentGlob('brochures', '*/*.mdx', translated),
  schema: ({ image }) => brochureSchema({ image, reference }),
});

const commitments = defineCollection({
  loader: contentGlob('commitments', '*.yaml'),
  schema: commitmentSchema,
});

const pages = defineCollection({
  loader: contentGlob('pages', '*/*.mdx', { fromPath: { keyField: 'key' } }),
  schema: pageSchema,
});

const sources = defineCollection({
  // File names are the ids that figures and pages cite.
  loader: contentGlob('sources', '*.yaml', { identifiers: true }),
  schema: sourceSchema,
});

const settings = defineCollection({
  loader: contentGlob('settings', '*.yaml'),
  schema: settingsSchema,
});

export const collections = { caseStudies, partners, brochures, commitments, pages, sources, settings };
