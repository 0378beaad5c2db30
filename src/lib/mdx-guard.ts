/**
 * Content MDX is written by editors through the CMS; MDX can run JavaScript at build
 * time, so content files may only use Markdown, a few HTML tags and the site's own
 * components with plain string attributes. This module finds everything else.
 */
import { mdxToMdast } from 'satteri';

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
 * `components` are the names of the components passed to content (KeyFigure, Quote…).
 */
export function findMdxViolations(source: string, components: readonly string[]): MdxViolation[] {
  let tree: Node;
  try {
    tree = mdxToMdast(source) as Node;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = Number(/(\d+):\d+/.exec(message)?.[1] ?? 1);
    return [{ line, message: `not valid MDX: ${message}` }];
  }
  const allowed = new Set<string>([...components, ...ALLOWED_HTML]);
  const violations: MdxViolation[] = [];
  const visit = (node: Node) => {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
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
              ? `<${name}> is not available in content; use one of: ${[...components].join(', ')}`
              : 'fragments <>…</> are not allowed in content',
          });
        }
        for (const attr of node.attributes ?? []) {
          if (attr.type !== 'mdxJsxAttribute') {
            violations.push({ line, message: `<${name}> takes named string attributes only, not {…spread}` });
          } else if (typeof attr.value !== 'string') {
            violations.push({
              line,
              message: `attribute ${attr.name ?? ''} of <${name}> must be a string in quotes ("…")`,
            });
          }
        }
        break;
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return violations;
}
