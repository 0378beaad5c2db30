/**
 * Content MDX is written by editors through the CMS; MDX can run JavaScript at build
 * time, so content files may only use Markdown, a few HTML tags and the site's own
 * components with plain string attributes. This module finds everything else. Its
 * messages are in French: the people who read them are the editors.
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

/**
 * The attributes each of those elements may carry: only what changes meaning, never
 * behaviour or looks. `lang` and `dir` mark a word in another language (screen readers
 * pronounce it in that language); `title` gives an abbreviation its expansion. Left out
 * on purpose: event handlers (`on…`: code), `style` (looks, and `url(…)` loads from any
 * server: tracking), Astro directives (`set:html` injects raw HTML, `is:raw`, `client:*`,
 * `define:vars`…), `class` (the site's own classes hide text or imitate buttons; a look
 * that content needs becomes a component), `id` (it may collide with an anchor or an
 * element the page's scripts look up), `data-*` (Pagefind reads `data-pagefind-*` to
 * index, filter and sort: content could forge filters) and `aria-*` (it can hide text
 * from screen readers or replace it).
 */
export const ALLOWED_HTML_ATTRIBUTES: Readonly<Record<(typeof ALLOWED_HTML)[number], readonly string[]>> = {
  abbr: ['title', 'lang', 'dir'],
  br: [],
  sub: ['lang', 'dir'],
  sup: ['lang', 'dir'],
  small: ['lang', 'dir'],
  span: ['lang', 'dir'],
  mark: ['lang', 'dir'],
  kbd: ['lang', 'dir'],
};

/** Checks of the allowed attributes' values; the message says what is expected. */
const ATTRIBUTE_VALUES: Readonly<Record<string, { valid: (value: string) => boolean; expected: string }>> = {
  // BCP 47 as people write it: a language, then optional script, region or variant.
  lang: {
    valid: (v) => /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(v),
    expected: 'un code de langue (« en », « pt-BR »)',
  },
  dir: { valid: (v) => ['ltr', 'rtl', 'auto'].includes(v), expected: '« ltr », « rtl » ou « auto »' },
};

function isAllowedHtml(name: string): name is (typeof ALLOWED_HTML)[number] {
  return (ALLOWED_HTML as readonly string[]).includes(name);
}

/** Why an attribute is refused, for the kinds editors are likely to paste from elsewhere. */
function whyRefused(attribute: string): string {
  if (/^on/i.test(attribute)) return ' (un gestionnaire d’événement exécute du code)';
  if (attribute.toLowerCase() === 'style') return ' (la mise en forme passe par Markdown ou un composant)';
  if (attribute.includes(':')) return ' (une directive d’Astro, qui agit sur le code de la page)';
  return '';
}

/** The scheme of a URL (`https`, `javascript`…), or undefined for a relative one. */
function schemeOf(url: string): string | undefined {
  // Browsers ignore tabs, newlines and leading spaces or control characters in a URL: so must we.
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** Link schemes content may use: web pages, e-mail and telephone. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** The problem with a Markdown link or image's URL, or undefined when it is fine. */
function urlProblem(kind: 'link' | 'image', url: string): string | undefined {
  const scheme = schemeOf(url);
  if (kind === 'link') {
    if (scheme === undefined || LINK_SCHEMES.has(scheme)) return undefined;
    return `le lien « ${url} » n’est pas autorisé : seuls les liens http://, https://, mailto: et tel: ou vers une page du site le sont. Corrigez l’adresse.`;
  }
  // An image from another server would be a tracker (it tells that server who reads the page),
  // and the site's Content-Security-Policy blocks it anyway: images live beside the content.
  if (scheme === undefined && !url.replace(/^\s+/, '').startsWith('//')) return undefined;
  return `l’image « ${url} » vient d’un autre site : enregistrez-la dans le dossier du contenu et indiquez son chemin (./image.jpg).`;
}

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  identifier?: string;
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
    return [{ line, message: `ce texte n’est pas du MDX valide : ${message}` }];
  }
  const names = Object.keys(components);
  const allowed = new Set<string>([...names, ...ALLOWED_HTML]);
  const violations: MdxViolation[] = [];
  // Components that cite a source must cite one listed in the frontmatter.
  const citations: { id: string; line: number; component: string }[] = [];
  let sourceIds: Set<string> | undefined;
  const definitions = new Map<string, string>();
  const imageReferences: { identifier: string; line: number }[] = [];
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
        violations.push({
          line,
          message: 'une ligne import ou export n’est pas autorisée dans le contenu. Retirez-la.',
        });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(String(node.value ?? ''))) {
          violations.push({
            line,
            message: `une expression JavaScript {…} n’est pas autorisée dans le contenu : {${String(node.value)}}. Retirez-la, ou écrivez \\{ pour une accolade.`,
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
              ? `<${name}> n’est pas disponible dans le contenu ; utilisez l’un des composants ${names.join(', ')} ou une balise parmi ${ALLOWED_HTML.join(', ')}.`
              : 'les fragments <>…</> ne sont pas autorisés dans le contenu. Retirez <> et </>.',
          });
        }
        const attributes: Record<string, string> = {};
        const htmlAttributes = isAllowedHtml(name) ? ALLOWED_HTML_ATTRIBUTES[name] : undefined;
        for (const attr of node.attributes ?? []) {
          const attrName = attr.name ?? '';
          if (attr.type !== 'mdxJsxAttribute') {
            violations.push({
              line,
              message: `<${name}> n’accepte que des attributs nommés, pas {…spread}. Retirez-le.`,
            });
          } else if (htmlAttributes && !htmlAttributes.includes(attrName)) {
            violations.push({
              line,
              message:
                `l’attribut ${attrName} n’est pas autorisé sur <${name}>${whyRefused(attrName)} ; ` +
                (htmlAttributes.length > 0
                  ? `seuls ${htmlAttributes.join(', ')} le sont. Retirez-le.`
                  : `<${name}> n’en accepte aucun. Retirez-le.`),
            });
          } else if (typeof attr.value !== 'string') {
            violations.push({
              line,
              message: `l’attribut ${attrName} de <${name}> doit être un texte entre guillemets ("…").`,
            });
          } else if (htmlAttributes && ATTRIBUTE_VALUES[attrName]?.valid(attr.value) === false) {
            violations.push({
              line,
              message: `l’attribut ${attrName} de <${name}> vaut « ${attr.value} » ; il doit être ${ATTRIBUTE_VALUES[attrName].expected}.`,
            });
          } else {
            attributes[attrName] = attr.value;
          }
        }
        const schema = components[name];
        if (schema) {
          const result = schema.safeParse(attributes);
          if (!result.success) {
            for (const issue of result.error.issues) {
              violations.push({
                line,
                message: `<${name}> ${issue.path.join('.') || 'attributs'} : ${issue.message}`,
              });
            }
          }
          if (typeof attributes['source'] === 'string')
            citations.push({ id: attributes['source'], line, component: name });
        }
        break;
      }
      case 'link':
      case 'image':
      case 'definition': {
        // A definition (`[nom]: adresse`) is a target written apart, checked as a link here
        // and as an image below when an image refers to it (`![texte][nom]`).
        const problem = urlProblem(node.type === 'image' ? 'image' : 'link', String(node.url ?? ''));
        if (problem) violations.push({ line, message: problem });
        if (node.type === 'definition') definitions.set(String(node.identifier), String(node.url ?? ''));
        break;
      }
      case 'imageReference':
        imageReferences.push({ identifier: String(node.identifier), line });
        break;
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  for (const ref of imageReferences) {
    const url = definitions.get(ref.identifier);
    const problem = url === undefined ? undefined : urlProblem('image', url);
    if (problem) violations.push({ line: ref.line, message: problem });
  }
  for (const c of citations) {
    if (!sourceIds?.has(c.id)) {
      violations.push({
        line: c.line,
        message: `<${c.component}> cite la source « ${c.id} », absente des sources de l’en-tête (sources:) : ajoutez-la ou corrigez son id.`,
      });
    }
  }
  return violations.sort((a, b) => a.line - b.line);
}
