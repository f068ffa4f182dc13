import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderEnvironmentDoc } from './environment-doc.js';
import { EXAMPLE_ENVIRONMENTS, exampleFileName, renderExampleFile } from './example-files.js';
import { turboEnvDrift, updateTurboEnv } from './turbo-env.js';

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The files derived from the schema and what they should contain. */
function expectedFiles(root: string): { path: string; text: string }[] {
  return [
    { path: join(root, 'docs', 'environment.md'), text: renderEnvironmentDoc() },
    ...EXAMPLE_ENVIRONMENTS.map((environment) => ({
      path: join(root, exampleFileName(environment)),
      text: renderExampleFile(environment),
    })),
  ];
}

/** Descriptions of every derived file that no longer matches the schema; empty when all are in sync. */
export function findDrift(root: string): string[] {
  const drift = expectedFiles(root)
    .filter(({ path, text }) => readText(path) !== text)
    .map(({ path }) => `${path.slice(root.length + 1)} does not match the schema`);
  const turbo = readText(join(root, 'turbo.json'));
  if (turbo === undefined) drift.push('turbo.json is missing');
  else
    drift.push(
      ...turboEnvDrift(turbo).map(
        (key) => `turbo.json ${key} does not list the schema's variables`,
      ),
    );
  return drift;
}

/** Rewrites every derived file from the schema; returns the paths it changed. */
export function writeGeneratedFiles(root: string): string[] {
  const changed: string[] = [];
  for (const { path, text } of expectedFiles(root)) {
    if (readText(path) === text) continue;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    changed.push(path);
  }
  const turboPath = join(root, 'turbo.json');
  const turbo = readText(turboPath);
  if (turbo !== undefined) {
    const updated = updateTurboEnv(turbo);
    if (updated !== turbo) {
      writeFileSync(turboPath, updated);
      changed.push(turboPath);
    }
  }
  return changed;
}
