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

/**
 * The "report an error" link template (partner directory): http(s) or mailto: only, since
 * any other scheme could run code, and it must still be a valid address once its
 * placeholders are filled.
 */
export const correctionsTemplate = z
  .string()
  .regex(/^(https?:\/\/|mailto:)/, 'expected an https://, http:// or mailto: address')
  .refine((template) => {
    const filled = template.replaceAll('{subject}', 'x').replaceAll('{body}', 'x');
    try {
      const url = new URL(filled);
      return url.protocol === 'mailto:' ? url.pathname.includes('@') : url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'not a valid address once {subject} and {body} are filled in');

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
    corrections: correctionsTemplate
      .optional()
      .describe(
        'Where "report an error on this entry" leads, as a URL template (https:// or mailto:) ' +
          'whose {subject} and {body} are replaced by the entry’s name, address and file, ' +
          'URL-encoded: mailto:annuaire@example.org?subject={subject}&body={body}. ' +
          'Leave it out to send people to the contact address above.',
      ),
    headlineFigures: z
      .array(headlineFigure)
      .describe('Figures shown on the home page, each with source and date.'),
    sources: z.array(source).describe('Sources of the headline figures.'),
  })
  .superRefine((s, ctx) => checkCitations(s.sources, s.headlineFigures, 'headlineFigures', ctx));

export type SettingsData = z.infer<typeof settingsSchema>;
