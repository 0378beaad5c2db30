/**
 * The site's security policy, in one place: the Content-Security-Policy that Astro writes
 * into every page's <meta> (astro.config.mjs) and the HTTP headers for static hosts that
 * the build writes beside the pages (src/integrations/security-headers.ts): `_headers` for
 * Netlify and Cloudflare Pages, `nginx-headers.conf` for nginx.
 *
 * The site is static and loads nothing from elsewhere but the map's tiles: everything is
 * 'self', scripts and styles by hash (Astro computes them), no 'unsafe-inline'.
 */
import type { AstroUserConfig } from 'astro';
import { tilesSource } from './map-tiles';

/** One entry of Astro's `security.csp.directives` (the type is not exported by name). */
type CspDirective = NonNullable<
  Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>['directives']
>[number];

/** Directive name → its sources; an empty list for a directive without sources. */
export type Directives = Readonly<Record<string, readonly string[]>>;

/**
 * Scripts: the site's own, and the hashes of the few inline ones Astro emits (added by
 * Astro). 'wasm-unsafe-eval' lets Pagefind's search run as WebAssembly; it allows
 * compiling WebAssembly only, not eval() of JavaScript.
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
/** Styles: the site's stylesheets, and the hashes of inline styles Astro emits (added by Astro). */
export const STYLE_SOURCES = ["'self'"] as const;

/**
 * Every page's policy besides scripts and styles, which Astro writes itself. `tiles` is the
 * map's tile URL template (src/lib/map-tiles.ts), '' for no tiles.
 */
export function pageDirectives(tiles: string): Directives {
  const tileServer = tilesSource(tiles);
  return {
    'default-src': ["'self'"],
    // No plugins (<object>, <embed>): nothing the site publishes needs them.
    'object-src': ["'none'"],
    // A <base> would redirect every relative link and script of the page.
    'base-uri': ["'self'"],
    // Forms (search, directory and map filters) submit to the site's own pages.
    'form-action': ["'self'"],
    // Tiles are the only images from elsewhere; the build copies every other image into the
    // site. data: images are written in the stylesheet or script itself and carry nothing out
    // of the page: Pagefind's interface draws its icons with them, and Leaflet puts a blank
    // one in place of a tile it stops loading.
    'img-src': ["'self'", 'data:', ...(tileServer ? [tileServer] : [])],
    // Map data and the search index come from the site; tiles are <img> elements, not fetches.
    'connect-src': ["'self'"],
    // A page opened through http:// still loads its resources through https://.
    'upgrade-insecure-requests': [],
  };
}

/** Directives as Astro's `security.csp.directives` takes them: "img-src 'self' https://…". */
export function astroDirectives(directives: Directives): CspDirective[] {
  // Astro checks the names against its list of directives when it loads the config.
  return Object.entries(directives).map(([name, sources]) => [name, ...sources].join(' ') as CspDirective);
}

/**
 * Directives only an HTTP header can carry: browsers ignore frame-ancestors in a <meta>.
 * No page is made to be embedded in another site's frame (clickjacking); a page that is
 * gets a PATH_POLICIES entry.
 */
export const HEADER_ONLY_DIRECTIVES: Directives = {
  'frame-ancestors': ["'none'"],
};

/**
 * Pages with a policy of their own, by path prefix (a folder: '/admin/'): each directive
 * given here replaces the site's directive of that name for those pages, in the headers.
 * Written only when the build has that folder.
 */
export interface PathPolicy {
  why: string;
  directives: Directives;
  /** Site-wide headers (SECURITY_HEADERS) these pages go without. */
  withoutHeaders?: readonly string[];
}

export const PATH_POLICIES: Readonly<Record<string, PathPolicy>> = {
  // The Decap CMS, for the team that edits content. Its editor compiles code at run time
  // (eval) and its interface inserts styles from JavaScript: both forbidden on public pages,
  // allowed on its own page only. Its page lists the scripts it loads and the API it talks to
  // (connect-src), which the CMS's set-up adds here.
  '/admin/': {
    why: 'Decap CMS (content editing): its editor needs eval and inline styles',
    directives: {
      'script-src': ["'self'", "'unsafe-eval'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      // Previews of the images an editor is about to upload.
      'img-src': ["'self'", 'data:', 'blob:'],
    },
  },
  // The embeddable map and directory (/embed/carte/, /embed/partenaires/): made for other
  // sites' iframes, so any site may frame them. They show what the public pages show, and
  // act on nothing: being framed exposes no action to clickjacking. X-Frame-Options cannot
  // say "anyone" (DENY, SAMEORIGIN): it goes; browsers that read frame-ancestors ignore it.
  '/embed/': {
    why: 'Embeddable map and directory: other sites may frame them',
    directives: { 'frame-ancestors': ['*'] },
    withoutHeaders: ['X-Frame-Options'],
  },
};

/** Headers every response gets, besides the Content-Security-Policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // HTTPS only, for two years. Without includeSubDomains or preload: other services may live
  // under the same domain, and they are not this site's to decide.
  'Strict-Transport-Security': 'max-age=63072000',
  // Files are what their Content-Type says: a text file is never run as a script.
  'X-Content-Type-Options': 'nosniff',
  // Other sites (partners' websites, the tile server) see that a visitor came from the site,
  // never which page: a search address holds what the visitor typed.
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Nothing on the site uses these devices or APIs; neither may anything injected.
  'Permissions-Policy':
    'accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), ' +
    'magnetometer=(), microphone=(), payment=(), usb=()',
  // frame-ancestors 'none', for browsers too old to read it.
  'X-Frame-Options': 'DENY',
};

/**
 * The header policy: the page policy, script-src and style-src with every hash the built
 * pages use (the hashes are in each page's <meta>; a header without them would block the
 * inline scripts those allow, as browsers enforce both), and the header-only directives.
 */
export function headerDirectives(
  tiles: string,
  hashes: { script: readonly string[]; style: readonly string[] },
): Directives {
  return {
    ...pageDirectives(tiles),
    'script-src': [...SCRIPT_SOURCES, ...hashes.script],
    'style-src': [...STYLE_SOURCES, ...hashes.style],
    ...HEADER_ONLY_DIRECTIVES,
  };
}

/** A policy as a header value: "default-src 'self'; object-src 'none'; upgrade-insecure-requests". */
export function serializePolicy(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** A path's policy: the site's, with the directives its PATH_POLICIES entry replaces. */
export function pathPolicy(site: Directives, own: Directives): Directives {
  return { ...site, ...own };
}

/** The hashes in a page's CSP <meta>, by directive; empty when the page has none. */
export function hashesInPage(html: string): { script: string[]; style: string[] } {
  const content = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html)?.[1] ?? '';
  const hashes = (directive: string) => {
    const sources = new RegExp(`(?:^|;)\\s*${directive}\\s+([^;]*)`).exec(content)?.[1] ?? '';
    return sources.split(/\s+/).filter((s) => /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s));
  };
  return { script: hashes('script-src'), style: hashes('style-src') };
}

const GENERATED = 'Generated by the build from src/lib/security-policy.ts: edit that file, not this one.';

/**
 * The `_headers` file of Netlify and Cloudflare Pages. Both apply every rule that matches a
 * path; for a header set by two rules, Netlify keeps the later rule's value, and Cloudflare
 * joins both unless the later rule detaches the first one's (`! Content-Security-Policy`):
 * two policies would both be enforced, and the stricter site-wide one would still apply.
 */
export function headersFile(site: Directives, paths: Readonly<Record<string, Directives>>): string {
  const lines = [`# ${GENERATED}`, '# Netlify and Cloudflare Pages read it from the published folder.', '/*'];
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) lines.push(`  ${name}: ${value}`);
  lines.push(`  Content-Security-Policy: ${serializePolicy(site)}`);
  for (const [prefix, own] of Object.entries(paths)) {
    const why = PATH_POLICIES[prefix]?.why;
    lines.push('', ...(why ? [`# ${why}`] : []), `${prefix}*`);
    for (const name of PATH_POLICIES[prefix]?.withoutHeaders ?? []) lines.push(`  ! ${name}`);
    lines.push('  ! Content-Security-Policy');
    lines.push(`  Content-Security-Policy: ${serializePolicy(pathPolicy(site, own))}`);
  }
  return lines.join('\n') + '\n';
}

/** One nginx `add_header` line; `always` sends it with error pages (404) too. */
function addHeader(name: string, value: string, indent = ''): string {
  return `${indent}add_header ${name} "${value.replaceAll('"', '\\"')}" always;`;
}

/**
 * The nginx snippet: `include /…/dist/nginx-headers.conf;` inside the `server { }` block
 * that serves the site. nginx drops the server's add_header lines in a location that has
 * add_header lines of its own: each location below repeats them all.
 */
export function nginxSnippet(site: Directives, paths: Readonly<Record<string, Directives>>): string {
  const headers = (directives: Directives, indent = '', without: readonly string[] = []) => [
    ...Object.entries(SECURITY_HEADERS)
      .filter(([name]) => !without.includes(name))
      .map(([name, value]) => addHeader(name, value, indent)),
    addHeader('Content-Security-Policy', serializePolicy(directives), indent),
  ];
  const lines = [
    `# ${GENERATED}`,
    '# In the server { } block that serves dist/: include /path/to/dist/nginx-headers.conf;',
    '# A location of yours with add_header lines of its own must include this file too.',
    ...headers(site),
  ];
  for (const [prefix, own] of Object.entries(paths)) {
    const why = PATH_POLICIES[prefix]?.why;
    lines.push('', ...(why ? [`# ${why}`] : []), `location ^~ ${prefix} {`);
    lines.push(...headers(pathPolicy(site, own), '  ', PATH_POLICIES[prefix]?.withoutHeaders), '}');
  }
  return lines.join('\n') + '\n';
}
