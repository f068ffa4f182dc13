import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  folderWith,
  overlayFolder,
  productionVariables,
  stagingVariables,
} from '../testing/fixtures.js';
import { runCapturing as run } from '../testing/run-cli.js';

function check(environment: string, folder: string) {
  return run(['check', '--env', environment, '--kustomize', folder]);
}

describe('env:check --kustomize', () => {
  it('accepts an overlay whose config.env and secret files are valid', () => {
    const { folder } = overlayFolder(productionVariables());
    const result = check('production', folder);
    expect(result.out).toEqual([expect.stringMatching(/^production configuration is valid/)]);
    expect(result.code).toBe(0);
  });

  it('accepts CRLF line endings, as --kustomize and as --env-file', () => {
    const { folder } = overlayFolder(stagingVariables(), { eol: '\r\n' });
    expect(check('staging', folder).code).toBe(0);
    const config = join(folder, 'config.env');
    expect(run(['check', '--env', 'staging', '--env-file', config]).code).toBe(0);
  });

  it('refuses quoted values that an ordinary --env-file accepts, naming each variable and the fix', () => {
    const quoted = {
      ...productionVariables(),
      DEBUG: 'false',
      PUBLIC_URL: 'https://app.example.com',
    };
    const { folder } = overlayFolder(quoted, { quote: true });
    const result = check('production', folder);
    expect(result.code).toBe(1);
    const problems = result.out.filter((line) => line.includes('[kustomize-literal]'));
    for (const name of ['DEBUG', 'PUBLIC_URL', 'S3_BUCKET']) {
      expect(problems).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^${name} \\[kustomize-literal\\] is quoted .+Fix: write ${name}=value without quotes$`,
          ),
        ),
      );
    }
    expect(result.out).toContainEqual(expect.stringMatching(/^DEBUG \[boolean\]/));

    const asEnvFile = run([
      'check',
      '--env',
      'production',
      '--env-file',
      join(folder, 'config.env'),
    ]);
    expect(asEnvFile.out).toEqual([expect.stringMatching(/^production configuration is valid/)]);
  });

  it('refuses a trailing comment, which kustomize keeps in the value', () => {
    const { folder } = overlayFolder(productionVariables());
    writeFileSync(join(folder, 'config.env'), '\nTRUST_PROXY=1 # the ingress\n', { flag: 'a' });
    const result = check('production', folder);
    expect(result.code).toBe(1);
    expect(result.out).toContainEqual(
      expect.stringMatching(
        /^TRUST_PROXY \[kustomize-literal\] has " #" in .+config\.env:\d+; kustomize has no inline comments/,
      ),
    );
  });

  it('reads an overlay whose APP_ENV is another environment as a mismatch', () => {
    const { folder } = overlayFolder(stagingVariables());
    expect(check('production', folder).out[0]).toMatch(/^APP_ENV \[environment-mismatch\]/);
  });

  it('refuses the committed production overlay until its placeholders and secrets are filled in', () => {
    const result = check('production', 'infra/environments/production');
    expect(result.code).toBe(1);
    for (const name of ['PUBLIC_URL', 'ALLOWED_HOSTS', 'S3_BUCKET', 'SECRET_KEY_FILE'])
      expect(result.out.map((line) => line.split(' ')[0])).toContain(name);
  });

  it('refuses a folder without a kustomization', () => {
    const result = check('production', folderWith({}));
    expect(result.code).toBe(1);
    expect(result.out).toContainEqual(
      expect.stringMatching(/^KUSTOMIZATION \[kustomize-env\] .+ holds no kustomization\.yaml/),
    );
  });

  it('exits 2 when given both --env-file and --kustomize, or two overlays', () => {
    const { folder } = overlayFolder(productionVariables());
    const config = join(folder, 'config.env');
    expect(
      run(['check', '--env', 'production', '--env-file', config, '--kustomize', folder]).code,
    ).toBe(2);
    expect(
      run(['check', '--env', 'production', '--kustomize', folder, '--kustomize', folder]).code,
    ).toBe(2);
  });
});
