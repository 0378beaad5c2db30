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
    ...(data.description ? { description: data.description.fr } : {}),
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

/** An organisation a story is about: its name and its page on the site (absolute). */
export interface AboutPartner {
  name: string;
  url: string;
}

/**
 * A case study as a schema.org Article: headline, summary, dates, language, sharing image,
 * the site as publisher and the partners it is about.
 */
export function caseStudyJsonLd(
  data: {
    title: string;
    summary: string;
    publishedAt: string;
    updatedAt?: string | undefined;
  },
  options: {
    url: string;
    /** BCP 47: fr-FR, en-GB. */
    language: string;
    image: string;
    publisher: { name: string; url: string };
    partners: AboutPartner[];
  },
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: data.title,
    description: data.summary,
    url: options.url,
    mainEntityOfPage: options.url,
    inLanguage: options.language,
    datePublished: data.publishedAt,
    dateModified: data.updatedAt ?? data.publishedAt,
    image: options.image,
    publisher: { '@type': 'Organization', name: options.publisher.name, url: options.publisher.url },
    ...(options.partners.length > 0
      ? { about: options.partners.map((p) => ({ '@type': 'Organization', name: p.name, url: p.url })) }
      : {}),
  };
}
