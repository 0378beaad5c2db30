import { describe, expect, test } from 'vitest';
import { frenchCollator } from '../../src/lib/format';
import { mdxPlainText, nameSortKey, searchableHtml, searchableText } from '../../src/lib/search';
import { fakePartners } from '../../scripts/lib/fake-partners';

/** What Pagefind does with sort values: compares them by code point. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortBoth(names: string[]) {
  return {
    french: names.toSorted((a, b) => frenchCollator.compare(a, b)),
    byKey: names.toSorted((a, b) => byCodePoint(nameSortKey(a), nameSortKey(b))),
  };
}

describe('nameSortKey', () => {
  test('code-point order of the keys is French order: accents, case and ligatures', () => {
    const { french, byKey } = sortBoth([
      'Zèbre',
      'zoo',
      'Émile',
      'emma',
      'Eliott',
      'Œuvre commune',
      'Ordre',
      'Ouvrir',
      'Ça commence',
      'Cabane',
      'Cycle',
    ]);
    expect(byKey).toEqual(french);
  });

  test('numbers sort by value, as the directory does', () => {
    const { french, byKey } = sortBoth([
      'Structure fictive n°580',
      'Structure fictive n°6',
      'Structure fictive n°58',
      '1000 cafés',
      '200 associations',
      'Abri',
    ]);
    expect(byKey).toEqual(french);
    expect(byKey.slice(0, 2)).toEqual(['200 associations', '1000 cafés']);
  });

  test('spaces and hyphens sort before letters', () => {
    const { french, byKey } = sortBoth(['Saintes', 'Saint-Denis', 'Saint Ouen', 'Sainte-Anne', 'Saint']);
    expect(byKey).toEqual(french);
  });

  test('the 5,000 fake partners of the benchmark sort as the directory sorts them', () => {
    const { french, byKey } = sortBoth(fakePartners(5000, 3).map((p) => String(p.data['name'])));
    expect(byKey).toEqual(french);
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

  test('what SearchMeta records keeps its typography: results and filters show it as written', () => {
    const html =
      '<h1>L’Étoile</h1><div hidden data-pagefind-ignore data-search-meta><span data-pagefind-meta="title">L’Étoile</span><span data-pagefind-filter="Forme">Entreprise de l’ESS</span></div><p>d’abord</p>';
    expect(searchableHtml(html)).toBe(
      '<h1>L\'Étoile</h1><div hidden data-pagefind-ignore data-search-meta><span data-pagefind-meta="title">L’Étoile</span><span data-pagefind-filter="Forme">Entreprise de l’ESS</span></div><p>d\'abord</p>',
    );
  });
});
