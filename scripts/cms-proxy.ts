/**
 * Starts the CMS's local backend (scripts/lib/cms-proxy.ts) on 127.0.0.1 and prints
 * `proxy listening on http://127.0.0.1:<port>/api/v1` once it is ready.
 *
 *   node scripts/cms-proxy.ts [--root <folder>] [--port <n>]
 *
 * --root: the folder whose content/ the CMS edits (default: this repository; tests pass a
 * temporary copy). --port: default 8081, as public/admin/config.yml expects; 0 for any
 * free port. Stops on SIGINT or SIGTERM.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_PROXY_PORT, startCmsProxy } from './lib/cms-proxy.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { root: { type: 'string' }, port: { type: 'string' }, 'log-level': { type: 'string' } },
});
const proxy = await startCmsProxy({
  root: path.resolve(values.root ?? ROOT),
  port: values.port === undefined ? DEFAULT_PROXY_PORT : Number(values.port),
  ...(values['log-level'] ? { logLevel: values['log-level'] } : {}),
});
console.log(`proxy listening on ${proxy.url}`);
const stop = () => void proxy.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
