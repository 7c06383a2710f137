/**
 * Command-line flags of `npm run bench`. Kept tiny and strict: an unknown flag is an error, so a typo
 * never silently runs the full (slow) bench with the wrong settings.
 */
export interface BenchArgs {
  /** Reuse bench-dist/ from an earlier run instead of building (the build takes most of a minute). */
  build: boolean;
  /** Fewer runs everywhere: for checking the bench itself, not for numbers worth quoting. */
  quick: boolean;
}

export const USAGE = 'usage: npm run bench -- [--no-build] [--quick]';

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { build: true, quick: false };
  for (const a of argv) {
    if (a === '--no-build') args.build = false;
    else if (a === '--quick') args.quick = true;
    else throw new Error(`unknown flag ${JSON.stringify(a)}\n${USAGE}`);
  }
  return args;
}
