export { findRepositoryRoot } from './loading/repository-root.js';
export { askOnTerminal, confirmOnTerminal } from './terminal-prompt.js';
export { localDefaultEnvironment } from './loading/local-default.js';
import { LOADER_VARIABLES } from './loading/unknown-names.js';
import { VARIABLE_NAMES } from './schema.js';

/**
 * The environment for a child process (tests, the dev runner): this process's environment without any
 * application variable, plus `overrides`. Starting from a clean slate keeps a developer's shell from leaking
 * into a child, so every child reads exactly the configuration it is given. `undefined` removes a variable.
 */
export function childProcessEnv(
  overrides: Readonly<Record<string, string | undefined>> = {},
): Record<string, string> {
  const owned = new Set<string>([
    ...LOADER_VARIABLES,
    ...VARIABLE_NAMES.flatMap((name) => [name, `${name}_FILE`]),
  ]);
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !owned.has(name) && !name.startsWith('FEATURE_'))
      environment[name] = value;
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete environment[name];
    else environment[name] = value;
  }
  return environment;
}

/**
 * Sets a variable of this process's environment, for libraries it configures (never application configuration),
 * unless the user already set it.
 */
export function setHostVariableDefault(name: string, value: string): void {
  if (VARIABLE_NAMES.some((variable) => variable === name || `${variable}_FILE` === name)) {
    throw new Error(
      `${name} is application configuration: set it in the environment or an .env file`,
    );
  }
  process.env[name] ??= value;
}

/** One variable of this process's environment that is not application configuration (PATH, HOME, DOCKER_HOST…). */
export function hostVariable(name: string): string | undefined {
  if (VARIABLE_NAMES.some((variable) => variable === name || `${variable}_FILE` === name)) {
    throw new Error(`${name} is application configuration: read it from loadConfig()`);
  }
  return process.env[name];
}

/**
 * This process's environment as it is, application variables included, plus `overrides`: for a child that should
 * see what the developer exported (`LOG_LEVEL=info pnpm dev`). `undefined` removes a variable.
 */
export function processEnvWith(
  overrides: Readonly<Record<string, string | undefined>> = {},
): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...process.env, ...overrides })) {
    if (value !== undefined) environment[name] = value;
  }
  return environment;
}
