/**
 * `astro build` with the V8 heap of its process set for the machine (scripts/lib/build-heap.ts):
 * the second step of `npm run build`, and the build that tests and the benchmark run.
 *
 *   node scripts/astro-build.ts [astro build options]    # e.g. --config tests/setup/astro.fixture.config.mjs
 *
 * Node's flags have to be given to the process that runs Astro: this script starts it and
 * exits with its exit code.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodeFlags } from './lib/build-heap.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO_BIN = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

const child = spawn(
  process.execPath,
  [...buildNodeFlags(os.totalmem()), ASTRO_BIN, 'build', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
