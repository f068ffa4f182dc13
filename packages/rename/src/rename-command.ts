import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { childProcessEnv } from '@repo/config/host';
import { listTree } from '@repo/testing/tree';
import { nameProblem, spellingsOf } from './project-name.js';
import { rewriteText } from './rewrite.js';

export interface Output {
  out(line: string): void;
  error(line: string): void;
}

function run(root: string, command: string, args: string[], output: Output): boolean {
  const result = spawnSync(command, args, {
    cwd: root,
    env: childProcessEnv(),
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) output.error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return result.status === 0;
}

/**
 * `pnpm rename <name>`: stops the dev stack (its containers carry the old name, where `pnpm dev:down` could no
 * longer find them), rewrites every spelling of the old name in every file a clone has and renames files named
 * after it, then reinstalls so the renamed CLIs are linked. Returns the exit code.
 */
export function renameProject(root: string, name: string, output: Output): number {
  const problem = nameProblem(name);
  if (problem !== undefined) {
    output.error(problem);
    return 2;
  }
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string };
  const from = spellingsOf(manifest.name);
  const to = spellingsOf(name);
  if (from.kebab === to.kebab) {
    output.out(`the project is already called ${name}`);
    return 0;
  }
  output.out(`stopping the dev stack of ${from.kebab} first (pnpm dev:down)…`);
  if (!run(root, 'pnpm', ['dev:down'], output)) return 1;

  let rewritten = 0;
  const moved: string[] = [];
  for (const file of listTree(root)) {
    const path = join(root, file);
    const content = readFileSync(path);
    if (content.includes(0)) continue;
    const text = content.toString('utf8');
    const changed = rewriteText(text, from, to);
    if (changed !== text) {
      writeFileSync(path, changed);
      rewritten += 1;
    }
    const renamed = rewriteText(file, from, to);
    if (renamed !== file) {
      mkdirSync(dirname(join(root, renamed)), { recursive: true });
      renameSync(path, join(root, renamed));
      moved.push(`${file} → ${renamed}`);
    }
  }
  output.out(`rewrote ${from.kebab} as ${to.kebab} in ${rewritten} files`);
  for (const line of moved) output.out(`  renamed ${line}`);
  output.out('linking the renamed commands (pnpm install)…');
  if (!run(root, 'pnpm', ['install', '--prefer-offline'], output)) return 1;
  output.out(
    `done. The old development data volumes (${from.kebab}-dev-*) are kept; list them with ` +
      `\`docker volume ls --filter name=${from.kebab}-dev-\` and remove them with \`docker volume rm\` once you no longer need them.`,
  );
  return 0;
}
