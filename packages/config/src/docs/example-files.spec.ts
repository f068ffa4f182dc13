import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnvFile } from '../loading/env-files.js';
import { inspectConfig } from '../load-config.js';
import { temporaryFolder } from '../testing/fixtures.js';
import { repositoryRoot } from '../testing/run-cli.js';

function inspectExample(environment: 'development' | 'staging' | 'production') {
  const folder = temporaryFolder();
  return inspectConfig({
    env: {},
    appEnv: environment,
    envFile: join(repositoryRoot, `.env.${environment}.example`),
    envDir: folder,
    cwd: folder,
  });
}

describe('the committed example files', () => {
  it('.env.development.example works as it is', () => {
    const inspection = inspectExample('development');
    expect(inspection.problems).toEqual([]);
    expect(inspection.config?.appEnv).toBe('development');
  });

  it.each(['staging', 'production'] as const)(
    '.env.%s.example is refused for every placeholder it holds',
    (environment) => {
      const inspection = inspectExample(environment);
      const refused = new Set(inspection.problems.map((problem) => problem.variable));
      const values = readEnvFile(join(repositoryRoot, `.env.${environment}.example`)) ?? {};
      const placeholders = Object.entries(values)
        .filter(([, value]) => /change[-_]?me/i.test(value))
        .map(([name]) => name);
      expect(placeholders.length).toBeGreaterThan(8);
      for (const name of placeholders) expect(refused).toContain(name);
    },
  );
});
