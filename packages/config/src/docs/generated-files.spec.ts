import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsCommand } from '../cli/docs-command.js';
import { VARIABLE_NAMES } from '../schema.js';
import { temporaryFolder } from '../testing/fixtures.js';
import { repositoryRoot } from '../testing/run-cli.js';
import { EXAMPLE_ENVIRONMENTS, exampleFileName, renderExampleFile } from './example-files.js';
import { findDrift, writeGeneratedFiles } from './generated-files.js';
import { renderEnvironmentDoc } from './environment-doc.js';

const GENERATED = [
  'docs/environment.md',
  '.env.development.example',
  '.env.staging.example',
  '.env.production.example',
  'turbo.json',
];

/** A copy of the repository's generated files in a temporary folder, to break on purpose. */
function copyOfRepository(): string {
  const folder = temporaryFolder();
  for (const file of GENERATED)
    cpSync(join(repositoryRoot, file), join(folder, file), { recursive: true });
  return folder;
}

const quiet = { out: () => undefined, error: () => undefined };

describe('generated files', () => {
  it('are in sync with the schema in this repository', () => {
    expect(findDrift(repositoryRoot)).toEqual([]);
  });

  it('reports an example file edited by hand, and env:docs --check exits 1', () => {
    const folder = copyOfRepository();
    writeFileSync(
      join(folder, '.env.staging.example'),
      readFileSync(join(folder, '.env.staging.example'), 'utf8').replace(/^PORT=.*$/m, ''),
    );
    expect(findDrift(folder)).toEqual(['.env.staging.example does not match the schema']);
    expect(docsCommand(folder, true, quiet)).toBe(1);
  });

  it('reports docs/environment.md out of date', () => {
    const folder = copyOfRepository();
    writeFileSync(join(folder, 'docs/environment.md'), '# stale\n');
    expect(findDrift(folder)).toEqual(['docs/environment.md does not match the schema']);
  });

  it('reports a turbo.json env list that misses a variable', () => {
    const folder = copyOfRepository();
    const turbo = readFileSync(join(folder, 'turbo.json'), 'utf8');
    writeFileSync(join(folder, 'turbo.json'), turbo.replace('"SECRET_KEY",', ''));
    expect(findDrift(folder)).toEqual([
      "turbo.json tasks.dev.passThroughEnv does not list the schema's variables",
    ]);
  });

  it('reports a variable hashed by the build, whose output depends on none', () => {
    const folder = copyOfRepository();
    const turbo = readFileSync(join(folder, 'turbo.json'), 'utf8');
    writeFileSync(
      join(folder, 'turbo.json'),
      turbo.replace(/("build": \{[^}]*"env": )\[\]/, '$1["APP_ENV"]'),
    );
    expect(findDrift(folder)).toEqual([
      "turbo.json tasks.build.env does not list the schema's variables",
    ]);
  });

  it('are rewritten by env:docs, keeping the rest of turbo.json', () => {
    const folder = copyOfRepository();
    const turbo = readFileSync(join(folder, 'turbo.json'), 'utf8');
    writeFileSync(join(folder, 'turbo.json'), turbo.replace('"SECRET_KEY",', ''));
    writeFileSync(join(folder, '.env.production.example'), '');
    expect(docsCommand(folder, false, quiet)).toBe(0);
    expect(findDrift(folder)).toEqual([]);
    expect(readFileSync(join(folder, 'turbo.json'), 'utf8')).toBe(turbo);
  });

  it('writes nothing when already in sync', () => {
    expect(writeGeneratedFiles(copyOfRepository())).toEqual([]);
  });
});

describe('docs/environment.md', () => {
  it('has a row for every variable and every rule', () => {
    const doc = renderEnvironmentDoc();
    for (const name of VARIABLE_NAMES) expect(doc).toContain(`| \`${name}\` |`);
    expect(doc).toContain('| `secret-key-length` | staging, production |');
  });
});

describe('example files', () => {
  it.each(EXAMPLE_ENVIRONMENTS)('list every variable in %s', (environment) => {
    const text = renderExampleFile(environment);
    for (const name of VARIABLE_NAMES) expect(text).toMatch(new RegExp(`^(# )?${name}=`, 'm'));
  });

  it('name the file after the environment', () => {
    expect(exampleFileName('staging')).toBe('.env.staging.example');
  });
});
