/**
 * Debian's Chromium, as the build (brochure PDFs) and the browser tests run it: never a
 * downloaded browser. CHROMIUM_PATH overrides the path.
 */
export const chromiumPath = (): string => process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Headless, without sandbox (containers), GPU, background traffic, updates or sync. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
