/**
 * <embed-builder> (/donnees/): the filters chosen in its form make the embed page's
 * address, the code to copy and the live preview. Without JavaScript the form stays hidden
 * and the code embeds the unfiltered map.
 */
import { embedCode } from '../lib/embed-code';

export class EmbedBuilder extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector<HTMLFormElement>('form[data-embed-form]');
    const code = this.querySelector<HTMLTextAreaElement>('textarea[data-embed-code]');
    const frame = this.querySelector<HTMLIFrameElement>('iframe[data-embed-preview]');
    if (!form || !code || !frame) return;
    const site = this.dataset['site'] ?? location.origin;
    const paths = { map: this.dataset['mapPath'] ?? '', partners: this.dataset['partnersPath'] ?? '' };
    const titles = { map: this.dataset['mapTitle'] ?? '', partners: this.dataset['partnersTitle'] ?? '' };
    const update = () => {
      const data = new FormData(form);
      // "embed", not "kind": the kind of entry is one of the filters (?kind=ess-organisation).
      const kind = data.get('embed') === 'partners' ? 'partners' : 'map';
      const params = new URLSearchParams();
      for (const [key, value] of data)
        if (key !== 'embed' && typeof value === 'string' && value) params.set(key, value);
      const query = params.toString();
      const path = `${paths[kind]}${query ? `?${query}` : ''}`;
      code.value = embedCode(new URL(path, site).href, titles[kind]);
      if (frame.getAttribute('src') !== path) frame.src = path;
      frame.title = titles[kind];
      this.dataset['path'] = path;
    };
    form.hidden = false;
    form.addEventListener('change', update);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      update();
    });
    code.addEventListener('focus', () => code.select());
    update();
  }
}

customElements.define('embed-builder', EmbedBuilder);
