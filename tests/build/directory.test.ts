/**
 * The partner directory, territory pages and partner pages in the built site (real
 * content): every partner listed once, in French order, with the total; a page for every
 * region and department with a partner; the France map with a link per such department,
 * and its table; partner pages with their map (or a sentence saying there is none), safe
 * JSON-LD and the "report an error" link. Pagination with many partners is checked on a
 * build of fake content (directory-fixture.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { communeByCode } from '../../src/lib/geography';
import { FACETS, PAGE_SIZE } from '../../src/lib/directory';
import {
  DIRECTORY_INDEX_VERSION,
  addColumn,
  codeValues,
  filterIndex,
  fromCardRow,
  readFacetsFile,
  readFirstPageFile,
  shardCount,
  type CardsFile,
  type ColumnFile,
  type DirectoryIndex,
  type FacetsFile,
} from '../../src/lib/directory-index';
import {
  directoryCardsUrl,
  directoryColumnUrl,
  directoryFirstPageUrl,
  directoryIndexUrl,
} from '../../src/lib/urls';
import { placeOf, positionTables } from '../../src/lib/commune-positions';
import { departmentShapes, projectLonLat } from '../../src/lib/france-map';
import { slugify } from '../../src/lib/slug';
import { ROOT } from '../setup/paths';
import { fileForUrl, readSitePages, requireSite } from '../setup/site';

interface PartnerFile {
  id: string;
  name: string;
  commune: string | undefined;
}

/** The partners of content/, read from their YAML files (not from the site). */
const PARTNERS: PartnerFile[] = readdirSync(path.join(ROOT, 'content/partners'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const data = parseYaml(readFileSync(path.join(ROOT, 'content/partners', f), 'utf8')) as {
      name: string;
      location?: { commune: string };
    };
    return { id: f.replace(/\.yaml$/, ''), name: data.name, commune: data.location?.commune };
  });

const frenchOrder = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

let dist: string;
const dom = new Map<string, HTMLElement>();

beforeAll(async () => {
  dist = requireSite();
  for (const page of await readSitePages(dist)) {
    if (/^\/(en\/)?(partenaires|partners|territoires|territories)\//.test(page.url)) {
      dom.set(page.url, parse(page.html));
    }
  }
});

function page(url: string): HTMLElement {
  const found = dom.get(url);
  if (!found) throw new Error(`${url} is not in the build`);
  return found;
}

/** The directory's static pages of a language: /partenaires/, /partenaires/2/… */
function directoryPages(base: string): string[] {
  return [...dom.keys()].filter((url) => url === base || new RegExp(`^${base}\\d+/$`).test(url)).sort();
}

/** Card titles of the static list of a directory page, in order. */
const cardTitles = (root: HTMLElement) =>
  root.querySelectorAll('[data-static] .directory-card .card__title a').map((a) => a.text.trim());

const regionSlugOf = (commune: string) => slugify(communeByCode(commune)!.region.name);
const departmentSlugOf = (commune: string) => {
  const department = communeByCode(commune)!.department;
  return `${slugify(department.name)}-${department.code.toLowerCase()}`;
};

describe('directory', () => {
  for (const [lang, base] of [
    ['fr', '/partenaires/'],
    ['en', '/en/partners/'],
  ] as const) {
    test(`every partner appears exactly once across the ${lang} directory pages`, () => {
      const titles = directoryPages(base).flatMap((url) => cardTitles(page(url)));
      expect(titles.toSorted()).toEqual(PARTNERS.map((p) => p.name).toSorted());
    });

    test(`the ${lang} directory is in French alphabetical order`, () => {
      const titles = directoryPages(base).flatMap((url) => cardTitles(page(url)));
      expect(titles).toEqual(titles.toSorted(frenchOrder.compare));
    });

    test(`the ${lang} directory shows the total number of partners`, () => {
      const count = page(base).querySelector('.page-header .count')?.text ?? '';
      expect(count).toMatch(new RegExp(`\\b${PARTNERS.length}\\b`));
    });

    test(`each ${lang} card links to its partner page`, () => {
      const hrefs = directoryPages(base).flatMap((url) =>
        page(url)
          .querySelectorAll('[data-static] .card__title a')
          .map((a) => a.getAttribute('href') ?? ''),
      );
      for (const href of hrefs) expect(fileForUrl(dist, href), href).toBeDefined();
    });
  }

  test('no directory page is numbered 1 or past the last', () => {
    expect(dom.has('/partenaires/1/')).toBe(false);
    const pages = Math.max(1, Math.ceil(PARTNERS.length / 24));
    expect(dom.has(`/partenaires/${pages + 1}/`)).toBe(false);
  });

  test('the filter form stays out of sight until its script shows it, and offers every closed-list value', () => {
    const form = page('/partenaires/').querySelector('partner-directory form[data-filters]');
    // Laid out from the first paint but invisible (data-pending), and not shown at all
    // without scripting (.js-only): global.css.
    expect(form?.hasAttribute('data-pending')).toBe(true);
    expect(form?.classList.contains('js-only')).toBe(true);
    const legalForms = form
      ?.querySelectorAll('select[name="legalForm"] option')
      .map((o) => o.getAttribute('value'));
    expect(legalForms).toContain('federation');
  });

  test('filter values carry their count in the whole directory', () => {
    const option = page('/partenaires/').querySelector('select[name="legalForm"] option[value="federation"]');
    const expected = PARTNERS.filter((p) =>
      /legalForm: federation/.test(readFileSync(path.join(ROOT, 'content/partners', `${p.id}.yaml`), 'utf8')),
    ).length;
    expect(option?.text.trim()).toBe(`Fédération ou réseau (${expected})`);
  });

  test('without JavaScript, regions with partners are offered as links to their pages', () => {
    const links = page('/partenaires/')
      .querySelectorAll('.directory-territories a')
      .map((a) => a.getAttribute('href'));
    for (const p of PARTNERS.filter((x) => x.commune)) {
      expect(links).toContain(`/territoires/${regionSlugOf(p.commune!)}/`);
    }
  });
});

describe('territory pages', () => {
  const located = PARTNERS.filter((p) => p.commune);

  test('some partner has a location (otherwise these tests check nothing)', () => {
    expect(located.length).toBeGreaterThan(0);
  });

  for (const [lang, base] of [
    ['fr', '/territoires/'],
    ['en', '/en/territories/'],
  ] as const) {
    test(`every ${lang} region and department with a partner has its page, listing the partner`, () => {
      for (const p of located) {
        for (const slug of [regionSlugOf(p.commune!), departmentSlugOf(p.commune!)]) {
          const titles = page(`${base}${slug}/`)
            .querySelectorAll('.directory-card .card__title a')
            .map((a) => a.text.trim());
          expect(titles, `${base}${slug}/`).toContain(p.name);
        }
      }
    });
  }

  test('a department page has a breadcrumb through its region', () => {
    const p = located[0]!;
    const crumbs = page(`/territoires/${departmentSlugOf(p.commune!)}/`)
      .querySelectorAll('.breadcrumb a')
      .map((a) => a.getAttribute('href'));
    expect(crumbs).toEqual(['/', '/territoires/', `/territoires/${regionSlugOf(p.commune!)}/`]);
  });

  test('territory pages are in the search index as territories, with their region filter', () => {
    const root = page(`/territoires/${regionSlugOf(located[0]!.commune!)}/`);
    expect(root.querySelector('[data-pagefind-body]')).not.toBeNull();
    expect(root.querySelector('[data-pagefind-filter="Type de contenu"]')?.text).toBe('Territoire');
    expect(root.querySelector('[data-pagefind-filter="Région"]')?.text).toBe(
      communeByCode(located[0]!.commune!)!.region.name,
    );
  });

  test('nationwide case studies are listed on the index, on no territory page', () => {
    const national = page('/territoires/')
      .querySelectorAll('section[aria-labelledby="territories-national"] a')
      .map((a) => a.getAttribute('href'));
    expect(national.length).toBeGreaterThan(0);
    const territoryPages = [...dom.keys()].filter((u) => /^\/territoires\/[^/]+\//.test(u));
    for (const url of territoryPages) {
      const links = page(url)
        .querySelectorAll('.card__title a')
        .map((a) => a.getAttribute('href'));
      for (const href of national) expect(links, `${url} lists ${href}`).not.toContain(href);
    }
  });

  test('the index map has a link per department with a partner, named by its title', () => {
    const svg = page('/territoires/').querySelector('svg.france-map__svg');
    expect(svg).not.toBeNull();
    const links = svg!.querySelectorAll('a');
    for (const p of located) {
      const href = `/territoires/${departmentSlugOf(p.commune!)}/`;
      const link = links.find((a) => a.getAttribute('href') === href);
      expect(link, href).toBeDefined();
      expect(link!.querySelector('title')?.text).toMatch(communeByCode(p.commune!)!.department.name);
    }
  });

  test('every link of the map leads to a built territory page', () => {
    const hrefs = page('/territoires/')
      .querySelectorAll('svg.france-map__svg a')
      .map((a) => a.getAttribute('href') ?? '');
    for (const href of hrefs) expect(fileForUrl(dist, href), href).toBeDefined();
  });

  test('the map draws the 96 mainland departments and the 5 overseas ones', () => {
    const svg = page('/territoires/').querySelector('svg.france-map__svg')!;
    expect(svg.querySelectorAll('path').length).toBe(96);
    // Five overseas boxes, plus the hatch pattern's background.
    expect(svg.querySelectorAll('rect').length).toBe(5 + 1);
  });

  test('a table beside the map gives each department, its region and its counts', () => {
    const table = page('/territoires/').querySelector('table.territories__table');
    expect(table).not.toBeNull();
    // Soft hyphens let long headers break on phones.
    const headers = table!.querySelectorAll('thead th').map((th) => th.text.replaceAll('\u00ad', '').trim());
    expect(headers).toEqual(['Département', 'Région', 'Partenaires', 'Études de cas']);
    const rows = table!.querySelectorAll('tbody tr').map((tr) => tr.querySelector('th')?.text.trim());
    for (const p of located) {
      const department = communeByCode(p.commune!)!.department;
      expect(rows).toContain(`${department.name} (${department.code})`);
    }
  });

  test('the map credits its shapes with their author, the changes made and their licence', () => {
    expect(page('/territoires/').querySelector('.france-map')?.text).toMatch(
      /Carte : départements d’après @svg-maps\/france\.departments de Victor Cazanave, recoloriés, outre-mer en encadrés, CC BY 4\.0/,
    );
  });

  test('the base map image for partner pages is built, with every department', async () => {
    const svg = await readFile(path.join(dist, 'territoires/france.svg'), 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(96);
  });
});

describe('partner pages', () => {
  test('a located partner shows its department on the map, labelled', () => {
    const p = PARTNERS.find((x) => x.commune)!;
    const figure = page(`/partenaires/${p.id}/`).querySelector('.locator');
    const department = communeByCode(p.commune!)!.department;
    expect(figure?.querySelector('svg')?.getAttribute('aria-label')).toContain(department.name);
    expect(figure?.querySelector('text')?.text.trim()).toBe(department.name);
    expect(figure?.querySelector('image')?.getAttribute('href')).toBe('/territoires/france.svg');
  });

  test('a partner with only a commune is marked at its commune, drawn and labelled as approximate', () => {
    const p = PARTNERS.find((x) => x.commune && positionTables().communes.has(x.commune))!;
    const commune = communeByCode(p.commune!)!;
    const place = placeOf({ commune: commune.code, department: { code: commune.department.code } })!;
    const figure = page(`/partenaires/${p.id}/`).querySelector('.locator')!;
    const marker = figure.querySelector('[data-locator-point="approximate"] circle:last-child')!;
    const [x, y] = projectLonLat(place.longitude, place.latitude);
    expect([Number(marker.getAttribute('cx')), Number(marker.getAttribute('cy'))]).toEqual([x, y]);
    // Inside its department, not at the department's middle.
    const { box } = departmentShapes().get(commune.department.code)!;
    expect(x).toBeGreaterThanOrEqual(box.x);
    expect(x).toBeLessThanOrEqual(box.x + box.width);
    expect(y).toBeGreaterThanOrEqual(box.y);
    expect(y).toBeLessThanOrEqual(box.y + box.height);
    expect(figure.querySelector('[data-locator-place="commune"]')?.text.trim()).toBe(
      `Position approximative : centre de la commune (${commune.name}).`,
    );
    expect(figure.querySelector('svg')?.getAttribute('aria-label')).toContain('Position approximative');
    expect(figure.text).toContain('GeoNames');
  });

  test('a partner with no location has no map, and says so', () => {
    const p = PARTNERS.find((x) => !x.commune)!;
    const root = page(`/partenaires/${p.id}/`);
    expect(root.querySelector('.locator')).toBeNull();
    expect(root.querySelector('section[aria-labelledby="carte"]')?.text).toMatch(
      /n’indique pas d’implantation/,
    );
  });

  test('every partner page has valid JSON-LD naming the partner', () => {
    for (const p of PARTNERS) {
      const scripts = page(`/partenaires/${p.id}/`).querySelectorAll('script[type="application/ld+json"]');
      expect(scripts).toHaveLength(1);
      const data = JSON.parse(scripts[0]!.text) as { name: string };
      expect(data.name).toBe(p.name);
    }
  });

  test('without a corrections address in the settings, "report an error" leads to the contact page', () => {
    const settings = parseYaml(readFileSync(path.join(ROOT, 'content/settings/site.yaml'), 'utf8')) as {
      contact: { url: string };
      corrections?: string;
    };
    expect(settings.corrections).toBeUndefined();
    for (const p of PARTNERS) {
      const link = page(`/partenaires/${p.id}/`).querySelector('.partner__report a');
      expect(link?.getAttribute('href')).toBe(settings.contact.url);
    }
  });

  test('the department and region of a located partner link to their territory pages', () => {
    const p = PARTNERS.find((x) => x.commune)!;
    const hrefs = page(`/partenaires/${p.id}/`)
      .querySelectorAll('.details a')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toContain(`/territoires/${departmentSlugOf(p.commune!)}/`);
    expect(hrefs).toContain(`/territoires/${regionSlugOf(p.commune!)}/`);
  });

  describe('case studies on English pages', () => {
    /** The links of a page's case-study cards, with what they say about their language. */
    const studyLinks = (url: string) =>
      page(url)
        .querySelectorAll('.card__title a')
        .filter((a) => /\/(etudes-de-cas|case-studies)\//.test(a.getAttribute('href') ?? ''))
        .map((a) => ({
          href: a.getAttribute('href'),
          hreflang: a.getAttribute('hreflang'),
          note: a.querySelector('.card__link-note')?.text.trim(),
          titleLang: a.querySelector('span[lang]')?.getAttribute('lang'),
        }));

    test('an English partner page lists its case study in English once it is translated', () => {
      expect(studyLinks('/en/partners/admr/')).toEqual([
        {
          href: '/en/case-studies/ardoiz-workshops-admr/',
          hreflang: undefined,
          note: undefined,
          titleLang: undefined,
        },
      ]);
    });

    test('an English partner page lists a translated case study once, in English', () => {
      expect(studyLinks('/en/partners/la-fabrique-de-l-emploi/')).toEqual([
        {
          href: '/en/case-studies/loos-ess-post-point/',
          hreflang: undefined,
          note: undefined,
          titleLang: undefined,
        },
      ]);
    });

    test('an English territory page lists the English version of its case study', () => {
      expect(studyLinks('/en/territories/occitanie/').map((l) => [l.href, l.hreflang])).toEqual([
        ['/en/case-studies/montpellier-regional-launch-2015/', undefined],
      ]);
    });
  });
});

describe('directory index', () => {
  const readJson = (url: string): unknown => {
    const file = fileForUrl(dist, url);
    if (!file) throw new Error(`${url} is not in the build`);
    return JSON.parse(readFileSync(file, 'utf8'));
  };
  const facets = () => readJson(directoryIndexUrl()) as FacetsFile;
  /** The facets not derived from another: those with a column file. */
  const columnFacets = () => FACETS.filter((f) => !facets().derived[f]);
  /** The index as the browser reads it, every column added. */
  const fullIndex = (): DirectoryIndex => {
    const index = readFacetsFile(facets());
    for (const facet of columnFacets()) addColumn(index, readJson(directoryColumnUrl(facet)));
    return index;
  };
  /** Every cards file of a language, in order, as the build wrote them. */
  const cardsFiles = (locale: 'fr' | 'en') => {
    const { count, shardSize } = facets();
    return Array.from(
      { length: shardCount(count, shardSize) },
      (_, shard) => readJson(directoryCardsUrl(locale, shard)) as CardsFile,
    );
  };

  test('the facets file is of the current version and counts every partner', () => {
    const file = facets();
    expect(file.version).toBe(DIRECTORY_INDEX_VERSION);
    expect(file.digest).toMatch(/^[0-9a-f]{8}$/);
    expect(file.count).toBe(PARTNERS.length);
  });

  test('every facet has a column file of the same version and digest, or is derived from one that has', () => {
    const { digest } = facets();
    for (const facet of columnFacets()) {
      const column = readJson(directoryColumnUrl(facet)) as ColumnFile;
      expect([column.version, column.digest, column.facet]).toEqual([DIRECTORY_INDEX_VERSION, digest, facet]);
    }
    // addColumn checks the version, the digest and the length of every column.
    const index = fullIndex();
    for (const facet of FACETS) expect(index.codes[facet], facet).toHaveLength(PARTNERS.length);
    expect(fileForUrl(dist, directoryColumnUrl('region'))).toBeUndefined();
  });

  test('the index gives each partner the legal form and commitments of its YAML file', () => {
    const index = fullIndex();
    const titles = cardsFiles('fr').flatMap((f) => f.cards.map((c) => fromCardRow(c).title));
    titles.forEach((title, position) => {
      const partner = PARTNERS.find((p) => p.name === title)!;
      const data = parseYaml(
        readFileSync(path.join(ROOT, 'content/partners', `${partner.id}.yaml`), 'utf8'),
      ) as {
        legalForm?: string;
        commitments: string[];
      };
      expect(
        codeValues('legalForm', index.codes.legalForm![position]!, index.values.legalForm),
        title,
      ).toEqual(data.legalForm ? [data.legalForm] : []);
      expect(
        codeValues('commitment', index.codes.commitment![position]!, index.values.commitment).toSorted(),
        title,
      ).toEqual(data.commitments.toSorted());
    });
  });

  for (const [lang, base] of [
    ['fr', '/partenaires/'],
    ['en', '/en/partners/'],
  ] as const) {
    test(`the ${lang} cards files list every partner once, in the static pages' order`, () => {
      const files = cardsFiles(lang);
      const titles = files.flatMap((f) => f.cards.map((c) => fromCardRow(c).title));
      expect(titles).toEqual(directoryPages(base).flatMap((url) => cardTitles(page(url))));
      expect(files.map((f) => f.start)).toEqual(files.map((_, i) => i * facets().shardSize));
    });

    test(`every ${lang} cards file carries the version and digest of the facets file`, () => {
      const { digest } = facets();
      for (const file of cardsFiles(lang)) {
        expect(file.version).toBe(DIRECTORY_INDEX_VERSION);
        expect(file.digest).toBe(digest);
      }
    });

    test(`every value of every filter has a ${lang} first-page file: its number of partners and the first page of their cards`, () => {
      const index = fullIndex();
      const cards = cardsFiles(lang).flatMap((f) => f.cards);
      for (const facet of FACETS) {
        for (const value of index.values[facet]) {
          const { matches } = filterIndex(index, { [facet]: value });
          // readFirstPageFile checks the version, the digest and the filter.
          const file = readFirstPageFile(
            readJson(directoryFirstPageUrl(lang, facet, value)),
            index,
            facet,
            value,
          );
          expect([file.total, file.positions], `${facet}=${value}`).toEqual([
            matches.length,
            matches.slice(0, PAGE_SIZE),
          ]);
          expect(file.cards, `${facet}=${value}`).toEqual(file.positions.map((p) => cards[p]));
        }
      }
    });

    test(`the ${lang} cards link where the static cards link`, () => {
      const hrefs = cardsFiles(lang).flatMap((f) => f.cards.map((c) => fromCardRow(c).href));
      const staticHrefs = directoryPages(base).flatMap((url) =>
        page(url)
          .querySelectorAll('[data-static] .card__title a')
          .map((a) => a.getAttribute('href')),
      );
      expect(hrefs).toEqual(staticHrefs);
    });

    test(`the ${lang} directory's script is told where the index is`, () => {
      const element = page(base).querySelector('partner-directory');
      expect(element?.getAttribute('data-index')).toBe(directoryIndexUrl());
      expect(element?.getAttribute('data-columns')).toBe(directoryColumnUrl('{facet}'));
      const cards = element?.getAttribute('data-cards') ?? '';
      expect(fileForUrl(dist, cards.replace('{shard}', '0'))).toBeDefined();
      const first = element?.getAttribute('data-first') ?? '';
      expect(first.replace('{facet}', 'kind').replace('{value}', 'ess-partner')).toBe(
        directoryFirstPageUrl(lang, 'kind', 'ess-partner'),
      );
    });
  }

  test('no cards file is numbered past the last', () => {
    const { count, shardSize } = facets();
    expect(fileForUrl(dist, directoryCardsUrl('fr', shardCount(count, shardSize)))).toBeUndefined();
  });

  test('the English cards link partners without an English page to their French page, marked fr', () => {
    const cards = cardsFiles('en').flatMap((f) => f.cards.map(fromCardRow));
    for (const card of cards) {
      expect(card.href, card.title).toMatch(/^\/(partenaires|en\/partners)\/[a-z0-9-]+\/$/);
      expect(card.hreflang, card.title).toBe(card.href.startsWith('/partenaires/') ? 'fr' : undefined);
    }
  });
});
