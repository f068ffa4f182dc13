import type { TestProject } from 'vitest/node';
import { startComposeStack } from './compose-stack.js';

/** What test files get from `inject('stack')`: one compose stack per test run, shared by every file. */
export interface ProvidedStack {
  projectName: string;
  postgresPassword: string;
  /** Superuser URL of the stack's Postgres; tests create their own databases from it. */
  postgresAdminUrl: string;
  /** Base Redis URL; tests isolate themselves with their own QUEUE_PREFIX. */
  redisUrl: string;
  /** The compose network, for containers that must reach the services by name (postgres, redis). */
  network: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: ProvidedStack;
  }
}

/**
 * A vitest globalSetup: starts infra/compose/compose.yaml once for the whole run and removes it (volumes too)
 * when the run ends, failed or not.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stack = await startComposeStack();
  project.provide('stack', {
    projectName: stack.projectName,
    postgresPassword: stack.postgresPassword,
    postgresAdminUrl: stack.postgresUrl(),
    redisUrl: stack.redisUrl(),
    network: `${stack.projectName}_default`,
  });
  return () => stack.down();
}
