const TICK_MS = 3_000;

/** What `pnpm dev` says while it works: one `[dev]` line per step, and a tick every few seconds on long ones. */
export class Progress {
  constructor(
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  say(message: string): void {
    this.write(`[dev] ${message}`);
  }

  /**
   * Runs `work`, saying `message` first and "still …" every few seconds, so a slow step never goes quiet; `detail`
   * adds what it is waiting for right now.
   */
  async during<Result>(
    message: string,
    work: () => Promise<Result>,
    detail?: () => string,
  ): Promise<Result> {
    const started = Date.now();
    this.say(`${message}…`);
    const ticker = setInterval(() => {
      const now = detail === undefined ? '' : `: ${detail()}`;
      this.say(`  still ${message} (${Math.round((Date.now() - started) / 1000)}s)${now}`);
    }, TICK_MS);
    try {
      const result = await work();
      this.say(`  done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
      return result;
    } finally {
      clearInterval(ticker);
    }
  }
}
