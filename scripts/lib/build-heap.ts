/**
 * The V8 flags of the `astro build` process (scripts/astro-build.ts), sized from the machine
 * so that nobody has to tune them. Large static sites set the heap of their build: Node's
 * default ceiling depends on the machine and the Node version, and V8 lets the heap grow far
 * beyond what is live before it collects when nothing bounds it.
 *
 * Runs directly on Node 22 (type stripping): no TypeScript-only syntax.
 */

/** Megabytes. */
const MB = 1024 * 1024;

/**
 * `--max-old-space-size`: half the machine's memory, between 2 GB and 16 GB. The build's
 * live data grows with the partners (about 400 MB at 20,000 partners, the measured figure in
 * README "Build scale"); half of a 24 GB machine leaves room for 100,000 and more, and for
 * Pagefind and Chromium, which run outside this heap.
 */
export function maxOldSpaceMb(totalBytes: number): number {
  return Math.max(2048, Math.min(16384, Math.floor(totalBytes / MB / 2)));
}

/** Every flag the build's node process takes (see the README, "Build scale"). */
export function buildNodeFlags(totalBytes: number): string[] {
  return [`--max-old-space-size=${String(maxOldSpaceMb(totalBytes))}`];
}
