/**
 * Digests for the build's caches (page cache keys, the content check's verdicts, the search
 * index's bundles): one way to digest a text, and one to digest code with what it imports.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** A text's digest: 128 bits, as hex. */
export const textDigest = (text: string | Uint8Array): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 32);

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
