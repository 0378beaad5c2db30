/**
 * Reading and writing the site's component tags in MDX, as the CMS's editor components do:
 * `<KeyFigure value="14" label="îlots numériques" source="indre-2024" />`. Pure functions,
 * shared by the admin bundle and the unit tests.
 *
 * The MDX check (src/lib/mdx-guard.ts) accepts only named attributes whose values are plain
 * strings in double quotes. MDX decodes character references in those strings, so a value is
 * written with `&`, `"` and `<` escaped: whatever staff type cannot close the attribute or
 * open a tag, and reads back as typed.
 */

/** Escapes an attribute value for a double-quoted MDX attribute. */
export function escapeAttribute(value: string): string {
  return (
    value
      .replace(/&/g, '&amp;')
      .replace(/"/g, '&quot;')
      .replace(/</g, '&lt;')
      // A line break inside an attribute would be kept by MDX but means nothing on the page.
      .replace(/\s*\n\s*/g, ' ')
  );
}

const NAMED: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references MDX decodes in attribute values (named and numeric). */
export function unescapeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** `name="value"` pairs, in source order: what may follow a tag name. */
export const ATTRIBUTES_SOURCE = String.raw`(?:\s+[A-Za-z][A-Za-z0-9]*="[^"]*")*`;

/** Parses the attribute list of a tag (the part after its name), decoding values. */
export function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([A-Za-z][A-Za-z0-9]*)="([^"]*)"/g)) {
    attributes[match[1]!] = unescapeAttribute(match[2]!);
  }
  return attributes;
}

/**
 * Writes attributes in the given order, leaving out empty ones: an optional field left
 * blank in the form means "not given", never `unit=""`.
 */
export function writeAttributes(order: readonly string[], values: Readonly<Record<string, unknown>>): string {
  return order
    .map((name) => [name, values[name]] as const)
    .filter((entry): entry is readonly [string, string | number] => {
      const value = entry[1];
      return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
    })
    .map(([name, value]) => ` ${name}="${escapeAttribute(String(value).trim())}"`)
    .join('');
}
