/**
 * QR codes drawn at build time as SVG (the `qrcode` package): no script, no image file.
 * A brochure prints one beside each story, leading to the story's live page.
 */
import QRCode from 'qrcode';

/**
 * The SVG of a QR code for `url`: error correction M (15 % of the code may be damaged or
 * folded), the standard quiet zone of 4 modules, black on white, marked decorative (the
 * URL is written out beside it).
 */
export async function qrCodeSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 4, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', '<svg class="qr-code" aria-hidden="true" focusable="false" ');
}
