import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childProcessEnv } from '@repo/config/host';
import { freshCopy, listTree, removeCopy } from '@repo/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let copy: string;

beforeAll(() => {
  copy = freshCopy();
});

afterAll(() => {
  if (copy) removeCopy(copy);
});

function pnpm(args: string[]): { status: number | null; output: string } {
  const result = spawnSync('pnpm', args, {
    cwd: copy,
    env: childProcessEnv(),
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('pnpm rename on a fresh copy', () => {
  it('rewrites the name everywhere, and the renamed project builds, lints and passes its unit tests', () => {
    const renamed = pnpm(['rename', 'acme-billing']);
    expect(renamed.status, renamed.output).toBe(0);
    expect(renamed.output).toContain('stopping the dev stack of ladder first');

    const leftovers = listTree(copy).filter((file) =>
      /ladder/i.test(`${file}\n${readFileSync(join(copy, file), 'utf8')}`),
    );
    expect(leftovers).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as {
      name: string;
      scripts: Record<string, string>;
    };
    expect(manifest.name).toBe('acme-billing');
    expect(manifest.scripts.dev).toContain('acme-billing-dev up');
    expect(readFileSync(join(copy, 'infra/compose/compose.dev.yaml'), 'utf8')).toContain(
      'POSTGRES_DB: acme_billing_dev',
    );

    // Bounded for two cores: everything builds; the config, dev-stack and rename packages lint and pass their unit
    // tests (the rest is the same code with another name), and the generated files still match the schema.
    const build = pnpm(['turbo', 'run', 'build', '--output-logs=errors-only']);
    expect(build.status, build.output).toBe(0);
    const checked = ['--filter=@repo/config', '--filter=@repo/dev-stack', '--filter=@repo/rename'];
    const lint = pnpm(['turbo', 'run', 'lint', ...checked, '--output-logs=errors-only']);
    expect(lint.status, lint.output).toBe(0);
    // A generous per-test bound: this runs beside other suites on two cores, where spawning a CLI takes seconds.
    const unit = pnpm([
      'turbo',
      'run',
      'test',
      ...checked,
      '--output-logs=errors-only',
      '--',
      '--testTimeout=60000',
    ]);
    expect(unit.status, unit.output).toBe(0);
    const docs = pnpm(['env:docs', '--check']);
    expect(docs.status, docs.output).toBe(0);
  });
});
