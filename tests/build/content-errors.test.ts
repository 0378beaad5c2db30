/**
 * A content file that breaks the schema fails the build with a message naming the file
 * and the field. Each case copies the valid fixture (tests/fixtures/content), breaks one
 * thing, and runs `astro sync` on it (CONTENT_DIR): sync loads and validates content
 * exactly as the build does, in about two seconds instead of a full build.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, TMP } from '../setup/paths';
import { runAstro, type RunResult } from '../setup/run';

const FIXTURE = path.join(ROOT, 'tests/fixtures/content');
/** The site's config with a cache folder of its own (see the file). */
const CONFIG = 'tests/setup/astro.fixture.config.mjs';
const CACHE = path.join(TMP, 'astro-cache');

const CASE_STUDY = 'case-studies/fr/loos-point-poste-ess.mdx';
const PARTNER = 'partners/la-fabrique-de-l-emploi.yaml';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'ad-content-'));
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
  /** What the message names besides the file, for the test's name. */
  what: 'the field' | 'the line';
  /** What the message must contain besides the file name: the field, or « ligne N : » for MDX. */
  mentions: (string | RegExp)[];
}

/** 1-based line of the fixture case study that contains `text`. */
function lineOf(text: string): number {
  const index = readFileSync(path.join(FIXTURE, CASE_STUDY), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`fixture ${CASE_STUDY} has no "${text}": update this test`);
  return index + 1;
}

const BAD_CASES: BadCase[] = [
  {
    name: 'missing title',
    what: 'the field',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, /^title: .*\n/m, ''),
    mentions: [/\btitle\b.*Required/],
  },
  {
    name: 'bad date',
    what: 'the field',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, "publishedAt: '2024-05-02'", "publishedAt: '2024-13-45'"),
    mentions: ['publishedAt: not a real calendar date'],
  },
  {
    name: 'unknown commitment',
    what: 'the field',
    file: PARTNER,
    mutate: replaceIn(PARTNER, 'commitments: [territorial-cohesion,', 'commitments: [world-peace,'),
    mentions: ['commitments.0: Invalid option'],
  },
  {
    name: 'invalid SIRET',
    what: 'the field',
    file: PARTNER,
    mutate: replaceIn(PARTNER, '73282932000074', '73282932000075'),
    mentions: ['siret: invalid SIRET'],
  },
  {
    name: 'unknown INSEE code',
    what: 'the field',
    file: PARTNER,
    mutate: replaceIn(PARTNER, "commune: '59360'", "commune: '99999'"),
    mentions: ['location.commune: "99999" is not the INSEE code of a current French commune'],
  },
  {
    name: 'javascript: URL',
    what: 'the field',
    file: PARTNER,
    mutate: replaceIn(PARTNER, 'website: https://example.org/', "website: 'javascript:alert(1)'"),
    mentions: ['website: expected an http:// or https:// web address'],
  },
  {
    name: 'a partner file named by a number alone',
    what: 'the field',
    file: 'partners/2.yaml',
    mutate: (dir) => rename(path.join(dir, PARTNER), path.join(dir, 'partners/2.yaml')),
    mentions: ['file name: "2" is not an identifier'],
  },
  {
    name: 'image without alt',
    what: 'the field',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, / alt: [^,]+,/, ''),
    mentions: [/\bhero\.alt\b.*Required/],
  },
  {
    name: 'an import in MDX',
    what: 'the line',
    file: CASE_STUDY,
    mutate: replaceIn(
      CASE_STUDY,
      '## Le partenariat\n',
      "## Le partenariat\n\nimport Evil from './evil.js';\n",
    ),
    mentions: [`ligne ${lineOf('## Le partenariat') + 2} : une ligne import ou export`],
  },
  {
    name: 'an {expression} in MDX',
    what: 'the line',
    file: CASE_STUDY,
    mutate: replaceIn(CASE_STUDY, 'six jours sur sept.', 'ouvert {process.env.HOME} jours.'),
    mentions: [`ligne ${lineOf('six jours sur sept.')} : une expression JavaScript`],
  },
  {
    name: 'an event handler on an HTML tag in MDX',
    what: 'the line',
    file: CASE_STUDY,
    mutate: replaceIn(
      CASE_STUDY,
      'six jours sur sept.',
      '<span onclick="alert(1)">six</span> jours sur sept.',
    ),
    mentions: [
      `ligne ${lineOf('six jours sur sept.')} : l’attribut onclick n’est pas autorisé sur <span>`,
      'Retirez-le.',
    ],
  },
];

describe('content errors', () => {
  test('the valid content fixture syncs without error', async () => {
    const result = await sync(FIXTURE);
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.output).toContain('Synced content');
  });

  describe('a content file that breaks the schema fails the build with a message naming the file and the field', () => {
    for (const bad of BAD_CASES) {
      test(`${bad.name}: the message names ${path.basename(bad.file)} and ${bad.what}`, async () => {
        const dir = await brokenContent(bad.name.replace(/\W+/g, '-'), bad.mutate);
        const result = await sync(dir);
        expect(result.code, describeRun(result)).not.toBe(0);
        expect(result.output, describeRun(result)).toContain(path.basename(bad.file));
        for (const mention of bad.mentions) {
          if (typeof mention === 'string') expect(result.output, describeRun(result)).toContain(mention);
          else expect(result.output, describeRun(result)).toMatch(mention);
        }
      });
    }
  });

  test('a full astro build of broken content fails too, naming the file and the field', async () => {
    const bad = BAD_CASES.find((c) => c.name === 'invalid SIRET')!;
    const dir = await brokenContent('build-invalid-siret', bad.mutate);
    const outDir = path.join(scratch, 'dist-invalid-siret');
    const result = await runAstro(['build', '--config', CONFIG], {
      env: { CONTENT_DIR: dir, OUT_DIR: outDir, ASTRO_CACHE_DIR: CACHE },
      timeoutMs: 10 * 60_000,
    });
    expect(result.code, describeRun(result)).not.toBe(0);
    expect(result.output).toContain(path.basename(bad.file));
    expect(result.output).toContain('siret: invalid SIRET');
  });
});
