/**
 * The admin bundle (/admin/ only): Decap CMS with the site's editor components and previews.
 * decap-cms-app's ES build registers every backend, widget and interface language (French
 * included; config.yml picks it with `locale: 'fr'`). It does not start by itself: init() below.
 */
import CMS from 'decap-cms-app';
import globalCss from '../styles/global.css?url';
import { EDITOR_COMPONENTS } from './editor-components';
import { CONTENT_FORMATS } from './formats';
import { contentMarkdownStyle } from './markdown-style';
import { registerPreviews } from './previews';

// Saving keeps what staff did not edit byte for byte (formats.ts), lists written with '-'.
for (const [name, { extension, format }] of Object.entries(CONTENT_FORMATS)) {
  CMS.registerCustomFormat(name, extension, format);
}
CMS.registerRemarkPlugin(contentMarkdownStyle as Parameters<typeof CMS.registerRemarkPlugin>[0]);
for (const component of EDITOR_COMPONENTS) CMS.registerEditorComponent(component);
// Previews use the site's own stylesheet (a file, not inline: the preview frame shares this page's CSP).
CMS.registerPreviewStyle(globalCss);
registerPreviews(CMS);
CMS.init();
