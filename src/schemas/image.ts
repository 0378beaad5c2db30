import { z } from 'astro/zod';
import type { SchemaContext } from './context';
import { text } from './common';

/**
 * An image with the text alternative that screen-reader users hear instead of it,
 * and the credit line the licence asks for.
 */
export const imageWithAlt = ({ image }: Pick<SchemaContext, 'image'>) =>
  z.strictObject({
    src: image().describe('Image file, relative to this entry (e.g. ./loos.svg).'),
    alt: text.describe(
      'Text alternative: what the image shows and why it matters, in the page language. Required.',
    ),
    credit: text.describe(
      'Author or credit line, shown under the image (e.g. "Illustration : Alliance Dynamique").',
    ),
  });
