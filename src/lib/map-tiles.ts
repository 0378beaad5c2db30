/**
 * The partner map's tiles, read at build time from PUBLIC_MAP_TILES and
 * PUBLIC_MAP_ATTRIBUTION: the map component draws them and the security policy
 * (src/lib/security-policy.ts) lets the browser load images from their server only.
 */

/** IGN's "Plan IGN" through the Géoplateforme: French, public, and it needs no key. */
export const IGN_PLAN =
  'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2' +
  '&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}';
export const IGN_ATTRIBUTION = '© IGN – Géoplateforme';

/** The tile URL template to use: PUBLIC_MAP_TILES, IGN's when unset, '' for `none` (no tiles). */
export function mapTilesTemplate(setting: string | undefined): string {
  const value = setting?.trim() || IGN_PLAN;
  return value === 'none' ? '' : value;
}

/**
 * The CSP source that covers a tile template's server: `https://data.geopf.fr`, or
 * `https://*.tile.example.org` for a template whose host has a `{s}` subdomain. Undefined
 * for no tiles, and for a template on the site itself (`/tiles/{z}/{x}/{y}.png`, covered by 'self').
 */
export function tilesSource(template: string): string | undefined {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template);
  if (!match) return undefined;
  const [, scheme, host] = match;
  return `${scheme!.toLowerCase()}://${host!.replace(/\{[a-z]+\}/gi, '*').toLowerCase()}`;
}
