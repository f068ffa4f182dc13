import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Creates .env.development from the committed example when it is missing; true when it did. */
export function ensureDevelopmentEnvFile(root: string): boolean {
  const target = join(root, '.env.development');
  if (existsSync(target)) return false;
  copyFileSync(join(root, '.env.development.example'), target);
  return true;
}
