/**
 * What the page hands the map script, through data attributes of <partner-map>
 * (written by src/components/PartnerMap.astro): no inline script, so the CSP stays strict.
 */

/** Interface strings the script shows, already in the page's language. */
export interface MapStrings {
  /** "Partenaires affichés : {count}" */
  shown: string;
  noMatch: string;
  /** "{count} partenaires : zoomer sur ce groupe" */
  cluster: string;
  zoomIn: string;
  zoomOut: string;
  close: string;
  loading: string;
  failed: string;
  /** "page in French": said after a partner linked to its French page. */
  pageInFrench: string;
  /** What an approximate point's popup and title say, by its precision. */
  precision: { commune: string; department: string };
  /** Credit of the commune positions (GeoNames, CC BY 4.0), on the map's attribution line. */
  positionsCredit: string;
}

export interface MapConfig {
  /** URL of the data file (/carte/points.json). */
  points: string;
  /** Tile URL template with {z}, {x} and {y}; empty for no tiles. */
  tiles: string;
  /** Attribution of the tiles, as plain text. */
  attribution: string;
  /** The partner directory's URL: a partner's page is <partners><slug>/. */
  partners: string;
  /** The French directory's URL, for partners with no page in the map's language. */
  frenchPartners: string;
  locale: string;
  strings: MapStrings;
}

export function readConfig(element: HTMLElement): MapConfig {
  const { points = '', tiles = '', attribution = '', partners = '/', locale = 'fr' } = element.dataset;
  return {
    points,
    tiles,
    attribution,
    partners,
    frenchPartners: element.dataset['frenchPartners'] ?? partners,
    locale,
    strings: JSON.parse(element.dataset['strings'] ?? '{}') as MapStrings,
  };
}

/** Fills "{count}" in a string. */
export function fill(template: string, count: string): string {
  return template.replace('{count}', count);
}

/** Plain text made safe for the few Leaflet options that take HTML (the attribution). */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
