/**
 * Site-wide settings: content/settings/site.yaml.
 */
import { z } from 'astro/zod';
import { httpUrl, localizedText, partialDate, sourceId, SOURCE_RELATION, text } from './common';
import { field } from './meta';

export const headlineFigure = z.strictObject({
  value: z
    .number({ error: 'un nombre est attendu, en chiffres, sans espace (1300)' })
    .nonnegative('un chiffre ne peut pas être négatif')
    .meta(
      field({
        label: { fr: 'Valeur', en: 'Value' },
        hint: { fr: 'En chiffres, sans espace (1300).', en: 'Digits only (1300).' },
      }),
    ),
  label: localizedText.meta(field({ label: { fr: 'Ce qui est compté', en: 'What is counted' } })),
  source: sourceId.meta(
    field({
      label: { fr: 'Source', en: 'Source' },
      relation: SOURCE_RELATION,
    }),
  ),
  date: partialDate.optional().meta(
    field({
      label: { fr: 'Date du chiffre', en: 'Date of the figure' },
      hint: {
        fr: 'Quand le chiffre était vrai, aussi précis que la source. Vide : la date de la source.',
        en: 'When the figure was true. Empty: the source’s date.',
      },
      example: '2022',
    }),
  ),
});

/**
 * The "report an error" link template (partner directory): http(s) or mailto: only, since
 * any other scheme could run code, and it must still be a valid address once its
 * placeholders are filled.
 */
export const correctionsTemplate = z
  .string()
  .regex(/^(https?:\/\/|mailto:)/, 'adresse attendue commençant par https://, http:// ou mailto:')
  .refine((template) => {
    const filled = template.replaceAll('{subject}', 'x').replaceAll('{body}', 'x');
    try {
      const url = new URL(filled);
      return url.protocol === 'mailto:' ? url.pathname.includes('@') : url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'adresse invalide une fois {subject} et {body} remplacés');

export const settingsSchema = z.strictObject({
  siteName: text.meta(
    field({
      label: { fr: 'Nom du site', en: 'Site name' },
      hint: { fr: 'Dans l’en-tête et le titre des pages.', en: 'In the header and page titles.' },
    }),
  ),
  tagline: localizedText.meta(
    field({
      label: { fr: 'Accroche', en: 'Tagline' },
      hint: {
        fr: 'Une ligne sous le nom du site, en page d’accueil.',
        en: 'One line under the site name on the home page.',
      },
    }),
  ),
  contact: z
    .strictObject({
      label: localizedText.meta(field({ label: { fr: 'Texte du lien', en: 'Link text' } })),
      url: httpUrl.meta(
        field({
          label: { fr: 'Adresse', en: 'Address' },
          hint: { fr: 'Où écrire à l’équipe (http:// ou https://).', en: 'Where to write to the team.' },
        }),
      ),
    })
    .meta(
      field({
        label: { fr: 'Contact', en: 'Contact' },
        hint: { fr: 'Le contact public du site.', en: 'The public contact.' },
      }),
    ),
  corrections: correctionsTemplate.optional().meta(
    field({
      label: { fr: 'Signaler une erreur : adresse', en: 'Report an error: address' },
      hint: {
        fr: 'Où mène « signaler une erreur sur cette fiche » : une adresse https:// ou mailto: dont {subject} et {body} sont remplacés par le nom, l’adresse et le fichier de la fiche (mailto:annuaire@example.org?subject={subject}&body={body}). Vide : le contact ci-dessus.',
        en: 'Where "report an error on this entry" leads, as a URL template whose {subject} and {body} are filled in. Empty: the contact above.',
      },
    }),
  ),
  callToAction: z
    .strictObject({
      title: localizedText.meta(
        field({
          label: { fr: 'Titre', en: 'Title' },
          hint: {
            fr: 'Une question ou une invitation courte (« Et dans votre territoire ? »).',
            en: 'A short question or invitation.',
          },
        }),
      ),
      text: localizedText.meta(
        field({
          label: { fr: 'Texte', en: 'Text' },
          hint: {
            fr: 'Qui contacter, et comment, pour lancer un partenariat semblable : une ou deux phrases.',
            en: 'Who to contact, and how, to start a similar partnership: one or two sentences.',
          },
        }),
      ),
      linkLabel: localizedText.meta(
        field({
          label: { fr: 'Texte du bouton', en: 'Button text' },
          hint: {
            fr: 'Il mène à la page « Devenir partenaire » ; le lien du contact est ajouté à côté.',
            en: 'It leads to the become-a-partner page; the contact link is added beside it.',
          },
        }),
      ),
    })
    .meta(
      field({
        label: { fr: 'Appel à l’action des études de cas', en: 'Case study call to action' },
        hint: {
          fr: 'À la fin de chaque étude de cas : pour la structure qui voudrait lancer un partenariat semblable.',
          en: 'At the end of every case study: for an organisation that would like to start a similar partnership.',
        },
      }),
    ),
  headlineFigures: z.array(headlineFigure).meta(
    field({
      label: { fr: 'Chiffres de la page d’accueil', en: 'Home page figures' },
      hint: { fr: 'Chacun avec sa source et sa date.', en: 'Each with its source and date.' },
    }),
  ),
});

export type SettingsData = z.infer<typeof settingsSchema>;
