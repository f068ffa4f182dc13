import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { actionFiles, REPOSITORY_ROOT } from './support/workflows.js';

/** What surrounds the workflows: update configuration, code owners and the images' pinned inputs. */

interface DependabotUpdate {
  'package-ecosystem': string;
  directory?: string;
  directories?: string[];
  groups?: Record<string, unknown>;
}

const dependabot = parse(readFileSync(join(REPOSITORY_ROOT, '.github/dependabot.yml'), 'utf8')) as {
  updates: DependabotUpdate[];
};
const apps = readdirSync(join(REPOSITORY_ROOT, 'apps')).filter((app) =>
  readdirSync(join(REPOSITORY_ROOT, 'apps', app)).includes('Dockerfile'),
);

function update(ecosystem: string): DependabotUpdate {
  const found = dependabot.updates.find((entry) => entry['package-ecosystem'] === ecosystem);
  expect(found, `a ${ecosystem} update`).toBeDefined();
  return found!;
}

function directories(entry: DependabotUpdate): string[] {
  return entry.directories ?? (entry.directory === undefined ? [] : [entry.directory]);
}

describe('Dependabot', () => {
  it('updates the workflows and every local composite action', () => {
    const folders = actionFiles().map((file) => `/${file.path.replace(/\/action\.yml$/, '')}`);
    expect(directories(update('github-actions'))).toEqual(
      expect.arrayContaining(['/', ...folders]),
    );
  });

  it('updates npm dependencies in groups, since one catalog in pnpm-workspace.yaml holds every version', () => {
    const npm = update('npm');
    expect(directories(npm)).toEqual(['/']);
    expect(Object.keys(npm.groups ?? {}).length).toBeGreaterThan(0);
  });

  it('updates the base image of every Dockerfile', () => {
    expect(directories(update('docker')).sort()).toEqual(apps.map((app) => `/apps/${app}`).sort());
  });
});

describe('CODEOWNERS', () => {
  const owners = readFileSync(join(REPOSITORY_ROOT, '.github/CODEOWNERS'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split(/\s+/));

  it.each(['/.github/', '/infra/'])('gives %s an owner', (path) => {
    const rule = owners.find(([pattern]) => pattern === path);
    expect(rule?.slice(1).length).toBeGreaterThan(0);
  });
});

describe.each(apps)('apps/%s/Dockerfile', (app) => {
  const dockerfile = readFileSync(join(REPOSITORY_ROOT, 'apps', app, 'Dockerfile'), 'utf8');
  const lines = dockerfile.replaceAll(/\\\n\s*/g, ' ').split('\n');
  /** ARGs declared before the first FROM: the only ones a FROM line can use. */
  const globalArguments = new Map<string, string>();
  for (const line of lines.slice(
    0,
    lines.findIndex((candidate) => candidate.startsWith('FROM ')),
  )) {
    const [, name, value] = /^ARG (\w+)=(\S+)/.exec(line) ?? [];
    if (name !== undefined && value !== undefined) globalArguments.set(name, value);
  }

  it('builds every stage on an image pinned by digest, or on an earlier stage', () => {
    const stages: string[] = [];
    for (const line of lines.filter((candidate) => candidate.startsWith('FROM '))) {
      const [, image, stage] = /^FROM (\S+)(?: AS (\S+))?$/.exec(line) ?? [];
      const resolved = image?.replace(
        /^\$\{(\w+)\}$/,
        (_, name: string) => globalArguments.get(name) ?? '',
      );
      expect(resolved, line).toBeDefined();
      if (!stages.includes(resolved!))
        expect(resolved, line).toMatch(/^[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}$/);
      if (stage !== undefined) stages.push(stage);
    }
    expect(lines.some((line) => /^FROM \S+@sha256:[0-9a-f]{64}\b/.test(line))).toBe(true);
  });

  it('installs apt packages at pinned versions', () => {
    const installs = lines.filter((line) => line.includes('apt-get install'));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) {
      const packages = install
        .split('apt-get install')[1]!
        .split('&&')[0]!
        .trim()
        .split(/\s+/)
        .filter((word) => !word.startsWith('-'));
      expect(packages.length).toBeGreaterThan(0);
      for (const name of packages) expect(name, 'package=version').toMatch(/^[\w.+-]+=[\w.+:~-]+$/);
    }
  });
});
