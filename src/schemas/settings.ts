/**
 * Site-wide settings: content/settings/site.yaml.
 */
import { z } from 'astro/zod';
import { checkCitations, httpUrl, localizedText, partialDate, source, text } from './common';

export const headlineFigure = z.strictObject({
  value: z.number().nonnegative().describe('The number (e.g. 1300).'),
  label: localizedText.describe('What is counted.'),
  source: z.string().describe('The `id` of one of the settings’ sources.'),
  date: partialDate.describe('When the figure was true, as precise as the source says.'),
});

export const settingsSchema = z
  .strictObject({
    siteName: text.describe('Name of the site, shown in the header and page titles.'),
    tagline: localizedText.describe('One line under the site name on the home page.'),
    contact: z
      .strictObject({
        label: localizedText.describe('Text of the contact link.'),
        url: httpUrl.describe('Where people can write to the team (http or https).'),
      })
      .describe('Public contact.'),
    headlineFigures: z
      .array(headlineFigure)
      .describe('Figures shown on the home page, each with source and date.'),
    sources: z.array(source).describe('Sources of the headline figures.'),
  })
  .superRefine((s, ctx) => checkCitations(s.sources, s.headlineFigures, 'headlineFigures', ctx));

export type SettingsData = z.infer<typeof settingsSchema>;
