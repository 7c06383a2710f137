/**
 * Command-line flags of `npm run bench`. Kept tiny and strict: an unknown flag is an error, so a typo
 * never silently runs the full (slow) bench with the wrong settings.
 */
export interface BenchArgs {
  /** Reuse bench-dist/ from an earlier run instead of building (the build takes most of a minute). */
  build: boolean;
  /** Fewer runs everywhere: for checking the bench itself, not for numbers worth quoting. */
  quick: boolean;
  /** Only one group of rows (`--only live`, `--only switching`, `--only facility-frame`): for iterating on it. Null: every row. */
  only: OnlyGroup | null;
}

/** Row groups that can run alone. */
export const ONLY_GROUPS = ['live', 'switching', 'facility-frame'] as const;
export type OnlyGroup = (typeof ONLY_GROUPS)[number];

export const USAGE = `usage: npm run bench -- [--no-build] [--quick] [--only ${ONLY_GROUPS.join('|')}]`;

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { build: true, quick: false, only: null };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] as string;
    if (a === '--only' || a.startsWith('--only=')) {
      const value = a === '--only' ? argv[(i += 1)] : a.slice('--only='.length);
      if (!(ONLY_GROUPS as readonly string[]).includes(value ?? '')) {
        throw new Error(`--only takes ${ONLY_GROUPS.map((g) => `"${g}"`).join(' or ')}, got ${JSON.stringify(value)}\n${USAGE}`);
      }
      args.only = value as OnlyGroup;
    } else if (a === '--no-build') args.build = false;
    else if (a === '--quick') args.quick = true;
    else throw new Error(`unknown flag ${JSON.stringify(a)}\n${USAGE}`);
  }
  return args;
}
