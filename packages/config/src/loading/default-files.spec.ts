import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../problems.js';
import { folderWith } from '../testing/fixtures.js';
import { defaultFileLayers } from './default-files.js';

describe('defaultFileLayers', () => {
  it('reads .env.<environment>.local before .env.<environment> in development and test', () => {
    const root = folderWith({
      '.env.test.local': 'LOG_LEVEL=debug\n',
      '.env.test': 'LOG_LEVEL=info\nPORT=4000\n',
      '.env.development': 'PORT=5000\n',
    });
    const warnings: Warning[] = [];
    expect(defaultFileLayers(root, 'test', warnings)).toEqual([
      {
        origin: { kind: 'file', path: join(root, '.env.test.local') },
        values: { LOG_LEVEL: 'debug' },
      },
      {
        origin: { kind: 'file', path: join(root, '.env.test') },
        values: { LOG_LEVEL: 'info', PORT: '4000' },
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('never reads a plain .env, and says so', () => {
    const root = folderWith({ '.env': 'PORT=1\n' });
    const warnings: Warning[] = [];
    expect(defaultFileLayers(root, 'development', warnings)).toEqual([]);
    expect(warnings).toEqual([
      {
        variable: 'ENV_FILE',
        rule: 'plain-env-file',
        message: `is unset and ${join(root, '.env')} is never read`,
        fix: 'move its settings to .env.development',
      },
    ]);
  });

  it.each(['staging', 'production'] as const)(
    'reads no file in %s, and mentions a leftover one',
    (environment) => {
      const root = folderWith({ [`.env.${environment}`]: 'PORT=1\n', '.env': 'PORT=2\n' });
      const warnings: Warning[] = [];
      expect(defaultFileLayers(root, environment, warnings)).toEqual([]);
      const skipped = join(root, `.env.${environment}`);
      expect(warnings).toEqual([
        {
          variable: 'ENV_FILE',
          rule: 'deployed-files-not-read',
          message: `is unset, so ${skipped} was not read: ${environment} reads the process environment only`,
          fix: `set ENV_FILE=${skipped} if that file is meant to be used`,
        },
      ]);
    },
  );

  it('stays quiet in production when there is no leftover file', () => {
    const warnings: Warning[] = [];
    expect(defaultFileLayers(folderWith({}), 'production', warnings)).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
