/**
 * html-validate (tests/build/html-validate.test.ts, or `npx html-validate dist`): every built
 * page against the recommended rules. Each rule below is narrowed or turned off for a reason
 * written beside it; everything else applies as recommended.
 */
export default {
  extends: ['html-validate:recommended'],
  rules: {
    // The lists styled without bullets keep role="list": Safari and VoiceOver drop the list
    // semantics of a <ul> whose list-style is none, and with them "list, 6 items".
    'no-redundant-role': ['error', { exclude: ['list'] }],
    // role="region" stays on two kinds of <div> that are not sections of the document: the
    // keyboard-scrollable wrapper of wide tables (focusable, so it needs a name, WCAG 2.1.1)
    // and the interactive map's canvas. A <section> would add them to the outline.
    'prefer-native-element': ['error', { exclude: ['region'] }],
    // HTML 5 allows any id without spaces; the ids of headings in content are made from
    // their text, and a heading may begin with a figure ("318 partenariats…").
    'valid-id': ['error', { relaxed: true }],
    // A page's title is its own title (written by the editors, often a full sentence) then
    // the site's name: cutting it at 70 characters would drop words that tell pages apart
    // (RGAA 8.6), and search engines shorten long titles themselves.
    'long-title': 'off',
  },
};
