/**
 * Sharing images (Open Graph, Twitter cards): 1200×630 PNGs drawn at build time with sharp,
 * from an entry's title, what it is, its territory and its illustration. Text is set in an
 * SVG layer (the system's sans-serif font, as on the site), wrapped to fit.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';

export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;
/** The text panel's width; the illustration fills the rest. */
const PANEL = 700;
const MARGIN = 56;

export interface ShareCard {
  /** "Étude de cas", "Brochure 2026". */
  kicker: string;
  title: string;
  /** "Loos (Nord)"; empty for none. */
  place: string;
  siteName: string;
  /** The illustration's file. */
  illustration: string;
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/** Words into lines of at most `max` characters (a word longer than that has a line of its own). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The largest title size whose lines fit the panel in five lines at most. A bold glyph of
 * the sans-serif font averages about 0.6 of its size in width.
 */
function fitTitle(title: string): { size: number; lines: string[] } {
  for (const size of [60, 54, 48, 44, 40, 36]) {
    const lines = wrap(title, Math.floor((PANEL - 2 * MARGIN) / (size * 0.6)));
    if (lines.length <= 5) return { size, lines };
  }
  const lines = wrap(title, Math.floor((PANEL - 2 * MARGIN) / (32 * 0.6)));
  return { size: 32, lines: lines.length > 6 ? [...lines.slice(0, 5), `${lines[5]}…`] : lines };
}

function textLayer(card: ShareCard): string {
  const { size, lines } = fitTitle(card.title);
  const lineHeight = Math.round(size * 1.18);
  const titleTop = 200;
  const title = lines
    .map((line, i) => `<tspan x="${MARGIN}" y="${titleTop + i * lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="${SHARE_HEIGHT}">
  <rect width="${PANEL}" height="${SHARE_HEIGHT}" fill="#1d3b8f"/>
  <rect x="${MARGIN}" y="${MARGIN}" width="96" height="10" fill="#ffc82c"/>
  <text x="${MARGIN}" y="128" font-family="DejaVu Sans, sans-serif" font-size="30" font-weight="700" fill="#ffc82c">${escapeXml(card.kicker.toUpperCase())}</text>
  <text font-family="DejaVu Sans, sans-serif" font-size="${size}" font-weight="700" fill="#ffffff">${title}</text>
  ${card.place ? `<text x="${MARGIN}" y="${SHARE_HEIGHT - 100}" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#ffffff">${escapeXml(card.place)}</text>` : ''}
  <text x="${MARGIN}" y="${SHARE_HEIGHT - MARGIN}" font-family="DejaVu Sans, sans-serif" font-size="28" font-weight="700" fill="#ffc82c">${escapeXml(card.siteName)}</text>
</svg>`;
}

export async function shareImage(card: ShareCard): Promise<Buffer> {
  const illustration = await sharp(card.illustration)
    .resize(SHARE_WIDTH - PANEL, SHARE_HEIGHT, { fit: 'cover', position: 'centre' })
    .toBuffer();
  return sharp({
    create: { width: SHARE_WIDTH, height: SHARE_HEIGHT, channels: 3, background: '#ffffff' },
  })
    .composite([
      { input: illustration, left: PANEL, top: 0 },
      { input: Buffer.from(textLayer(card)), left: 0, top: 0 },
    ])
    .png({ compressionLevel: 9, palette: true, quality: 90 })
    .toBuffer();
}

/**
 * The file of an entry's image field (`hero`, `cover`), from its content file's front
 * matter: `src: ../images/x.png` is relative to the entry's file.
 */
export async function imageFileOf(root: string, entryFile: string, field: string): Promise<string> {
  const file = path.resolve(root, entryFile);
  const text = await readFile(file, 'utf8');
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const data = parseYaml(front) as Record<string, { src?: string } | undefined>;
  const src = data[field]?.src;
  if (!src) throw new Error(`${entryFile}: no ${field}.src for its sharing image`);
  return path.resolve(path.dirname(file), src);
}
