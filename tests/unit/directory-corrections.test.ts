import { describe, expect, test } from 'vitest';
import { correctionsTemplate } from '../../src/schemas/settings';
import { correctionsUrl } from '../../src/lib/urls';

const CONTACT = 'https://contact.example.org/';
const MESSAGE = {
  subject: 'Correction : Partenaire fictif & Cie',
  body: 'Fiche : https://site.example.org/partenaires/partenaire-fictif/\r\nFichier : content/partners/partenaire-fictif.yaml',
};

describe('"report an error" link', () => {
  test('without a template it leads to the contact address, unchanged', () => {
    expect(correctionsUrl(undefined, CONTACT, MESSAGE)).toBe(CONTACT);
  });

  test('a mailto: template gets the subject and body, URL-encoded', () => {
    const url = correctionsUrl('mailto:annuaire@example.org?subject={subject}&body={body}', CONTACT, MESSAGE);
    expect(url).toBe(
      'mailto:annuaire@example.org?subject=Correction%20%3A%20Partenaire%20fictif%20%26%20Cie' +
        '&body=Fiche%20%3A%20https%3A%2F%2Fsite.example.org%2Fpartenaires%2Fpartenaire-fictif%2F%0D%0A' +
        'Fichier%20%3A%20content%2Fpartners%2Fpartenaire-fictif.yaml',
    );
  });

  test('an https template reads back the exact subject and body', () => {
    const url = new URL(
      correctionsUrl('https://forms.example.org/new?title={subject}&text={body}', CONTACT, MESSAGE),
    );
    expect(url.searchParams.get('title')).toBe(MESSAGE.subject);
    expect(url.searchParams.get('text')).toBe(MESSAGE.body);
  });

  test('a name that tries to add a parameter stays inside its own', () => {
    const url = new URL(
      correctionsUrl('https://forms.example.org/new?title={subject}', CONTACT, {
        subject: 'x&admin=1#frag',
        body: '',
      }),
    );
    expect(url.searchParams.get('title')).toBe('x&admin=1#frag');
    expect(url.searchParams.has('admin')).toBe(false);
  });

  test('a template may use a placeholder more than once', () => {
    expect(
      correctionsUrl('https://forms.example.org/?a={subject}&b={subject}', CONTACT, {
        subject: 'é',
        body: '',
      }),
    ).toBe('https://forms.example.org/?a=%C3%A9&b=%C3%A9');
  });
});

describe('corrections setting', () => {
  test('a mailto: template is accepted', () => {
    expect(
      correctionsTemplate.safeParse('mailto:annuaire@example.org?subject={subject}&body={body}').success,
    ).toBe(true);
  });

  test('an https template is accepted', () => {
    expect(correctionsTemplate.safeParse('https://forms.example.org/?t={subject}').success).toBe(true);
  });

  test('a javascript: template is refused', () => {
    expect(correctionsTemplate.safeParse('javascript:alert({subject})').success).toBe(false);
  });

  test('a mailto: template without an address is refused', () => {
    expect(correctionsTemplate.safeParse('mailto:?subject={subject}').success).toBe(false);
  });

  test('an https template without a host is refused', () => {
    expect(correctionsTemplate.safeParse('https://{subject}').success).toBe(false);
  });
});
