import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childProcessEnv } from '@repo/config/host';

/**
 * The environment for an app or CLI started by a test: nothing inherited from the developer's shell or .env
 * files (ENV_DIR points at an empty folder), only `variables`.
 */
export function isolatedEnvironment(
  variables: Record<string, string | undefined>,
): Record<string, string> {
  return childProcessEnv({ ENV_DIR: emptyEnvFolder(), ...variables });
}

/**
 * A fixed folder that stays empty: no .env file is ever found there. Fixed rather than temporary, because test
 * processes are often ended without running exit handlers, which would leave a temporary folder behind each run.
 */
function emptyEnvFolder(): string {
  const folder = join(tmpdir(), 'ladder-tests-empty-env');
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** A fresh random SECRET_KEY for a test process. */
export function testSecretKey(): string {
  return randomBytes(32).toString('base64url');
}
