import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENVIRONMENTS_FOLDER, REPOSITORY_ROOT } from './support/kustomize.js';

/**
 * The templates ship with placeholders a team fills in before its first release. Most of them the API server
 * would accept (a label value, a bucket name, a host), so the release jobs run .github/scripts/check-placeholders.sh
 * first; these tests run it on the committed overlays, on filled-in copies and on copies with a new placeholder.
 */

const SCRIPT = join(REPOSITORY_ROOT, '.github/scripts/check-placeholders.sh');
const ENVIRONMENTS = [
  { environment: 'staging', host: 'staging.CHANGE_ME.example' },
  { environment: 'production', host: 'app.CHANGE_ME.example' },
] as const;

interface CheckResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** One per placeholder: `<Kind> <name>: <key>: <value>`, the ConfigMap's hash suffix left out. */
  findings: string[];
}

function check(overlay: string): CheckResult {
  const result = spawnSync('bash', [SCRIPT, overlay], { encoding: 'utf8' });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    findings: result.stderr
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) =>
        line.trim().replace(/^ConfigMap ladder-config-[a-z0-9]+:/, 'ConfigMap ladder-config:'),
      ),
  };
}

const copies: string[] = [];
afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

/** A copy of infra/environments with every placeholder replaced by a value a team might choose. */
function filledInCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), 'environments-'));
  copies.push(copy);
  cpSync(ENVIRONMENTS_FOLDER, copy, { recursive: true });
  for (const entry of readdirSync(copy, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replaceAll('CHANGE_ME', 'acme')
        .replaceAll('change-me', 'eu-west-1'),
    );
  }
  return copy;
}

describe.each(ENVIRONMENTS)('the committed $environment overlay', ({ environment, host }) => {
  const result = check(join(ENVIRONMENTS_FOLDER, environment));

  it('is refused', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^::error::.* still holds template placeholders/);
  });

  it('names each placeholder with its object: hosts, class, controller namespace, bucket, region', () => {
    expect(result.findings).toEqual([
      `ConfigMap ladder-config: ALLOWED_HOSTS: ${host}`,
      `ConfigMap ladder-config: CORS_ALLOWED_ORIGINS: https://${host}`,
      `ConfigMap ladder-config: PUBLIC_URL: https://${host}`,
      `ConfigMap ladder-config: S3_BUCKET: ladder-media-${environment}-change-me`,
      'ConfigMap ladder-config: S3_REGION: change-me',
      `Ingress ladder-web: host: ${host}`,
      `Ingress ladder-web: hosts: ${host}`,
      'Ingress ladder-web: ingressClassName: CHANGE_ME',
      'NetworkPolicy ladder-web: kubernetes.io/metadata.name: CHANGE_ME',
    ]);
  });
});

describe('a filled-in copy of the overlays', () => {
  const copy = filledInCopy();

  it.each(ENVIRONMENTS)('passes for $environment', ({ environment }) => {
    const result = check(join(copy, environment));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('holds no template placeholder');
  });

  it('is refused again once any object gains a placeholder, which is named', () => {
    const accounts = join(copy, 'base/service-accounts.yaml');
    writeFileSync(
      accounts,
      readFileSync(accounts, 'utf8').replace(
        '  name: ladder-migrate\n',
        '  name: ladder-migrate\n  annotations:\n    example.com/owner: CHANGE_ME\n',
      ),
    );
    const result = check(join(copy, 'staging'));
    expect(result.status).toBe(1);
    expect(result.findings).toEqual([
      'ServiceAccount ladder-migrate: example.com/owner: CHANGE_ME',
    ]);
  });
});

describe('a Secret holding a placeholder', () => {
  it('is named, and its value never printed', () => {
    const copy = filledInCopy();
    writeFileSync(
      join(copy, 'staging/stand-in-secret.yaml'),
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: stand-in\nstringData:\n  token: change-me-secret-value\n',
    );
    const kustomization = join(copy, 'staging/kustomization.yaml');
    writeFileSync(
      kustomization,
      readFileSync(kustomization, 'utf8').replace(
        '  - monitoring\n',
        '  - monitoring\n  - stand-in-secret.yaml\n',
      ),
    );
    const result = check(join(copy, 'staging'));
    expect(result.status).toBe(1);
    expect(result.findings).toEqual(['Secret stand-in: (a value, not shown)']);
    expect(`${result.stdout}${result.stderr}`).not.toContain('secret-value');
  });
});

it('says so when an overlay does not render', () => {
  const result = check(join(tmpdir(), 'no-such-overlay'));
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('does not render');
});

it('finds no placeholder in the workflows, actions or scripts, which no overlay check would see', () => {
  const files = readdirSync(join(REPOSITORY_ROOT, '.github'), {
    recursive: true,
    withFileTypes: true,
  })
    .filter((entry) => entry.isFile() && /\.(ya?ml|sh)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => path !== SCRIPT);
  expect(files.length).toBeGreaterThan(5);
  for (const path of files)
    for (const line of readFileSync(path, 'utf8').split('\n'))
      if (!/^\s*#/.test(line)) expect(line, path).not.toMatch(/change[-_]me/i);
});
