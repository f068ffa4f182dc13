import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeployed, type AppEnvironment } from '../environments.js';
import type { Warning } from '../problems.js';
import { readEnvFile } from './env-files.js';
import type { Layer } from './layers.js';

/**
 * The per-environment files for development and test, `.local` first. Staging and production read none: a
 * leftover file there is only mentioned, never used.
 */
export function defaultFileLayers(
  root: string,
  environment: AppEnvironment,
  warnings: Warning[],
): Layer[] {
  if (isDeployed(environment)) {
    const skipped = join(root, `.env.${environment}`);
    if (existsSync(skipped)) {
      warnings.push({
        variable: 'ENV_FILE',
        rule: 'deployed-files-not-read',
        message: `is unset, so ${skipped} was not read: ${environment} reads the process environment only`,
        fix: `set ENV_FILE=${skipped} if that file is meant to be used`,
      });
    }
    return [];
  }
  if (existsSync(join(root, '.env'))) {
    warnings.push({
      variable: 'ENV_FILE',
      rule: 'plain-env-file',
      message: `is unset and ${join(root, '.env')} is never read`,
      fix: `move its settings to .env.${environment}`,
    });
  }
  return [`.env.${environment}.local`, `.env.${environment}`].flatMap((name) => {
    const path = join(root, name);
    const values = readEnvFile(path);
    return values ? [{ origin: { kind: 'file' as const, path }, values }] : [];
  });
}
