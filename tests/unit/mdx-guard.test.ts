import { describe, expect, test } from 'vitest';
import { ALLOWED_HTML, findMdxViolations, type MdxViolation } from '../../src/lib/mdx-guard';
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
    expect(violations).toEqual([{ line: 9, message: expect.stringContaining('import and export') }]);
  });

  test('an export statement is reported on its line', () => {
    const violations = check(lines('Texte.', '', 'export const x = 1;'));
    expect(violations).toEqual([{ line: 3, message: expect.stringContaining('import and export') }]);
  });

  test('an expression on its own line is reported', () => {
    const violations = check(lines('Texte.', '', '{process.env.SECRET}'));
    expect(violations).toEqual([{ line: 3, message: expect.stringContaining('JavaScript expressions') }]);
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
      message: 'attribute value of <KeyFigure> must be a string in quotes ("…")',
    });
    expect(violations.every((v) => v.line === 7)).toBe(true);
  });

  test('a spread attribute is reported', () => {
    const violations = check(lines('Texte.', '', '<Quote {...props} />'));
    expect(at(violations, 3)).toContainEqual({
      line: 3,
      message: '<Quote> takes named string attributes only, not {…spread}',
    });
  });

  test('an unknown component is reported with the list of available ones', () => {
    const violations = check(lines('Texte.', '', '<Evil />'));
    expect(violations).toHaveLength(1);
    expect(violations[0]?.line).toBe(3);
    expect(violations[0]?.message).toContain('<Evil> is not available in content');
    expect(violations[0]?.message).toContain('KeyFigure');
  });

  test('a script element is reported', () => {
    const violations = check(lines('Texte.', '', '<script>alert(1)</script>'));
    expect(violations).toEqual([{ line: 3, message: expect.stringContaining('<script> is not available') }]);
  });

  test('an HTML element outside the allowed list is reported', () => {
    const violations = check(lines('Texte.', '', '<iframe src="https://example.org/"></iframe>'));
    expect(violations).toEqual([{ line: 3, message: expect.stringContaining('<iframe>') }]);
  });

  test('a fragment is reported', () => {
    const violations = check(lines('Texte.', '', '<>vide</>'));
    expect(violations).toEqual([{ line: 3, message: expect.stringContaining('fragments') }]);
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
    expect(violations).toEqual([{ line: 7, message: expect.stringContaining('cites source "ailleurs"') }]);
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
    expect(violations[0]?.message).toContain('not valid MDX');
    expect(violations[0]?.line).toBe(3);
  });
});
