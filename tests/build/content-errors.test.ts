/**
 * A content file that breaks a rule fails the build with one French summary naming the
 * file, the line, the field and the fix, and no stack trace. Each case copies the valid
 * fixture (tests/fixtures/content), breaks one thing, and runs the content check on it
 * (CONTENT_DIR), which `npm run build` runs before Astro; a last case runs the whole build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, TMP } from '../setup/paths';
import { runAstro, runAstroBuild, runBuild, runCheckContent, type RunResult } from '../setup/run';

const FIXTURE = path.join(ROOT, 'tests/fixtures/content');
/** The site's config with a cache folder of its own (see the file). */
const CONFIG = 'tests/setup/astro.fixture.config.mjs';
const CACHE = path.join(TMP, 'astro-cache');

const CASE_STUDY = 'case-studies/fr/loos-point-poste-ess.mdx';
const PARTNER = 'partners/la-fabrique-de-l-emploi.yaml';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'ad-content-'));
  // Astro keeps parsed entries across runs by their file's digest, not the schema's: a
  // cache from before a schema change would hand the build entries of the old shape.
  await rm(CACHE, { recursive: true, force: true });
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  // The runs above left .astro/ describing the throwaway content; describe the site's again
  // so that a running `astro dev` or the editor's types are not left pointing at deleted files.
  await runAstro(['sync'], { timeoutMs: 3 * 60_000 });
});

/** Copies the fixture to a fresh folder and applies `mutate` to it. */
async function brokenContent(name: string, mutate: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(scratch, name);
  await cp(FIXTURE, dir, { recursive: true });
  await mutate(dir);
  return dir;
}

/** Replaces `from` by `to` in one file of `dir`; fails when `from` is absent, so no case passes by accident. */
function replaceIn(file: string, from: string | RegExp, to: string) {
  return async (dir: string) => {
    const full = path.join(dir, file);
    const before = await readFile(full, 'utf8');
    const after = before.replace(from, to);
    if (after === before) throw new Error(`fixture ${file} has no ${String(from)}: update this test`);
    await writeFile(full, after);
  };
}

/**
 * Runs `astro sync` on a content folder. The runs share one cache folder, kept apart from
 * the site's: a new one each time would make Vite re-optimise its dependencies, and the
 * runs go one at a time because they share it (and .astro/). Invalid entries are never
 * cached, so a cached valid entry cannot hide an error.
 */
function sync(contentDir: string): Promise<RunResult> {
  return runAstro(['sync', '--config', CONFIG], {
    env: { CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: CACHE },
    timeoutMs: 3 * 60_000,
  });
}

function describeRun(result: RunResult): string {
  return `exit code ${String(result.code)} after ${(result.ms / 1000).toFixed(1)} s; output:\n${result.output}`;
}

interface BadCase {
  name: string;
  file: string;
  mutate: (dir: string) => Promise<void>;
  /** What the summary must contain besides the file name: line, field and message. */
  mentions: (string | RegExp)[];
}

/** 1-based line of a fixture file that contains `text`. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(path.join(FIXTURE, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`fixture ${file} has no "${text}": update this test`);
  return index + 1;
}

const BAD_CASES: BadCase[] = [
  {
    name: 'missing title',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, /^title: .*\n/m, ''),
    mentions: ['champ « title » (Titre) : obligatoire : ce champ doit être rempli'],
  },
  {
    name: 'bad date',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, "publishedAt: '2024-05-02'", "publishedAt: '2024-13-45'"),
    mentions: [
      `ligne ${lineOf(CASE_STUDY, 'publishedAt:')}, champ « publishedAt » (Date de publication) : cette date n’existe pas dans le calendrier`,
    ],
  },
  {
    name: 'unknown commitment',
    file: PARTNER,
    mutate: replaceIn(PARTNER, 'commitments: [territorial-cohesion,', 'commitments: [world-peace,'),
    mentions: [
      `ligne ${lineOf(PARTNER, 'commitments:')}, champ « commitments[0] » (Engagements) : Option invalide`,
    ],
  },
  {
    name: 'invalid SIRET',
    file: PARTNER,
    mutate: replaceIn(PARTNER, '73282932000074', '73282932000075'),
    mentions: [`ligne ${lineOf(PARTNER, 'siret:')}, champ « siret » (SIRET) : SIRET invalide`],
  },
  {
    name: 'unknown INSEE code',
    file: PARTNER,
    mutate: replaceIn(PARTNER, "commune: '59360'", "commune: '99999'"),
    mentions: [
      'champ « location.commune » (Implantation › Commune (code INSEE)) : « 99999 » n’est le code INSEE d’aucune commune française actuelle',
    ],
  },
  {
    name: 'javascript: URL',
    file: PARTNER,
    mutate: replaceIn(PARTNER, 'website: https://example.org/', "website: 'javascript:alert(1)'"),
    mentions: ['champ « website » (Site web) : adresse web attendue, commençant par http:// ou https://'],
  },
  {
    name: 'a partner file named by a number alone',
    file: 'partners/2.yaml',
    mutate: (dir) => rename(path.join(dir, PARTNER), path.join(dir, 'partners/2.yaml')),
    mentions: ['nom de fichier : « 2 » n’est pas un identifiant'],
  },
  {
    name: 'image without alt',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, / alt: [^,]+,/, ''),
    mentions: ['champ « hero.alt » (Image principale › Texte alternatif) : obligatoire'],
  },
  {
    name: 'an image that does not exist',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, 'src: ../images/hero.png', 'src: ../images/absente.png'),
    mentions: ['champ « hero.src » (Image principale › Image) : image introuvable : ../images/absente.png'],
  },
  {
    name: 'a legal form without its source',
    file: PARTNER,
    mutate: replaceIn(PARTNER, /^legalFormSource: .*\n/m, ''),
    mentions: ['champ « legalFormSource »', 'sans la source qui l’affirme'],
  },
  {
    name: 'a key figure citing a source that does not exist',
    file: 'settings/site.yaml',
    mutate: replaceIn('settings/site.yaml', 'source: laposte-2023', 'source: inconnue'),
    mentions: ['champ « headlineFigures[0].source »', 'la source « inconnue » n’existe pas'],
  },
  {
    name: 'a dated figure backed by an undated source',
    file: 'settings/site.yaml',
    mutate: replaceIn(path.join('sources', 'laposte-2023.yaml'), "date: '2023'", 'date: null'),
    mentions: ['la source « laposte-2023 » n’est pas datée : elle ne peut pas appuyer un chiffre daté'],
  },
  {
    name: 'an in-text key figure from an undated source',
    file: CASE_STUDY,
    mutate: replaceIn(path.join('sources', 'laposte-2022.yaml'), "date: '2022'", 'date: null'),
    mentions: [`ligne ${lineOf(CASE_STUDY, '<KeyFigure')} : <KeyFigure> : ce chiffre n’a pas de date`],
  },
  {
    name: 'a quote from an English document, not marked as translated, on a French page',
    file: CASE_STUDY,
    mutate: async (dir) => {
      await replaceIn(path.join('sources', 'laposte-2022.yaml'), 'language: fr', 'language: en')(dir);
      await replaceIn(
        CASE_STUDY,
        '## Le partenariat\n',
        '## Le partenariat\n\n<Quote author="Samir" source="laposte-2022">Nous sommes fiers.</Quote>\n',
      )(dir);
    },
    mentions: [
      `ligne ${lineOf(CASE_STUDY, '## Le partenariat') + 2} : <Quote> : la source « laposte-2022 » est en anglais et la page en français : la citation est notre traduction, ajoutez translatedFrom="en"`,
    ],
  },
  {
    name: 'a language written in a translated file',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, /^summary:/m, 'lang: fr\nsummary:'),
    mentions: ['champ « lang » : ce champ est déduit de l’emplacement du fichier'],
  },
  {
    name: 'an import in MDX',
    file: CASE_STUDY,
    mutate: replaceIn(
      CASE_STUDY,
      '## Le partenariat\n',
      "## Le partenariat\n\nimport Evil from './evil.js';\n",
    ),
    mentions: [`ligne ${lineOf(CASE_STUDY, '## Le partenariat') + 2} : une ligne import ou export`],
  },
  {
    name: 'an {expression} in MDX',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, 'six jours sur sept.', 'ouvert {process.env.HOME} jours.'),
    mentions: [`ligne ${lineOf(CASE_STUDY, 'six jours sur sept.')} : une expression JavaScript`],
  },
  {
    name: 'an event handler on an HTML tag in MDX',
    file: CASE_STUDY,
    mutate: replaceIn(
      CASE_STUDY,
      'six jours sur sept.',
      '<span onclick="alert(1)">six</span> jours sur sept.',
    ),
    mentions: [
      `ligne ${lineOf(CASE_STUDY, 'six jours sur sept.')} : l’attribut onclick n’est pas autorisé sur <span>`,
      'Retirez-le.',
    ],
  },
  {
    name: 'a stray < typed in a body',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, 'six jours sur sept.', 'ouvert <2 jours.'),
    mentions: [`ligne ${lineOf(CASE_STUDY, 'six jours sur sept.')} :`],
  },
  {
    name: 'a stray { typed in a body',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, 'six jours sur sept.', 'ouvert { jours.'),
    mentions: [/ligne \d+ :/],
  },
  {
    name: 'YAML that cannot be read',
    file: PARTNER,
    mutate: replaceIn(PARTNER, /^name: (.*)$/m, 'name: "$1'),
    mentions: ['YAML illisible'],
  },
];

/** What staff must never read: stack traces, framework error names and documentation links. */
function expectReadable(output: string): void {
  expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
  expect(output).not.toMatch(/Stack trace|Error reference|docs\.astro\.build|InvalidContentEntryDataError/);
}

describe('content errors', () => {
  test('the valid content fixture passes the content check and syncs without error', async () => {
    const check = await runCheckContent({ env: { CONTENT_DIR: FIXTURE } });
    expect(check.code, describeRun(check)).toBe(0);
    const result = await sync(FIXTURE);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.output).toContain('Synced content');
  });

  describe('content that breaks a rule is reported in French, with the file, the line and the field', () => {
    for (const bad of BAD_CASES) {
      test(`${bad.name}: the summary names ${path.basename(bad.file)}`, async () => {
        const dir = await brokenContent(bad.name.replace(/\W+/g, '-'), bad.mutate);
        const result = await runCheckContent({ env: { CONTENT_DIR: dir } });
        expect(result.code, describeRun(result)).toBe(1);
        expect(result.output, describeRun(result)).toMatch(
          /^Le contenu a (un problème|\d+ problèmes) à corriger/,
        );
        expect(result.output, describeRun(result)).toContain(path.basename(bad.file));
        for (const mention of bad.mentions) {
          if (typeof mention === 'string') expect(result.output, describeRun(result)).toContain(mention);
          else expect(result.output, describeRun(result)).toMatch(mention);
        }
        expectReadable(result.output);
      });
    }
  });

  test('every problem of a change is listed at once, not only the first', async () => {
    const dir = await brokenContent('several', async (d) => {
      await replaceIn(PARTNER, '73282932000074', '73282932000075')(d);
      await replaceIn(CASE_STUDY, "publishedAt: '2024-05-02'", "publishedAt: '2024-13-45'")(d);
    });
    const result = await runCheckContent({ env: { CONTENT_DIR: dir } });
    expect(result.output).toContain('Le contenu a 2 problèmes à corriger');
    expect(result.output).toContain('la-fabrique-de-l-emploi.yaml');
    expect(result.output).toContain('loos-point-poste-ess.mdx');
  });

  test('npm run build stops at the content check: one French summary, no stack trace, nothing built', async () => {
    const bad = BAD_CASES.find((c) => c.name === 'invalid SIRET')!;
    const dir = await brokenContent('build-invalid-siret', bad.mutate);
    const outDir = path.join(scratch, 'dist-invalid-siret');
    const result = await runBuild(['--config', CONFIG], outDir, {
      env: { CONTENT_DIR: dir, OUT_DIR: outDir, ASTRO_CACHE_DIR: CACHE },
      timeoutMs: 10 * 60_000,
    });
    expect(result.code, describeRun(result)).not.toBe(0);
    expect(result.output).toContain('la-fabrique-de-l-emploi.yaml');
    expect(result.output).toContain('champ « siret » (SIRET) : SIRET invalide');
    expectReadable(result.output);
    expect(existsSync(outDir)).toBe(false);
  });

  test('astro build run on its own still refuses broken content, naming the file', async () => {
    const bad = BAD_CASES.find((c) => c.name === 'a key figure citing a source that does not exist')!;
    const dir = await brokenContent('astro-unknown-source', bad.mutate);
    const result = await runAstroBuild(['--config', CONFIG], {
      env: { CONTENT_DIR: dir, OUT_DIR: path.join(scratch, 'dist-astro'), ASTRO_CACHE_DIR: CACHE },
      timeoutMs: 10 * 60_000,
    });
    expect(result.code, describeRun(result)).not.toBe(0);
    expect(result.output).toContain('site.yaml');
    expect(result.output).toContain('la source « inconnue » n’existe pas');
  });
});
