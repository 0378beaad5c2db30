/**
 * The components content MDX may use, passed to <Content components={contentComponents} />.
 * Their names and props are declared in src/schemas/mdx-components.ts, which the MDX check reads.
 */
import type { ContentComponentName } from '../../schemas/mdx-components';
import KeyFigure from './KeyFigure.astro';
import Quote from './Quote.astro';
import PartnerCard from './PartnerCard.astro';
import Callout from './Callout.astro';

export const contentComponents: Record<ContentComponentName, unknown> = {
  KeyFigure,
  Quote,
  PartnerCard,
  Callout,
};
