// The site's own Astro config, with a cache folder of its own: content-error tests load
// throwaway content folders, and their entries must never land in the site's data store.
import config from '../../astro.config.mjs';

export default {
  ...config,
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './tests/.tmp/astro-cache',
};
