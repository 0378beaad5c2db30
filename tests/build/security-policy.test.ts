/**
 * The security policy of the built site (README, Deploying): every page's CSP <meta>
 * carries the complete policy of src/lib/security-policy.ts, with no 'unsafe-inline', and
 * every inline script or style the page has is allowed by hash; the build writes the HTTP
 * headers for static hosts (_headers, nginx-headers.conf) from the same policy.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { IGN_PLAN, tilesSource } from '../../src/lib/map-tiles';
import { PATH_POLICIES, SECURITY_HEADERS } from '../../src/lib/security-policy';
import { readPages, requireSite, type Page } from '../setup/site';

/** A policy as directive → sources ("upgrade-insecure-requests" → []). */
type Policy = Map<string, string[]>;

function parsePolicy(value: string): Policy {
  const policy: Policy = new Map();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The policies of a page's CSP <meta> elements (one is expected). */
function metaPolicies(page: Page): Policy[] {
  return parse(page.html)
    .querySelectorAll('meta[http-equiv="content-security-policy"]')
    .map((meta) => parsePolicy(meta.getAttribute('content') ?? ''));
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** The tests build with the default tiles (PUBLIC_MAP_TILES unset): IGN's server. */
const TILES = tilesSource(IGN_PLAN)!;

/** Every built page. */
let all: Page[];
/** The public pages: all but those with a policy of their own (the CMS's). */
let pages: Page[];
/** Each public page with its one policy. */
let policies: { url: string; policy: Policy }[];

beforeAll(async () => {
  all = await readPages(requireSite());
  const own = Object.keys(PATH_POLICIES);
  pages = all.filter((page) => !own.some((prefix) => page.url.startsWith(prefix)));
  policies = pages.map((page) => ({ url: page.url, policy: metaPolicies(page)[0] ?? new Map() }));
});

/** The pages whose policy breaks `rule`, by URL: an empty list when every page keeps it. */
function pagesBreaking(rule: (policy: Policy) => boolean): string[] {
  return policies.filter(({ policy }) => !rule(policy)).map(({ url }) => url);
}

const sourcesOf = (policy: Policy, directive: string) => policy.get(directive) ?? [];
const exactly =
  (directive: string, ...sources: string[]) =>
  (policy: Policy) =>
    JSON.stringify(sourcesOf(policy, directive)) === JSON.stringify(sources);

describe('Content-Security-Policy of every public page', () => {
  test('every page has exactly one CSP <meta>', () => {
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.filter((p) => metaPolicies(p).length !== 1).map((p) => p.url)).toEqual([]);
  });

  test("no page allows 'unsafe-inline' or 'unsafe-eval' in any directive", () => {
    const unsafe = (policy: Policy) =>
      [...policy.values()].flat().some((s) => s === "'unsafe-inline'" || s === "'unsafe-eval'");
    expect(pagesBreaking((policy) => !unsafe(policy))).toEqual([]);
  });

  test("default-src is 'self'", () => {
    expect(pagesBreaking(exactly('default-src', "'self'"))).toEqual([]);
  });

  test("object-src is 'none'", () => {
    expect(pagesBreaking(exactly('object-src', "'none'"))).toEqual([]);
  });

  test("base-uri is 'self'", () => {
    expect(pagesBreaking(exactly('base-uri', "'self'"))).toEqual([]);
  });

  test("form-action is 'self'", () => {
    expect(pagesBreaking(exactly('form-action', "'self'"))).toEqual([]);
  });

  test('img-src allows the site, data: and the map tiles’ server, nothing else', () => {
    expect(pagesBreaking(exactly('img-src', "'self'", 'data:', TILES))).toEqual([]);
  });

  test("connect-src is 'self'", () => {
    expect(pagesBreaking(exactly('connect-src', "'self'"))).toEqual([]);
  });

  test('upgrade-insecure-requests is set', () => {
    expect(pagesBreaking((policy) => policy.has('upgrade-insecure-requests'))).toEqual([]);
  });

  test('scripts come from the site or by hash, with WebAssembly for search, and nothing else', () => {
    const allowed = (s: string) =>
      s === "'self'" || s === "'wasm-unsafe-eval'" || /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s);
    expect(pagesBreaking((policy) => sourcesOf(policy, 'script-src').every(allowed))).toEqual([]);
    expect(pagesBreaking((policy) => sourcesOf(policy, 'script-src').includes("'self'"))).toEqual([]);
  });

  test('styles come from the site or by hash, and nothing else', () => {
    const allowed = (s: string) => s === "'self'" || /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(s);
    expect(pagesBreaking((policy) => sourcesOf(policy, 'style-src').every(allowed))).toEqual([]);
  });

  test('every inline script a page runs is allowed by a hash of its policy', () => {
    const blocked: string[] = [];
    for (const page of pages) {
      const allowed = sourcesOf(metaPolicies(page)[0] ?? new Map(), 'script-src');
      for (const script of parse(page.html).querySelectorAll('script:not([src])')) {
        const type = script.getAttribute('type') ?? '';
        // Data blocks (JSON-LD, JSON) are never run, so the policy does not apply to them.
        if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
        if (!allowed.includes(sha256(script.rawText)))
          blocked.push(`${page.url}: ${script.rawText.slice(0, 60)}`);
      }
    }
    expect(blocked).toEqual([]);
  });

  test('every inline <style> of a page is allowed by a hash of its policy', () => {
    const blocked: string[] = [];
    for (const page of pages) {
      const allowed = sourcesOf(metaPolicies(page)[0] ?? new Map(), 'style-src');
      for (const style of parse(page.html).querySelectorAll('style')) {
        if (!allowed.includes(sha256(style.rawText)))
          blocked.push(`${page.url}: ${style.rawText.slice(0, 60)}`);
      }
    }
    expect(blocked).toEqual([]);
  });

  test('no element has a style attribute or an inline event handler, which the policy would block', () => {
    const found: string[] = [];
    for (const page of pages) {
      for (const element of parse(page.html).querySelectorAll('*')) {
        for (const name of Object.keys(element.attributes)) {
          if (name === 'style' || /^on[a-z]+$/.test(name))
            found.push(`${page.url}: <${element.rawTagName} ${name}>`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});

describe('HTTP headers for static hosts', () => {
  let headersFile: string;
  let nginx: string;
  /** The `/*` rule of _headers: header name → value. */
  let siteRule: Map<string, string>;

  beforeAll(async () => {
    const dist = requireSite();
    headersFile = await readFile(path.join(dist, '_headers'), 'utf8');
    nginx = await readFile(path.join(dist, 'nginx-headers.conf'), 'utf8');
    const rule = /^\/\*\n((?: {2}.*\n)+)/m.exec(headersFile)?.[1] ?? '';
    siteRule = new Map(
      rule
        .split('\n')
        .filter((l) => l.trim() && !l.trim().startsWith('!'))
        .map((l) => [
          l.trim().slice(0, l.trim().indexOf(':')),
          l
            .trim()
            .slice(l.trim().indexOf(':') + 1)
            .trim(),
        ]),
    );
  });

  test('_headers gives every path HSTS, nosniff, a referrer policy and a permissions policy', () => {
    expect(siteRule.get('Strict-Transport-Security')).toMatch(/^max-age=\d{8,}/);
    expect(siteRule.get('X-Content-Type-Options')).toBe('nosniff');
    expect(siteRule.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(siteRule.get('Permissions-Policy')).toContain('camera=()');
  });

  test("_headers' policy forbids framing, which a <meta> cannot", () => {
    const policy = parsePolicy(siteRule.get('Content-Security-Policy') ?? '');
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  test("_headers' policy has every directive of the pages' policy, with the same sources", () => {
    const header = parsePolicy(siteRule.get('Content-Security-Policy') ?? '');
    for (const { policy } of policies) {
      for (const [directive, sources] of policy) {
        expect(header.get(directive)?.toSorted(), directive).toEqual(sources.toSorted());
      }
    }
  });

  test('the nginx snippet sends each header of _headers, always, with the same value', () => {
    for (const [name, value] of siteRule) {
      expect(nginx).toContain(`add_header ${name} "${value}" always;`);
    }
    expect(nginx.match(/^add_header /gm)).toHaveLength(Object.keys(SECURITY_HEADERS).length + 1);
  });

  test('no path policy is written for a folder the build does not have', () => {
    const admin = all.some((p) => p.url.startsWith('/admin/'));
    expect(headersFile.includes('/admin/*')).toBe(admin);
    expect(nginx.includes('location ^~ /admin/')).toBe(admin);
  });
});
