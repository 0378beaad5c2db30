/**
 * Cache keys of incremental builds (src/lib/cache-keys.ts): a page's key changes when
 * anything it shows changes, the entries it relates to included, and only then.
 */
import { describe, expect, test } from 'vitest';
import {
  cacheKey,
  caseStudyPageKey,
  partnerPageKey,
  territoryKey,
  territoryPageKey,
  directoryPageKey,
  brochurePageKey,
  imageSources,
  type ContentLookups,
  type KeyedPartner,
  type KeyedStory,
} from '../../src/lib/cache-keys';

const partner = (id: string, digest: string, networks: string[] = []): KeyedPartner => ({
  collection: 'partners',
  id,
  digest,
  data: { networks: networks.map((n) => ({ id: n })) },
});
const story = (id: string, digest: string, partners: string[], body = ''): KeyedStory => ({
  collection: 'caseStudies',
  id,
  digest,
  data: { partners: partners.map((p) => ({ id: p })) },
  body,
});

/** A small content: a network with one member, a story citing the member, one naming the network inline. */
function content(changes: { member?: string; network?: string; story?: string; inline?: string } = {}) {
  const network = partner('reseau', changes.network ?? 'n1');
  const member = partner('membre', changes.member ?? 'm1', ['reseau']);
  const other = partner('autre', 'o1');
  const cites = story('fr/loos', changes.story ?? 's1', ['membre']);
  const inline = story('fr/indre', changes.inline ?? 'i1', ['autre'], '<PartnerCard id="reseau" />');
  const partners = [network, member, other];
  const stories = [cites, inline];
  const lookups: ContentLookups<KeyedPartner, KeyedStory> = {
    partnerById: (id) => partners.find((p) => p.id === id),
    membersOf: (id) => partners.filter((p) => p.data.networks.some((n) => n.id === id)),
    caseStudiesCiting: (id) => stories.filter((s) => s.data.partners.some((p) => p.id === id)),
    caseStudyTranslation: () => undefined,
  };
  return { lookups, network, member, other, cites, inline, stories, partners };
}

describe('cacheKey', () => {
  test('the same parts give the same key, and a changed digest another', () => {
    const a = partner('a', '1');
    expect(cacheKey('site', a)).toBe(cacheKey('site', partner('a', '1')));
    expect(cacheKey('site', a)).not.toBe(cacheKey('site', partner('a', '2')));
  });

  test('a list of entries is told apart from the same entries given one by one, and from another order', () => {
    const a = partner('a', '1');
    const b = partner('b', '1');
    expect(cacheKey([a, b])).not.toBe(cacheKey(a, b));
    expect(cacheKey([a, b])).not.toBe(cacheKey([b, a]));
  });

  test('an entry without a digest is keyed by its data', () => {
    const bare = (name: string) => ({ collection: 'settings', id: 'site', data: { name } });
    expect(cacheKey(bare('A'))).toBe(cacheKey(bare('A')));
    expect(cacheKey(bare('A'))).not.toBe(cacheKey(bare('B')));
  });

  test('a picture uploaded again under the same name changes the key, though its entry’s file did not', () => {
    // In a build, an image's src carries Vite's hash of the picture's bytes.
    const withPicture = (src: string) => ({
      collection: 'caseStudies',
      id: 'fr/indre',
      digest: 'same-file',
      data: { hero: { src: { src, width: 1200, height: 675, format: 'png' }, alt: 'Illustration' } },
    });
    expect(cacheKey(withPicture('/_astro/indre.IH-m3BKg.png'))).toBe(
      cacheKey(withPicture('/_astro/indre.IH-m3BKg.png')),
    );
    expect(cacheKey(withPicture('/_astro/indre.IH-m3BKg.png'))).not.toBe(
      cacheKey(withPicture('/_astro/indre.Dx81LqQa.png')),
    );
  });

  test('imageSources finds the pictures nested in an entry’s data, and nothing in data without any', () => {
    const picture = (src: string) => ({ src, width: 10, height: 10, format: 'webp' });
    expect(
      imageSources({ hero: { src: picture('/a.webp') }, gallery: [picture('/b.webp')], src: 'x', width: 3 }),
    ).toEqual(['/a.webp', '/b.webp']);
    expect(imageSources({ name: 'ADMR', date: new Date(0), networks: [{ id: 'x' }] })).toEqual([]);
  });
});

describe('partner page keys', () => {
  const key = (c: ReturnType<typeof content>, entry: KeyedPartner) =>
    partnerPageKey(c.lookups, 'site', entry, 'fr');

  test('a partner page changes with a case study that cites it', () => {
    const before = content();
    const after = content({ story: 's2' });
    expect(key(after, after.member)).not.toBe(key(before, before.member));
  });

  test('a member page changes with its network, and a network page with its member', () => {
    const before = content();
    const networkEdited = content({ network: 'n2' });
    const memberEdited = content({ member: 'm2' });
    expect(key(networkEdited, networkEdited.member)).not.toBe(key(before, before.member));
    expect(key(memberEdited, memberEdited.network)).not.toBe(key(before, before.network));
  });

  test('a partner page stays the same when an unrelated case study changes', () => {
    const before = content();
    const after = content({ story: 's2' });
    expect(key(after, after.other)).toBe(key(before, before.other));
  });

  test('every page changes with the site-wide entries', () => {
    const c = content();
    expect(partnerPageKey(c.lookups, 'site-2', c.other, 'fr')).not.toBe(key(c, c.other));
  });

  test('the French and English pages of a partner have different keys', () => {
    const c = content();
    expect(partnerPageKey(c.lookups, 'site', c.member, 'en')).not.toBe(key(c, c.member));
  });
});

describe('case study and brochure keys', () => {
  test('a case study changes with a partner named only by a <PartnerCard> in its text', () => {
    const before = content();
    const after = content({ network: 'n2' });
    expect(caseStudyPageKey(after.lookups, 'site', after.inline, 'fr')).not.toBe(
      caseStudyPageKey(before.lookups, 'site', before.inline, 'fr'),
    );
  });

  test('a case study changes with its translation appearing', () => {
    const c = content();
    const translated = { ...c.lookups, caseStudyTranslation: () => story('en/loos', 'e1', ['membre']) };
    expect(caseStudyPageKey(translated, 'site', c.cites, 'fr')).not.toBe(
      caseStudyPageKey(c.lookups, 'site', c.cites, 'fr'),
    );
  });

  test('a brochure changes with a partner of one of its stories', () => {
    const brochure = { collection: 'brochures', id: 'fr/selection', digest: 'b1' };
    const key = (c: ReturnType<typeof content>) =>
      brochurePageKey(c.lookups, 'site', brochure, undefined, c.stories, 'fr');
    expect(key(content({ member: 'm2' }))).not.toBe(key(content()));
  });
});

describe('territory and directory keys', () => {
  const territory = (c: ReturnType<typeof content>) => ({
    slug: 'nord-59',
    partners: c.partners,
    caseStudies: c.stories,
    departments: [],
  });

  const pageKey = (
    t: ReturnType<typeof territory>,
    page: number,
    translation?: { partners: KeyedPartner[] },
  ) => territoryPageKey('site', territoryKey(t, translation), page, 'fr');

  test('every page of a territory changes with one of its partners, even one listed on another page', () => {
    const before = content();
    const edited = content({ member: 'm2' });
    for (const page of [1, 2]) {
      expect(pageKey(territory(edited), page)).not.toBe(pageKey(territory(before), page));
    }
    expect(pageKey(territory(before), 1)).not.toBe(pageKey(territory(before), 2));
  });

  test('a territory page changes when its translation gains a page', () => {
    const c = content();
    const many = { partners: Array.from({ length: 30 }, (_, i) => partner(`p${i}`, '1')) };
    expect(pageKey(territory(c), 2, many)).not.toBe(pageKey(territory(c), 2, { partners: c.partners }));
  });

  test('directory pages change with the whole directory, page by page', () => {
    const before = cacheKey(content().partners);
    const after = cacheKey(content({ member: 'm2' }).partners);
    expect(directoryPageKey('site', after, 3, 'fr')).not.toBe(directoryPageKey('site', before, 3, 'fr'));
    expect(directoryPageKey('site', before, 3, 'fr')).not.toBe(directoryPageKey('site', before, 4, 'fr'));
  });
});
