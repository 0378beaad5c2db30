/**
 * Lets the command-line tools (scripts/import.ts, scripts/check-data.ts) run the site's
 * TypeScript on plain Node 22, through its type stripping. The site's modules import each
 * other without extensions (`./enums`), as Vite and TypeScript allow but Node's ESM
 * resolution does not: this hook tries `.ts`, then `/index.ts`, for such imports between
 * the project's own .ts files. Only Node built-ins are imported here, so that it can be
 * registered before anything else is loaded.
 */
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

let registered = false;

export function registerTsResolution(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const parent = context.parentURL;
      if (
        parent?.startsWith('file:') &&
        parent.endsWith('.ts') &&
        !parent.includes('/node_modules/') &&
        /^\.\.?\//.test(specifier) &&
        !/\.[cm]?[jt]sx?$|\.json$/.test(specifier)
      ) {
        for (const suffix of ['.ts', '/index.ts']) {
          const url = new URL(specifier + suffix, parent);
          if (existsSync(fileURLToPath(url))) return nextResolve(url.href, context);
        }
      }
      return nextResolve(specifier, context);
    },
  });
}
