import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith } from '../testing/fixtures.js';
import type { Layer } from './layers.js';
import { resolveValues } from './resolve-values.js';

const processLayer = (values: Record<string, string>): Layer => ({
  origin: { kind: 'process' },
  values,
});

describe('resolveValues', () => {
  it('reads NAME_FILE relative to the working folder, trimmed, and remembers the file', () => {
    const folder = folderWith({ 'secret-key': '  s3cret-value\n' });
    const { values, problems } = resolveValues(
      [processLayer({ SECRET_KEY_FILE: 'secret-key' })],
      ['SECRET_KEY'],
      folder,
    );
    expect(problems).toEqual([]);
    expect(values.get('SECRET_KEY')).toEqual({
      value: 's3cret-value',
      origin: { kind: 'process' },
      secretFile: join(folder, 'secret-key'),
    });
  });

  it('refuses NAME and NAME_FILE together, naming where each was set', () => {
    const { values, problems } = resolveValues(
      [
        processLayer({ SECRET_KEY: 'direct' }),
        {
          origin: { kind: 'file', path: '/repo/.env.test' },
          values: { SECRET_KEY_FILE: '/run/key' },
        },
      ],
      ['SECRET_KEY'],
      '/',
    );
    expect(values.size).toBe(0);
    expect(problems).toEqual([
      {
        variable: 'SECRET_KEY',
        rule: 'value-or-file',
        message:
          'is set (in the process environment) and so is SECRET_KEY_FILE (in /repo/.env.test)',
        fix: 'keep one: SECRET_KEY_FILE for a mounted secret, SECRET_KEY otherwise',
      },
    ]);
  });

  it('says which file cannot be read, and why', () => {
    const folder = folderWith({});
    const { problems } = resolveValues(
      [processLayer({ SECRET_KEY_FILE: 'missing' })],
      ['SECRET_KEY'],
      folder,
    );
    expect(problems).toEqual([
      {
        variable: 'SECRET_KEY_FILE',
        rule: 'secret-file',
        message: `names ${join(folder, 'missing')}, which cannot be read (ENOENT)`,
        fix: 'mount the secret at that path or correct SECRET_KEY_FILE',
      },
    ]);
  });

  it('refuses an empty secret file', () => {
    const folder = folderWith({ empty: ' \n' });
    const { values, problems } = resolveValues(
      [processLayer({ SECRET_KEY_FILE: 'empty' })],
      ['SECRET_KEY'],
      folder,
    );
    expect(values.size).toBe(0);
    expect(problems).toEqual([
      {
        variable: 'SECRET_KEY_FILE',
        rule: 'secret-file',
        message: `names ${join(folder, 'empty')}, which is empty`,
        fix: 'write the value of SECRET_KEY into that file, or unset SECRET_KEY_FILE',
      },
    ]);
  });
});
