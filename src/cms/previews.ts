/**
 * Previews of case studies and partners in the CMS, drawn with the site's own classes and
 * stylesheet (registered in admin.ts), so staff see roughly the page they will publish.
 * Body text goes through `widgetFor('body')`: Decap's Markdown preview, whose HTML
 * sanitising stays on (advisory GHSA-xp8g-32qh-mv28). Everything else is rendered as React
 * text, never as HTML.
 */
import { createElement as h, type ReactNode } from 'react';
import type { CMS, PreviewTemplateComponentProps } from 'decap-cms-core';

type Props = PreviewTemplateComponentProps;

/** A value of the entry's data as plain JS (Decap holds it as Immutable.js). */
function get(props: Props, path: string[]): unknown {
  const value: unknown = props.entry.getIn(['data', ...path]);
  return value && typeof value === 'object' && 'toJS' in value
    ? (value as { toJS(): unknown }).toJS()
    : value;
}

const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

function CaseStudyPreview(props: Props): ReactNode {
  const hero = get(props, ['hero']) as { src?: string; alt?: string; credit?: string } | undefined;
  const figures = (get(props, ['keyFigures']) as Record<string, unknown>[] | undefined) ?? [];
  const heroUrl = hero?.src ? props.getAsset(hero.src).toString() : '';
  return h(
    'article',
    { className: 'wrap case-study' },
    h(
      'header',
      { className: 'page-header' },
      h('h1', null, str(get(props, ['title']))),
      h('p', { className: 'lead' }, str(get(props, ['summary']))),
    ),
    heroUrl &&
      h(
        'figure',
        { className: 'hero-image' },
        h('img', { src: heroUrl, alt: hero?.alt ?? '' }),
        h('figcaption', null, str(hero?.credit)),
      ),
    figures.length > 0 &&
      h(
        'ul',
        { className: 'figure-list' },
        figures.map((f, i) =>
          h(
            'li',
            { key: i },
            h('strong', null, `${str(f['value'])} ${str(f['unit'])}`.trim()),
            ' ',
            str(f['label']),
          ),
        ),
      ),
    h('div', { className: 'prose' }, props.widgetFor('body')),
  );
}

function PartnerPreview(props: Props): ReactNode {
  const description = (get(props, ['description']) as { fr?: string; en?: string } | undefined) ?? {};
  const location = (get(props, ['location']) as { address?: string; postalCode?: string } | undefined) ?? {};
  const website = str(get(props, ['website']));
  return h(
    'article',
    { className: 'wrap' },
    h('header', { className: 'page-header' }, h('h1', null, str(get(props, ['name'])))),
    h('p', { className: 'lead' }, str(description.fr)),
    description.en && h('p', { lang: 'en' }, description.en),
    (location.address || location.postalCode) &&
      h('p', null, [location.address, location.postalCode].filter(Boolean).join(', ')),
    // Shown as text: a link in the preview would open inside the CMS.
    website && h('p', null, website),
  );
}

/** Registers the previews on the collections named in config.yml. */
export function registerPreviews(cms: CMS): void {
  cms.registerPreviewTemplate('case-studies', CaseStudyPreview);
  cms.registerPreviewTemplate('partners', PartnerPreview);
}
