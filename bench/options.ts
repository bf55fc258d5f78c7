// The bench's command line (`bench/run.mjs [--runs=5] [--sizes=1,30,100] [--no-scroll]
// [--no-stored] [--no-sheet] [--only=phrases|attachments|hostile]`) and the error that says the bench itself cannot run.

/** The bench cannot run (no Chromium, no build, a bad option): exit 1 with this message. */
export class BenchError extends Error {}

/** What the command line asks for. */
export interface BenchOptions {
  runs: number;
  sizes: number[];
  scroll: boolean;
  stored: boolean;
  sheet: boolean;
  only: 'phrases' | 'attachments' | 'hostile' | null;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { runs: 5, sizes: [1, 30, 100], scroll: true, stored: true, sheet: true, only: null };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (key === 'runs') options.runs = Math.max(1, Number(value));
    else if (key === 'sizes') options.sizes = (value ?? '').split(',').map(Number);
    else if (key === 'no-scroll') options.scroll = false;
    else if (key === 'no-stored') options.stored = false;
    else if (key === 'no-sheet') options.sheet = false;
    else if (key === 'only' && (value === 'phrases' || value === 'attachments' || value === 'hostile'))
      options.only = value;
    else
      throw new BenchError(
        `unknown option ${arg} (use --runs=N, --sizes=1,30,100, --no-scroll, --no-stored, --no-sheet, --only=phrases, --only=attachments, --only=hostile)`,
      );
  }
  if (!Number.isInteger(options.runs) || options.sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new BenchError('--runs and --sizes take positive integers');
  }
  return options;
}
