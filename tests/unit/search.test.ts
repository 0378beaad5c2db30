import { describe, expect, test } from 'vitest';
import { ENTRY_KINDS } from '../../src/schemas/enums';
import {
  DIRECTORY_BUNDLES,
  SEARCH_BUNDLES,
  SEARCH_BUNDLE_PATHS,
  SEARCH_TYPES,
  mdxPlainText,
  pageSearchBundle,
  searchBundle,
  searchableHtml,
  searchableText,
  typographicApostrophes,
} from '../../src/lib/search';

describe('search bundles', () => {
  test('directory entries have bundles of their own; every other type of page is in the site bundle', () => {
    expect(
      SEARCH_TYPES.filter((type) => type !== 'partner').map((type) => [type, searchBundle(type)]),
    ).toEqual([
      ['caseStudy', 'site'],
      ['brochure', 'site'],
      ['commitment', 'site'],
      ['territory', 'site'],
      ['page', 'site'],
    ]);
  });

  test('programme partners go to the partners’ bundle, referenced organisations to the organisations’', () => {
    expect(ENTRY_KINDS.map((kind) => [kind, searchBundle('partner', kind)])).toEqual([
      ['ess-partner', 'partners'],
      ['institutional-partner', 'partners'],
      ['ess-organisation', 'organisations'],
    ]);
  });

  test('a directory entry without its kind has no bundle', () => {
    expect(() => searchBundle('partner')).toThrow(/kind/);
  });

  test('searches merge the directory’s bundles after the site’s, programme partners before referenced organisations', () => {
    expect(SEARCH_BUNDLES[0]).toBe('site');
    expect(DIRECTORY_BUNDLES).toEqual(['partners', 'organisations']);
    // Each in a folder of its own.
    expect(new Set(Object.values(SEARCH_BUNDLE_PATHS)).size).toBe(SEARCH_BUNDLES.length);
  });

  test('a built page goes to the bundle its SearchMeta block names', () => {
    const page = (bundle: string) =>
      `<main data-pagefind-body><div hidden data-pagefind-ignore data-search-meta="${bundle}"><span data-pagefind-meta="title">ADMR</span></div></main>`;
    expect(pageSearchBundle(page('partners'))).toBe('partners');
    expect(pageSearchBundle(page('organisations'))).toBe('organisations');
    expect(pageSearchBundle(page('site'))).toBe('site');
  });

  test('a page without a SearchMeta block, or naming no known bundle, has none', () => {
    expect(pageSearchBundle('<main><h1>Plan du site</h1></main>')).toBeUndefined();
    expect(
      pageSearchBundle('<div hidden data-pagefind-ignore data-search-meta="annuaire"></div>'),
    ).toBeUndefined();
  });
});

describe('mdxPlainText', () => {
  test('components and tags are dropped, and the text between them is kept', () => {
    expect(mdxPlainText('<Quote author="Samir">Un emploi stable.</Quote>\n<PartnerCard id="admr" />')).toBe(
      'Un emploi stable.',
    );
  });

  test('links and images keep their text, headings and lists lose their signs', () => {
    expect(mdxPlainText('## Le partenariat\n\n- Voir [la mairie](https://example.org/) et **Loos**')).toBe(
      'Le partenariat\nVoir la mairie et Loos',
    );
  });
});

describe('searchable text', () => {
  test('typographic apostrophes become straight ones, which Pagefind splits words at', () => {
    expect(searchableText('La Fabrique de l’emploi')).toBe("La Fabrique de l'emploi");
  });

  // Phrases of the site's French content, one for each elision the issue lists; the browser
  // tests (tests/browser/search.test.ts) search for the word after each in the built site.
  // No page of the site has a j’ yet: its phrase is the issue's own kind of sentence.
  test.each([
    ['l’', 'l’agriculture biologique', "l'agriculture biologique"],
    ['d’', 'des services d’utilité publique', "des services d'utilité publique"],
    ['qu’', 'et qu’attendez-vous de La Poste ?', "et qu'attendez-vous de La Poste ?"],
    ['n’', 'il n’utilise aucun traceur', "il n'utilise aucun traceur"],
    ['s’', 'La Poste s’appuie sur des réseaux associatifs', "La Poste s'appuie sur des réseaux associatifs"],
    ['c’', 'C’était la grande priorité', "C'était la grande priorité"],
    ['j’', 'j’ai rejoint l’Alliance', "j'ai rejoint l'Alliance"],
    ['aujourd’hui', 'aujourd’hui inscrits dans sa charte', "aujourd'hui inscrits dans sa charte"],
  ])('%s: « %s » is indexed with a straight apostrophe', (_elision, phrase, indexed) => {
    expect(searchableText(phrase)).toBe(indexed);
  });

  test('excerpts, cut from the indexed text, show typographic apostrophes again', () => {
    // Text nodes of an excerpt: « La Poste s'appuie sur des réseaux comme l'<mark>ADMR</mark> ».
    expect(typographicApostrophes("La Poste s'appuie sur des réseaux comme l'")).toBe(
      'La Poste s’appuie sur des réseaux comme l’',
    );
    expect(typographicApostrophes("des 'guillemets' et l'été")).toBe("des 'guillemets' et l’été");
  });

  test('text already written with straight apostrophes is indexed as it is', () => {
    const straight = "Les partenariats s'inscrivent dans les engagements d'une entreprise qu'on connaît";
    expect(searchableText(straight)).toBe(straight);
  });

  test('what SearchMeta records keeps its typography: results and filters show it as written', () => {
    const html =
      '<h1>L’Étoile</h1><div hidden data-pagefind-ignore data-search-meta="partners"><span data-pagefind-meta="title">L’Étoile</span><span data-pagefind-filter="Forme">Entreprise de l’ESS</span></div><p>d’abord</p>';
    expect(searchableHtml(html)).toBe(
      '<h1>L\'Étoile</h1><div hidden data-pagefind-ignore data-search-meta="partners"><span data-pagefind-meta="title">L’Étoile</span><span data-pagefind-filter="Forme">Entreprise de l’ESS</span></div><p>d\'abord</p>',
    );
  });
});
