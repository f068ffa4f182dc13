import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../testing/fixtures.js';
import { findRepositoryRoot } from './repository-root.js';

describe('findRepositoryRoot', () => {
  it('finds the nearest folder holding pnpm-workspace.yaml, from deep inside it', () => {
    const root = temporaryFolder();
    writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
    const nested = join(root, 'apps', 'web', 'dist');
    mkdirSync(nested, { recursive: true });
    expect(findRepositoryRoot(nested)).toBe(root);
    expect(findRepositoryRoot(root)).toBe(root);
  });

  it('finds none outside a checkout, as in a container image', () => {
    const folder = temporaryFolder();
    // The temporary folder lies outside any checkout, up to the file system root.
    expect(findRepositoryRoot(folder)).toBeUndefined();
  });
});
