import { parseArgs } from 'node:util';
import { findRepositoryRoot } from '@repo/config/host';
import { runDev } from '../dev-command.js';
import { Progress } from '../progress.js';
import { runDown, runReset } from '../reset-command.js';

const USAGE = `usage: ladder-dev [up | down | reset [--yes]]
  up      (default) start Postgres and Redis, migrate and seed, run web and worker in watch mode
  down    remove the dev containers; the data stays
  reset   remove the dev containers and all development data (asks first)`;

export async function runDevCli(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { yes: { type: 'boolean', default: false } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command = 'up', ...extra] = parsed.positionals;
  const root = findRepositoryRoot(cwd);
  if (extra.length > 0 || root === undefined) {
    process.stderr.write(
      root === undefined ? 'ladder-dev must run inside the repository\n' : `${USAGE}\n`,
    );
    return 2;
  }
  const progress = new Progress();
  switch (command) {
    case 'up':
      return runDev(root, progress);
    case 'down':
      return runDown(root, progress);
    case 'reset':
      return runReset(root, progress, parsed.values.yes);
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}
