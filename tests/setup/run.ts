/** Runs the Astro command line, or the site's build, in a child process and keeps what it printed. */
import { spawn } from 'node:child_process';
import { ASTRO_BIN, ASTRO_BUILD_BIN, CHECK_CONTENT_BIN, ROOT, SEARCH_INDEX_BIN } from './paths';

export interface RunResult {
  /** Exit code; null when the process was killed (time limit). */
  code: number | null;
  /** stdout and stderr interleaved as they arrived, colours removed. */
  output: string;
  /** Wall-clock duration in milliseconds. */
  ms: number;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

interface RunOptions {
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

export function runAstro(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runNode([ASTRO_BIN, ...args], options);
}

/** `astro build` as `npm run build` runs it: with the build's V8 flags (scripts/astro-build.ts). */
export function runAstroBuild(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runNode([ASTRO_BUILD_BIN, ...args], options);
}

/**
 * What `npm run build` does: the content check, then `astro build`, then, when both
 * succeeded, the search index (scripts/search-index.ts) of the folder it built (`outDir`).
 * One result for the three steps.
 */
export async function runBuild(
  args: readonly string[],
  outDir: string,
  options: RunOptions = {},
): Promise<RunResult> {
  const check = await runCheckContent(options);
  if (check.code !== 0) return check;
  const astro = await runAstroBuild(args, options);
  if (astro.code !== 0) return { ...astro, output: check.output + astro.output };
  const index = await runIndex(outDir, options);
  return {
    code: index.code,
    output: check.output + astro.output + index.output,
    ms: check.ms + astro.ms + index.ms,
  };
}

/** The search index step alone (scripts/search-index.ts) of a built folder, as `npm run build` ends. */
export function runIndex(outDir: string, options: RunOptions = {}): Promise<RunResult> {
  return runNode([SEARCH_INDEX_BIN, outDir], options);
}

/** The content check (scripts/check-content.ts) of $CONTENT_DIR, as `npm run check:content`. */
export function runCheckContent(options: RunOptions = {}): Promise<RunResult> {
  return runNode([CHECK_CONTENT_BIN], options);
}

function runNode(args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: output.replace(ANSI, ''), ms: Date.now() - started });
    });
  });
}
