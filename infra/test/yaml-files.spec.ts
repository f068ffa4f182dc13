import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

const repositoryRoot = join(import.meta.dirname, '..', '..');

function yamlFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const files = [
  ...yamlFilesUnder(join(repositoryRoot, 'infra')),
  ...yamlFilesUnder(join(repositoryRoot, '.github')),
]
  .filter((file) => !file.includes('node_modules'))
  .map((file) => relative(repositoryRoot, file));

describe('YAML under infra/ and .github/', () => {
  it('finds the deploy templates and workflows', () => {
    expect(files).toContain('.github/workflows/ci.yml');
    expect(files).toContain('infra/environments/production/kustomization.yaml');
  });

  it.each(files)('%s parses without errors', (file) => {
    const documents = parseAllDocuments(readFileSync(join(repositoryRoot, file), 'utf8'));
    for (const document of documents)
      expect(document.errors.map((error) => error.message)).toEqual([]);
  });
});
