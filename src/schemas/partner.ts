/**
 * Partners: one YAML file per organisation in content/partners/. The file name is the
 * partner's identifier and URL slug. Department and region are derived from the INSEE
 * commune code, never typed.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from './context';
import { COMMITMENTS, ENTRY_KINDS, LEGAL_FORMS, PARTNER_KINDS, SCOPES, type EntryKind } from './enums';
import {
  PATTERNS,
  httpUrl,
  inseeCommuneCode,
  isoDate,
  localizedText,
  partnershipTypeList,
  requireStatedBy,
  statedBy,
  text,
  year,
} from './common';
import { field } from './meta';
import { imageWithAlt } from './image';
import { isValidSiret, normaliseSiret } from '../lib/siret';
import { communeByCode, postalCodeMatches } from '../lib/geography';

export const SIRET_PATTERN = {
  regex: /^\d{14}$/,
  message: 'un SIRET a 14 chiffres (espaces permis)',
} as const;
export const RNA_PATTERN = {
  regex: /^W\d{9}$/,
  message: 'un numéro RNA est un W suivi de 9 chiffres (W595012345)',
} as const;

export const siret = z
  .string()
  .transform(normaliseSiret)
  .pipe(
    z
      .string()
      .regex(SIRET_PATTERN.regex, SIRET_PATTERN.message)
      .refine(
        isValidSiret,
        'SIRET invalide : sa clé de contrôle ne correspond pas (règle de l’INSEE) ; vérifiez les chiffres',
      ),
  );

/** RNA number of an association: W followed by 9 digits (W595012345). */
export const rna = z.string().regex(RNA_PATTERN.regex, RNA_PATTERN.message);

/** The fields of a location, documented for the CMS and the open-data columns. */
export const locationFields = {
  commune: inseeCommuneCode.meta(
    field({
      label: { fr: 'Commune (code INSEE)', en: 'Commune (INSEE code)' },
      hint: {
        fr: 'Le code INSEE de la commune, pas son code postal : Loos est 59360. Département et région en sont déduits.',
        en: 'The INSEE code, not the postal code: Loos is 59360. Department and region are derived from it.',
      },
      example: '59360',
    }),
  ),
  postalCode: z
    .string()
    .regex(PATTERNS.postalCode.regex, PATTERNS.postalCode.message)
    .meta(
      field({
        label: { fr: 'Code postal', en: 'Postal code' },
        hint: {
          fr: 'Code postal (5 chiffres), l’un de ceux de la commune : 59120 pour Loos.',
          en: 'Postal code (5 digits), one of the commune’s: 59120 for Loos.',
        },
        example: '59120',
      }),
    ),
  address: text.optional().meta(
    field({
      label: { fr: 'Adresse', en: 'Street address' },
      hint: {
        fr: 'Numéro et voie, seulement s’ils sont publics.',
        en: 'Street number and name, only if public.',
      },
    }),
  ),
  latitude: z
    .number({ error: 'latitude attendue en degrés décimaux (50.61)' })
    .min(-90, 'une latitude est comprise entre -90 et 90')
    .max(90, 'une latitude est comprise entre -90 et 90')
    .optional()
    .meta(
      field({
        label: { fr: 'Latitude', en: 'Latitude' },
        hint: {
          fr: 'En degrés décimaux (WGS 84), avec la longitude.',
          en: 'Decimal degrees (WGS 84), with the longitude.',
        },
      }),
    ),
  longitude: z
    .number({ error: 'longitude attendue en degrés décimaux (3.01)' })
    .min(-180, 'une longitude est comprise entre -180 et 180')
    .max(180, 'une longitude est comprise entre -180 et 180')
    .optional()
    .meta(
      field({
        label: { fr: 'Longitude', en: 'Longitude' },
        hint: {
          fr: 'En degrés décimaux (WGS 84), avec la latitude.',
          en: 'Decimal degrees (WGS 84), with the latitude.',
        },
      }),
    ),
};

export const location = z
  .strictObject(locationFields)
  .refine((l) => (l.latitude === undefined) === (l.longitude === undefined), {
    message: 'donnez la latitude et la longitude, ou aucune des deux',
    path: ['longitude'],
  })
  .transform((l, ctx) => {
    const commune = communeByCode(l.commune);
    // The commune code was checked above; when it failed, stop here.
    if (!commune) return z.NEVER;
    if (!postalCodeMatches(commune, l.postalCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['postalCode'],
        message: `${l.postalCode} n’est pas un code postal de ${commune.name} (${commune.code}) : ${commune.postalCodes.join(', ')}`,
      });
      return z.NEVER;
    }
    return {
      ...l,
      communeName: commune.name,
      department: { code: commune.department.code, name: commune.department.name },
      region: { code: commune.region.code, name: commune.region.name },
    };
  });

/**
 * Fields that need no per-entry context, built once: Astro calls the schema function for
 * every entry (its image() and reference() are the entry's), and building these again for
 * each of 20,000 partners took 3 s of the build.
 */
export const partnerFields = {
  kind: z.enum(ENTRY_KINDS).meta(
    field({
      label: { fr: 'Type de fiche', en: 'Kind of entry' },
      hint: {
        fr: 'Partenaire ESS ou partenaire institutionnel (organisme public) de La Poste, ou structure ESS référencée sans partenariat connu. Pour un partenaire, engagements et description sont obligatoires.',
        en: 'ESS partner or institutional partner (public body) of La Poste, or a referenced ESS organisation with no known partnership. A partner needs commitments and a description.',
      },
    }),
  ),
  name: text
    .max(200, '200 caractères au plus')
    // Markup or punctuation alone (`<b></b>`, `--`) names nobody: a name has letters (or digits: « 1000 cafés »).
    .refine(
      (name) => /[\p{L}\p{N}]/u.test(name.replace(/<[^>]*>/g, '')),
      'un nom contient des lettres ou des chiffres : écrivez le nom de la structure, pas seulement des signes ou des balises',
    )
    .meta(
      field({
        label: { fr: 'Nom', en: 'Name' },
        hint: {
          fr: 'Le nom de la structure, tel qu’elle l’écrit.',
          en: 'Name of the organisation, as it writes it.',
        },
      }),
    ),
  legalForm: z
    .enum(LEGAL_FORMS)
    .optional()
    .meta(
      field({
        label: { fr: 'Forme juridique', en: 'Legal form' },
        hint: {
          fr: 'Seulement quand une source l’affirme ; sinon laissez vide.',
          en: 'Only when a source states it; else leave empty.',
        },
      }),
    ),
  legalFormSource: statedBy({ fr: 'forme juridique', en: 'legal form' }),
  siret: siret.optional().meta(
    field({
      label: { fr: 'SIRET', en: 'SIRET' },
      hint: {
        fr: 'SIRET de l’établissement (14 chiffres), vérifié par sa clé.',
        en: 'SIRET of the establishment (14 digits), checked by its key.',
      },
      // Spaces are allowed as typed: the schema removes them before checking the 14 digits.
      pattern: { regex: /^\s*(\d\s*){14}$/, message: SIRET_PATTERN.message },
      example: '12345678200002',
    }),
  ),
  rna: rna.optional().meta(
    field({
      label: { fr: 'RNA', en: 'RNA' },
      hint: {
        fr: 'Numéro RNA des associations (W + 9 chiffres).',
        en: 'RNA number of associations (W + 9 digits).',
      },
      example: 'W595012345',
    }),
  ),
  scope: z
    .enum(SCOPES)
    .optional()
    .meta(
      field({
        label: { fr: 'Portée', en: 'Scope' },
        hint: {
          fr: 'Portée de son action : locale, départementale, régionale ou nationale.',
          en: 'Reach of its action.',
        },
      }),
    ),
  location: location.optional().meta(
    field({
      label: { fr: 'Implantation', en: 'Location' },
      hint: {
        fr: 'Où elle est installée ; vide quand on ne le sait pas.',
        en: 'Where it is based; empty when unknown.',
      },
    }),
  ),
  commitments: z
    .array(z.enum(COMMITMENTS))
    .default([])
    .meta(
      field({
        label: { fr: 'Engagements', en: 'Commitments' },
        hint: {
          fr: 'Les engagements sociétaux que sert son partenariat avec La Poste : au moins un pour un partenaire ; facultatif pour une structure référencée.',
          en: 'The social commitments its partnership serves: at least one for a partner; optional for a referenced organisation.',
        },
      }),
    ),
  partnershipTypes: partnershipTypeList.default([]).meta(
    field({
      label: { fr: 'Types de partenariat', en: 'Partnership types' },
      hint: { fr: 'Seulement ceux qu’une source affirme.', en: 'Only those a source states.' },
    }),
  ),
  partnershipTypesSource: statedBy({ fr: 'types de partenariat', en: 'partnership types' }),
  website: httpUrl.optional().meta(
    field({
      label: { fr: 'Site web', en: 'Website' },
      hint: {
        fr: 'Adresse de son site web (http:// ou https:// seulement).',
        en: 'Address of its website (http or https only).',
      },
    }),
  ),
  partnerSince: year.optional().meta(
    field({
      label: { fr: 'Partenaire depuis', en: 'Partner since' },
      hint: {
        fr: 'Année de début du partenariat, seulement quand une source la donne.',
        en: 'Year the partnership began, only when a source gives it.',
      },
    }),
  ),
  partnerSinceSource: statedBy({ fr: 'partenaire depuis', en: 'start year' }),
  description: localizedText.optional().meta(
    field({
      label: { fr: 'Description', en: 'Description' },
      hint: {
        fr: 'Ce qu’est la structure et ce qu’elle fait avec La Poste, d’après les sources : obligatoire pour un partenaire ; facultative pour une structure référencée.',
        en: 'What it is and does with La Poste, from the sources: required for a partner; optional for a referenced organisation.',
      },
    }),
  ),
  updatedAt: isoDate.meta(
    field({
      label: { fr: 'Vérifiée le', en: 'Checked on' },
      hint: {
        fr: 'Date de la dernière vérification de la fiche (AAAA-MM-JJ).',
        en: 'Date the entry was last checked (YYYY-MM-DD).',
      },
    }),
  ),
};

/** The networks field's documentation: its type needs the entry's reference(), not this. */
export const NETWORKS_FIELD = field({
  label: { fr: 'Réseaux', en: 'Networks' },
  hint: {
    fr: 'Les réseaux ou fédérations dont elle est membre (fiches de l’annuaire).',
    en: 'Networks or federations it belongs to (entries of the directory).',
  },
  relation: {
    collection: 'partners',
    valueField: '{{slug}}',
    searchFields: ['name'],
    displayFields: ['name'],
  },
});

// Field order is the order of the CMS form and of the keys in imported files.
export const partnerSchema = (ctx: SchemaContext) =>
  z
    .strictObject({
      kind: partnerFields.kind,
      name: partnerFields.name,
      legalForm: partnerFields.legalForm,
      legalFormSource: partnerFields.legalFormSource,
      siret: partnerFields.siret,
      rna: partnerFields.rna,
      scope: partnerFields.scope,
      location: partnerFields.location,
      commitments: partnerFields.commitments,
      partnershipTypes: partnerFields.partnershipTypes,
      partnershipTypesSource: partnerFields.partnershipTypesSource,
      website: partnerFields.website,
      partnerSince: partnerFields.partnerSince,
      partnerSinceSource: partnerFields.partnerSinceSource,
      networks: z
        .array(ctx.reference('partners'))
        .default([])
        .meta(
          field({
            label: { fr: 'Réseaux', en: 'Networks' },
            hint: {
              fr: 'Les réseaux ou fédérations dont elle est membre (fiches de l’annuaire).',
              en: 'Networks or federations it belongs to.',
            },
            relation: {
              collection: 'partners',
              valueField: '{{slug}}',
              searchFields: ['name'],
              displayFields: ['name'],
            },
          }),
        ),
      description: partnerFields.description,
      logo: imageWithAlt(ctx)
        .optional()
        .meta(
          field({
            label: { fr: 'Logo', en: 'Logo' },
            hint: { fr: 'Avec son texte alternatif (en général le nom).', en: 'With its text alternative.' },
          }),
        ),
      updatedAt: partnerFields.updatedAt,
    })
    .superRefine((p, ctx) => {
      requirePartnerFields(p, ctx);
      requireStatedBy(p, 'legalForm', 'legalFormSource', 'la forme juridique', ctx);
      requireStatedBy(p, 'partnershipTypes', 'partnershipTypesSource', 'les types de partenariat', ctx);
      requireStatedBy(p, 'partnerSince', 'partnerSinceSource', 'l’année de début', ctx);
    });

/**
 * What only a partnership has: a partner (ESS or institutional) serves at least one
 * commitment and is described; a referenced organisation may have neither.
 */
export function requirePartnerFields(
  p: { kind: EntryKind; commitments: readonly unknown[]; description?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (!PARTNER_KINDS.includes(p.kind)) return;
  if (p.commitments.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['commitments'],
      message:
        'un partenaire sert au moins un engagement : choisissez-le, ou faites de la fiche une « structure ESS référencée »',
    });
  }
  if (p.description === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['description'],
      message:
        'un partenaire a une description (en français au moins) : écrivez-la d’après les sources, ou faites de la fiche une « structure ESS référencée »',
    });
  }
}

export type PartnerData = z.infer<ReturnType<typeof partnerSchema>>;
