import { describe, expect, test } from 'vitest';
import {
  ALLOWED_HTML,
  ALLOWED_HTML_ATTRIBUTES,
  findMdxViolations,
  type MdxViolation,
} from '../../src/lib/mdx-guard';
import { CONTENT_COMPONENTS } from '../../src/schemas/mdx-components';

const check = (source: string) => findMdxViolations(source, CONTENT_COMPONENTS);

/** Lines of a source, joined; line 1 is the first argument. */
const lines = (...l: string[]) => l.join('\n');

/** Frontmatter (lines 1 to 5) listing the source `etude-2023`, which components may cite. */
const FRONTMATTER = ['---', 'title: Test', 'sources:', '  - etude-2023', '---'];

/** The violations found on `line`. */
const at = (violations: MdxViolation[], line: number) => violations.filter((v) => v.line === line);

describe('MDX guard', () => {
  test('plain Markdown has no violation', () => {
    const source = lines(
      ...FRONTMATTER,
      '',
      '# Titre',
      '',
      'Un paragraphe avec *emphase* et un [lien](https://example.org/).',
    );
    expect(check(source)).toEqual([]);
  });

  test('an import statement is reported on its line', () => {
    const violations = check(
      lines(...FRONTMATTER, '', 'Texte.', '', "import Evil from './evil.js';", '', 'Suite.'),
    );
    expect(violations).toEqual([{ line: 9, message: expect.stringContaining('ligne import ou export') }]);
  });

  test('an export statement is reported on its line', () => {
    const violations = check(lines('Texte.', '', 'export const x = 1;'));
    expect(violations).toEqual([{ line: 3, message: expect.stringContaining('ligne import ou export') }]);
  });

  test('an expression on its own line is reported', () => {
    const violations = check(lines('Texte.', '', '{process.env.SECRET}'));
    expect(violations).toEqual([{ line: 3, message: expect.stringContaining('expression JavaScript') }]);
  });

  test('an expression inside a sentence is reported', () => {
    const violations = check(lines('Texte.', '', 'Il y a {1 + 1} agences.'));
    expect(violations).toEqual([{ line: 3, message: expect.stringContaining('{1 + 1}') }]);
  });

  test('an attribute given as an expression is reported', () => {
    const violations = check(
      lines(...FRONTMATTER, '', '<KeyFigure value={3} label="agences" source="etude-2023" />'),
    );
    expect(at(violations, 7)).toContainEqual({
      line: 7,
      message: 'l’attribut value de <KeyFigure> doit être un texte entre guillemets ("…").',
    });
    expect(violations.every((v) => v.line === 7)).toBe(true);
  });

  test('a spread attribute is reported', () => {
    const violations = check(lines('Texte.', '', '<Quote {...props} />'));
    expect(at(violations, 3)).toContainEqual({
      line: 3,
      message: '<Quote> n’accepte que des attributs nommés, pas {…spread}. Retirez-le.',
    });
  });

  test('an unknown component is reported with the list of available ones', () => {
    const violations = check(lines('Texte.', '', '<Evil />'));
    expect(violations).toHaveLength(1);
    expect(violations[0]?.line).toBe(3);
    expect(violations[0]?.message).toContain('<Evil> n’est pas disponible dans le contenu');
    expect(violations[0]?.message).toContain('KeyFigure');
  });

  test('a script element is reported', () => {
    const violations = check(lines('Texte.', '', '<script>alert(1)</script>'));
    expect(violations).toEqual([
      { line: 3, message: expect.stringContaining('<script> n’est pas disponible') },
    ]);
  });

  test('an HTML element outside the allowed list is reported', () => {
    const violations = check(lines('Texte.', '', '<iframe src="https://example.org/"></iframe>'));
    expect(violations).toEqual([{ line: 3, message: expect.stringContaining('<iframe>') }]);
  });

  test('a fragment is reported', () => {
    const violations = check(lines('Texte.', '', '<>vide</>'));
    expect(violations).toEqual([{ line: 3, message: expect.stringContaining('fragments <>…</>') }]);
  });

  test('fenced code containing import and braces is allowed', () => {
    const source = lines('Exemple :', '', '```js', "import { x } from 'y';", 'const a = { b: 1 };', '```');
    expect(check(source)).toEqual([]);
  });

  test('inline code containing braces is allowed', () => {
    expect(check('Écrire `{ a: 1 }` dans le fichier.')).toEqual([]);
  });

  test('a comment-only expression is allowed', () => {
    const source = lines(
      'Texte.',
      '',
      '{/* note pour les éditeurs */}',
      '',
      'Il y a {/* ici */} trois agences.',
    );
    expect(check(source)).toEqual([]);
  });

  test('allowed components with string attributes are allowed', () => {
    const source = lines(
      ...FRONTMATTER,
      '',
      '<KeyFigure value="3" label="agences" source="etude-2023" />',
      '',
      '<Quote author="Une habitante" source="etude-2023">Le bureau est resté ouvert.</Quote>',
      '',
      '<PartnerCard id="la-fabrique-de-l-emploi" />',
      '',
      '<Callout title="À retenir" tone="warning">',
      '',
      'Texte **important**.',
      '',
      '</Callout>',
    );
    expect(check(source)).toEqual([]);
  });

  test('allowed HTML elements are allowed', () => {
    for (const tag of ALLOWED_HTML) {
      const source = tag === 'br' ? 'Ligne<br />suivante' : `Un <${tag}>mot</${tag}>.`;
      expect(check(source), tag).toEqual([]);
    }
  });

  test('a component missing a required attribute is reported with the attribute', () => {
    const violations = check(lines(...FRONTMATTER, '', '<KeyFigure value="3" source="etude-2023" />'));
    expect(violations).toEqual([{ line: 7, message: expect.stringContaining('<KeyFigure> label') }]);
  });

  test('a component with an unknown attribute is reported', () => {
    const violations = check(lines('Texte.', '', '<PartnerCard id="x" onclick="alert(1)" />'));
    expect(violations).toEqual([{ line: 3, message: expect.stringContaining('onclick') }]);
  });

  test('a component citing a source that is not in the frontmatter is reported', () => {
    const violations = check(
      lines(...FRONTMATTER, '', '<KeyFigure value="3" label="agences" source="ailleurs" />'),
    );
    expect(violations).toEqual([
      { line: 7, message: expect.stringContaining('cite la source « ailleurs »') },
    ]);
  });

  test('every violation of a file is listed in line order, each with its own line', () => {
    const source = lines(
      ...FRONTMATTER,
      "import a from 'a';",
      '',
      'Texte {x}.',
      '',
      '<Evil />',
      '',
      '<Script />',
    );
    expect(check(source).map((v) => v.line)).toEqual([6, 8, 10, 12]);
  });

  test('a syntax error is reported as invalid MDX with its line', () => {
    const violations = check(lines('Texte.', '', 'Une accolade { ouverte.', '', 'Suite.'));
    expect(violations).toHaveLength(1);
    expect(violations[0]?.message).toContain('n’est pas du MDX valide');
    expect(violations[0]?.line).toBe(3);
  });

  describe('attributes of the HTML elements content may use', () => {
    /** The one violation of a source, which must be on line 3. */
    const only = (source: string) => {
      const violations = check(lines('Texte.', '', source));
      expect(violations, JSON.stringify(violations)).toHaveLength(1);
      expect(violations[0]?.line).toBe(3);
      return violations[0]?.message ?? '';
    };

    test('an event handler on a span is reported in French, with the line, the allowed attributes and the fix', () => {
      const violations = check(lines('Texte.', '', 'Un <span onclick="alert(1)">mot</span>.'));
      expect(violations).toEqual([
        {
          line: 3,
          message:
            'l’attribut onclick n’est pas autorisé sur <span> (un gestionnaire d’événement exécute du code) ; seuls lang, dir le sont. Retirez-le.',
        },
      ]);
    });

    test('an event handler written in capitals is reported too', () => {
      expect(only('Un <span onMouseOver="alert(1)">mot</span>.')).toContain('l’attribut onMouseOver');
    });

    test('a style loading a remote image on an abbr is reported', () => {
      const message = only(
        '<abbr title="Économie sociale" style="background:url(https://t.example/p.gif)">ESS</abbr>',
      );
      expect(message).toContain('l’attribut style n’est pas autorisé sur <abbr>');
      expect(message).toContain('seuls title, lang, dir le sont');
    });

    test('set:html on a span is reported as an Astro directive', () => {
      const message = only('<span set:html="<img src=x onerror=alert(1)>" />');
      expect(message).toContain('l’attribut set:html n’est pas autorisé sur <span> (une directive d’Astro');
    });

    test('set:text, is:raw and client:load on a span are each reported', () => {
      const violations = check('<span set:text="x" is:raw client:load>mot</span>');
      expect(violations.map((v) => v.message.split(' n’est')[0])).toEqual([
        'l’attribut set:text',
        'l’attribut is:raw',
        'l’attribut client:load',
      ]);
    });

    test('a class on a span is reported', () => {
      expect(only('<span class="visually-hidden">mot</span>')).toContain(
        'l’attribut class n’est pas autorisé',
      );
    });

    test('an id on a span is reported', () => {
      expect(only('<span id="search-dialog">mot</span>')).toContain('l’attribut id n’est pas autorisé');
    });

    test('a Pagefind data attribute on a span is reported', () => {
      expect(only('<span data-pagefind-filter="region:Bretagne">mot</span>')).toContain(
        'l’attribut data-pagefind-filter n’est pas autorisé',
      );
    });

    test('an aria attribute on a span is reported', () => {
      expect(only('<span aria-hidden="true">mot</span>')).toContain(
        'l’attribut aria-hidden n’est pas autorisé',
      );
    });

    test('any attribute on a line break is reported, saying it takes none', () => {
      expect(only('Ligne<br onclick="alert(1)" />suivante')).toContain(
        '<br> n’en accepte aucun. Retirez-le.',
      );
    });

    test('a lang that is not a language code is reported with what is expected', () => {
      expect(only('<span lang="javascript:alert(1)">mot</span>')).toContain('il doit être un code de langue');
    });

    test('a dir other than ltr, rtl or auto is reported', () => {
      expect(only('<span dir="sideways">mot</span>')).toContain('« ltr », « rtl » ou « auto »');
    });

    test('each allowed attribute of each allowed element is allowed', () => {
      const values: Record<string, string> = {
        title: 'Économie sociale et solidaire',
        lang: 'en-GB',
        dir: 'rtl',
      };
      for (const [tag, attributes] of Object.entries(ALLOWED_HTML_ATTRIBUTES)) {
        for (const attribute of attributes) {
          const source = `Un <${tag} ${attribute}="${values[attribute] ?? ''}">mot</${tag}>.`;
          expect(check(source), source).toEqual([]);
        }
      }
    });
  });

  describe('addresses of Markdown links and images', () => {
    test('a javascript: link is reported', () => {
      const violations = check(lines('Texte.', '', 'Un [lien](javascript:alert(1)).'));
      expect(violations).toEqual([
        { line: 3, message: expect.stringContaining('le lien « javascript:alert(1) »') },
      ]);
    });

    test('a javascript: link hidden behind a tab is reported', () => {
      expect(check('Un [lien](<java\tscript:alert(1)>).')).toHaveLength(1);
    });

    test('a javascript: link given as a reference definition is reported on the definition’s line', () => {
      const violations = check(lines('Un [lien][x].', '', '[x]: javascript:alert(1)'));
      expect(violations).toEqual([{ line: 3, message: expect.stringContaining('javascript:alert(1)') }]);
    });

    test('an image from another server is reported as such', () => {
      const violations = check(lines('Texte.', '', '![Pixel](https://tracker.example/p.gif)'));
      expect(violations).toEqual([{ line: 3, message: expect.stringContaining('vient d’un autre site') }]);
    });

    test('a protocol-relative image is reported', () => {
      expect(check('![Pixel](//tracker.example/p.gif)')).toHaveLength(1);
    });

    test('an image by reference to another server is reported on the image’s line', () => {
      const violations = check(lines('![Pixel][p]', '', '[p]: https://tracker.example/p.gif'));
      expect(at(violations, 1)).toEqual([
        { line: 1, message: expect.stringContaining('vient d’un autre site') },
      ]);
    });

    test('web, e-mail, telephone, site and anchor links and local images are allowed', () => {
      const source = lines(
        '[web](https://example.org/) [http](http://example.org/) [mél](mailto:a@example.org)',
        '[tél](tel:+33100000000) [page](/annuaire/) [ancre](#partenaires) [relatif](../autre/)',
        '',
        '![Une photo](./photo.jpg)',
      );
      expect(check(source)).toEqual([]);
    });
  });
});
