/**
 * Content MDX is written by editors through the CMS; MDX can run JavaScript at build
 * time, so content files may only use Markdown, a few HTML tags and the site's own
 * components with plain string attributes. This module finds everything else.
 */
import { mdxToMdast } from 'satteri';
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';

export interface MdxViolation {
  line: number;
  message: string;
}

/** HTML elements editors may write inline; everything else goes through Markdown or a component. */
export const ALLOWED_HTML = ['abbr', 'br', 'sub', 'sup', 'small', 'span', 'mark', 'kbd'] as const;

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

/** An expression made only of comments (`{/* note *\/}`) runs nothing and is allowed. */
function isCommentOnly(code: string): boolean {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
}

/**
 * Lists what a content MDX source may not contain: import/export statements,
 * `{expressions}`, unknown components or tags, and attributes that are not plain strings.
 * `components` maps the components passed to content (KeyFigure, Quote…) to the schema of
 * their attributes; a component with a `source` attribute must cite a frontmatter source.
 */
export function findMdxViolations(
  source: string,
  components: Readonly<Record<string, z.ZodType>>,
): MdxViolation[] {
  let tree: Node;
  try {
    tree = mdxToMdast(source) as Node;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/(\d+):\d+/.exec(message)?.[1] ?? 1);
    return [{ line, message: `not valid MDX: ${message}` }];
  }
  const names = Object.keys(components);
  const allowed = new Set<string>([...names, ...ALLOWED_HTML]);
  const violations: MdxViolation[] = [];
  // Components that cite a source must cite one listed in the frontmatter.
  const citations: { id: string; line: number; component: string }[] = [];
  let sourceIds: Set<string> | undefined;
  const visit = (node: Node) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'yaml': {
        // `sources` lists the ids of content/sources/ files that the page cites.
        const data = parseYaml(String(node.value ?? '')) as { sources?: unknown[] } | null;
        if (Array.isArray(data?.sources)) sourceIds = new Set(data.sources.map(String));
        break;
      }
      case 'mdxjsEsm':
        violations.push({ line, message: 'import and export statements are not allowed in content' });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(String(node.value ?? ''))) {
          violations.push({
            line,
            message: `JavaScript expressions {…} are not allowed in content: {${String(node.value)}}`,
          });
        }
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!allowed.has(name)) {
          violations.push({
            line,
            message: name
              ? `<${name}> is not available in content; use one of: ${names.join(', ')}`
              : 'fragments <>…</> are not allowed in content',
          });
        }
        const attributes: Record<string, string> = {};
        for (const attr of node.attributes ?? []) {
          if (attr.type !== 'mdxJsxAttribute') {
            violations.push({ line, message: `<${name}> takes named string attributes only, not {…spread}` });
          } else if (typeof attr.value !== 'string') {
            violations.push({
              line,
              message: `attribute ${attr.name ?? ''} of <${name}> must be a string in quotes ("…")`,
            });
          } else {
            attributes[attr.name ?? ''] = attr.value;
          }
        }
        const schema = components[name];
        if (schema) {
          const result = schema.safeParse(attributes);
          if (!result.success) {
            for (const issue of result.error.issues) {
              violations.push({
                line,
                message: `<${name}> ${issue.path.join('.') || 'attributes'}: ${issue.message}`,
              });
            }
          }
          if (typeof attributes['source'] === 'string')
            citations.push({ id: attributes['source'], line, component: name });
        }
        break;
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  for (const c of citations) {
    if (!sourceIds?.has(c.id)) {
      violations.push({
        line: c.line,
        message: `<${c.component}> cites source "${c.id}", which is not in the frontmatter's sources`,
      });
    }
  }
  return violations.sort((a, b) => a.line - b.line);
}
