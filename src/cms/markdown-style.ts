/**
 * A remark plugin for Decap's Markdown editor: it writes lists with `-`, as the content
 * does, instead of Decap's `*` (a save would otherwise rewrite every list of a story).
 * Decap builds its Markdown writer with fixed options (decap-cms-widget-markdown,
 * serializers/index.js: bullet '*'), then applies the registered remark plugins to the same
 * processor: this one changes the writer's option. On the reading side there is no writer,
 * and it does nothing.
 */
interface Processor {
  Compiler?: { prototype: { options?: Record<string, unknown> } };
}

export function contentMarkdownStyle(this: Processor): void {
  const options = this.Compiler?.prototype.options;
  if (options) options['bullet'] = '-';
}
