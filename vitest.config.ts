/**
 * Three test layers, run in this order by `vitest run`:
 *
 * - unit: schemas and libraries, no build, a few seconds (`npm run test:unit`).
 * - build: the built site (tests/.tmp/dist) and the errors the content pipeline reports.
 * - browser: the built site served on 127.0.0.1 and opened in Debian's Chromium.
 *
 * The build and browser layers share one build of the site, made once per run by
 * tests/setup/build-site.ts (REUSE_BUILD=1 keeps an existing one while iterating).
 * The machine has two cores: the slow layers run their files one at a time.
 */
import { defineConfig } from 'vitest/config';

const SLOW = {
  globalSetup: ['tests/setup/build-site.ts'],
  fileParallelism: false,
  testTimeout: 5 * 60_000,
  hookTimeout: 5 * 60_000,
};

export default defineConfig({
  test: {
    environment: 'node',
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          ...SLOW,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          sequence: { groupOrder: 2 },
          ...SLOW,
        },
      },
    ],
  },
});
