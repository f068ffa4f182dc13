import { applyEdits, modify, parse } from 'jsonc-parser';
import { LOADER_VARIABLES } from '../loading/unknown-names.js';
import { VARIABLE_NAMES } from '../schema.js';

/**
 * The env lists turbo.json must carry, derived from the schema. turbo runs in strict env mode, so a task sees only
 * what is declared:
 * - `build` hashes no variable: the compiled output is the same for every environment (configuration is read at
 *   start-up, never at build time), so a variable hashed there would only turn cache hits into misses;
 * - tasks that run the apps or their CLIs (dev, database commands) pass every application variable through
 *   uncached, so `pnpm dev` can hand DATABASE_URL and REDIS_URL to both apps.
 */
function expectedTurboEnv(): Record<string, { key: 'env' | 'passThroughEnv'; names: string[] }> {
  const runtime = [
    ...VARIABLE_NAMES,
    ...VARIABLE_NAMES.map((name) => `${name}_FILE`),
    ...LOADER_VARIABLES,
  ];
  return {
    build: { key: 'env', names: [] },
    dev: { key: 'passThroughEnv', names: runtime },
    'db:migrate': { key: 'passThroughEnv', names: runtime },
    'db:seed': { key: 'passThroughEnv', names: runtime },
    'db:reset': { key: 'passThroughEnv', names: runtime },
  };
}

interface TurboJson {
  tasks?: Record<string, Record<string, unknown>>;
}

/** Tasks of turbo.json whose env list differs from the schema's. Tasks turbo.json does not define are skipped. */
export function turboEnvDrift(text: string): string[] {
  const turbo = parse(text) as TurboJson;
  const drift: string[] = [];
  for (const [task, { key, names }] of Object.entries(expectedTurboEnv())) {
    const definition = turbo.tasks?.[task];
    if (!definition) continue;
    const actual = definition[key];
    if (!Array.isArray(actual) || actual.join('\n') !== names.join('\n'))
      drift.push(`tasks.${task}.${key}`);
  }
  return drift;
}

/** turbo.json with its env lists rewritten, everything else (comments, order, other tasks) kept. */
export function updateTurboEnv(text: string): string {
  const turbo = parse(text) as TurboJson;
  let result = text;
  for (const [task, { key, names }] of Object.entries(expectedTurboEnv())) {
    if (!turbo.tasks?.[task]) continue;
    result = applyEdits(
      result,
      modify(result, ['tasks', task, key], names, {
        formattingOptions: { insertSpaces: true, tabSize: 2 },
      }),
    );
  }
  return result;
}
