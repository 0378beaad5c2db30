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
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

interface Stored<T> {
  code: string;
  entries: Map<string, { digest: string; verdict: T }>;
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
