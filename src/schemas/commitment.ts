/**
 * The four social commitments: one YAML file each in content/commitments/, named after
 * the commitment's identifier (territorial-cohesion.yaml…), with its yearly metrics.
 */
import { z } from 'astro/zod';
import { METRIC_KINDS } from './enums';
import { checkCitations, localizedText, source, year } from './common';

export const metric = z.strictObject({
  value: z.number().nonnegative().describe('The number (e.g. 400000).'),
  qualifier: z
    .enum(['exact', 'more-than', 'about'])
    .default('exact')
    .describe('exact, more-than ("plus de") or about ("environ"), as the source words it.'),
  label: localizedText.describe('What is counted.'),
  year: year.describe('Year the figure applies to.'),
  kind: z.enum(METRIC_KINDS).describe('actual (measured) or target (announced goal).'),
  source: z.string().describe('The `id` of one of this commitment’s sources.'),
});

export const commitmentSchema = z
  .strictObject({
    title: localizedText.describe('Name of the commitment.'),
    summary: localizedText.describe('What La Poste and its partners do for it, in two or three sentences.'),
    order: z.number().int().min(1).max(4).describe('Position in lists (1 to 4).'),
    metrics: z.array(metric).default([]).describe('Yearly figures, each with its source.'),
    sources: z.array(source).default([]).describe('Where the metrics come from.'),
    body: localizedText.optional().describe('Longer presentation shown on the commitment page.'),
  })
  .superRefine((c, ctx) => checkCitations(c.sources, c.metrics, 'metrics', ctx));

export type CommitmentData = z.infer<typeof commitmentSchema>;
