/**
 * The HTML a partner copies into its own page to embed the map or the directory
 * (/donnees/, src/components/EmbedBuilder.astro): an iframe of the embed page, titled for
 * screen readers, lazily loaded.
 */
const escapeAttribute = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function embedCode(src: string, title: string): string {
  return (
    `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" ` +
    `width="100%" height="600" loading="lazy" style="border: 0"></iframe>`
  );
}
