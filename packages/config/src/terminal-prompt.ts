import { createInterface } from 'node:readline/promises';

/**
 * Asks a question at the terminal and returns the trimmed answer; undefined when there is no terminal, so scripts
 * and CI never hang on a prompt (they pass the command's --yes flag instead).
 */
export async function askOnTerminal(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await prompt.question(question)).trim();
  } finally {
    prompt.close();
  }
}

/** A yes/no confirmation for destructive commands: yes when `flagGiven`, else only a typed "y" or "yes". */
export async function confirmOnTerminal(question: string, flagGiven: boolean): Promise<boolean> {
  if (flagGiven) return true;
  return /^y(es)?$/i.test((await askOnTerminal(`${question} [y/N] `)) ?? '');
}
