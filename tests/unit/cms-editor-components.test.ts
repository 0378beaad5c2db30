import { describe, expect, test } from 'vitest';
import {
  EDITOR_COMPONENTS,
  INLINE_TAGS,
  editorComponent,
  escapeChildren,
} from '../../src/cms/editor-components';
import { escapeAttribute, parseAttributes, unescapeAttribute } from '../../src/cms/mdx-tags';
import { ALLOWED_HTML, findMdxViolations } from '../../src/lib/mdx-guard';
import { CONTENT_COMPONENTS } from '../../src/schemas/mdx-components';

/** Parses a block as the markdown editor does: the component whose pattern matches at the start. */
function read(block: string) {
  for (const component of EDITOR_COMPONENTS) {
    const match = component.pattern.exec(block);
    if (match) return { component, data: component.fromBlock(match), length: match[0].length };
  }
  throw new Error(`no editor component matches ${block}`);
}

/** Writes data back and reads it again. */
const roundTrip = (block: string) => {
  const { component, data } = read(block);
  return component.toBlock(data);
};

/** A content file citing the source `s1`, with `body` after its frontmatter. */
const mdx = (body: string) => ['---', 'title: Test', 'sources: [s1]', '---', body, ''].join('\n');

describe('CMS editor components', () => {
  test('there is one editor component per component content may use, in the same order', () => {
    expect(EDITOR_COMPONENTS.map((c) => c.id)).toEqual(Object.keys(CONTENT_COMPONENTS));
  });

  test.each([
    '<KeyFigure value="14" label="îlots numériques" source="indre-2024" />',
    '<KeyFigure value="2,5" label="millions" unit="€" source="s1" date="2024-06" />',
    '<PartnerCard id="la-fabrique-de-l-emploi" />',
    '<Quote author="Samir" role="salarié" source="s1" translatedFrom="en">Nous avons été formés.</Quote>',
    '<Callout title="À retenir">\nUne tablette *adaptée* et un réseau.\n</Callout>',
    '<Callout title="Sur les dates" tone="info">\nPremier paragraphe.\n\nSecond.\n</Callout>',
  ])('the tag %s is written back byte for byte', (block) => {
    expect(roundTrip(block)).toBe(block);
  });

  test('a key figure read from a tag gives each attribute to its field', () => {
    expect(read('<KeyFigure value="14" label="îlots" source="s1" date="2024" />').data).toEqual({
      value: '14',
      label: 'îlots',
      source: 's1',
      date: '2024',
    });
  });

  test('a quote keeps its children on the tag line when the file had them there', () => {
    expect(read('<Quote author="A" source="s1">Texte.</Quote>').data).toMatchObject({
      body: 'Texte.',
      layout: 'inline',
    });
  });

  test('a new call-out puts its text on lines of its own', () => {
    expect(editorComponent('Callout').toBlock({ title: 'À retenir', body: 'Texte.' })).toBe(
      '<Callout title="À retenir">\nTexte.\n</Callout>',
    );
  });

  test('an optional field left empty writes no attribute', () => {
    expect(
      editorComponent('KeyFigure').toBlock({ value: '14', label: 'îlots', unit: '', source: 's1' }),
    ).toBe('<KeyFigure value="14" label="îlots" source="s1" />');
  });

  test('attributes are written in the order of the schema, whatever the order of the form data', () => {
    expect(editorComponent('KeyFigure').toBlock({ source: 's1', date: '2022', label: 'x', value: '3' })).toBe(
      '<KeyFigure value="3" label="x" source="s1" date="2022" />',
    );
  });

  test('a double quote, a "<" and an ampersand typed in a label cannot break the tag', () => {
    const label = 'le « 1er » "réseau" <b>&amp; co</b>';
    const block = editorComponent('KeyFigure').toBlock({ value: '1', label, source: 's1' });
    expect(findMdxViolations(mdx(block), CONTENT_COMPONENTS)).toEqual([]);
    expect(read(block).data['label']).toBe(label);
  });

  test('a line break typed in an attribute becomes a space', () => {
    expect(escapeAttribute('deux\n  lignes')).toBe('deux lignes');
  });

  test('character references are decoded as MDX decodes them', () => {
    expect(unescapeAttribute('a &quot;b&quot; &lt;c&gt; &amp;amp; &#233;&#x e9; &unknown;')).toBe(
      'a "b" <c> &amp; é&#x e9; &unknown;',
    );
  });

  test('a ">" inside a quoted value does not end the tag', () => {
    expect(parseAttributes(' label="a > b" source="s1"')).toEqual({ label: 'a > b', source: 's1' });
    expect(read('<KeyFigure value="1" label="a > b" source="s1" />').data['label']).toBe('a > b');
  });

  test('braces and a stray "<" typed in a quote are escaped so that the file stays valid MDX', () => {
    const block = editorComponent('Quote').toBlock({
      author: 'A',
      source: 's1',
      body: 'un {code} et 3 < 4 et <Evil />',
    });
    expect(findMdxViolations(mdx(block), CONTENT_COMPONENTS)).toEqual([]);
  });

  test('inline tags content may use stay as they are in children', () => {
    expect(escapeChildren('H<sub>2</sub>O et <abbr title="x">ESS</abbr>')).toBe(
      'H<sub>2</sub>O et <abbr title="x">ESS</abbr>',
    );
  });

  test('the editor leaves unescaped exactly the inline tags the MDX check allows', () => {
    expect(INLINE_TAGS).toEqual(ALLOWED_HTML);
  });

  test('escaping children twice changes nothing', () => {
    expect(escapeChildren(escapeChildren('{a} < b'))).toBe('\\{a\\} \\< b');
  });

  test('a tag written by every editor component passes the MDX check', () => {
    const blocks = [
      editorComponent('KeyFigure').toBlock({ value: '14', label: 'îlots', source: 's1', date: '2024-01-31' }),
      editorComponent('Quote').toBlock({
        author: 'A',
        role: 'B',
        source: 's1',
        translatedFrom: 'en',
        body: 'Texte.',
      }),
      editorComponent('PartnerCard').toBlock({ id: 'admr' }),
      editorComponent('Callout').toBlock({ title: 'T', tone: 'warning', body: 'Texte.' }),
    ];
    expect(findMdxViolations(mdx(blocks.join('\n\n')), CONTENT_COMPONENTS)).toEqual([]);
  });

  test('a key figure field is required exactly when its prop is', () => {
    const required = Object.fromEntries(editorComponent('KeyFigure').fields.map((f) => [f.name, f.required]));
    expect(required).toEqual({ value: true, label: true, unit: false, source: true, date: false });
  });

  test('every field has a French label from the schema', () => {
    for (const component of EDITOR_COMPONENTS) {
      for (const field of component.fields)
        expect(field.label, `${component.id}.${field.name}`).not.toBe(field.name);
    }
  });

  test('the source of a figure is picked among the sources, the partner of a card among the partners', () => {
    const keyFigureSource = editorComponent('KeyFigure').fields.find((f) => f.name === 'source');
    const cardId = editorComponent('PartnerCard').fields.find((f) => f.name === 'id');
    expect(keyFigureSource).toMatchObject({ widget: 'relation', collection: 'sources' });
    expect(cardId).toMatchObject({ widget: 'relation', collection: 'partners', search_fields: ['name'] });
  });

  test('a closed list becomes a select with French labels and the schema default', () => {
    const tone = editorComponent('Callout').fields.find((f) => f.name === 'tone');
    expect(tone).toMatchObject({
      widget: 'select',
      default: 'info',
      options: [
        { value: 'info', label: 'information' },
        { value: 'success', label: 'réussite' },
        { value: 'warning', label: 'avertissement' },
      ],
    });
  });

  test('the value of a key figure is checked with the schema pattern', () => {
    const value = editorComponent('KeyFigure').fields.find((f) => f.name === 'value');
    expect(new RegExp(value!.pattern![0]).test('2,5')).toBe(true);
    expect(new RegExp(value!.pattern![0]).test('environ 3')).toBe(false);
  });

  test('the preview escapes what staff typed', () => {
    const html = editorComponent('KeyFigure').toPreview({
      value: '1',
      label: '<img src=x onerror=alert(1)>',
      source: 's1',
    });
    expect(html).not.toContain('<img');
  });
});
