/**
 * <partner-map>: the interactive partner map. Loads the compact data file once, applies the
 * filter form (its state lives in the query string, so a filtered map can be shared),
 * clusters the matching points with supercluster and draws only the clusters and points
 * inside the view, as Leaflet markers: a few hundred elements at most, whatever the number
 * of partners.
 *
 * Every text that comes from the data (partner names) goes through textContent or the
 * `title` property, never through HTML.
 *
 * When the first clustered render is done, the element gets data-ready and the page gets a
 * performance measure "map:render" (from the data's arrival to that render), which the
 * benchmark (scripts/bench.ts) reads.
 */
import * as L from 'leaflet';
// Leaflet's stylesheet as a file of its own, linked by the element when it starts: imported
// plainly, Astro would add it to the page's render-blocking styles.
import leafletStylesheet from 'leaflet/dist/leaflet.css?url';
import Supercluster from 'supercluster';
import {
  FACETS,
  P,
  PRECISIONS,
  facetCounts,
  filterPoints,
  parseFilters,
  writeFilters,
  type Facet,
  type MapData,
  type MapFilters,
  type MapPoint,
} from '../../lib/map-points';
import { escapeHtml, fill, readConfig, type MapConfig } from './config';

/** Metropolitan France, the view the map opens on. */
const FRANCE: L.LatLngBoundsExpression = [
  [41.3, -5.2],
  [51.1, 9.6],
];
/** Past this zoom, supercluster hands back single points. */
const CLUSTER_MAX_ZOOM = 16;
const MAX_ZOOM = 18;

interface Leaf {
  point: MapPoint;
}

class PartnerMap extends HTMLElement {
  private config!: MapConfig;
  private map!: L.Map;
  private layer!: L.LayerGroup;
  private popup: L.Popup | undefined;
  /** Markers on the map, by cluster id or partner slug. */
  private markers = new Map<string, L.Marker>();
  private data: MapData | undefined;
  // extent 256: Leaflet's tile size, so that the radius is in screen pixels; 64 keeps cluster
  // icons (up to 48 px wide) apart.
  private index = new Supercluster<Leaf>({ radius: 64, extent: 256, maxZoom: CLUSTER_MAX_ZOOM });
  private filters: MapFilters = {};
  private form: HTMLFormElement | null = null;
  private status: HTMLElement | null = null;
  private number!: Intl.NumberFormat;
  /** Whether the last activation came from the keyboard: focus then follows what opens. */
  private keyboard = false;
  private ready = false;

  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.config = readConfig(this);
    this.number = new Intl.NumberFormat(this.config.locale);
    this.form = this.querySelector('[data-map-filters]');
    this.status = this.querySelector('[data-map-status]');
    const canvas = this.querySelector<HTMLElement>('[data-map-canvas]');
    if (!canvas) return;
    canvas.hidden = false;
    this.querySelector<HTMLElement>('[data-map-help]')?.removeAttribute('hidden');
    this.setStatus(this.config.strings.loading);
    void linkStylesheet(leafletStylesheet).then(() => {
      this.createMap(canvas);
      void this.load();
    });
  }

  private createMap(canvas: HTMLElement): void {
    const { strings, tiles, attribution } = this.config;
    // Half zoom steps let metropolitan France fill the frame at every width.
    this.map = L.map(canvas, {
      zoomControl: false,
      maxZoom: MAX_ZOOM,
      minZoom: 2,
      zoomSnap: 0.5,
      keyboard: true,
    });
    L.control
      .zoom({ zoomInTitle: strings.zoomIn, zoomOutTitle: strings.zoomOut, position: 'topright' })
      .addTo(this.map);
    this.map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    if (tiles) {
      L.tileLayer(tiles, { attribution: escapeHtml(attribution), maxZoom: MAX_ZOOM }).addTo(this.map);
    }
    // GeoNames' licence (CC BY 4.0) asks for its credit wherever its positions show.
    this.map.attributionControl.addAttribution(escapeHtml(strings.positionsCredit));
    this.map.fitBounds(FRANCE);
    this.layer = L.layerGroup().addTo(this.map);
    this.map.on('moveend', () => this.render());
    this.map.on('popupopen', (event) => this.onPopupOpen(event.popup));
    canvas.addEventListener(
      'keydown',
      (event) => {
        this.keyboard = true;
        // Leaflet's own Escape works only while the map itself has focus, not the popup's link.
        if (event.key === 'Escape' && this.popup && this.map.hasLayer(this.popup)) {
          event.preventDefault();
          this.map.closePopup(this.popup);
        }
      },
      true,
    );
    canvas.addEventListener('pointerdown', () => (this.keyboard = false), true);
  }

  private async load(): Promise<void> {
    let data: MapData;
    try {
      const response = await fetch(this.config.points);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const text = await response.text();
      performance.mark('map:data');
      data = JSON.parse(text) as MapData;
    } catch (error) {
      this.setStatus(this.config.strings.failed);
      this.dataset['error'] = String(error);
      return;
    }
    this.data = data;
    this.filters = parseFilters(new URLSearchParams(location.search), this.allowedValues());
    this.setupForm();
    this.linkDirectory();
    this.apply(Object.keys(this.filters).length > 0);
    this.ready = true;
    performance.mark('map:ready');
    performance.measure('map:render', 'map:data', 'map:ready');
    this.dataset['ready'] = '';
  }

  /** The values each select offers: a link may name one that no partner has (yet). */
  private allowedValues(): Record<Facet, string[]> {
    const allowed = {} as Record<Facet, string[]>;
    for (const facet of FACETS) {
      const select = this.select(facet);
      allowed[facet] = select ? [...select.options].map((o) => o.value).filter(Boolean) : [];
    }
    return allowed;
  }

  private select(facet: Facet): HTMLSelectElement | null {
    return this.form?.querySelector<HTMLSelectElement>(`select[data-facet="${facet}"]`) ?? null;
  }

  private setupForm(): void {
    const form = this.form;
    if (!form || !this.data || this.data.points.length === 0) return;
    for (const facet of FACETS) {
      const select = this.select(facet);
      if (select) select.value = this.filters[facet] ?? '';
    }
    form.hidden = false;
    form.removeAttribute('data-pending');
    form.addEventListener('change', () => this.onFormChange());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.onFormChange();
    });
    form.querySelector('[data-map-reset]')?.addEventListener('click', () => {
      for (const facet of FACETS) {
        const select = this.select(facet);
        if (select) select.value = '';
      }
      this.onFormChange();
    });
  }

  private onFormChange(): void {
    const filters: MapFilters = {};
    for (const facet of FACETS) {
      const value = this.select(facet)?.value;
      if (value) filters[facet] = value;
    }
    this.filters = filters;
    const params = writeFilters(new URLSearchParams(location.search), filters).toString();
    history.replaceState(history.state, '', `${location.pathname}${params ? `?${params}` : ''}`);
    this.linkDirectory();
    this.apply(Boolean(filters.region || filters.department));
  }

  /**
   * The directory reads the same filters from its query string: its links open it filtered
   * as the map is.
   */
  private linkDirectory(): void {
    const query = writeFilters(new URLSearchParams(), this.filters).toString();
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-map-directory]')) {
      const url = new URL(link.href, location.href);
      url.search = query;
      link.href = url.pathname + url.search;
    }
  }

  /** Filters, counts, re-indexes and redraws; `fit` moves the view onto the matching points. */
  private apply(fit: boolean): void {
    const data = this.data;
    if (!data) return;
    const points = filterPoints(data, this.filters);
    this.updateCounts(data);
    // Cluster ids mean other groups in a new index: start from an empty map.
    this.layer.clearLayers();
    this.markers.clear();
    this.index.load(
      points.map((point) => ({
        type: 'Feature' as const,
        properties: { point },
        geometry: { type: 'Point' as const, coordinates: [point[P.lon], point[P.lat]] },
      })),
    );
    if (data.points.length > 0) {
      this.setStatus(
        points.length > 0
          ? fill(this.config.strings.shown, this.number.format(points.length))
          : this.config.strings.noMatch,
      );
    } else {
      this.setStatus('');
    }
    this.dataset['shown'] = String(points.length);
    if (fit && points.length > 0) {
      const bounds = L.latLngBounds(points.map((p) => [p[P.lat], p[P.lon]] as [number, number]));
      // fitBounds fires moveend only when the view changes: draw now either way.
      this.map.fitBounds(bounds, { maxZoom: 12, animate: false });
    }
    this.render();
  }

  /** Writes each option's count, and disables the options that would show nothing. */
  private updateCounts(data: MapData): void {
    if (!this.form || data.points.length === 0) return;
    const counts = facetCounts(data, this.filters);
    for (const facet of FACETS) {
      const select = this.select(facet);
      if (!select) continue;
      for (const option of select.options) {
        if (!option.value) continue;
        const count = counts[facet].get(option.value) ?? 0;
        option.textContent = `${option.dataset['label'] ?? option.value} (${this.number.format(count)})`;
        option.disabled = count === 0 && option.value !== select.value;
      }
    }
  }

  /**
   * Draws the clusters and points inside the view. Markers that are still there keep their
   * element (a cluster's id stands for the same group at the same zoom), so that panning
   * leaves the keyboard focus where it was.
   */
  private render(): void {
    if (!this.data) return;
    const bounds = this.map.getBounds();
    // At a half zoom step, cluster as for the nearer whole zoom: the radius leaves room for
    // the icons even when the map is drawn at 0.7 of that scale.
    const zoom = Math.round(this.map.getZoom());
    const west = Math.max(-180, bounds.getWest());
    const east = Math.min(180, bounds.getEast());
    const clusters = this.index.getClusters(
      [west, Math.max(-85, bounds.getSouth()), east, Math.min(85, bounds.getNorth())],
      zoom,
    );
    const next = new Map<string, L.Marker>();
    for (const feature of clusters) {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const props = feature.properties;
      const isCluster = 'cluster' in props && props.cluster;
      const key = isCluster ? `c${props.cluster_id}` : `p${(props as Leaf).point[P.slug]}`;
      const marker =
        this.markers.get(key) ??
        (isCluster
          ? this.clusterMarker(lat, lon, props.cluster_id, props.point_count)
          : this.pointMarker((props as Leaf).point));
      next.set(key, marker);
    }
    for (const [key, marker] of this.markers) if (!next.has(key)) this.layer.removeLayer(marker);
    for (const [key, marker] of next) if (!this.markers.has(key)) this.layer.addLayer(marker);
    this.markers = next;
    this.dataset['markers'] = String(clusters.length);
    if (this.ready && this.keyboard && document.activeElement === document.body) {
      // A keyboard user zoomed into a cluster, whose marker has just gone: keep focus on the map.
      this.map.getContainer().focus();
    }
  }

  private clusterMarker(lat: number, lon: number, id: number, count: number): L.Marker {
    const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 48;
    const label = document.createElement('span');
    label.textContent = this.number.format(count);
    label.setAttribute('aria-hidden', 'true');
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ html: label, className: 'map-cluster', iconSize: [size, size] }),
      title: fill(this.config.strings.cluster, this.number.format(count)),
      keyboard: true,
    });
    this.onActivate(marker, () => this.expand(marker, id));
    return marker;
  }

  /** Click, or Enter and Space on the focused marker (Leaflet makes it a focusable button). */
  private onActivate(marker: L.Marker, action: () => void): void {
    marker.on('click', action);
    marker.on('keydown', (event) => {
      const key = (event as L.LeafletKeyboardEvent).originalEvent;
      if (key.key !== 'Enter' && key.key !== ' ') return;
      key.preventDefault();
      this.keyboard = true;
      action();
    });
  }

  /** What an approximate point says of its position ("position approximative (…)"), or undefined. */
  private precisionNote(point: MapPoint): string | undefined {
    const precision = PRECISIONS[point[P.precision]];
    return precision === 'commune' || precision === 'department'
      ? this.config.strings.precision[precision]
      : undefined;
  }

  private pointMarker(point: MapPoint): L.Marker {
    const note = this.precisionNote(point);
    const marker = L.marker([point[P.lat], point[P.lon]], {
      icon: note
        ? L.divIcon({ className: 'map-point map-point--approximate', iconSize: [20, 20] })
        : L.divIcon({ className: 'map-point', iconSize: [16, 16] }),
      title: note ? `${point[P.name]} (${note})` : point[P.name],
      keyboard: true,
    });
    this.onActivate(marker, () => this.openPopup(marker, [point]));
    return marker;
  }

  /** Zooms into a cluster; when its points share one place, lists them instead. */
  private expand(marker: L.Marker, id: number): void {
    const zoom = this.index.getClusterExpansionZoom(id);
    if (zoom > CLUSTER_MAX_ZOOM) {
      const leaves = this.index.getLeaves(id, 100).map((leaf) => leaf.properties.point);
      this.openPopup(marker, leaves);
      return;
    }
    this.map.setView(marker.getLatLng(), zoom);
  }

  private openPopup(marker: L.Marker, points: MapPoint[]): void {
    const box = document.createElement('div');
    box.className = 'map-popup';
    const link = (point: MapPoint) => {
      const a = document.createElement('a');
      // Partners without an English page link to their French one, and say so.
      const french = this.config.locale !== 'fr' && point[P.english] === 0;
      a.href = `${french ? this.config.frenchPartners : this.config.partners}${encodeURIComponent(point[P.slug])}/`;
      a.textContent = point[P.name];
      if (french) {
        a.hreflang = 'fr';
        const note = document.createElement('span');
        note.className = 'card__link-note';
        note.textContent = ` (${this.config.strings.pageInFrench})`;
        a.append(note);
      }
      return a;
    };
    // Said in words under the name, not only by the marker's look.
    const precision = (point: MapPoint): Node[] => {
      const note = this.precisionNote(point);
      if (!note) return [];
      const span = document.createElement('span');
      span.className = 'map-popup-precision';
      span.textContent = note.charAt(0).toUpperCase() + note.slice(1);
      return [span];
    };
    if (points.length === 1) {
      box.append(link(points[0]!), ...precision(points[0]!));
    } else {
      const list = document.createElement('ul');
      for (const point of points) {
        const item = document.createElement('li');
        item.append(link(point), ...precision(point));
        list.append(item);
      }
      box.append(list);
    }
    // A popup of the map, not bound to the marker: Leaflet's bound popups toggle on their own
    // key handler, which would close the popup that Enter has just opened.
    const popup = L.popup({ offset: [0, -4] })
      .setLatLng(marker.getLatLng())
      .setContent(box);
    if (this.keyboard) {
      popup.once('remove', () => {
        const element = marker.getElement();
        if (element?.isConnected) element.focus();
        else this.map.getContainer().focus();
      });
    }
    this.popup = popup;
    popup.openOn(this.map);
  }

  private onPopupOpen(popup: L.Popup): void {
    const element = popup.getElement();
    const close = element?.querySelector<HTMLElement>('.leaflet-popup-close-button');
    close?.setAttribute('aria-label', this.config.strings.close);
    close?.setAttribute('title', this.config.strings.close);
    if (this.keyboard) element?.querySelector<HTMLElement>('.map-popup a')?.focus();
  }

  private setStatus(text: string): void {
    if (this.status) this.status.textContent = text;
  }
}

/** Adds a stylesheet to the page once, resolved when it has loaded (or failed: the map still works). */
function linkStylesheet(href: string): Promise<void> {
  if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
  });
  document.head.append(link);
  return loaded;
}

if (!customElements.get('partner-map')) customElements.define('partner-map', PartnerMap);
