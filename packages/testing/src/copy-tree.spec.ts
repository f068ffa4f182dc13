import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyTree } from './copy-tree.js';

const folders: string[] = [];

function folder(): string {
  const created = mkdtempSync(join(tmpdir(), 'copy-tree-'));
  folders.push(created);
  return created;
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

afterEach(() => {
  for (const created of folders.splice(0)) rmSync(created, { recursive: true, force: true });
});

describe('copyTree', () => {
  it('copies a checkout that has no .git, leaving out what the .gitignore files ignore', () => {
    const source = folder();
    write(source, {
      '.gitignore': 'node_modules/\ndist/\n.env.*\n!.env.*.example\n',
      '.env.development': 'SECRET_KEY=local',
      '.env.development.example': 'APP_ENV=development',
      'package.json': '{}',
      'node_modules/left-pad/index.js': '',
      'packages/config/dist/index.js': '',
      'packages/config/src/index.ts': '',
      'packages/config/.gitignore': 'generated/\n',
      'packages/config/generated/table.ts': '',
      'apps/web/generated/kept.ts': '',
    });
    const target = folder();

    expect(copyTree(source, target)).toEqual([
      '.env.development.example',
      '.gitignore',
      'apps/web/generated/kept.ts',
      'package.json',
      'packages/config/.gitignore',
      'packages/config/src/index.ts',
    ]);
  });

  it('never copies the repository itself, whether .git is a folder or a worktree file', () => {
    const source = folder();
    write(source, { '.git/HEAD': 'ref: refs/heads/main', 'README.md': '' });
    const worktree = folder();
    write(worktree, { '.git': 'gitdir: /elsewhere', 'README.md': '' });

    expect(copyTree(source, folder())).toEqual(['README.md']);
    expect(copyTree(worktree, folder())).toEqual(['README.md']);
  });
});
