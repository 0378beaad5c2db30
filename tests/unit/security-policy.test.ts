import { describe, expect, test } from 'vitest';
import { IGN_PLAN, mapTilesTemplate, tilesSource } from '../../src/lib/map-tiles';
import {
  astroDirectives,
  hashesInPage,
  headerDirectives,
  headersFile,
  nginxSnippet,
  pageDirectives,
  PATH_POLICIES,
  serializePolicy,
} from '../../src/lib/security-policy';

const HASHES = { script: ["'sha256-c2NyaXB0'"], style: ["'sha256-c3R5bGU='"] };
const ADMIN = { '/admin/': { 'script-src': ["'self'", "'unsafe-eval'"] } };
const EMBED = { '/embed/': PATH_POLICIES['/embed/']!.directives };

describe('map tiles setting', () => {
  test('unset or blank means IGN’s Plan IGN', () => {
    expect(mapTilesTemplate(undefined)).toBe(IGN_PLAN);
    expect(mapTilesTemplate('  ')).toBe(IGN_PLAN);
  });

  test('none means no tiles', () => {
    expect(mapTilesTemplate('none')).toBe('');
  });

  test('the tiles’ CSP source is their server', () => {
    expect(tilesSource(IGN_PLAN)).toBe('https://data.geopf.fr');
  });

  test('a {s} subdomain in the host becomes a wildcard subdomain', () => {
    expect(tilesSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
  });

  test('no tiles, or tiles served by the site itself, need no source', () => {
    expect(tilesSource('')).toBeUndefined();
    expect(tilesSource('/tiles/{z}/{x}/{y}.png')).toBeUndefined();
  });
});

describe('page policy', () => {
  test('images may come from the site, data: and the tiles’ server only', () => {
    expect(pageDirectives(IGN_PLAN)['img-src']).toEqual(["'self'", 'data:', 'https://data.geopf.fr']);
  });

  test('without tiles, images come from the site and data: only', () => {
    expect(pageDirectives('')['img-src']).toEqual(["'self'", 'data:']);
  });

  test('it locks down defaults, plugins, <base>, forms and insecure requests', () => {
    expect(serializePolicy(pageDirectives(''))).toBe(
      "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; img-src 'self' data:; " +
        "connect-src 'self'; upgrade-insecure-requests",
    );
  });

  test('Astro gets it as one string per directive', () => {
    expect(astroDirectives({ 'img-src': ["'self'"], 'upgrade-insecure-requests': [] })).toEqual([
      "img-src 'self'",
      'upgrade-insecure-requests',
    ]);
  });

  test('the header policy adds the pages’ hashes and forbids framing', () => {
    const header = headerDirectives('', HASHES);
    expect(header['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-c2NyaXB0'"]);
    expect(header['style-src']).toEqual(["'self'", "'sha256-c3R5bGU='"]);
    expect(header['frame-ancestors']).toEqual(["'none'"]);
  });
});

describe('hashes of a built page', () => {
  test('they are read from the CSP <meta>, by directive', () => {
    const html =
      '<head><meta http-equiv="content-security-policy" content="default-src \'self\';' +
      " script-src 'self' 'wasm-unsafe-eval' 'sha256-AB+/c='; style-src 'self' 'sha384-Cd=';\"></head>";
    expect(hashesInPage(html)).toEqual({ script: ["'sha256-AB+/c='"], style: ["'sha384-Cd='"] });
  });

  test('a page without a CSP <meta> has none', () => {
    expect(hashesInPage('<head></head>')).toEqual({ script: [], style: [] });
  });
});

describe('_headers file', () => {
  test('the site-wide rule carries the security headers and the policy', () => {
    const file = headersFile(headerDirectives('', HASHES), {});
    expect(file).toContain('/*\n  Strict-Transport-Security: max-age=');
    expect(file).toContain('  X-Content-Type-Options: nosniff\n');
    expect(file).toMatch(/ {2}Content-Security-Policy: default-src 'self';.*frame-ancestors 'none'\n/);
  });

  test('a path policy detaches the site-wide one and replaces only the directives it names', () => {
    const file = headersFile(headerDirectives('', HASHES), ADMIN);
    const rule = file.slice(file.indexOf('/admin/*'));
    expect(rule).toContain('  ! Content-Security-Policy\n');
    expect(rule).toContain("script-src 'self' 'unsafe-eval';");
    expect(rule).toContain("frame-ancestors 'none'");
    expect(file.slice(0, file.indexOf('/admin/*'))).not.toContain("'unsafe-eval'");
  });

  test('embeds may be framed by any site, every other path by none', () => {
    const file = headersFile(headerDirectives('', HASHES), EMBED);
    const [site, embed] = file.split('/embed/*');
    expect(site).toContain("frame-ancestors 'none'");
    expect(site).toContain('X-Frame-Options: DENY');
    expect(embed).toContain('  ! X-Frame-Options\n');
    expect(embed).toMatch(/Content-Security-Policy: .*frame-ancestors \*\n/);
    expect(embed).not.toContain("frame-ancestors 'none'");
  });
});

describe('nginx snippet', () => {
  test('every header is sent always, error pages included', () => {
    const snippet = nginxSnippet(headerDirectives('', HASHES), {});
    const lines = snippet.split('\n').filter((l) => l.startsWith('add_header'));
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.every((l) => l.endsWith(' always;'))).toBe(true);
  });

  test('a path policy gets a location that repeats every header, as nginx drops the server’s there', () => {
    const snippet = nginxSnippet(headerDirectives('', HASHES), ADMIN);
    const server = snippet.slice(0, snippet.indexOf('location ^~')).match(/^add_header (\S+)/gm) ?? [];
    const location = snippet.slice(snippet.indexOf('location ^~ /admin/ {'));
    expect(location.match(/^ {2}add_header (\S+)/gm)?.map((l) => l.trim())).toEqual(server);
    expect(location).toContain("script-src 'self' 'unsafe-eval';");
  });

  test('the embeds’ location lets any site frame them, without X-Frame-Options', () => {
    const snippet = nginxSnippet(headerDirectives('', HASHES), EMBED);
    const location = snippet.slice(snippet.indexOf('location ^~ /embed/ {'));
    expect(location).not.toContain('X-Frame-Options');
    expect(location).toContain('frame-ancestors *"');
    expect(snippet.slice(0, snippet.indexOf('location ^~'))).toContain('X-Frame-Options "DENY"');
  });
});
