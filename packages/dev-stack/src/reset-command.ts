import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { confirmOnTerminal } from '@repo/config/host';
import { devProject } from './dev-project.js';
import type { Progress } from './progress.js';
import { dockerAvailable } from './services/docker-cli.js';
import { removeDockerContainers, removeDockerData } from './services/docker-services.js';

/** `pnpm dev:down`: removes the dev containers (Docker); their data volumes stay for the next `pnpm dev`. */
export async function runDown(root: string, progress: Progress): Promise<number> {
  const project = devProject(root);
  if (!(await dockerAvailable())) {
    progress.say('no Docker engine answers: there are no dev containers to remove');
    return 0;
  }
  await progress.during(`removing the containers of ${project.name} (data volumes kept)`, () =>
    removeDockerContainers(project),
  );
  return 0;
}

/** `pnpm dev:reset`: after a confirmation, removes the dev containers and every byte of development data. */
export async function runReset(root: string, progress: Progress, yes: boolean): Promise<number> {
  const project = devProject(root);
  const question = `Delete ALL development data of this checkout (volumes ${project.postgresVolume}, ${project.redisVolume} and .data/)?`;
  if (!(await confirmOnTerminal(question, yes))) {
    progress.say('nothing deleted (pass --yes when running without a terminal)');
    return 1;
  }
  if (await dockerAvailable()) {
    await progress.during(`removing ${project.name} and its volumes`, () =>
      removeDockerData(project),
    );
  }
  // The embedded services' data, the caught mail and the stored files.
  for (const folder of ['postgres', 'redis', 'mail', 'media'])
    rmSync(join(project.dataFolder, folder), { recursive: true, force: true });
  progress.say('development data deleted; the next pnpm dev starts from a fresh, seeded database');
  return 0;
}
