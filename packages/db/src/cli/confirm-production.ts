import { askOnTerminal } from '@repo/config/host';

/**
 * Production changes need a deliberate yes: `--yes-production` in CI, or typing the word `production` at an
 * interactive prompt. Without a terminal and without the flag, the answer is no.
 */
export async function confirmProduction(action: string, flagGiven: boolean): Promise<boolean> {
  if (flagGiven) return true;
  return (
    (await askOnTerminal(
      `You are about to ${action} in PRODUCTION. Type "production" to continue: `,
    )) === 'production'
  );
}
