/**
 * Field types shared by several collections: dates, links, citations and figures.
 * Every message is in French and names the rule that was broken, so that a build error
 * (and the same rule in the CMS) tells an editor how to fix it.
 */
import { z } from 'astro/zod';
import { COMMITMENTS, LOCALES, PARTNERSHIP_TYPES } from './enums';
import { field, type Bilingual } from './meta';
import { communeByCode, departmentByCode, regionByCode, explainUnknownCommune } from '../lib/geography';

/** Regular expressions the CMS repeats in its forms, so the same rule reads the same there. */
export const PATTERNS = {
  isoDate: { regex: /^\d{4}-\d{2}-\d{2}$/, message: 'date attendue sous la forme AAAA-MM-JJ (2026-11-30)' },
  partialDate: {
    regex: /^\d{4}(-\d{2}(-\d{2})?)?$/,
    message: 'date attendue sous la forme AAAA, AAAA-MM ou AAAA-MM-JJ (2022, 2015-06, 2015-06-24)',
  },
  identifier: {
    regex: /^[a-z0-9]+(-[a-z0-9]+)*$/,
    message: 'lettres minuscules sans accent, chiffres et tirets seulement (loos-point-poste-ess)',
  },
  url: {
    regex: /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/,
    message: 'adresse web attendue, commençant par http:// ou https://',
  },
  inseeCommune: {
    regex: /^(\d{5}|2[AB]\d{3})$/,
    message:
      'un code commune INSEE a 5 caractères (59360 pour Loos, 2A004 pour Ajaccio), ce n’est pas le code postal',
  },
  postalCode: { regex: /^\d{5}$/, message: 'un code postal a 5 chiffres (59120)' },
} as const;

/** Error of a type check: a missing field is "obligatoire", a wrong type says what is expected. */
export const expected =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'obligatoire : ce champ doit être rempli' : what;

/** A calendar date written YYYY-MM-DD, kept as a string so that no time zone shifts it. */
export const isoDate = z
  .string()
  .regex(PATTERNS.isoDate.regex, PATTERNS.isoDate.message)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'cette date n’existe pas dans le calendrier');

/**
 * A date as precise as the source allows: a year (2022), a month (2015-06) or a day.
 * Sources often give only a year; writing more would invent a fact.
 */
export const partialDate = z
  .string()
  .regex(PATTERNS.partialDate.regex, PATTERNS.partialDate.message)
  .refine((s) => {
    const [y, m = '01', d = '01'] = s.split('-');
    const full = `${y}-${m}-${d}`;
    const date = new Date(`${full}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(full);
  }, 'cette date n’existe pas dans le calendrier');

/** A year between the founding of La Poste's ESS partnerships and a sane horizon. */
export const year = z
  .number({ error: expected('une année en chiffres est attendue (2022)') })
  .int('une année est un nombre entier')
  .min(1990, 'année trop ancienne (1990 au plus tôt)')
  .max(2100, 'année trop lointaine');

/** An absolute web address. Only http and https: `javascript:` and `data:` links are code. */
export const httpUrl = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: PATTERNS.url.message,
});

/** Lower-case letters, digits and hyphens: file names, keys and URL segments. */
export const identifier = z.string().regex(PATTERNS.identifier.regex, PATTERNS.identifier.message);

/** Language of a translated entry: the folder it is in (fr/ or en/), never typed. */
export const locale = z.enum(LOCALES, { error: 'langue attendue : fr ou en' });
export const derivedLocale = locale.meta(
  field({
    label: { fr: 'Langue', en: 'Language' },
    hint: {
      fr: 'Donnée par le dossier du fichier (fr/ ou en/).',
      en: 'Given by the file’s folder (fr/ or en/).',
    },
    derived: true,
  }),
);

/** Non-empty, trimmed text. */
export const text = z
  .string({ error: expected('texte attendu') })
  .trim()
  .min(1, 'ne doit pas être vide');

/** A piece of text in French, optionally also in English (the English site falls back to French). */
export const localizedText = z.strictObject({
  fr: text.meta(
    field({
      label: { fr: 'Français', en: 'French' },
      hint: {
        fr: 'Obligatoire : le site est d’abord en français.',
        en: 'Required: the site is French first.',
      },
    }),
  ),
  en: text.optional().meta(
    field({
      label: { fr: 'Anglais', en: 'English' },
      hint: {
        fr: 'Facultatif : sans lui, le site anglais montre le texte français, signalé comme tel.',
        en: 'Optional: without it, the English site shows the French text, marked as French.',
      },
    }),
  ),
});

/** The id of a source document: the name of its file in content/sources/, without .yaml. */
export const sourceId = z
  .string({ error: expected('source attendue : l’identifiant d’une fiche de content/sources/') })
  .regex(PATTERNS.identifier.regex, 'source : l’identifiant d’une fiche de content/sources/ (laposte-loos)');

/** How forms pick a source: from the sources collection, by words of its title or description. */
export const SOURCE_RELATION = {
  collection: 'sources',
  valueField: '{{slug}}',
  searchFields: ['title', 'description'],
  displayFields: ['{{slug}}'],
};

/** The sources an entry lists at its bottom, which its figures and quotes cite. */
export const citedSources = (hint: Bilingual) =>
  z
    .array(sourceId)
    .default([])
    .meta(field({ label: { fr: 'Sources', en: 'Sources' }, hint, relation: SOURCE_RELATION }));

/** A field naming the source that states a fact (a legal form, a status, a start year). */
export const statedBy = (what: { fr: string; en: string }) =>
  sourceId.optional().meta(
    field({
      label: { fr: `Source : ${what.fr}`, en: `Source of the ${what.en}` },
      hint: {
        fr: `Obligatoire quand le champ « ${what.fr} » est rempli : la source qui l’affirme. Sans source, laissez les deux vides.`,
        en: `Required when the ${what.en} is given: the source that states it. Without one, leave both empty.`,
      },
      relation: SOURCE_RELATION,
    }),
  );

/**
 * A number shown prominently, always with its source and the date it was true: its own
 * date, or its source's when left out (the build checks that one of them exists).
 */
export const keyFigure = z.strictObject({
  value: z
    .number({ error: expected('un nombre est attendu, en chiffres, sans espace (1300)') })
    .nonnegative('un chiffre clé ne peut pas être négatif')
    .meta(
      field({
        label: { fr: 'Valeur', en: 'Value' },
        hint: {
          fr: 'Le nombre, en chiffres, sans espace ni unité (1300).',
          en: 'The number, without spaces or unit (1300).',
        },
      }),
    ),
  unit: text.optional().meta(
    field({
      label: { fr: 'Unité', en: 'Unit' },
      hint: {
        fr: 'Facultatif : ce qui suit le nombre (« jours », « % »).',
        en: 'Optional: what follows the number ("days", "%").',
      },
      i18n: 'translate',
    }),
  ),
  label: text.meta(
    field({
      label: { fr: 'Ce qui est compté', en: 'What is counted' },
      hint: {
        fr: 'Dans la langue de la page (« bureaux de poste France services »).',
        en: 'In the page language.',
      },
      i18n: 'translate',
    }),
  ),
  source: sourceId.meta(
    field({
      label: { fr: 'Source', en: 'Source' },
      hint: { fr: 'La source d’où vient ce chiffre.', en: 'The source this figure comes from.' },
      relation: SOURCE_RELATION,
    }),
  ),
  date: partialDate.optional().meta(
    field({
      label: { fr: 'Date du chiffre', en: 'Date of the figure' },
      hint: {
        fr: 'Quand le chiffre était vrai (AAAA, AAAA-MM ou AAAA-MM-JJ). Vide : la date de la source.',
        en: 'When the figure was true. Empty: the source’s date.',
      },
      example: '2022',
    }),
  ),
});

/** INSEE commune code: five characters, 2A/2B for Corsica; checked against INSEE's current list. */
export const inseeCommuneCode = z
  .string({ error: expected('code commune INSEE attendu (59360)') })
  .regex(PATTERNS.inseeCommune.regex, PATTERNS.inseeCommune.message)
  .superRefine((code, ctx) => {
    if (!communeByCode(code)) ctx.addIssue({ code: 'custom', message: explainUnknownCommune(code) });
  });

export const departmentCode = z
  .string()
  .refine(
    (c) => departmentByCode(c) !== undefined,
    'ce n’est pas le code d’un département français (36, 2A, 971)',
  );

export const regionCode = z
  .string()
  .refine((c) => regionByCode(c) !== undefined, 'ce n’est pas le code INSEE d’une région française (24, 76)');

/** Where a partnership happens: national, or a list of communes, departments and regions. */
export const territory = z
  .strictObject({
    national: z
      .boolean()
      .default(false)
      .meta(
        field({
          label: { fr: 'National', en: 'National' },
          hint: {
            fr: 'Cochez quand le partenariat couvre tout le pays.',
            en: 'Tick when it covers the whole country.',
          },
        }),
      ),
    communes: z
      .array(inseeCommuneCode)
      .default([])
      .meta(
        field({
          label: { fr: 'Communes (codes INSEE)', en: 'Communes (INSEE codes)' },
          hint: {
            fr: 'Codes INSEE des communes concernées, pas leurs codes postaux : Loos est 59360.',
            en: 'INSEE codes of the communes, not postal codes: Loos is 59360.',
          },
          example: '59360',
        }),
      ),
    departments: z
      .array(departmentCode)
      .default([])
      .meta(
        field({
          label: { fr: 'Départements', en: 'Departments' },
          hint: {
            fr: 'Codes des départements concernés (36, 2A, 971).',
            en: 'Codes of the departments (36, 2A, 971).',
          },
        }),
      ),
    regions: z
      .array(regionCode)
      .default([])
      .meta(
        field({
          label: { fr: 'Régions', en: 'Regions' },
          hint: {
            fr: 'Codes INSEE des régions concernées (32 pour les Hauts-de-France).',
            en: 'INSEE codes of the regions (32: Hauts-de-France).',
          },
        }),
      ),
  })
  .refine(
    (t) => t.national || t.communes.length + t.departments.length + t.regions.length > 0,
    'indiquez au moins une commune, un département ou une région, ou cochez « National »',
  );

/**
 * Checks that every citation of an entry (key figures, dates, status…) names a source
 * listed in the entry's `sources`, so that the page's list of sources is complete.
 */
export function checkListedCitations(
  sources: readonly string[],
  citations: readonly { source: string | undefined; path: PropertyKey[] }[],
  ctx: z.RefinementCtx,
): void {
  const ids = new Set<string>();
  sources.forEach((id, i) => {
    if (ids.has(id))
      ctx.addIssue({
        code: 'custom',
        path: ['sources', i],
        message: `la source « ${id} » est citée deux fois`,
      });
    ids.add(id);
  });
  for (const { source, path } of citations) {
    if (source !== undefined && !ids.has(source)) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `cite la source « ${source} », absente de la liste des sources de la fiche (${[...ids].join(', ') || 'aucune'}) : ajoutez-la à « Sources »`,
      });
    }
  }
}

/** A fact that needs the source stating it: `value` given without `sourceKey` is an error. */
export function requireStatedBy(
  entry: Record<string, unknown>,
  valueKey: string,
  sourceKey: string,
  what: string,
  ctx: z.RefinementCtx,
): void {
  const value = entry[valueKey];
  const given = Array.isArray(value) ? value.length > 0 : value !== undefined;
  if (given && entry[sourceKey] === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [sourceKey],
      message: `${what} est renseigné(e) sans la source qui l’affirme : choisissez-la, ou videz ${what}`,
    });
  }
  if (!given && entry[sourceKey] !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [sourceKey],
      message: `une source est donnée pour ${what}, qui est vide : retirez-la`,
    });
  }
}

/** The social commitments an entry serves: at least one. */
export const commitmentList = z.array(z.enum(COMMITMENTS)).min(1, 'choisissez au moins un engagement');

/** The kinds of partnership an entry involves, when a source states them. */
export const partnershipTypeList = z.array(z.enum(PARTNERSHIP_TYPES));
