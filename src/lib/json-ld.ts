/**
 * schema.org descriptions of entries, for search engines. The layout serialises them
 * with "<" escaped so that no value can close the <script> element.
 */
import type { PartnerData } from '../schemas/partner';

export function partnerJsonLd(data: PartnerData, url: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: data.name,
    url: data.website ?? url,
    mainEntityOfPage: url,
    description: data.description.fr,
    ...(data.siret
      ? { identifier: { '@type': 'PropertyValue', propertyID: 'SIRET', value: data.siret } }
      : {}),
    ...(data.location
      ? {
          address: {
            '@type': 'PostalAddress',
            ...(data.location.address ? { streetAddress: data.location.address } : {}),
            postalCode: data.location.postalCode,
            addressLocality: data.location.communeName,
            addressRegion: data.location.region.name,
            addressCountry: 'FR',
          },
        }
      : {}),
    ...(data.location?.latitude !== undefined && data.location.longitude !== undefined
      ? {
          geo: {
            '@type': 'GeoCoordinates',
            latitude: data.location.latitude,
            longitude: data.location.longitude,
          },
        }
      : {}),
  };
}
