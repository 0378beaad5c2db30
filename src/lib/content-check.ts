/**
 * The content check that `npm run build` runs before Astro: every file of content/ read
 * with the site's schemas, the MDX rules and the rules that join collections, and every
 * problem reported at once, in French, with the file, the line where it can be known, the
 * field (and its label in the CMS form) and how to fix it. Staff whose change CI rejects
 * read this, not a stack trace.
 *
 * Pure apart from reading files: tests call `checkContent` on fixture folders.
 */
import { existsSync } from 'node:fs';
import { readFile, glob } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'astro/zod';
import type { SchemaContext } from '../schemas/context';
import { caseStudySchema } from '../schemas/case-study';
import { partnerSchema } from '../schemas/partner';
import { brochureSchema } from '../schemas/brochure';
import { commitmentSchema } from '../schemas/commitment';
import { pageSchema } from '../schemas/page';
import { settingsSchema } from '../schemas/settings';
import { sourceSchema } from '../schemas/source';
import { CONTENT_COMPONENTS } from '../schemas/mdx-components';
import { COMMITMENTS } from '../schemas/enums';
import { labelsAt } from '../schemas/meta';
import { findMdxViolations } from './mdx-guard';
import { IDENTIFIER_REGEX, IDENTIFIER_RULE } from './slug';
import { relationProblems, type RelationInput } from './content-relations';
import { citationProblems, type SourceFacts } from './source-rules';
import { codeDigest, textDigest } from './digest';
import { VerdictCache } from './verdict-cache';

export interface ContentProblem {
  /** Path relative to the content folder's parent (content/partners/admr.yaml). */
  file: string;
  /** 1-based line, when it can be known. */
  line?: number;
  /** Field path (location.commune), absent for problems of the whole file. */
  field?: string;
  /** The field's label in the CMS form, when it has one. */
  label?: string;
  message: string;
}

/** Files read at once. */
const READ_BATCH = 256;

/** js-yaml, which Astro uses, reads an unquoted 2024-05-02 as a date: so does this check. */
const YAML_OPTIONS = { customTags: ['timestamp'] as const } as { customTags: ['timestamp'] };

interface Collection {
  folder: string;
  pattern: string;
  schema: (ctx: SchemaContext) => z.ZodType;
  /** Translated collections: the folder gives `lang`, the file name this field. */
  keyField?: 'translationKey' | 'key';
  /** File names are identifiers cited elsewhere (partners, sources). */
  identifiers?: boolean;
}

const COLLECTIONS = {
  caseStudies: {
    folder: 'case-studies',
    pattern: '*/*.mdx',
    schema: caseStudySchema,
    keyField: 'translationKey',
  },
  partners: { folder: 'partners', pattern: '*.yaml', schema: partnerSchema, identifiers: true },
  brochures: { folder: 'brochures', pattern: '*/*.mdx', schema: brochureSchema, keyField: 'translationKey' },
  commitments: { folder: 'commitments', pattern: '*.yaml', schema: () => commitmentSchema },
  pages: { folder: 'pages', pattern: '*/*.mdx', schema: () => pageSchema, keyField: 'key' },
  sources: { folder: 'sources', pattern: '*.yaml', schema: () => sourceSchema, identifiers: true },
  settings: { folder: 'settings', pattern: '*.yaml', schema: () => settingsSchema },
} satisfies Record<string, Collection>;

type CollectionName = keyof typeof COLLECTIONS;

interface LoadedEntry {
  file: string;
  id: string;
  data: Record<string, unknown>;
}

/** The YAML of a file (data file, or MDX front matter) and where it starts in the file. */
function yamlOf(text: string, isMdx: boolean): { yaml: string; firstLine: number; body: string } | undefined {
  if (!isMdx) return { yaml: text, firstLine: 1, body: '' };
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  return { yaml: match[1]!, firstLine: 2, body: text.slice(match[0].length) };
}

/** The line of `fieldPath` in a parsed YAML document, or of its nearest parent that exists. */
function lineOf(doc: Document, counter: LineCounter, fieldPath: readonly PropertyKey[], firstLine: number) {
  for (let n = fieldPath.length; n >= 0; n -= 1) {
    const parent = n === 0 ? doc.contents : doc.getIn(fieldPath.slice(0, n - 1), true);
    let range: [number, number, number] | undefined | null;
    if (n === 0) range = (doc.contents as { range?: [number, number, number] } | null)?.range;
    else if (isMap(parent)) {
      const pair = parent.items.find(
        (p) => String((p.key as { value?: unknown } | null)?.value) === String(fieldPath[n - 1]),
      );
      range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    } else if (isSeq(parent)) {
      range = (parent.items[Number(fieldPath[n - 1])] as { range?: [number, number, number] } | undefined)
        ?.range;
    }
    if (range) return counter.linePos(range[0]).line + firstLine - 1;
  }
  return firstLine;
}

function fieldPath(p: readonly PropertyKey[]): string {
  return p.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

function pathOf(field: string): PropertyKey[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/** Zod's message for an unknown key names the key; say what to do with it. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `champ inconnu : ${issue.keys.map((k) => `« ${k} »`).join(', ')} ; vérifiez l’orthographe, ou retirez-le`;
  }
  return issue.message;
}

/**
 * The digest of the code a verdict depends on: this module, what it imports, and the
 * package lock (Zod, the YAML parser, the geography data the schemas read).
 */
function checkingCode(): Promise<string> {
  return codeDigest(fileURLToPath(import.meta.url), [
    fileURLToPath(new URL('../../package-lock.json', import.meta.url)),
  ]);
}

/** What `contentDir` is checked with; the check itself does not depend on it. */
export interface CheckOptions {
  /**
   * A folder where each file's verdict is kept (content-check/verdicts.bin), so that the
   * next run checks again only the files whose text changed (see VerdictCache below).
   */
  cacheDir?: string;
}

/** What `checkContent` did: how many files it read, and how many it took from the cache. */
export interface CheckStats {
  files: number;
  cached: number;
}

/**
 * One file's verdict, everything the rules that join files need from it: its own problems,
 * then whether it was read (`skipped` when it could not be: bad name, no front matter,
 * unreadable YAML), failed its schema (`invalid`) or passed, with its parsed data and the
 * <KeyFigure> and <Quote> tags of its body.
 */
interface FileVerdict {
  collection: CollectionName;
  file: string;
  id: string;
  problems: Omit<ContentProblem, 'file'>[];
  outcome: 'skipped' | 'invalid' | 'valid';
  data?: Record<string, unknown>;
  citations?: BodyCitation[];
  /** The images the schema looked for (absolute paths) and whether each was there. */
  images: [string, boolean][];
}

/** Where a field sits in a file: the parsed YAML and the schema that reads it. */
interface Located {
  doc: Document;
  counter: LineCounter;
  firstLine: number;
  schema: z.ZodType;
}

interface FileInput {
  collection: CollectionName;
  full: string;
  file: string;
  id: string;
  text: string;
}

/** Checks one file on its own (the rules that join files come after, over every verdict). */
function checkFile(input: FileInput): { verdict: FileVerdict; located?: Located } {
  const { collection: name, full, file, id, text } = input;
  const collection: Collection = COLLECTIONS[name];
  const isMdx = full.endsWith('.mdx');
  const images: [string, boolean][] = [];
  const verdict: FileVerdict = { collection: name, file, id, problems: [], outcome: 'skipped', images };
  const add = (problem: Omit<ContentProblem, 'file'>) => verdict.problems.push(problem);

  const baseName = path.basename(id);
  if (collection.identifiers && !IDENTIFIER_REGEX.test(baseName)) {
    add({
      message: `nom de fichier : « ${baseName} » n’est pas un identifiant (${IDENTIFIER_RULE}) ; renommez le fichier`,
    });
    return { verdict };
  }
  if (isMdx) {
    for (const v of findMdxViolations(text, CONTENT_COMPONENTS)) add({ line: v.line, message: v.message });
  }
  const parts = yamlOf(text, isMdx);
  if (!parts) {
    add({ line: 1, message: 'le fichier doit commencer par ses champs, entre deux lignes « --- »' });
    return { verdict };
  }
  const counter = new LineCounter();
  const doc = parseDocument(parts.yaml, { ...YAML_OPTIONS, lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      add({
        line: counter.linePos(error.pos[0]).line + parts.firstLine - 1,
        message: `YAML illisible : ${error.message.split('\n')[0]} ; vérifiez l’indentation, les guillemets et les deux-points`,
      });
    }
    return { verdict };
  }
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  let data: Record<string, unknown> = raw;
  if (collection.keyField) {
    const [lang, ...rest] = id.split('/');
    for (const derived of ['lang', collection.keyField]) {
      if (derived in raw) {
        add({
          line: lineOf(doc, counter, [derived], parts.firstLine),
          field: derived,
          message:
            'ce champ est déduit de l’emplacement du fichier (dossier fr/ ou en/ pour la langue, nom du fichier pour la clé) : retirez cette ligne',
        });
      }
    }
    data = { ...raw, lang, [collection.keyField]: rest.join('/') };
  }
  const schema = collection.schema(contextFor(full, images));
  const result = schema.safeParse(data);
  if (!result.success) {
    verdict.outcome = 'invalid';
    for (const issue of result.error.issues) {
      const labels = labelsAt(schema, issue.path);
      add({
        line: lineOf(doc, counter, issue.path, parts.firstLine),
        ...(issue.path.length > 0 ? { field: fieldPath(issue.path) } : {}),
        ...(labels.length > 0 ? { label: labels.join(' › ') } : {}),
        message: messageOf(issue),
      });
    }
    return { verdict };
  }
  verdict.outcome = 'valid';
  verdict.data = result.data as Record<string, unknown>;
  verdict.citations = isMdx ? citationsInBody(parts.body, text, file, String(data['lang'] ?? 'fr')) : [];
  return { verdict, located: { doc, counter, firstLine: parts.firstLine, schema } };
}

/** Parses a file again to find a field's line, for a verdict taken from the cache. */
function locate(full: string, name: CollectionName, text: string): Located | undefined {
  const parts = yamlOf(text, full.endsWith('.mdx'));
  if (!parts) return undefined;
  const counter = new LineCounter();
  const doc = parseDocument(parts.yaml, { ...YAML_OPTIONS, lineCounter: counter, prettyErrors: false });
  const schema = COLLECTIONS[name].schema(contextFor(full, []));
  return { doc, counter, firstLine: parts.firstLine, schema };
}

/**
 * Checks every file of `contentDir` and returns the problems found, in file order. File
 * names are given from the content folder's own name: content/partners/admr.yaml. With a
 * `cacheDir`, a file whose text, images and checking code are those of the last run gets its
 * last verdict back instead of being checked again; the rules that join files run over every
 * verdict each time. The problems are the same either way (tests/unit/content-check-cache.test.ts).
 */
export async function checkContent(
  contentDir: string,
  options: CheckOptions = {},
  stats: CheckStats = { files: 0, cached: 0 },
): Promise<ContentProblem[]> {
  const root = path.dirname(path.resolve(contentDir));
  const named = (...parts: string[]) => [path.basename(path.resolve(contentDir)), ...parts].join('/');
  const problems: ContentProblem[] = [];
  const loaded = Object.fromEntries(Object.keys(COLLECTIONS).map((k) => [k, [] as LoadedEntry[]])) as Record<
    CollectionName,
    LoadedEntry[]
  >;
  // Where each file's fields are, for the problems of the rules that join files: known for
  // the files checked now, parsed again on demand for those taken from the cache.
  const located = new Map<string, Located | (() => Located | undefined)>();
  // Entries that failed their own checks: references to them are not reported twice.
  const invalid = { caseStudies: [] as string[], partners: [] as string[] };
  // <KeyFigure> of the bodies, checked once every source is known.
  const bodyCitations: BodyCitation[] = [];
  const cache = options.cacheDir
    ? await VerdictCache.open<FileVerdict>(
        path.join(options.cacheDir, 'content-check', 'verdicts.bin'),
        await checkingCode(),
      )
    : undefined;

  for (const [name, collection] of Object.entries(COLLECTIONS) as [CollectionName, Collection][]) {
    const base = path.join(contentDir, collection.folder);
    const files: string[] = [];
    if (existsSync(base)) for await (const f of glob(collection.pattern, { cwd: base })) files.push(f);
    files.sort();
    // Read in batches: at once, 20,000 partners would exceed the open files allowed.
    const texts: string[] = [];
    for (let i = 0; i < files.length; i += READ_BATCH) {
      texts.push(
        ...(await Promise.all(
          files.slice(i, i + READ_BATCH).map((relative) => readFile(path.join(base, relative), 'utf8')),
        )),
      );
    }
    files.forEach((relative, n) => {
      const full = path.resolve(base, relative);
      const file = path.relative(root, full).split(path.sep).join('/');
      const id = relative
        .replace(/\.[a-z]+$/, '')
        .split(path.sep)
        .join('/');
      const text = texts[n]!;
      const digest = cache ? textDigest(text) : '';
      stats.files += 1;
      // The same file under the same name, its images where they were.
      let verdict = cache?.get(
        full,
        digest,
        (v) => v.file === file && v.images.every(([image, found]) => existsSync(image) === found),
      );
      if (verdict) {
        stats.cached += 1;
        located.set(file, () => locate(full, name, text));
      } else {
        const checked = checkFile({ collection: name, full, file, id, text });
        verdict = checked.verdict;
        if (checked.located) located.set(file, checked.located);
        cache?.set(full, digest, verdict);
      }
      for (const problem of verdict.problems) problems.push({ file, ...problem });
      if (verdict.outcome === 'invalid') {
        if (name === 'caseStudies') invalid.caseStudies.push(id);
        if (name === 'partners') invalid.partners.push(id);
      }
      if (verdict.outcome === 'valid') {
        loaded[name].push({ file, id, data: verdict.data! });
        bodyCitations.push(...verdict.citations!);
      }
    });
  }
  await cache?.save();

  if (loaded.settings.length !== 1) {
    problems.push({
      file: named('settings/'),
      message: `ce dossier doit contenir un seul fichier, site.yaml (${loaded.settings.length} trouvé(s))`,
    });
  }
  const present = new Set(loaded.commitments.map((c) => c.id));
  for (const id of COMMITMENTS) {
    if (!present.has(id)) {
      problems.push({
        file: named('commitments', `${id}.yaml`),
        message: 'fichier manquant : chaque engagement a le sien',
      });
    }
  }

  const sources = new Map(loaded.sources.map((s) => [s.id, s.data as unknown as SourceFacts]));
  const relations = relationProblems({
    ...(loaded as unknown as Omit<RelationInput, 'sources'>),
    sources,
    invalid,
  });
  for (const r of relations) {
    const where = located.get(r.file);
    const at = typeof where === 'function' ? where() : where;
    if (typeof where === 'function' && at) located.set(r.file, at);
    const p = pathOf(r.field);
    const labels = at ? labelsAt(at.schema, p) : [];
    problems.push({
      file: r.file,
      ...(at ? { line: lineOf(at.doc, at.counter, p, at.firstLine) } : {}),
      field: r.field,
      ...(labels.length > 0 ? { label: labels.join(' › ') } : {}),
      message: r.message,
    });
  }
  for (const c of bodyCitations) {
    if (c.component === 'KeyFigure') {
      for (const p of citationProblems(
        [{ source: c.source, field: 'KeyFigure', figure: { date: c.date } }],
        sources,
      )) {
        problems.push({ file: c.file, line: c.line, message: `<KeyFigure> : ${p.message}` });
      }
    }
    const language = (sources.get(c.source) as { language?: string } | undefined)?.language;
    if (c.component === 'Quote' && language) problems.push(...quoteProblems(c, language));
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

interface BodyCitation {
  file: string;
  line: number;
  component: 'KeyFigure' | 'Quote';
  source: string;
  /** The page's language: the folder of a translated file. */
  lang: string;
  date?: string;
  translatedFrom?: string;
}

/** The <KeyFigure> and <Quote> tags of an MDX body, with their line in the file. */
function citationsInBody(body: string, text: string, file: string, lang: string): BodyCitation[] {
  const offset = text.length - body.length;
  const citations: BodyCitation[] = [];
  // The MDX check allows plain quoted attributes only, so a pattern reads them reliably.
  for (const match of body.matchAll(/<(KeyFigure|Quote)\b([^>]*)>/g)) {
    const attributes = Object.fromEntries(
      [...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    const source = attributes['source'];
    if (!source) continue;
    citations.push({
      file,
      line: text.slice(0, offset + match.index).split('\n').length,
      component: match[1] as BodyCitation['component'],
      source,
      lang,
      ...(attributes['date'] ? { date: attributes['date'] } : {}),
      ...(attributes['translatedFrom'] ? { translatedFrom: attributes['translatedFrom'] } : {}),
    });
  }
  return citations;
}

const LANGUAGE_NAMES: Record<string, string> = { fr: 'français', en: 'anglais' };

/**
 * A quote from a document in another language than the page's is our translation, and
 * says so (translatedFrom): words in quotation marks are never presented as the speaker's
 * own when we chose them.
 */
function quoteProblems(c: BodyCitation, sourceLanguage: string): ContentProblem[] {
  if (sourceLanguage !== c.lang && c.translatedFrom !== sourceLanguage) {
    return [
      {
        file: c.file,
        line: c.line,
        message: `<Quote> : la source « ${c.source} » est en ${LANGUAGE_NAMES[sourceLanguage] ?? sourceLanguage} et la page en ${LANGUAGE_NAMES[c.lang] ?? c.lang} : la citation est notre traduction, ajoutez translatedFrom="${sourceLanguage}"`,
      },
    ];
  }
  if (sourceLanguage === c.lang && c.translatedFrom !== undefined) {
    return [
      {
        file: c.file,
        line: c.line,
        message: `<Quote> : la source « ${c.source} » est dans la langue de la page : ce n’est pas une traduction, retirez translatedFrom`,
      },
    ];
  }
  return [];
}

/**
 * Astro's image() and reference() for files read outside Astro: images must exist. Each image
 * looked for is noted in `images`, with whether it was found: a cached verdict holds while
 * they are as they were.
 */
function contextFor(file: string, images: [string, boolean][]): SchemaContext {
  return {
    image: (() =>
      z.string().superRefine((src, ctx) => {
        const image = path.resolve(path.dirname(file), src);
        const found = existsSync(image);
        images.push([image, found]);
        if (!found) {
          ctx.addIssue({
            code: 'custom',
            message: `image introuvable : ${src} (le chemin part du dossier du fichier ; les images sont dans ../images/)`,
          });
        }
      })) as unknown as SchemaContext['image'],
    reference: ((collection: string) =>
      z.string().transform((id) => ({ id, collection }))) as unknown as SchemaContext['reference'],
  };
}

/** The report staff read: every problem, grouped by file, in French; empty when all is well. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  if (problems.length === 0) return '';
  const count = problems.length === 1 ? 'un problème' : `${problems.length} problèmes`;
  const lines = [
    `Le contenu a ${count} à corriger. Rien n’a été construit ni publié : corrigez-les, puis relancez.`,
    '',
  ];
  let current = '';
  for (const p of problems) {
    if (p.file !== current) {
      if (current) lines.push('');
      lines.push(p.file);
      current = p.file;
    }
    const where = [
      p.line !== undefined ? `ligne ${p.line}` : undefined,
      p.field ? `champ « ${p.field} »${p.label ? ` (${p.label})` : ''}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${where ? `${where} : ` : ''}${p.message}`);
  }
  return lines.join('\n');
}
