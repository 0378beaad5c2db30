/**
 * `npm run cms`: local editing. Starts the site's development server and the CMS's local
 * backend (scripts/cms-proxy.ts), both on 127.0.0.1 only, then prints the one address to
 * open. Saving in the CMS writes the files in content/, ready to commit. Ctrl-C stops both.
 *
 * The backend has no authentication, which is why nothing here listens on another
 * interface. CONTENT_DIR is not read: the CMS edits this repository's content/ folder, the
 * paths of public/admin/config.yml.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE_PORT = 4321;
const ADDRESS = `http://127.0.0.1:${SITE_PORT}/admin/`;

const children: ChildProcess[] = [];

/** Starts a Node child whose output is shown with a prefix; resolves on the line `ready` matches. */
function start(name: string, args: string[], ready: RegExp): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of text.split('\n')) if (line.trim()) console.log(`[${name}] ${line}`);
      if (ready.test(text)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`${name} s’est arrêté (code ${String(code)})`));
      stopAll(1);
    });
  });
}

let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

try {
  await Promise.all([
    start('cms', [path.join(ROOT, 'scripts/cms-proxy.ts')], /proxy listening on/),
    start(
      'site',
      [
        path.join(ROOT, 'node_modules/astro/bin/astro.mjs'),
        'dev',
        '--host',
        '127.0.0.1',
        '--port',
        String(SITE_PORT),
      ],
      /127\.0\.0\.1:\d+/,
    ),
  ]);
  console.log(
    `\nÉditeur prêt : ouvrez ${ADDRESS}\n(Ctrl-C pour arrêter ; les modifications sont écrites dans content/.)\n`,
  );
} catch (error) {
  console.error(
    `Impossible de démarrer l’éditeur : ${error instanceof Error ? error.message : String(error)}`,
  );
  stopAll(1);
}
