/**
 * Partners: one YAML file per organisation in content/partners/. The file name is the
 * partner's identifier and URL slug. Department and region are derived from the INSEE
 * commune code, never typed.
 */
import { z } from 'astro/zod';
import type { SchemaContext } from './context';
import { LEGAL_FORMS, SCOPES } from './enums';
import {
  commitmentList,
  httpUrl,
  inseeCommuneCode,
  isoDate,
  localizedText,
  partnershipTypeList,
  text,
  year,
} from './common';
import { imageWithAlt } from './image';
import { isValidSiret, normaliseSiret } from '../lib/siret';
import { communeByCode, postalCodeMatches } from '../lib/geography';

export const siret = z
  .string()
  .transform(normaliseSiret)
  .pipe(
    z
      .string()
      .regex(/^\d{14}$/, 'a SIRET has 14 digits')
      .refine(isValidSiret, 'invalid SIRET: its check digit does not match (INSEE rule)'),
  );

/** RNA number of an association: W followed by 9 digits (W595012345). */
export const rna = z.string().regex(/^W\d{9}$/, 'an RNA number is W followed by 9 digits');

export const location = z
  .strictObject({
    commune: inseeCommuneCode.describe('INSEE code of the commune (not the postal code): Loos is 59360.'),
    postalCode: z
      .string()
      .regex(/^\d{5}$/, 'a postal code has 5 digits')
      .describe('Postal code (Loos: 59120).'),
    address: text.optional().describe('Street address, if public.'),
    latitude: z.number().min(-90).max(90).optional().describe('Latitude in decimal degrees (WGS 84).'),
    longitude: z.number().min(-180).max(180).optional().describe('Longitude in decimal degrees (WGS 84).'),
  })
  .refine((l) => (l.latitude === undefined) === (l.longitude === undefined), {
    message: 'give both latitude and longitude, or neither',
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
        message: `${l.postalCode} is not a postal code of ${commune.name} (${commune.code}): ${commune.postalCodes.join(', ')}`,
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
const contextFree = {
  name: text.max(200).describe('Name of the organisation, as it writes it.'),
  legalForm: z.enum(LEGAL_FORMS).optional().describe('Legal form; leave empty when the sources do not say.'),
  siret: siret.optional().describe('SIRET of the establishment (14 digits), checked by its key.'),
  rna: rna.optional().describe('RNA number, for associations (W + 9 digits).'),
  scope: z
    .enum(SCOPES)
    .optional()
    .describe('Reach of its action: local, departmental, regional or national.'),
  location: location.optional().describe('Where it is based; leave empty when not known.'),
  commitments: commitmentList.describe('The social commitments its partnership with La Poste serves.'),
  partnershipTypes: partnershipTypeList.describe('The kinds of partnership it has with La Poste.'),
  website: httpUrl.optional().describe('Its website (http or https).'),
  partnerSince: year.optional().describe('Year the partnership with La Poste began, when known.'),
  description: localizedText.describe(
    'Short description of the organisation and what it does with La Poste.',
  ),
  updatedAt: isoDate.describe('Date this entry was last checked (YYYY-MM-DD).'),
};

// Field order is the order of the CMS form and of the keys in imported files.
export const partnerSchema = (ctx: SchemaContext) =>
  z.strictObject({
    name: contextFree.name,
    legalForm: contextFree.legalForm,
    siret: contextFree.siret,
    rna: contextFree.rna,
    scope: contextFree.scope,
    location: contextFree.location,
    commitments: contextFree.commitments,
    partnershipTypes: contextFree.partnershipTypes,
    website: contextFree.website,
    partnerSince: contextFree.partnerSince,
    networks: z
      .array(ctx.reference('partners'))
      .default([])
      .describe('Networks or federations it belongs to (identifiers of other partners).'),
    description: contextFree.description,
    logo: imageWithAlt(ctx).optional().describe('Logo, with its text alternative (usually the name).'),
    updatedAt: contextFree.updatedAt,
  });

export type PartnerData = z.infer<ReturnType<typeof partnerSchema>>;
