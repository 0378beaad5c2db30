import { describe, expect, test } from 'vitest';
import { hasPartnerPage, partnerLink } from '../../src/lib/partner-pages';

const translated = {
  id: 'traduite',
  data: { description: { fr: 'Une structure.', en: 'An organisation.' } },
};
const untranslated = { id: 'non-traduite', data: { description: { fr: 'Une structure.' } } };

describe('partner pages', () => {
  test('every partner has a French page', () => {
    expect(hasPartnerPage(translated, 'fr')).toBe(true);
    expect(hasPartnerPage(untranslated, 'fr')).toBe(true);
  });

  test('only a partner with an English description has an English page', () => {
    expect(hasPartnerPage(translated, 'en')).toBe(true);
    expect(hasPartnerPage(untranslated, 'en')).toBe(false);
  });

  test('an English link to a partner without an English page goes to its French page, with hreflang', () => {
    expect(partnerLink(untranslated, 'en')).toEqual({ href: '/partenaires/non-traduite/', hreflang: 'fr' });
    expect(partnerLink(translated, 'en')).toEqual({ href: '/en/partners/traduite/', hreflang: undefined });
    expect(partnerLink(untranslated, 'fr')).toEqual({
      href: '/partenaires/non-traduite/',
      hreflang: undefined,
    });
  });
});
