/**
 * Content loaders for the site's collections. They wrap Astro's glob loader so that
 * MDX files are checked (see mdx-guard.ts) before Astro compiles them, and so that the
 * content folder can be moved (CONTENT_DIR) for benchmarks and tests without copying
 * the project.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { findMdxViolations } from './mdx-guard';
import { CONTENT_COMPONENTS } from '../schemas/mdx-components';
import { IDENTIFIER_REGEX, IDENTIFIER_RULE } from './slug';

/** Absolute path of the content folder: ./content, or $CONTENT_DIR when set. */
export function contentDir(): string {
  return path.resolve(process.env['CONTENT_DIR'] ?? 'content');
}

/**
 * Throws one error listing every forbidden construct of an MDX file: the file, then one line
 * per construct, in French for the editors who wrote it (« ligne 12 : l’attribut onclick… »).
 */
export async function assertSafeMdx(file: string): Promise<void> {
  const source = await readFile(file, 'utf8');
  const violations = findMdxViolations(source, CONTENT_COMPONENTS);
  if (violations.length > 0) {
    const relative = path.relative(process.cwd(), file);
    const where = relative.startsWith('..') ? file : relative;
    throw new Error(
      `Contenu refusé dans ${where} :\n` +
        violations.map((v) => `  ligne ${v.line} : ${v.message}`).join('\n'),
    );
  }
}

/** Throws when a file's name (its entry's identifier and URL slug) breaks the identifier rule. */
export function assertIdentifierFileName(file: string): void {
  const id = path.basename(file, path.extname(file));
  if (!IDENTIFIER_REGEX.test(id)) {
    const relative = path.relative(process.cwd(), file);
    throw new Error(
      `${relative.startsWith('..') ? file : relative}: file name: "${id}" is not an identifier: ${IDENTIFIER_RULE}`,
    );
  }
}

/**
 * What a translated collection's entry takes from its place: content/<folder>/<lang>/<key>.
 * The language is the folder and the key (shared by every language, as the CMS pairs
 * translations by file name) is the file name: neither is typed in the file.
 */
export interface DerivedFromPath {
  /** Field that receives the file name (translationKey, or key for pages). */
  keyField: string;
}

/** Fields a file may not write because they come from its place; the message says why. */
function assertNotWritten(file: string, data: Record<string, unknown>, fields: string[]): void {
  for (const name of fields) {
    if (name in data) {
      const relative = path.relative(process.cwd(), file);
      throw new Error(
        `${relative.startsWith('..') ? file : relative}: champ « ${name} » : il est déduit de l’emplacement du fichier ` +
          '(dossier fr/ ou en/ pour la langue, nom du fichier pour la clé) ; retirez cette ligne.',
      );
    }
  }
}

/**
 * Loads the files of `folder` (inside the content folder) that match `pattern`.
 * `identifiers`: file names are identifiers (see IDENTIFIER_RULE), checked before loading.
 * `fromPath`: a translated collection (see DerivedFromPath).
 */
export function contentGlob(
  folder: string,
  pattern: string,
  options: { identifiers?: boolean; fromPath?: DerivedFromPath } = {},
): Loader {
  const base = path.join(contentDir(), folder);
  // The id is the file's path without extension, always: Astro's default would take a
  // `slug` field as the id, and our slugs are URL segments, not unique across languages.
  const inner = glob({ base, pattern, generateId: ({ entry }) => entry.replace(/\.[a-z]+$/, '') });
  return {
    name: `content-glob:${folder}`,
    async load(context) {
      if (pattern.includes('mdx') || options.identifiers) {
        const { glob: fsGlob } = await import('node:fs/promises');
        for await (const file of fsGlob(pattern, { cwd: base })) {
          if (options.identifiers) assertIdentifierFileName(path.join(base, file));
          if (pattern.includes('mdx')) await assertSafeMdx(path.join(base, file));
        }
      }
      let ctx = context;
      const fromPath = options.fromPath;
      if (fromPath) {
        ctx = {
          ...ctx,
          parseData: (props) => {
            const [lang, ...rest] = props.id.split('/');
            const data = props.data as Record<string, unknown>;
            assertNotWritten(props.filePath ?? props.id, data, ['lang', fromPath.keyField]);
            return context.parseData({
              ...props,
              data: { ...data, lang, [fromPath.keyField]: rest.join('/') } as unknown as typeof props.data,
            });
          },
        };
      }
      // Data files (YAML) are never rendered: neither their raw text (`body`) nor anything
      // that holds on to it should stay in the data store, which the build keeps in memory
      // (20,000 partners). The YAML parser's strings are slices of the whole file, so each
      // parsed name would keep its file's text alive: the data is copied.
      await inner.load(pattern.endsWith('.yaml') ? { ...ctx, store: dataOnly(ctx.store) } : ctx);
    },
  };
}

type Store = Parameters<Loader['load']>[0]['store'];

/** The same store, but `set` drops the entry's raw text and copies its data. */
function dataOnly(store: Store): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'set') {
        return ({ body: _body, ...entry }: Parameters<Store['set']>[0]) =>
          target.set({ ...entry, data: structuredClone(entry.data) });
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
