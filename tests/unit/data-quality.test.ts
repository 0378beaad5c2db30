/**
 * The data-quality check (src/lib/data-quality.ts, npm run check:data): one test per
 * finding, on made-up partner files, and the command's exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkPartners, partnerReferences, yearsBefore, type Finding } from '../../src/lib/data-quality';
import { readPartnerFiles, readPartnerText, type PartnerFile } from '../../src/lib/import-content';
import { FIXTURE_PARTNERS, MEMBER, NETWORK, ROOT, scratchContent } from '../fixtures/import/helpers';

const TODAY = '2026-11-23';

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The fixture partners, with `id`'s text edited by `edit` (and optionally a copy under `copyAs`). */
async function files(edit: (text: string) => string = (t) => t, id = MEMBER.id, copyAs?: string) {
  const all = await readPartnerFiles(FIXTURE_PARTNERS);
  const edited = all.map((f) => (f.id === id ? readPartnerText(f.id, f.file, edit(f.text)) : f));
  if (copyAs) {
    const original = edited.find((f) => f.id === id)!;
    edited.push(readPartnerText(copyAs, path.join(FIXTURE_PARTNERS, `${copyAs}.yaml`), original.text));
  }
  return edited;
}

const of = (findings: Finding[], kind: Finding['kind']) => findings.filter((f) => f.kind === kind);
const replace = (from: string, to: string) => (text: string) => {
  if (!text.includes(from)) throw new Error(`fixture has no ${from}: update this test`);
  return text.replace(from, to);
};

describe('findings', () => {
  test('the fixture partners have no error', async () => {
    expect(checkPartners(await files(), TODAY).filter((f) => f.level === 'error')).toEqual([]);
  });

  test('an entry with a commune but no coordinates is a warning that says it is placed at its commune', async () => {
    const found = of(
      checkPartners(await files(replace('  latitude: 50.61\n  longitude: 3.01\n', '')), TODAY),
      'no-coordinates',
    );
    expect(found.map((f) => [f.partner, f.level])).toEqual([[MEMBER.id, 'warning']]);
    expect(found[0]!.message).toMatch(/au centre de Loos, de façon approximative/);
  });

  test('an entry with no location at all is incomplete, not a coordinates warning', async () => {
    const findings = checkPartners(await files(), TODAY);
    expect(of(findings, 'no-coordinates')).toEqual([]);
    const incomplete = of(findings, 'incomplete').find((f) => f.partner === NETWORK.id);
    expect(incomplete?.level).toBe('warning');
    expect(incomplete?.message).toMatch(/« Implantation »/);
  });

  test('a referenced organisation without description or commitments is incomplete, naming both fields', async () => {
    const referenced = [
      'kind: ess-organisation',
      'name: Structure Fictive des Tests',
      "siret: '99999000000112'",
      "updatedAt: '2026-11-01'",
      '',
    ].join('\n');
    const found = of(
      checkPartners([readPartnerText('structure-fictive', 'structure-fictive.yaml', referenced)], TODAY),
      'incomplete',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/« Implantation », « Description », « Engagements » manquent/);
  });

  test('a partner without partnership types is incomplete; a referenced organisation is not asked for them', async () => {
    const member = await files(
      replace('partnershipTypes: [shared-places]\npartnershipTypesSource: article-exemple\n', ''),
    );
    expect(of(checkPartners(member, TODAY), 'incomplete').map((f) => f.message)).toEqual([
      expect.stringMatching(/« Types de partenariat »/),
      expect.stringMatching(/« Implantation »/),
    ]);
    const referenced = await files((t) =>
      replace('kind: ess-partner', 'kind: ess-organisation')(t).replace(/partnershipTypes.*\n.*\n/, ''),
    );
    expect(of(checkPartners(referenced, TODAY), 'incomplete').filter((f) => f.partner === MEMBER.id)).toEqual(
      [],
    );
  });

  test('an entry last checked over two years ago is a warning', async () => {
    const found = of(checkPartners(await files(replace("'2026-02-01'", "'2024-11-22'")), TODAY), 'stale');
    expect(found.map((f) => [f.partner, f.level])).toEqual([[MEMBER.id, 'warning']]);
  });

  test('an entry checked exactly two years ago is not stale yet', async () => {
    expect(of(checkPartners(await files(replace("'2026-02-01'", "'2024-11-23'")), TODAY), 'stale')).toEqual(
      [],
    );
  });

  test('two years before 29 February is 28 February', () => {
    expect(yearsBefore('2028-02-29', 2)).toBe('2026-02-28');
  });

  test('a postal code that is not one of its commune’s is an error', async () => {
    const found = of(
      checkPartners(await files(replace("postalCode: '59120'", "postalCode: '75001'")), TODAY),
      'postal-code',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: 'error', partner: MEMBER.id });
    expect(found[0]!.message).toContain(
      'le code postal 75001 n’est pas l’un de ceux de Loos (59360) : 59120',
    );
  });

  test('two files with the same SIRET are an error on both', async () => {
    const found = of(
      checkPartners(await files(undefined, MEMBER.id, 'copie-fictive'), TODAY),
      'duplicate-siret',
    );
    expect(found.map((f) => f.partner).sort()).toEqual([MEMBER.id, 'copie-fictive']);
    expect(found.every((f) => f.level === 'error')).toBe(true);
  });

  test('a SIRET written with spaces is compared without them', async () => {
    const spaced = replace("siret: '99999000000070'", "siret: '999 990 000 00070'");
    const found = of(
      checkPartners(await files(spaced, MEMBER.id, 'copie-fictive'), TODAY),
      'duplicate-siret',
    );
    expect(found).toHaveLength(2);
  });

  test('a network naming a missing partner is an error', async () => {
    const found = of(
      checkPartners(
        await files(replace('networks: [reseau-fictif-des-tests]', 'networks: [reseau-disparu]')),
        TODAY,
      ),
      'missing-network',
    );
    expect(found.map((f) => [f.partner, f.level, f.message])).toEqual([
      [
        MEMBER.id,
        'error',
        'networks : aucune fiche « reseau-disparu » dans l’annuaire (content/partners/reseau-disparu.yaml)',
      ],
    ]);
  });

  const STUDY = `---
title: Étude inventée pour les tests
partners: [${NETWORK.id}, partenaire-disparu]
---

Un paragraphe.

<PartnerCard id="${MEMBER.id}" />
<PartnerCard id='autre-disparu' />
`;

  test('a case study naming a missing partner in its front matter is an error naming the file and the field', async () => {
    const refs = partnerReferences('/content/case-studies/fr/etude-inventee.mdx', STUDY);
    const found = of(checkPartners(await files(), TODAY, refs), 'missing-partner');
    expect(found.map((f) => [f.partner, f.level, f.message])).toContainEqual([
      'etude-inventee',
      'error',
      'partners[1] : aucune fiche « partenaire-disparu » dans l’annuaire (content/partners/partenaire-disparu.yaml)',
    ]);
  });

  test('a <PartnerCard> naming a missing partner is an error naming its line', async () => {
    const refs = partnerReferences('/content/pages/fr/page-inventee.mdx', STUDY);
    const found = of(checkPartners(await files(), TODAY, refs), 'missing-partner');
    expect(found.map((f) => f.message)).toContain(
      'ligne 9, <PartnerCard> : aucune fiche « autre-disparu » dans l’annuaire (content/partners/autre-disparu.yaml)',
    );
  });

  test('references to existing partners are not findings', async () => {
    const refs = partnerReferences('/content/case-studies/fr/etude-inventee.mdx', STUDY);
    expect(refs.map((r) => r.partner)).toEqual([
      NETWORK.id,
      'partenaire-disparu',
      MEMBER.id,
      'autre-disparu',
    ]);
    const found = of(checkPartners(await files(), TODAY, refs), 'missing-partner');
    expect(found).toHaveLength(2);
  });

  test('coordinates (0, 0) are an error', async () => {
    const zero = (t: string) =>
      replace('latitude: 50.61', 'latitude: 0')(replace('longitude: 3.01', 'longitude: 0')(t));
    const found = of(checkPartners(await files(zero), TODAY), 'outside-france');
    expect(found.map((f) => f.level)).toEqual(['error']);
  });

  test('coordinates in another part of France than the commune are an error', async () => {
    const reunion = (t: string) =>
      replace('latitude: 50.61', 'latitude: -20.88')(replace('longitude: 3.01', 'longitude: 55.45')(t));
    const found = of(checkPartners(await files(reunion), TODAY), 'outside-france');
    expect(found[0]?.message).toContain('est en La Réunion');
  });

  test('a file the schema rejects is an error naming the field', async () => {
    const found = of(
      checkPartners(await files(replace("siret: '99999000000070'", "siret: '99999000000071'")), TODAY),
      'invalid',
    );
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/^siret : SIRET invalide/)]);
  });

  test('a file that is not valid YAML is an error', async () => {
    const found = of(checkPartners(await files(() => 'name: [unclosed\n'), TODAY), 'invalid');
    expect(found[0]?.message).toMatch(/^YAML illisible/);
  });

  test('errors come before warnings', async () => {
    const all = checkPartners(
      await files(replace('networks: [reseau-fictif-des-tests]', 'networks: [reseau-disparu]')),
      TODAY,
    );
    const levels = all.map((f) => f.level);
    expect(levels).toEqual([...levels].sort());
  });

  test('the real content has no error (its warnings are listed by npm run check:data)', async () => {
    const real: PartnerFile[] = await readPartnerFiles(path.join(ROOT, 'content/partners'));
    const studies = path.join(ROOT, 'content/case-studies');
    const refs = [];
    for (const file of await readdir(studies, { recursive: true })) {
      if (!file.endsWith('.mdx')) continue;
      const full = path.join(studies, file);
      refs.push(...partnerReferences(full, await readFile(full, 'utf8')));
    }
    expect(refs.length).toBeGreaterThan(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(checkPartners(real, today, refs).filter((f) => f.level === 'error')).toEqual([]);
  });
});

describe('npm run check:data', () => {
  const runCheck = (contentDir: string) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-data.ts')], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir },
      encoding: 'utf8',
    });

  test('exits with 0 when there are only warnings, and lists them', async () => {
    const dir = await scratchContent();
    scratch.push(dir);
    const result = runCheck(dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('avertissement : Fiches incomplètes (1)');
    expect(result.stdout).toContain('2 fiche(s) vérifiée(s) : 0 erreur(s), 1 avertissement(s).');
  });

  test('exits with 1 when there is an error', async () => {
    const dir = await scratchContent();
    scratch.push(dir);
    const file = path.join(dir, 'partners', `${MEMBER.id}.yaml`);
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'networks: [reseau-fictif-des-tests]',
        'networks: [reseau-disparu]',
      ),
    );
    const result = runCheck(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('ERREUR : Réseaux qui nomment une fiche absente (1)');
  });

  test('exits with 1 when a case study names a missing partner, naming the file and the field', async () => {
    const dir = await scratchContent();
    scratch.push(dir);
    await mkdir(path.join(dir, 'case-studies/fr'), { recursive: true });
    await writeFile(path.join(dir, 'case-studies/fr/etude-inventee.mdx'), '---\npartners: [disparu]\n---\n');
    const result = runCheck(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'ERREUR : Études de cas, brochures et pages qui nomment une fiche absente (1)',
    );
    expect(result.stdout).toMatch(
      /case-studies\/fr\/etude-inventee\.mdx : partners\[0\] : aucune fiche « disparu »/,
    );
  });
});
