/**
 * Where the CMS saves, set in one place. In production Decap commits to the site's
 * repository through GitHub (the default; GitLab is the documented alternative, see the
 * README), with the editorial workflow: each change is a pull request that CI checks before
 * it is merged and goes live. `base_url` is the OAuth proxy that trades GitHub's login for
 * a token (GitHub needs one; see "Production" in the README).
 *
 * Change these values, then run `npm run cms:config`: public/admin/config.yml is generated.
 */
export const CMS_BACKEND = {
  name: 'github',
  repo: 'laposte/alliance-dynamique',
  branch: 'main',
  base_url: 'https://cms-auth.example.org',
  auth_endpoint: 'auth',
  squash_merges: true,
  commit_messages: {
    create: 'CMS : création de {{collection}} « {{slug}} »',
    update: 'CMS : modification de {{collection}} « {{slug}} »',
    delete: 'CMS : suppression de {{collection}} « {{slug}} »',
    uploadMedia: 'CMS : ajout de l’image « {{path}} »',
    deleteMedia: 'CMS : suppression de l’image « {{path}} »',
    openAuthoring: '{{message}}',
  },
} as const;

/** decap-server, started by `npm run cms`, listens on this loopback address only. */
export const CMS_LOCAL_PORT = 8081;
export const CMS_LOCAL_BACKEND_URL = `http://127.0.0.1:${CMS_LOCAL_PORT}/api/v1`;

/**
 * The origins the CMS page talks to (its connect-src, src/lib/security-policy.ts): the local
 * backend on loopback, the backend's API and its OAuth proxy. GitLab (the documented
 * alternative) is listed so that switching needs no change to the policy.
 */
export const CMS_CONNECT_SOURCES = [
  'http://127.0.0.1:*',
  'http://localhost:*',
  'https://api.github.com',
  'https://gitlab.com',
  new URL(CMS_BACKEND.base_url).origin,
] as const;
