/**
 * The directory with many partners: a build of the site's content plus obviously fake
 * partners ("Partenaire fictif 01"…), written to a temporary folder (never to content/),
 * one of them named with a </script> to break out of the JSON-LD, and a corrections
 * address in the settings. Checks static pagination (every partner once, French order,
 * navigation with aria-current), territory pages and their pagination, overseas and
 * Corsican departments on the map, a partner outside the map, the escaping of JSON-LD
 * the "report an error" link built from the settings' template, and English pages only for
 * partners with English text (the first fake), the others linked to their French page.
 */
import { FAKE_SOURCE } from '../../scripts/lib/fake-partners';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import os from 'node:os';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { communeByCode } from '../../src/lib/geography';
import { DIRECTORY_BUNDLES, ENTRY_KIND_BUNDLES, SEARCH_BUNDLE_PATHS } from '../../src/lib/search';
import { P, type MapData } from '../../src/lib/map-points';
import { ROOT } from '../setup/paths';
import { runAstro, runBuild } from '../setup/run';

/** Communes of the fake partners: mainland, Corsica, overseas departments, and Papeete (not a department). */
const COMMUNES = ['2A004', '97101', '97411', '97611', '35238', '13055', '69123', '33063', '31555', '98735'];
/** Enough fake partners in Lille (Nord) for its department page to need a second page. */
const IN_LILLE = 26;
const SCRIPT_NAME = '</script><script>window.__pwned=1</script> Fictif';
/** A Chromium that does not exist: the build says so in one French line and offers no PDF. */
const MISSING_CHROMIUM = '/nonexistent/chromium';
const CORRECTIONS = 'mailto:annuaire@example.org?subject={subject}&body={body}';

interface Fake {
  id: string;
  name: string;
  commune: string;
}

const fakes: Fake[] = [
  ...Array.from({ length: IN_LILLE + COMMUNES.length }, (_, i) => ({
    id: `partenaire-fictif-${String(i + 1).padStart(2, '0')}`,
    name: `Partenaire fictif ${String(i + 1).padStart(2, '0')}`,
    commune: i < IN_LILLE ? '59350' : COMMUNES[i - IN_LILLE]!,
  })),
  // Accents: "Écoute" sorts before "Entraide" in French, after it in code-point order.
  { id: 'ecoute-fictive', name: 'Écoute fictive', commune: '59350' },
  { id: 'entraide-fictive', name: 'Entraide fictive', commune: '59350' },
  { id: 'partenaire-fictif-script', name: SCRIPT_NAME, commune: '35238' },
];

/** One fake in five is a referenced organisation, the others ESS partners. */
const fakeKind = (i: number) => (i % 5 === 4 ? 'ess-organisation' : 'ess-partner');

function partnerYaml(fake: Fake, i: number): string {
  const commune = communeByCode(fake.commune)!;
  return [
    `kind: ${fakeKind(i)}`,
    `name: ${JSON.stringify(fake.name)}`,
    `legalForm: ${['association', 'scop', 'scic', 'federation'][i % 4]}`,
    `legalFormSource: ${FAKE_SOURCE.id}`,
    'location:',
    `  commune: '${fake.commune}'`,
    `  postalCode: '${commune.postalCodes[0]!}'`,
    // The partners in Lille have coordinates: the map and its list without JavaScript.
    ...(fake.commune === '59350' && fake.id.startsWith('partenaire-fictif-')
      ? [`  latitude: ${(50.6 + i / 1000).toFixed(3)}`, '  longitude: 3.06']
      : []),
    'commitments: [social-inclusion]',
    'partnershipTypes: [mediation]',
    `partnershipTypesSource: ${FAKE_SOURCE.id}`,
    'description:',
    '  fr: Partenaire inventé pour les tests de l’annuaire.',
    // The first one only has an English page (src/lib/partner-pages.ts).
    ...(i === 0 ? ['  en: A partner made up to test the directory.'] : []),
    "updatedAt: '2026-01-01'",
    '',
  ].join('\n');
}

let scratch: string;
let dist: string;
let buildOutput = '';
const pages = new Map<string, HTMLElement>();

beforeAll(async () => {
  // A folder of its own: several people may run the suite in one working tree at once.
  scratch = await mkdtemp(path.join(os.tmpdir(), 'ad-directory-'));
  const content = path.join(scratch, 'content');
  dist = path.join(scratch, 'dist');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  await writeFile(path.join(content, 'sources', `${FAKE_SOURCE.id}.yaml`), JSON.stringify(FAKE_SOURCE.data));
  // One story told only in French, as new stories are until they are translated: the English
  // lists and index must still show it (its English record, tested below).
  await rm(path.join(content, 'case-studies/en/montpellier-lancement-regional-2015.mdx'));
  await Promise.all(
    fakes.map((f, i) => writeFile(path.join(content, 'partners', `${f.id}.yaml`), partnerYaml(f, i))),
  );
  await appendFile(path.join(content, 'settings/site.yaml'), `corrections: '${CORRECTIONS}'\n`);
  // The Loos story names a second partner, whose card it does not show in its text.
  const loos = path.join(content, 'case-studies/fr/loos-point-poste-ess.mdx');
  const story = await readFile(loos, 'utf8');
  await writeFile(
    loos,
    story.replace(
      'partners: [la-fabrique-de-l-emploi]',
      `partners: [la-fabrique-de-l-emploi, ${fakes[1]!.id}]`,
    ),
  );
  // A cache of its own, so that no entry of this content reaches the site's data store;
  // seeded with the images the shared build already optimised (seconds, not a minute).
  const cache = path.join(scratch, 'astro-cache');
  await mkdir(cache);
  const images = path.join(ROOT, 'node_modules/.astro/assets');
  if (existsSync(images)) await cp(images, path.join(cache, 'assets'), { recursive: true });
  const result = await runBuild(['--config', 'tests/setup/astro.fixture.config.mjs'], dist, {
    // No Chromium for this build: brochures are not printed, and the rest must still build.
    env: { CONTENT_DIR: content, OUT_DIR: dist, ASTRO_CACHE_DIR: cache, CHROMIUM_PATH: MISSING_CHROMIUM },
    timeoutMs: 10 * 60_000,
  });
  buildOutput = result.output;
  if (result.code !== 0) throw new Error(`build of the fake content failed:\n${result.output}`);
}, 12 * 60_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
  // The build described the fake content in .astro/; describe the site's again.
  await runAstro(['sync'], { timeoutMs: 3 * 60_000 });
}, 5 * 60_000);

async function load(url: string): Promise<HTMLElement> {
  const cached = pages.get(url);
  if (cached) return cached;
  const html = await readFile(path.join(dist, url, 'index.html'), 'utf8');
  const dom = parse(html);
  pages.set(url, dom);
  return dom;
}

const built = (url: string) => existsSync(path.join(dist, url, 'index.html'));
const titles = (root: HTMLElement) =>
  root.querySelectorAll('[data-static] .directory-card .card__title a').map((a) => a.text);
const frenchOrder = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

describe('directory with many partners', () => {
  test('the build succeeded', () => {
    expect(buildOutput).toMatch(/Complete!/);
  });

  test('without Chromium: one French line, brochure pages built without a download', async () => {
    const lines = buildOutput.split('\n').filter((line) => line.includes('Chromium introuvable'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(MISSING_CHROMIUM);
    expect(lines[0]).toContain('le reste du site est construit');
    for (const url of ['brochures/selection-2026/', 'en/brochures/selection-2026/']) {
      const html = await readFile(path.join(dist, url, 'index.html'), 'utf8');
      expect(html).not.toContain('data-brochure-pdf');
      expect(html).not.toContain('.pdf');
      expect(html).toContain('brochure-story');
    }
  });

  test('50 partners make three pages of 24, 24 and 2', async () => {
    expect(built('/partenaires/3/')).toBe(true);
    expect(built('/partenaires/4/')).toBe(false);
    expect(titles(await load('/partenaires/'))).toHaveLength(24);
    expect(titles(await load('/partenaires/2/'))).toHaveLength(24);
    expect(titles(await load('/partenaires/3/'))).toHaveLength(2);
  });

  test('every partner appears exactly once across the pages, fake and real', async () => {
    const all = [
      ...titles(await load('/partenaires/')),
      ...titles(await load('/partenaires/2/')),
      ...titles(await load('/partenaires/3/')),
    ];
    expect(new Set(all).size).toBe(all.length);
    for (const fake of fakes) expect(all).toContain(fake.name);
    expect(all).toContain('La Fabrique de l’emploi');
  });

  test('the pages follow French alphabetical order across their boundaries', async () => {
    const all = [
      ...titles(await load('/partenaires/')),
      ...titles(await load('/partenaires/2/')),
      ...titles(await load('/partenaires/3/')),
    ];
    expect(all).toEqual(all.toSorted(frenchOrder.compare));
    expect(all.indexOf('Écoute fictive')).toBeLessThan(all.indexOf('Entraide fictive'));
  });

  test('the total is shown on every page, with the range of the page', async () => {
    const second = await load('/partenaires/2/');
    expect(second.querySelector('.page-header .count')?.text).toMatch(/\b50 partenaires/);
    expect(second.querySelector('[data-static] .count')?.text).toMatch(/25 à 48 sur 50/);
  });

  test('the middle page links to the previous, next and every page, and marks itself current', async () => {
    const nav = (await load('/partenaires/2/')).querySelector('[data-static] nav.pagination');
    expect(nav?.getAttribute('aria-label')).toBeTruthy();
    const links = nav!.querySelectorAll('a');
    expect(links.find((a) => a.getAttribute('rel') === 'prev')?.getAttribute('href')).toBe('/partenaires/');
    expect(links.find((a) => a.getAttribute('rel') === 'next')?.getAttribute('href')).toBe('/partenaires/3/');
    const current = links.filter((a) => a.getAttribute('aria-current') === 'page');
    expect(current.map((a) => a.text.trim())).toEqual(['2']);
    expect(current[0]?.getAttribute('aria-label')).toBe('Page 2');
  });

  test('later pages have their own title, breadcrumb and English translation', async () => {
    const third = await load('/partenaires/3/');
    expect(third.querySelector('h1')?.text).toBe('Partenaires, page 3 sur 3');
    expect(third.querySelector('.breadcrumb a[href="/partenaires/"]')).not.toBeNull();
    expect(third.querySelector('link[hreflang="en-GB"]')?.getAttribute('href')).toMatch(
      /\/en\/partners\/3\/$/,
    );
    expect(built('/en/partners/3/')).toBe(true);
  });
});

describe('territories with many partners', () => {
  test('a department with more than 24 partners has a second page, not in the search index', async () => {
    expect(built('/territoires/nord-59/2/')).toBe(true);
    const second = await load('/territoires/nord-59/2/');
    expect(second.querySelector('[data-pagefind-body]')).toBeNull();
    expect((await load('/territoires/nord-59/')).querySelector('[data-pagefind-body]')).not.toBeNull();
  });

  test('Corsican and overseas departments get pages and links on the map', async () => {
    const map = (await load('/territoires/')).querySelector('svg.france-map__svg')!;
    for (const slug of ['corse-du-sud-2a', 'guadeloupe-971', 'la-reunion-974', 'mayotte-976']) {
      expect(built(`/territoires/${slug}/`), slug).toBe(true);
      expect(map.querySelector(`a[href="/territoires/${slug}/"]`), slug).not.toBeNull();
    }
  });

  test('a partner in an overseas collectivity has its territory pages, but no place on the map', async () => {
    expect(built('/territoires/polynesie-francaise-987/')).toBe(true);
    const table = (await load('/territoires/')).querySelector('table.territories__table')!;
    expect(table.text).toMatch(/Polynésie française \(987\)/);
    const fake = fakes.find((f) => f.commune === '98735')!;
    const partner = await load(`/partenaires/${fake.id}/`);
    expect(partner.querySelector('.locator')).toBeNull();
    expect(partner.querySelector('section[aria-labelledby="carte"]')?.text).toMatch(
      /ne figure pas sur la carte/,
    );
  });

  test('the map has more than one colour class, and its legend lists them', async () => {
    const legend = (await load('/territoires/')).querySelectorAll('.france-map__legend li');
    expect(legend.length).toBeGreaterThan(2);
  });
});

describe('a partner named with a </script>', () => {
  const url = '/partenaires/partenaire-fictif-script/';

  test('its JSON-LD stays one script that parses back to the exact name', async () => {
    const scripts = (await load(url)).querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    expect((JSON.parse(scripts[0]!.text) as { name: string }).name).toBe(SCRIPT_NAME);
  });

  test('its page has the same script elements as any other partner page, none with the code', async () => {
    const scripts = (root: HTMLElement) => root.querySelectorAll('script');
    const own = scripts(await load(url));
    const other = scripts(await load(`/partenaires/${fakes[0]!.id}/`));
    expect(own.length).toBe(other.length);
    const injected = own.filter(
      (s) => s.getAttribute('type') !== 'application/ld+json' && s.text.includes('__pwned'),
    );
    expect(injected).toEqual([]);
  });

  test('its name is text on the directory pages, not markup', async () => {
    for (const page of ['/partenaires/', '/partenaires/2/', '/partenaires/3/']) {
      const root = await load(page);
      expect(root.querySelectorAll('script').filter((s) => s.text.includes('__pwned'))).toEqual([]);
    }
    const card = [
      ...(await load('/partenaires/')).querySelectorAll('.card__title a'),
      ...(await load('/partenaires/2/')).querySelectorAll('.card__title a'),
      ...(await load('/partenaires/3/')).querySelectorAll('.card__title a'),
    ].find((a) => a.getAttribute('href') === url);
    expect(card?.text).toBe(SCRIPT_NAME);
  });
});

describe('"report an error" with a corrections template in the settings', () => {
  test('the link fills the template’s subject and body, URL-encoded', async () => {
    const fake = fakes[0]!;
    const href = (await load(`/partenaires/${fake.id}/`))
      .querySelector('.partner__report a')
      ?.getAttribute('href');
    expect(href).toMatch(/^mailto:annuaire@example\.org\?subject=/);
    const url = new URL(href!);
    expect(url.searchParams.get('subject')).toBe(`Correction de la fiche « ${fake.name} »`);
    const body = url.searchParams.get('body') ?? '';
    expect(body).toContain(`/partenaires/${fake.id}/`);
    expect(body).toContain(`content/partners/${fake.id}.yaml`);
  });

  test('the English page asks in English', async () => {
    const fake = fakes[0]!;
    const href = (await load(`/en/partners/${fake.id}/`))
      .querySelector('.partner__report a')
      ?.getAttribute('href');
    expect(new URL(href!).searchParams.get('subject')).toBe(`Correction to the entry “${fake.name}”`);
  });
});

describe('partners without English text', () => {
  const translated = fakes[0]!;
  const untranslated = fakes[1]!;

  test('a partner with an English description has an English page, linked both ways', async () => {
    expect(built(`/en/partners/${translated.id}/`)).toBe(true);
    const french = await load(`/partenaires/${translated.id}/`);
    expect(french.querySelector('link[hreflang="en-GB"]')?.getAttribute('href')).toMatch(
      new RegExp(`/en/partners/${translated.id}/$`),
    );
  });

  test('a partner without one has no English page, and its French page says there is none', async () => {
    expect(built(`/en/partners/${untranslated.id}/`)).toBe(false);
    const french = await load(`/partenaires/${untranslated.id}/`);
    expect(french.querySelector('link[hreflang="en-GB"]')).toBeNull();
    expect(french.querySelector('[data-language-switch] a[data-untranslated]')).not.toBeNull();
  });

  test('the English directory links it to its French page, marked hreflang="fr" and "(page in French)"', async () => {
    const pages = await Promise.all(['/en/partners/', '/en/partners/2/', '/en/partners/3/'].map(load));
    const links = pages.flatMap((p) => p.querySelectorAll('[data-static] .directory-card .card__title a'));
    const french = links.find((a) => a.getAttribute('href') === `/partenaires/${untranslated.id}/`);
    expect(french?.getAttribute('hreflang')).toBe('fr');
    expect(french?.querySelector('.card__link-note')?.text.trim()).toBe('(page in French)');
    const english = links.find((a) => a.getAttribute('href') === `/en/partners/${translated.id}/`);
    expect(english?.getAttribute('hreflang')).toBeUndefined();
    expect(english?.querySelector('.card__link-note')).toBeNull();
  });

  test('English territory pages link it to its French page too', async () => {
    const territory = await load('/en/territories/nord-59/');
    const card = territory
      .querySelectorAll('.card__title a')
      .find((a) => a.getAttribute('href') === `/partenaires/${untranslated.id}/`);
    expect(card?.getAttribute('hreflang')).toBe('fr');
  });

  /** The URLs of a bundle's results (Pagefind's fragments, one per page or record, named by language). */
  async function bundleUrls(bundle: string): Promise<Record<string, string[]>> {
    const folder = path.join(dist, bundle, 'fragment');
    const urls: Record<string, string[]> = { fr: [], en: [] };
    for (const file of await readdir(folder)) {
      const text = gunzipSync(await readFile(path.join(folder, file))).toString('utf8');
      const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
      urls[file.slice(0, 2)]?.push(url);
    }
    return urls;
  }

  /** The French pages of the directory's entries of some kinds: fakes (partnerYaml) and real ones. */
  const frenchPages = (kinds: readonly string[]) => [
    ...fakes.filter((_, i) => kinds.includes(fakeKind(i))).map((f) => `/partenaires/${f.id}/`),
    ...readdirSync(path.join(ROOT, 'content/partners'))
      .filter((file) => {
        const kind = /^kind: (\S+)$/m.exec(readFileSync(path.join(ROOT, 'content/partners', file), 'utf8'));
        return kinds.includes(kind?.[1] ?? '');
      })
      .map((file) => `/partenaires/${file.replace(/\.yaml$/, '')}/`),
  ];

  test("programme partners are in the partners' bundle, referenced organisations in the organisations', and neither in the site's", async () => {
    const partners = await bundleUrls(SEARCH_BUNDLE_PATHS.partners);
    const organisations = await bundleUrls(SEARCH_BUNDLE_PATHS.organisations);
    const site = await bundleUrls(SEARCH_BUNDLE_PATHS.site);
    const kindsOf = (bundle: string) =>
      Object.entries(ENTRY_KIND_BUNDLES)
        .filter(([, b]) => b === bundle)
        .map(([kind]) => kind);
    expect(partners['fr']!.toSorted()).toEqual(frenchPages(kindsOf('partners')).toSorted());
    expect(organisations['fr']!.toSorted()).toEqual(frenchPages(kindsOf('organisations')).toSorted());
    expect(organisations['fr']!.length).toBeGreaterThan(0);
    expect(
      [...site['fr']!, ...site['en']!].filter((url) => /^(\/en)?\/(partenaires|partners)\/[^/]+\//.test(url)),
    ).toEqual([]);
    expect(site['fr']!.length).toBeGreaterThan(0);
  });

  test('the French index keeps every partner page, and the English one gets a record for each partner without an English page', async () => {
    const bundles = await Promise.all(DIRECTORY_BUNDLES.map((b) => bundleUrls(SEARCH_BUNDLE_PATHS[b])));
    const urls = { fr: bundles.flatMap((b) => b['fr']!), en: bundles.flatMap((b) => b['en']!) };
    for (const fake of fakes) expect(urls['fr']).toContain(`/partenaires/${fake.id}/`);
    expect(urls['en']).toContain(`/en/partners/${translated.id}/`);
    expect(urls['en']).toContain(`/partenaires/${untranslated.id}/#contenu`);
    expect(urls['en'].filter((u) => u.startsWith('/partenaires/'))).toHaveLength(fakes.length - 1);
  });

  test('the English index gets one record for each partner without an English page, and the records are not published', async () => {
    // Besides those, one record for each case study told only in French (its English lists show it).
    // Translations share their file name (content/case-studies/<lang>/<key>.mdx).
    const keys = async (lang: string) =>
      (await readdir(path.join(scratch, 'content/case-studies', lang))).filter((f) => f.endsWith('.mdx'));
    const english = new Set(await keys('en'));
    const frenchOnly = (await keys('fr')).filter((key) => !english.has(key)).length;
    expect(frenchOnly).toBeGreaterThan(0);
    const indexed = /\[pagefind\] Indexed (\d+) pages and (\d+) records/.exec(buildOutput);
    expect(Number(indexed?.[2])).toBe(fakes.length - 1 + frenchOnly);
    expect(existsSync(path.join(dist, 'search-records'))).toBe(false);
    expect(await readFile(path.join(dist, 'sitemap-0.xml'), 'utf8')).not.toContain('search-records');
  });
});

describe('the map without JavaScript, with partners that have coordinates or only a commune', () => {
  const inLille = fakes.filter((f) => f.commune === '59350' && f.id.startsWith('partenaire-fictif-'));
  /** Mayotte and Papeete: the commune positions (GeoNames) give them no INSEE code, nor their departments a centre. */
  const unplaced = fakes.filter((f) => f.commune === '97611' || f.commune === '98735');
  /** Every entry of the fixture's content (fakes and real partners) with a location, and the others. */
  const located = async () => {
    const dir = path.join(scratch, 'content/partners');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml'));
    const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')));
    return {
      withLocation: texts.filter((t) => /^location:/m.test(t)).length,
      withoutLocation: texts.filter((t) => !/^location:/m.test(t)).length,
    };
  };

  test('the map data places exactly the partners with coordinates, the others at their commune, approximate', async () => {
    const data = JSON.parse(await readFile(path.join(dist, 'carte/points.json'), 'utf8')) as MapData;
    const exact = data.points.filter((p) => data.precisions[p[P.precision]] === 'exact');
    expect(exact.map((p) => p[P.slug]).sort()).toEqual(inLille.map((f) => f.id).sort());
    const { withLocation } = await located();
    expect(data.points).toHaveLength(withLocation - unplaced.length);
    const slugs = new Set(data.points.map((p) => p[P.slug]));
    for (const f of unplaced) expect(slugs.has(f.id)).toBe(false);
    // Ajaccio, Guadeloupe, La Réunion, Rennes, Marseille…: placed at their commune.
    const ajaccio = data.points.find((p) => p[P.slug] === fakes.find((f) => f.commune === '2A004')!.id)!;
    expect(data.precisions[ajaccio[P.precision]]).toBe('commune');
    expect([ajaccio[P.lon], ajaccio[P.lat]]).toEqual([8.73812, 41.91886]);
  });

  test('the French map lists every partner on it, by name, linked to its page, saying which are approximate', async () => {
    const data = JSON.parse(await readFile(path.join(dist, 'carte/points.json'), 'utf8')) as MapData;
    const items = (await load('/carte/')).querySelectorAll('[data-map-list] li');
    expect(items.map((li) => li.querySelector('a')!.text.trim()).sort()).toEqual(
      data.points.map((p) => p[P.name]).sort(),
    );
    const approximate = items.filter((li) => li.querySelector('[data-map-approximate]'));
    expect(approximate).toHaveLength(data.points.length - inLille.length);
    expect(approximate[0]!.text).toContain('position approximative (centre de la commune)');
  });

  test('the English map links a partner without an English page to its French page, marked as French', async () => {
    const links = (await load('/en/map/')).querySelectorAll('[data-map-list] a');
    const translated = links.find((a) => a.getAttribute('href') === `/en/partners/${fakes[0]!.id}/`);
    const french = links.find((a) => a.getAttribute('href') === `/partenaires/${fakes[1]!.id}/`);
    expect(translated?.getAttribute('hreflang')).toBeUndefined();
    expect(french?.getAttribute('hreflang')).toBe('fr');
    expect(french?.text).toContain('(page in French)');
  });

  test('the map counts apart the partners without a place and those whose place has no known position', async () => {
    const section = (await load('/carte/')).querySelector('[data-map-unmapped]');
    const { withoutLocation } = await located();
    expect(section?.text).toContain(`(ni commune ni coordonnées), absents de la carte : ${withoutLocation}.`);
    expect(section?.text).toContain(
      `ni la commune ni le département n’ont de position connue, absents de la carte : ${unplaced.length}.`,
    );
    expect(section?.querySelector('a[data-map-directory]')?.getAttribute('href')).toBe('/partenaires/');
  });

  test('the map does not say that no partner is on it', async () => {
    expect((await load('/carte/')).querySelector('[data-map-empty]')).toBeNull();
  });
});

describe('a case study’s partners', () => {
  test('the partners section shows only the partners whose card the story does not already show', async () => {
    const page = await load('/etudes-de-cas/loos-point-poste-ess/');
    const section = page.querySelector('section[aria-labelledby="partenaires"]');
    const cards = section?.querySelectorAll('.card__title a').map((a) => a.getAttribute('href'));
    expect(cards).toEqual([`/partenaires/${fakes[1]!.id}/`]);
  });
});
