import { describe, expect, test } from 'vitest';
import type { z } from 'astro/zod';
import { partnerSchema } from '../../src/schemas/partner';
import { caseStudySchema } from '../../src/schemas/case-study';
import { brochureSchema } from '../../src/schemas/brochure';
import { commitmentSchema } from '../../src/schemas/commitment';
import { pageSchema } from '../../src/schemas/page';
import { settingsSchema } from '../../src/schemas/settings';
import { sourceSchema } from '../../src/schemas/source';
import * as fx from './fixtures/entries';

const schemas = {
  partner: partnerSchema(fx.ctx),
  caseStudy: caseStudySchema(fx.ctx),
  brochure: brochureSchema(fx.ctx),
  commitment: commitmentSchema,
  page: pageSchema,
  settings: settingsSchema,
  source: sourceSchema,
};

/** The issues zod reports for `data`; fails the test when the data passes. */
function issues(schema: z.ZodType, data: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse(data);
  if (result.success)
    throw new Error(`expected a schema error, but the data passed: ${JSON.stringify(data)}`);
  return result.error.issues;
}

/** The single issue reported on `path`, so the test fails when the error points elsewhere. */
function issueAt(schema: z.ZodType, data: unknown, path: PropertyKey[]): z.core.$ZodIssue {
  const all = issues(schema, data);
  const found = all.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
  if (!found) {
    throw new Error(
      `no issue at ${JSON.stringify(path)}; issues: ${JSON.stringify(all.map((i) => ({ path: i.path, message: i.message })))}`,
    );
  }
  return found;
}

describe('kinds of directory entries', () => {
  test('an entry without a kind is refused on the kind field', () => {
    const { kind: _kind, ...rest } = fx.partner();
    issueAt(schemas.partner, rest, ['kind']);
  });

  test('an unknown kind is refused', () => {
    issueAt(schemas.partner, { ...fx.partner(), kind: 'friend' }, ['kind']);
  });

  for (const kind of ['ess-partner', 'institutional-partner'] as const) {
    test(`a ${kind} without commitments is refused, in French, saying how to fix it`, () => {
      const issue = issueAt(schemas.partner, { ...fx.partner(), kind, commitments: [] }, ['commitments']);
      expect(issue.message).toMatch(/un partenaire sert au moins un engagement.*structure ESS référencée/);
    });

    test(`a ${kind} without a description is refused`, () => {
      const { description: _d, ...rest } = fx.partner();
      const issue = issueAt(schemas.partner, { ...rest, kind }, ['description']);
      expect(issue.message).toMatch(/un partenaire a une description/);
    });
  }
});

describe('valid entries', () => {
  test('a complete partner passes, with its SIRET normalised and its place derived from the INSEE code', () => {
    const data = schemas.partner.parse(fx.partner());
    expect(data.siret).toBe('73282932000074');
    expect(data.location).toMatchObject({
      communeName: 'Loos',
      department: { code: '59', name: 'Nord' },
      region: { code: '32', name: 'Hauts-de-France' },
    });
    expect(data.networks).toEqual([{ id: 'tzcld', collection: 'partners' }]);
  });

  test('a partner with only the required fields passes', () => {
    const { kind, name, commitments, description, updatedAt } = fx.partner();
    expect(schemas.partner.safeParse({ kind, name, commitments, description, updatedAt }).success).toBe(true);
  });

  test('a referenced ESS organisation needs only its kind, name and date: no description, no commitment', () => {
    const entry = { kind: 'ess-organisation', name: 'Structure Fictive', updatedAt: '2026-11-30' };
    expect(schemas.partner.parse(entry)).toMatchObject({ ...entry, commitments: [], partnershipTypes: [] });
  });

  test('a La Poste SIRET passes under the sum-of-digits rule', () => {
    expect(schemas.partner.safeParse({ ...fx.partner(), siret: '35600000049837' }).success).toBe(true);
  });

  test('a complete case study passes, with references resolved to their collection', () => {
    const data = schemas.caseStudy.parse(fx.caseStudy());
    expect(data.partners).toEqual([{ id: 'la-fabrique-de-l-emploi', collection: 'partners' }]);
    expect(data.draft).toBe(false);
  });

  test('a national case study without communes passes', () => {
    const entry = { ...fx.caseStudy(), territory: { national: true } };
    expect(schemas.caseStudy.safeParse(entry).success).toBe(true);
  });

  test('a Corsican commune code passes', () => {
    const entry = {
      ...fx.caseStudy(),
      territory: { communes: ['2A004'], departments: ['2A'], regions: ['94'] },
    };
    expect(schemas.caseStudy.safeParse(entry).success).toBe(true);
  });

  test('a brochure passes', () => {
    expect(schemas.brochure.parse(fx.brochure()).caseStudies).toEqual(['loos-point-poste-ess']);
  });

  test('a commitment passes', () => {
    expect(schemas.commitment.safeParse(fx.commitment()).success).toBe(true);
  });

  test('an institutional page passes', () => {
    expect(schemas.page.safeParse(fx.page()).success).toBe(true);
  });

  test('the site settings pass', () => {
    expect(schemas.settings.safeParse(fx.settings()).success).toBe(true);
  });
});

describe('invalid entries name the field at fault', () => {
  test('a case study without a title is rejected on title', () => {
    const { title: _title, ...entry } = fx.caseStudy();
    issueAt(schemas.caseStudy, entry, ['title']);
  });

  test('an empty title is rejected on title', () => {
    const issue = issueAt(schemas.caseStudy, { ...fx.caseStudy(), title: '   ' }, ['title']);
    expect(issue.message).toBe('ne doit pas être vide');
  });

  test('an impossible date is rejected on the date field', () => {
    const issue = issueAt(schemas.caseStudy, { ...fx.caseStudy(), publishedAt: '2024-13-45' }, [
      'publishedAt',
    ]);
    expect(issue.message).toBe('cette date n’existe pas dans le calendrier');
  });

  test('31 February is not a real date', () => {
    issueAt(schemas.page, { ...fx.page(), updatedAt: '2024-02-31' }, ['updatedAt']);
  });

  test('a date written another way is rejected with the expected format', () => {
    const issue = issueAt(schemas.page, { ...fx.page(), updatedAt: '02/05/2024' }, ['updatedAt']);
    expect(issue.message).toContain('AAAA-MM-JJ');
  });

  test('a period ending before it starts is rejected on period.end', () => {
    issueAt(
      schemas.caseStudy,
      { ...fx.caseStudy(), period: { start: '2023', end: '2022-06', source: 'laposte-2022' } },
      ['period', 'end'],
    );
  });

  test('an unknown commitment is rejected on its position in the list', () => {
    const entry = { ...fx.caseStudy(), commitments: ['territorial-cohesion', 'world-peace'] };
    issueAt(schemas.caseStudy, entry, ['commitments', 1]);
  });

  test('an unknown commitment in a partner is rejected too', () => {
    issueAt(schemas.partner, { ...fx.partner(), commitments: ['world-peace'] }, ['commitments', 0]);
  });

  test('an empty list of commitments is rejected', () => {
    const issue = issueAt(schemas.caseStudy, { ...fx.caseStudy(), commitments: [] }, ['commitments']);
    expect(issue.message).toBe('choisissez au moins un engagement');
  });

  test('a SIRET with a wrong check digit is rejected on siret', () => {
    const issue = issueAt(schemas.partner, { ...fx.partner(), siret: '73282932000075' }, ['siret']);
    expect(issue.message).toContain('SIRET invalide');
  });

  test('a 13-digit SIRET is rejected on siret', () => {
    const issue = issueAt(schemas.partner, { ...fx.partner(), siret: '7328293200007' }, ['siret']);
    expect(issue.message).toBe('un SIRET a 14 chiffres (espaces permis)');
  });

  test('a La Poste SIRET breaking the sum-of-digits rule is rejected on siret', () => {
    issueAt(schemas.partner, { ...fx.partner(), siret: '35600000049838' }, ['siret']);
  });

  test('an unknown INSEE code is rejected on the commune', () => {
    const entry = { ...fx.caseStudy(), territory: { communes: ['99999'] } };
    const issue = issueAt(schemas.caseStudy, entry, ['territory', 'communes', 0]);
    expect(issue.message).toContain('n’est le code INSEE d’aucune commune française actuelle');
  });

  test('a postal code given as an INSEE code is rejected with a hint naming the communes', () => {
    const entry = { ...fx.partner(), location: { commune: '75001', postalCode: '75001' } };
    const issue = issueAt(schemas.partner, entry, ['location', 'commune']);
    expect(issue.message).toContain('est un code postal, pas un code commune INSEE');
    expect(issue.message).toContain('Paris (75056)');
  });

  test("Loos's postal code given as its INSEE code is caught by the postal-code check", () => {
    // 59120 is also Caëstre's INSEE code, so the commune check alone accepts it.
    const entry = { ...fx.partner(), location: { commune: '59120', postalCode: '59120' } };
    const issue = issueAt(schemas.partner, entry, ['location', 'postalCode']);
    expect(issue.message).toContain('Caëstre');
  });

  test('a postal code that is not one of the commune is rejected on postalCode, listing the right ones', () => {
    const entry = { ...fx.partner(), location: { commune: '59360', postalCode: '59000' } };
    const issue = issueAt(schemas.partner, entry, ['location', 'postalCode']);
    expect(issue.message).toBe('59000 n’est pas un code postal de Loos (59360) : 59120');
  });

  test('a commune code of the wrong shape is rejected on the commune', () => {
    issueAt(schemas.partner, { ...fx.partner(), location: { commune: '5936', postalCode: '59120' } }, [
      'location',
      'commune',
    ]);
  });

  test('latitude without longitude is rejected on longitude', () => {
    const entry = { ...fx.partner(), location: { commune: '59360', postalCode: '59120', latitude: 50.6 } };
    issueAt(schemas.partner, entry, ['location', 'longitude']);
  });

  test('an unknown department is rejected', () => {
    issueAt(schemas.caseStudy, { ...fx.caseStudy(), territory: { departments: ['20'] } }, [
      'territory',
      'departments',
      0,
    ]);
  });

  test('a territory with no place and not national is rejected', () => {
    issueAt(schemas.caseStudy, { ...fx.caseStudy(), territory: {} }, ['territory']);
  });

  test('a javascript: website is rejected on website', () => {
    const issue = issueAt(schemas.partner, { ...fx.partner(), website: 'javascript:alert(1)' }, ['website']);
    expect(issue.message).toContain('http');
  });

  test('a data: URL in a source is rejected on its url', () => {
    issueAt(schemas.source, { ...fx.source(), url: 'data:text/html,<script>alert(1)</script>' }, ['url']);
  });

  test('a javascript: contact link is rejected on contact.url', () => {
    issueAt(
      schemas.settings,
      { ...fx.settings(), contact: { ...fx.settings().contact, url: 'javascript:alert(1)' } },
      ['contact', 'url'],
    );
  });

  test('a hero image without alt is rejected on hero.alt', () => {
    const { alt: _alt, ...hero } = fx.caseStudy().hero;
    issueAt(schemas.caseStudy, { ...fx.caseStudy(), hero }, ['hero', 'alt']);
  });

  test('a hero image with an empty alt is rejected on hero.alt', () => {
    issueAt(schemas.caseStudy, { ...fx.caseStudy(), hero: { ...fx.caseStudy().hero, alt: '' } }, [
      'hero',
      'alt',
    ]);
  });

  test('a brochure cover without alt is rejected on cover.alt', () => {
    const { alt: _alt, ...cover } = fx.brochure().cover;
    issueAt(schemas.brochure, { ...fx.brochure(), cover }, ['cover', 'alt']);
  });

  test('a partner logo without alt is rejected on logo.alt', () => {
    const { alt: _alt, ...logo } = fx.partner().logo;
    issueAt(schemas.partner, { ...fx.partner(), logo }, ['logo', 'alt']);
  });

  test('a summary longer than 200 characters is rejected on summary', () => {
    issueAt(schemas.caseStudy, { ...fx.caseStudy(), summary: 'a'.repeat(201) }, ['summary']);
  });

  test('a summary of exactly 200 characters passes', () => {
    expect(schemas.caseStudy.safeParse({ ...fx.caseStudy(), summary: 'a'.repeat(200) }).success).toBe(true);
  });

  test('a key figure citing an unknown source is rejected on its source', () => {
    const entry = fx.caseStudy();
    entry.keyFigures[0]!.source = 'nowhere';
    const issue = issueAt(schemas.caseStudy, entry, ['keyFigures', 0, 'source']);
    expect(issue.message).toContain(
      'cite la source « nowhere », absente de la liste des sources de la fiche',
    );
  });

  test('a commitment metric citing a source with a malformed id is rejected on its source', () => {
    const entry = fx.commitment();
    entry.metrics[0]!.source = 'Rapport 2023';
    issueAt(schemas.commitment, entry, ['metrics', 0, 'source']);
  });

  test('a headline figure citing a source with a malformed id is rejected on its source', () => {
    const entry = fx.settings();
    entry.headlineFigures[0]!.source = 'Article';
    issueAt(schemas.settings, entry, ['headlineFigures', 0, 'source']);
  });

  test('a source listed twice is rejected on the second one', () => {
    const entry = fx.caseStudy();
    entry.sources.push(entry.sources[0]!);
    issueAt(schemas.caseStudy, entry, ['sources', 1]);
  });

  test('a case study without sources is rejected on sources', () => {
    issueAt(schemas.caseStudy, { ...fx.caseStudy(), keyFigures: [], sources: [] }, ['sources']);
  });

  test('an unknown extra field in a case study is rejected, naming the key', () => {
    const issue = issueAt(schemas.caseStudy, { ...fx.caseStudy(), author: 'Quelqu’un' }, []);
    expect(issue.code).toBe('unrecognized_keys');
    expect(issue).toMatchObject({ keys: ['author'] });
  });

  test('an unknown extra field inside a nested object is rejected on that object', () => {
    const entry = { ...fx.caseStudy(), hero: { ...fx.caseStudy().hero, title: 'x' } };
    const issue = issueAt(schemas.caseStudy, entry, ['hero']);
    expect(issue).toMatchObject({ code: 'unrecognized_keys', keys: ['title'] });
  });

  test('an unknown extra field in a partner is rejected', () => {
    expect(issueAt(schemas.partner, { ...fx.partner(), siren: '732829320' }, [])).toMatchObject({
      keys: ['siren'],
    });
  });

  test('an unknown language is rejected on lang', () => {
    issueAt(schemas.page, { ...fx.page(), lang: 'de' }, ['lang']);
  });

  test('an unknown page key is rejected on key', () => {
    issueAt(schemas.page, { ...fx.page(), key: 'contact' }, ['key']);
  });

  test('a translation key with capitals is rejected on translationKey', () => {
    issueAt(schemas.caseStudy, { ...fx.caseStudy(), translationKey: 'Loos' }, ['translationKey']);
  });

  test('a brochure without closing text is rejected on closing', () => {
    const { closing: _closing, ...rest } = fx.brochure();
    issueAt(schemas.brochure, rest, ['closing']);
  });

  test('a call to action to a page the site does not have is rejected on callToAction.page', () => {
    issueAt(schemas.brochure, { ...fx.brochure(), callToAction: { label: 'Nous écrire', page: 'contact' } }, [
      'callToAction',
      'page',
    ]);
  });

  test('a brochure without case studies is rejected on caseStudies', () => {
    issueAt(schemas.brochure, { ...fx.brochure(), caseStudies: [] }, ['caseStudies']);
  });

  test('an English text without its French version is rejected on fr', () => {
    issueAt(schemas.commitment, { ...fx.commitment(), title: { en: 'Territorial cohesion' } }, [
      'title',
      'fr',
    ]);
  });

  test('a commitment order outside 1 to 4 is rejected on order', () => {
    issueAt(schemas.commitment, { ...fx.commitment(), order: 5 }, ['order']);
  });
});

describe('a partner’s name has letters', () => {
  test.each(['<b></b>', '--', '« »'])(
    'a name made only of markup or signs (%s) is rejected on name',
    (name) => {
      const issue = issueAt(schemas.partner, { ...fx.partner(), name }, ['name']);
      expect(issue.message).toContain('un nom contient des lettres');
    },
  );

  test('a name holding markup and letters is kept as text', () => {
    expect(schemas.partner.parse({ ...fx.partner(), name: '<b>Gras</b> & Cie' }).name).toBe(
      '<b>Gras</b> & Cie',
    );
  });
});

describe('facts about organisations name the source that states them', () => {
  test('a legal form without its source is rejected on legalFormSource', () => {
    const { legalFormSource: _source, ...entry } = fx.partner();
    const issue = issueAt(schemas.partner, entry, ['legalFormSource']);
    expect(issue.message).toContain('la forme juridique est renseigné(e) sans la source qui l’affirme');
  });

  test('partnership types without their source are rejected on partnershipTypesSource', () => {
    const { partnershipTypesSource: _source, ...entry } = fx.partner();
    issueAt(schemas.partner, entry, ['partnershipTypesSource']);
  });

  test('a start year without its source is rejected on partnerSinceSource', () => {
    const { partnerSinceSource: _source, ...entry } = fx.partner();
    issueAt(schemas.partner, entry, ['partnerSinceSource']);
  });

  test('a source given for an empty legal form is rejected on legalFormSource', () => {
    const { legalForm: _form, ...entry } = fx.partner();
    const issue = issueAt(schemas.partner, entry, ['legalFormSource']);
    expect(issue.message).toContain('retirez-la');
  });

  test('a case-study status without its source is rejected on statusSource', () => {
    const { statusSource: _source, ...entry } = fx.caseStudy();
    issueAt(schemas.caseStudy, entry, ['statusSource']);
  });

  test('a case study without status or partnership types passes: the site then says less', () => {
    const {
      status: _status,
      statusSource: _s1,
      partnershipTypes: _types,
      partnershipTypesSource: _s2,
      ...entry
    } = fx.caseStudy();
    expect(schemas.caseStudy.safeParse(entry).success).toBe(true);
  });

  test('a status citing a source missing from the story’s sources is rejected on statusSource', () => {
    const issue = issueAt(schemas.caseStudy, { ...fx.caseStudy(), statusSource: 'autre-article' }, [
      'statusSource',
    ]);
    expect(issue.message).toContain('ajoutez-la à « Sources »');
  });

  test('a start worked out without a note is rejected on period.note', () => {
    const entry = { ...fx.caseStudy(), period: { start: '2022', source: 'laposte-2022', workedOut: true } };
    issueAt(schemas.caseStudy, entry, ['period', 'note']);
  });
});

describe('sources describe a document by what it says about itself', () => {
  test('a source with a title, author, publisher and date passes', () => {
    expect(schemas.source.safeParse(fx.source()).success).toBe(true);
  });

  test('an untitled source without a description is rejected on description', () => {
    issueAt(schemas.source, { ...fx.source(), title: null }, ['description']);
  });

  test('an untitled source with a description passes', () => {
    const entry = {
      ...fx.source(),
      title: null,
      description: 'Article sans titre sur le Point Poste de Loos.',
    };
    expect(schemas.source.safeParse(entry).success).toBe(true);
  });

  test('a worked-out date without its reasoning is rejected on dateReasoning', () => {
    issueAt(schemas.source, { ...fx.source(), dateWorkedOut: true }, ['dateReasoning']);
  });

  test('reasoning about a date not marked as worked out is rejected on dateWorkedOut', () => {
    issueAt(schemas.source, { ...fx.source(), dateReasoning: 'Déduite du texte.' }, ['dateWorkedOut']);
  });

  test('a worked-out date that is empty is rejected on date', () => {
    const entry = { ...fx.source(), date: null, dateWorkedOut: true, dateReasoning: 'Déduite.' };
    issueAt(schemas.source, entry, ['date']);
  });

  test('a source without a publisher or a date passes: unknown stays unknown', () => {
    expect(schemas.source.safeParse({ ...fx.source(), publisher: null, date: null }).success).toBe(true);
  });
});
