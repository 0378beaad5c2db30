/**
 * The CMS's local backend: decap-server's file-system middleware (it reads and writes the
 * content files Decap asks for, inside one folder) in an Express app that listens on
 * 127.0.0.1 only.
 *
 * decap-server has no authentication: anyone who can reach it can write files. Its own
 * entry point listens on every interface unless BIND_HOST is set, so this module does not
 * use it: it registers the same middleware (decap-server/dist/middlewares, `registerLocalFs`)
 * and binds the loopback address itself. The middleware takes its folder from
 * GIT_REPO_DIRECTORY when it is registered, hence one proxy per process (scripts/cms-proxy.ts).
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

const require = createRequire(import.meta.url);

/** The only address the proxy listens on. */
export const PROXY_HOST = '127.0.0.1';
/** Decap's default local backend port, which public/admin/config.yml names. */
export const DEFAULT_PROXY_PORT = 8081;

interface ExpressApp {
  listen(port: number, host: string, callback: () => void): Server;
}

export interface CmsProxy {
  /** e.g. http://127.0.0.1:8081/api/v1 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the proxy on 127.0.0.1:`port` (0: any free port) serving the files under `root`. */
export async function startCmsProxy(options: {
  root: string;
  port?: number;
  logLevel?: string;
}): Promise<CmsProxy> {
  process.env['GIT_REPO_DIRECTORY'] = options.root;
  const express = require('express') as () => ExpressApp;
  const { registerLocalFs } = require('decap-server/dist/middlewares') as {
    registerLocalFs(app: ExpressApp, options: { logLevel?: string }): Promise<void>;
  };
  const app = express();
  await registerLocalFs(app, { logLevel: options.logLevel ?? 'warn' });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port ?? DEFAULT_PROXY_PORT, PROXY_HOST, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${PROXY_HOST}:${port}/api/v1`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
