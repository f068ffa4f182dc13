import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface IgnoreRules {
  /** The folder the .gitignore sits in; its patterns are relative to it. */
  base: string;
  rules: Ignore;
}

function rulesIn(folder: string): IgnoreRules | undefined {
  const file = join(folder, '.gitignore');
  if (!existsSync(file)) return undefined;
  return { base: folder, rules: ignore().add(readFileSync(file, 'utf8')) };
}

function isIgnored(path: string, directory: boolean, scopes: readonly IgnoreRules[]): boolean {
  return scopes.some((scope) => {
    const inside = relative(scope.base, path);
    return scope.rules.ignores(directory ? `${inside}/` : inside);
  });
}

/**
 * The files a clone or `npx degit` would have, relative to `source`: every file the .gitignore files do not
 * ignore, without `.git`. It reads the ignore files itself rather than asking git, so it works on a copy that has
 * no repository at all.
 */
export function listTree(source: string): string[] {
  const files: string[] = [];
  const visit = (folder: string, inherited: readonly IgnoreRules[]): void => {
    const own = rulesIn(folder);
    const scopes = own ? [...inherited, own] : inherited;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(folder, entry.name);
      const directory = entry.isDirectory();
      if (isIgnored(path, directory, scopes)) continue;
      if (directory) visit(path, scopes);
      else files.push(relative(source, path));
    }
  };
  visit(source, []);
  return files.sort();
}

/** Copies what `listTree` lists from `source` to `target`; returns the copied paths. */
export function copyTree(source: string, target: string): string[] {
  const files = listTree(source);
  for (const file of files) {
    const destination = join(target, file);
    mkdirSync(dirname(destination), { recursive: true });
    cpSync(join(source, file), destination, { force: true, verbatimSymlinks: true });
  }
  return files;
}
