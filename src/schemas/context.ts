/**
 * What a schema needs from Astro: the `image()` helper and `reference()`. Schemas take
 * them as arguments, so that unit tests can build the same schemas outside Astro.
 */
import type { ImageMetadata } from 'astro';
import type { z } from 'astro/zod';

export interface SchemaContext {
  image: () => z.ZodType<ImageMetadata>;
  reference: (collection: 'partners' | 'caseStudies') => z.ZodType<{ id: string; collection: string }>;
}
