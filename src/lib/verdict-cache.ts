/**
 * A per-file memory of a check's verdicts between runs (the content check:
 * src/lib/content-check.ts). Each verdict is kept under its file's path with the digest of
 * the file's text, and the whole cache with the digest of the checking code: the code's own
 * files, found by following their relative imports, and the package lock (the schemas'
 * libraries and the geography data they read). A verdict is handed back only when both
 * digests match and the caller's own condition holds (the content check: its images are
 * where they were); otherwise the file is checked again.
 *
 * Stored with v8.serialize, which keeps what JSON would not (dates of parsed entries), in one
 * file written whole then renamed, so that a run cut short or two runs at once never leave
 * half a cache. Files no longer checked are dropped from it.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

interface Stored<T> {
  code: string;
  entries: Map<string, { digest: string; verdict: T }>;
}

/** The digest of a text, as kept beside its verdict. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The digest of the code of `entry` (an absolute .ts path): its text and that of every
 * project file it imports by a relative path, transitively, and of `extra` files (the
 * package lock). Imports may omit `.ts` or `/index.ts`, as the site's modules do.
 */
export async function codeDigest(entry: string, extra: readonly string[] = []): Promise<string> {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    hash.update(`\0${path.relative(path.dirname(entry), file)}\0${text}`);
    for (const match of text.matchAll(/(?:\bfrom|\bimport\s*\(?)\s*['"](\.\.?\/[^'"]+)['"]/g)) {
      const specifier = path.resolve(path.dirname(file), match[1]!);
      const found = [specifier, `${specifier}.ts`, path.join(specifier, 'index.ts')].find(
        (candidate) => /\.[cm]?[jt]s$|\.json$/.test(candidate) && existsSync(candidate),
      );
      if (found) queue.push(found);
    }
  }
  for (const file of extra) hash.update(`\0${file}\0${existsSync(file) ? await readFile(file) : ''}`);
  return hash.digest('hex');
}

export class VerdictCache<T> {
  private readonly file: string;
  private readonly code: string;
  private readonly previous: Stored<T>['entries'];
  private readonly next: Stored<T>['entries'] = new Map();
  private changed = false;

  private constructor(file: string, code: string, previous: Stored<T>['entries']) {
    this.file = file;
    this.code = code;
    this.previous = previous;
  }

  /** The cache kept in `file` for checking code of digest `code`; empty when there is none or the code changed. */
  static async open<T>(file: string, code: string): Promise<VerdictCache<T>> {
    let entries: Stored<T>['entries'] = new Map();
    try {
      const stored = deserialize(await readFile(file)) as Stored<T>;
      if (stored.code === code && stored.entries instanceof Map) entries = stored.entries;
    } catch {
      // No cache yet, or one this code cannot read: every file is checked.
    }
    return new VerdictCache<T>(file, code, entries);
  }

  /** The last verdict of the file at `key` when its text had digest `digest` and `holds` accepts it. */
  get(key: string, digest: string, holds: (verdict: T) => boolean): T | undefined {
    const entry = this.previous.get(key);
    if (!entry || entry.digest !== digest || !holds(entry.verdict)) return undefined;
    this.next.set(key, entry);
    return entry.verdict;
  }

  set(key: string, digest: string, verdict: T): void {
    this.next.set(key, { digest, verdict });
    this.changed = true;
  }

  /** Writes the verdicts of this run's files, when they differ from what was read. */
  async save(): Promise<void> {
    if (!this.changed && this.next.size === this.previous.size) return;
    const stored: Stored<T> = { code: this.code, entries: this.next };
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, serialize(stored));
    await rename(temporary, this.file);
  }
}
