/**
 * Impact charts (issue 13): each commitment page draws every measure it has for more than
 * one year as an SVG chart made at build time, with a text alternative that states what it
 * shows (every value and year), its data table with sources, and targets drawn as targets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { requireSite } from '../setup/site';

let dist: string;
beforeAll(() => {
  dist = requireSite();
});

const PAGES = [
  { url: 'engagements/inclusion-numerique/', target: 'objectif', lang: 'fr' },
  { url: 'en/commitments/digital-inclusion/', target: 'target', lang: 'en' },
];
const COMMITMENT_PAGES = [
  'engagements/cohesion-des-territoires/',
  'engagements/inclusion-numerique/',
  'engagements/inclusion-sociale/',
  'engagements/transition-ecologique/',
  'en/commitments/territorial-cohesion/',
  'en/commitments/digital-inclusion/',
  'en/commitments/social-inclusion/',
  'en/commitments/ecological-transition/',
];
const page = (url: string) => parse(readFileSync(path.join(dist, url, 'index.html'), 'utf8'));
const digits = (s: string) => s.replace(/\D/g, '');

describe.each(COMMITMENT_PAGES)('%s', (url) => {
  test('every chart has its text alternative and its table, value for value', () => {
    for (const figure of page(url).querySelectorAll('figure.metric-chart')) {
      const svg = figure.querySelector('svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      const titleId = svg.getAttribute('aria-labelledby')!;
      const alt = svg.querySelector(`title#${titleId}`)?.text.trim() ?? '';
      expect(alt.length).toBeGreaterThan(20);
      const rows = figure.querySelectorAll('table[data-chart-table] tbody tr');
      const bars = svg.querySelectorAll('[data-chart-bar]');
      expect(rows.length).toBe(bars.length);
      expect(figure.querySelector('table caption')?.text.trim()).toBeTruthy();
      for (const row of rows) {
        const [year, value] = [row.querySelector('th')!.text, row.querySelector('td')!.text];
        // The alternative names every year and every value of the table.
        expect(alt).toContain(year.trim());
        expect(digits(alt)).toContain(digits(value));
        expect(row.querySelector('a[href^="#source-"]')).not.toBeNull();
      }
      // Every source link leads to the page's source list.
      for (const a of figure.querySelectorAll('a[href^="#source-"]')) {
        expect(page(url).querySelector(a.getAttribute('href')!)).not.toBeNull();
      }
    }
  });
});

describe.each(PAGES)('digital inclusion ($lang)', ({ url, target }) => {
  test('people supported in 2020 and 2021, and the aim for 2022 drawn as an aim', () => {
    const figures = page(url).querySelectorAll('figure.metric-chart');
    expect(figures).toHaveLength(1);
    const svg = figures[0]!.querySelector('svg')!;
    const bars = svg.querySelectorAll('[data-chart-bar]');
    expect(bars.map((b) => b.getAttribute('data-chart-bar'))).toEqual(['actual', 'actual', 'target']);
    const aim = bars[2]!;
    expect(aim.querySelector('rect')!.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(aim.querySelector('rect')!.getAttribute('fill')).toMatch(/^url\(#.+-hatch\)$/);
    expect(aim.text).toContain(target);
    expect(aim.text).toContain('2022');
    const alt = svg.querySelector('title')!.text;
    for (const year of ['2020', '2021', '2022']) expect(alt).toContain(year);
    expect(alt).toContain(target);
  });
});
