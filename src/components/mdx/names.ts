/**
 * Names of the components content MDX may use. They are passed to <Content components>
 * in src/components/mdx/index.ts; content files never import them.
 */
export const CONTENT_COMPONENT_NAMES = ['KeyFigure', 'Quote', 'PartnerCard', 'Callout'] as const;
export type ContentComponentName = (typeof CONTENT_COMPONENT_NAMES)[number];
