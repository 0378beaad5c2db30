/**
 * axe-core on every page of the sitemap (and the 404 page and the embeds, which the sitemap
 * leaves out), against WCAG 2.1 A and AA.
 * Each page is one test, which fails listing the page's violations and their elements.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { requireSite } from '../setup/site';
import { lazySession, visit } from './harness';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** URL paths listed in the build's sitemaps, read when the tests are collected. */
function sitemapPaths(dist: string): string[] {
  const paths = new Set<string>();
  for (const file of readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f))) {
    const xml = readFileSync(path.join(dist, file), 'utf8');
    for (const match of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.add(new URL(match[1]!.trim()).pathname);
  }
  return [...paths].sort();
}

const build = inject('siteBuild');
const PAGES = build?.ok
  ? [...sitemapPaths(build.dist), '/404.html', '/embed/carte/', '/embed/partenaires/?region=32']
  : [];

const session = lazySession(requireSite);
afterAll(() => session.close());

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

function describeViolations(url: string, violations: AxeViolation[]): string {
  const lines = [`${url}: ${violations.length} accessibility violation(s)`];
  for (const v of violations) {
    lines.push(`  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(
        `    ${JSON.stringify(node.target)}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
      );
    }
    if (v.nodes.length > 5) lines.push(`    … and ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  test('the sitemap lists pages to check', () => {
    requireSite();
    expect(PAGES.length).toBeGreaterThan(1);
  });

  test.each(PAGES)('%s has no axe violation', async (url) => {
    const { browser, server } = await session.get();
    const visited = await visit(browser.context, server.origin, url);
    try {
      // evaluate() runs outside the page's Content Security Policy, which forbids injected scripts.
      await visited.page.evaluate(axe.source);
      const violations = await visited.page.evaluate(
        (tags) =>
          (window as unknown as { axe: typeof axe }).axe
            .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
            .then((r) =>
              r.violations.map((v) => ({
                id: v.id,
                impact: v.impact ?? null,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
              })),
            ),
        TAGS,
      );
      expect(violations, describeViolations(url, violations as AxeViolation[])).toEqual([]);
    } finally {
      await visited.page.close();
    }
  });
});
