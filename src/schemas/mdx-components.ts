/**
 * The components editors may use in content MDX, and their props. MDX passes strings
 * only (the build rejects {expressions}), so every prop is a string. The MDX check
 * (src/lib/mdx-guard.ts) validates each use against these schemas when content loads,
 * naming the file and line; the components validate again when they render.
 */
import { z } from 'astro/zod';

const sourceId = z
  .string({ error: 'source is required: the id of one of the sources in the frontmatter' })
  .regex(/^[a-z0-9-]+$/, 'source must be the id of one of the page’s sources');

export const keyFigureProps = z.strictObject({
  value: z.string().regex(/^\d+([.,]\d+)?$/, 'value must be a number written with digits, e.g. "14"'),
  label: z.string().min(1, 'label is required'),
  unit: z.string().optional(),
  source: sourceId,
  /** When the figure was true (YYYY, YYYY-MM or YYYY-MM-DD); by default, its source's date. */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be written YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
});

export const quoteProps = z.strictObject({
  author: z.string().min(1, 'author is required'),
  role: z.string().optional(),
  source: sourceId,
  /** Set when the quote is translated from another language ("en"). */
  translatedFrom: z.enum(['fr', 'en']).optional(),
});

export const partnerCardProps = z.strictObject({
  id: z.string().min(1, 'id is the partner file name without .yaml'),
});

export const calloutProps = z.strictObject({
  title: z.string().min(1).optional(),
  tone: z.enum(['info', 'success', 'warning']).default('info'),
});

/** Component name → schema of its attributes. The keys are the only components content may use. */
export const CONTENT_COMPONENTS = {
  KeyFigure: keyFigureProps,
  Quote: quoteProps,
  PartnerCard: partnerCardProps,
  Callout: calloutProps,
} as const;

export type ContentComponentName = keyof typeof CONTENT_COMPONENTS;

/** Parses props or throws an error naming the component and the bad prop. */
export function parseProps<T extends z.ZodType>(component: string, schema: T, props: unknown): z.output<T> {
  const { children: _children, ...rest } = (props ?? {}) as Record<string, unknown>;
  const result = schema.safeParse(rest);
  if (!result.success) throw new Error(`<${component}>: ${describeIssues(result.error)}`);
  return result.data;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'attributes'}: ${i.message}`).join('; ');
}
