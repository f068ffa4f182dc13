import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding pnpm-workspace.yaml above `start`, where the .env files live; undefined outside a
 * checkout (a container image), where only the process environment and ENV_FILE count.
 */
export function findRepositoryRoot(start: string): string | undefined {
  let folder = start;
  for (;;) {
    if (existsSync(join(folder, 'pnpm-workspace.yaml'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
