import { createInterface } from 'node:readline/promises';

/**
 * Production changes need a deliberate yes: `--yes-production` in CI, or typing the word `production` at an
 * interactive prompt. Without a terminal and without the flag, the answer is no.
 */
export async function confirmProduction(action: string, flagGiven: boolean): Promise<boolean> {
  if (flagGiven) return true;
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      `You are about to ${action} in PRODUCTION. Type "production" to continue: `,
    );
    return answer.trim() === 'production';
  } finally {
    prompt.close();
  }
}

/** A yes/no question for destructive commands in development; non-interactive runs need `--yes`. */
export async function confirm(question: string, flagGiven: boolean): Promise<boolean> {
  if (flagGiven) return true;
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(`${question} [y/N] `)).trim());
  } finally {
    prompt.close();
  }
}
