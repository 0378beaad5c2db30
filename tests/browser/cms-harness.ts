/**
 * Helpers of the CMS browser tests: a temporary git repository holding a copy of content/
 * (the real one is never written), the CMS's local backend (scripts/cms-proxy.ts, the
 * script `npm run cms` runs) serving it on 127.0.0.1, and the built /admin/ opened in
 * Chromium with its config.yml pointed at that backend.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ROOT, TMP } from '../setup/paths.ts';

export const PROXY_SCRIPT = path.join(ROOT, 'scripts/cms-proxy.ts');
/** The local backend address public/admin/config.yml names. */
const CONFIG_PROXY_URL = 'http://127.0.0.1:8081/api/v1';

/** Runs git in `cwd`; throws with its output when it fails. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

export interface ContentCopy {
  /** The repository's folder; content/ is inside. */
  root: string;
  content: string;
  remove(): Promise<void>;
}

/** Copies content/ into a fresh git repository under tests/.tmp/cms-*, committed. */
export async function copyContent(): Promise<ContentCopy> {
  await mkdir(TMP, { recursive: true });
  const root = await mkdtemp(path.join(TMP, 'cms-'));
  const content = path.join(root, 'content');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, '-c', 'user.name=Tests', '-c', 'user.email=tests@example.org', 'commit', '-q', '-m', 'copy');
  return { root, content, remove: () => rm(root, { recursive: true, force: true }) };
}

export interface Proxy {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts scripts/cms-proxy.ts on a free port for the files under `root`. */
export function startProxy(root: string): Promise<Proxy> {
  const child = spawn(process.execPath, [PROXY_SCRIPT, '--root', root, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /proxy listening on (\S+)/.exec(output)?.[1];
      if (url) {
        child.stdout?.off('data', onData);
        resolve({
          url,
          child,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`cms-proxy exited (${String(code)}):\n${output}`)));
    setTimeout(() => reject(new Error(`cms-proxy did not start:\n${output}`)), 30_000).unref();
  });
}

export interface AdminPage {
  page: Page;
  /** console.error messages and uncaught exceptions. */
  errors: string[];
  /** Requests that left the site and the proxy, or failed. */
  failedRequests: string[];
}

/**
 * Opens /admin/ of the served build with its config's local backend pointed at `proxyUrl`,
 * logs in (the local backend has a plain "Se connecter" button) and waits for the
 * collection list.
 */
export async function openAdmin(
  context: BrowserContext,
  origin: string,
  proxyUrl: string,
): Promise<AdminPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const failedRequests: string[] = [];
  const proxyOrigin = new URL(proxyUrl).origin;
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${origin}/admin/config.yml`) {
      const response = await route.fetch();
      const body = (await response.text()).replace(CONFIG_PROXY_URL, proxyUrl);
      await route.fulfill({ response, body });
    } else if ([origin, proxyOrigin].some((o) => url.startsWith(o + '/')) || /^(data|blob):/.test(url)) {
      await route.continue();
    } else {
      failedRequests.push(`blocked request to ${url}`);
      await route.abort('blockedbyclient');
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught exception: ${error.message}`));
  page.on('requestfailed', (request) =>
    failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`),
  );
  await page.goto(`${origin}/admin/`, { waitUntil: 'load' });
  // A second tab of the same browser is already logged in (Decap keeps the session).
  const login = page.getByRole('button', { name: 'Se connecter' });
  await Promise.race([
    login.waitFor({ timeout: 60_000 }).catch(() => undefined),
    page.waitForURL(/#\/collections\//, { timeout: 60_000 }).catch(() => undefined),
  ]);
  if (await login.isVisible()) await login.click();
  await page.waitForURL(/#\/collections\//, { timeout: 60_000 });
  return { page, errors, failedRequests };
}

/**
 * Opens a route of the CMS (`collections/partners/new`…) in an admin page already logged in.
 * `reload` loads the page again: an entry opened right after another one is saved can
 * otherwise show an empty form (Decap keeps the previous editor's state).
 */
export async function goto(page: Page, route: string, options: { reload?: boolean } = {}): Promise<void> {
  if (!options.reload) {
    await page.evaluate((hash) => (window.location.hash = hash), `#/${route}`);
    return;
  }
  const url = new URL(page.url());
  await page.goto(`${url.origin}${url.pathname}#/${route}`, { waitUntil: 'load' });
  // The local backend's session is kept in the browser; Decap may still show its button.
  const login = page.getByRole('button', { name: 'Se connecter' });
  await Promise.race([
    login.waitFor({ timeout: 10_000 }).catch(() => undefined),
    page
      .locator('[id*="-field-"]')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined),
  ]);
  if (await login.isVisible()) await login.click();
}

/** A form field of the open entry by its name (Decap's ids are `<name>-field-<n>`); `nth` 1 is the English pane. */
export const field = (page: Page, name: string, nth = 0) => page.locator(`[id^="${name}-field-"]`).nth(nth);

/**
 * The field `name` whose value is `value`, once it shows it: in the side-by-side view both
 * languages have the same field names, and components in a body add fields of their own.
 */
export async function fieldWithValue(page: Page, name: string, value: string) {
  const all = page.locator(`[id^="${name}-field-"]`);
  for (let i = 0; i < 400; i++) {
    const values = await all.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const index = values.indexOf(value);
    if (index >= 0) return all.nth(index);
    await page.waitForTimeout(50);
  }
  throw new Error(`no ${name} field showing "${value}"`);
}

/**
 * Publishes the open entry ("Publier" → "Publier maintenant") and waits until the editor
 * says it is saved; fails with the form's error messages when it refuses.
 */
/**
 * Answers Decap's dialogs: yes to leaving a page, but no to « Une sauvegarde locale a été
 * trouvée pour cette entrée… » — Decap keeps unsaved edits in the browser and offers them on
 * the next opening; restoring one would mark the entry changed and bring back an edit the test
 * did not make now.
 */
export function answerDialogs(page: Page): void {
  page.on(
    'dialog',
    (dialog) =>
      void (/sauvegarde locale|local backup/i.test(dialog.message()) ? dialog.dismiss() : dialog.accept()),
  );
}

export async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant', { exact: true }).click();
  const saved = page.getByText('Modifications enregistrées', { exact: true });
  const refused = page.locator('ul[class*="ControlErrorsList"] li').first();
  await Promise.race([saved.waitFor({ timeout: 30_000 }), refused.waitFor({ timeout: 30_000 })]);
  if (!(await saved.isVisible())) {
    const messages = await page.locator('ul[class*="ControlErrorsList"] li').allInnerTexts();
    await page.screenshot({ path: path.join(TMP, 'cms-refused.png'), fullPage: true });
    throw new Error(`the CMS refused to save: ${messages.join('; ')}`);
  }
}

/**
 * Picks an option in a react-select field (select or relation): types `query`, then takes
 * the option showing `text` (by default the query itself).
 */
export async function choose(
  page: Page,
  input: ReturnType<typeof field>,
  query: string,
  text = query,
): Promise<void> {
  await input.click();
  await page.keyboard.type(query);
  // Playwright's wait did not see this widget's menu appear (scripts/bench-cms.ts): poll it.
  for (let i = 0; i < 200; i++) {
    const option = page.locator('[class*="-option"]', { hasText: text }).first();
    if ((await option.count()) > 0) {
      await option.click();
      return;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`no option "${text}"`);
}
