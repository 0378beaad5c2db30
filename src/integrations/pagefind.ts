/**
 * Indexes the built site with Pagefind at the end of `astro build`, so that `npm run build`
 * and `npm start` always ship an up-to-date search index. Pagefind makes one index per
 * language from each page's <html lang>. Any indexing error fails the build.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export default function pagefindIntegration(): AstroIntegration {
  return {
    // Logged as [pagefind]; scripts/bench.ts parses the "Indexed … pages in … ms" line.
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index || errors.length > 0) throw new Error(`cannot start Pagefind: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`indexing failed: ${added.errors.join('; ')}`);
          if (added.page_count === 0) throw new Error(`no page to index in ${site}`);
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
          if (written.errors.length > 0)
            throw new Error(`writing the index failed: ${written.errors.join('; ')}`);
          // The benchmark (scripts/bench.ts) reads this line to time indexing apart from the build.
          logger.info(`Indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
