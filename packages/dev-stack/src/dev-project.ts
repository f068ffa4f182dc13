import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** Names of this checkout's dev stack: two clones never share containers, volumes or data. */
export interface DevProject {
  root: string;
  name: string;
  postgresVolume: string;
  redisVolume: string;
  /** Where the embedded fallback keeps its data. */
  dataFolder: string;
}

export function devProject(root: string): DevProject {
  const name = `ladder-dev-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`;
  return {
    root,
    name,
    postgresVolume: `${name}_postgres`,
    redisVolume: `${name}_redis`,
    dataFolder: join(root, '.data'),
  };
}

/** The development database's credentials, as infra/compose/compose.dev.yaml creates them. */
export const DEV_DATABASE = { user: 'ladder', password: 'ladder', name: 'ladder_dev' };
