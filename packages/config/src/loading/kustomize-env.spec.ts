import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith } from '../testing/fixtures.js';
import { parseKustomizeEnv, readKustomization } from './kustomize-env.js';

const GENERATOR = 'configMapGenerator:\n  - name: app-config\n    envs:\n      - config.env\n';

function keys(problems: { variable: string; rule: string }[]): string[] {
  return problems.map((problem) => `${problem.variable} [${problem.rule}]`);
}

describe('parseKustomizeEnv', () => {
  it('reads NAME=value lines literally, as kustomize does', () => {
    const { entries, problems } = parseKustomizeEnv(
      '\uFEFFAPP_ENV=production\r\n# a comment\r\n\r\n   # an indented comment\r\n  LOG_LEVEL=info\r\nDATABASE_URL_FILE=/run/secrets/a=b\r\nPORT=8080   \r\n',
      'config.env',
    );
    expect(problems).toEqual([]);
    expect(entries.map(({ name, value }) => [name, value])).toEqual([
      ['APP_ENV', 'production'],
      ['LOG_LEVEL', 'info'],
      ['DATABASE_URL_FILE', '/run/secrets/a=b'],
      ['PORT', '8080   '],
    ]);
  });

  it.each([
    ['DEBUG="false"', 'DEBUG', '"false"', 'is quoted in config.env:1'],
    [
      "PUBLIC_URL='https://app.example.com'",
      'PUBLIC_URL',
      "'https://app.example.com'",
      'is quoted',
    ],
    ['TRUST_PROXY=1 # the ingress', 'TRUST_PROXY', '1 # the ingress', 'no inline comments'],
    ['LOG_LEVEL=info\t# quiet', 'LOG_LEVEL', 'info\t# quiet', 'no inline comments'],
  ])(
    'keeps %s as the pods would get it, and says why that is wrong',
    (line, name, value, message) => {
      const { entries, problems } = parseKustomizeEnv(`${line}\n`, 'config.env');
      expect(entries).toEqual([expect.objectContaining({ name, value })]);
      expect(keys(problems)).toEqual([`${name} [kustomize-literal]`]);
      expect(problems[0]?.message).toContain(message);
    },
  );

  it('accepts a # inside a value that is not a comment', () => {
    expect(parseKustomizeEnv('S3_ENDPOINT=https://s3.example.com/#x\n', 'f').problems).toEqual([]);
  });

  it('refuses a line without "=" and a name with spaces, naming the line', () => {
    const { entries, problems } = parseKustomizeEnv('DEBUG\nLOG_LEVEL = info\n', 'config.env');
    expect(entries).toEqual([]);
    expect(keys(problems)).toEqual(['DEBUG [kustomize-env]', 'LOG_LEVEL [kustomize-env]']);
    expect(problems[1]?.message).toContain('config.env:2');
  });
});

describe('readKustomization', () => {
  it('reads every envs file and the literals, which lose their quotes', () => {
    const folder = folderWith({
      'kustomization.yaml': `${GENERATOR}      - more.env\n    literals:\n      - LOG_LEVEL="warn"\n`,
      'config.env': 'APP_ENV=staging\n',
      'more.env': 'PORT=8080\n',
    });
    const { layers, problems } = readKustomization(folder);
    expect(problems).toEqual([]);
    expect(layers.map((layer) => layer.values)).toEqual([
      { APP_ENV: 'staging' },
      { PORT: '8080' },
      { LOG_LEVEL: 'warn' },
    ]);
  });

  it('refuses a key that two sources set, as kustomize does', () => {
    const folder = folderWith({
      'kustomization.yaml': `${GENERATOR}    literals:\n      - APP_ENV=production\n`,
      'config.env': 'APP_ENV=production\n',
    });
    expect(keys(readKustomization(folder).problems)).toEqual(['APP_ENV [kustomize-env]']);
  });

  it.each([
    ['no kustomization', {}],
    ['no configMapGenerator', { 'kustomization.yaml': 'resources: []\n' }],
    ['a missing env file', { 'kustomization.yaml': GENERATOR }],
  ])('refuses a folder with %s', (_name, files) => {
    expect(keys(readKustomization(folderWith(files)).problems)).toEqual([
      'KUSTOMIZATION [kustomize-env]',
    ]);
  });
});

describe('what kustomize problems say', () => {
  it('explains a line without "=", a spaced name, a quoted value and an inline comment', () => {
    const { problems } = parseKustomizeEnv(
      'DEBUG\nLOG_LEVEL = info\n  PORT="80"\nTRUST_PROXY=1 # ingress\n',
      'config.env',
    );
    expect(problems).toEqual([
      {
        variable: 'DEBUG',
        rule: 'kustomize-env',
        message:
          'has no "=" in config.env:1; kustomize would give it an empty value or copy it from whoever renders the manifests',
        fix: 'write NAME=value, or remove the line',
      },
      {
        variable: 'LOG_LEVEL',
        rule: 'kustomize-env',
        message:
          'is not a plain variable name in config.env:2 ("LOG_LEVEL "); kustomize keeps it as written, spaces included',
        fix: 'write NAME=value with no space around "="',
      },
      {
        variable: 'PORT',
        rule: 'kustomize-literal',
        message:
          'is quoted in config.env:3; kustomize keeps quotes, so the pods would receive them as part of the value',
        fix: 'write PORT=value without quotes',
      },
      {
        variable: 'TRUST_PROXY',
        rule: 'kustomize-literal',
        message:
          'has " #" in config.env:4; kustomize has no inline comments, so the pods would receive the comment as part of the value',
        fix: 'move the comment to a line of its own',
      },
    ]);
  });

  it('only calls a value quoted when the quotes surround all of it', () => {
    for (const value of ['"a" b', 'a "b"', '"a\'', "it's"])
      expect(parseKustomizeEnv(`TITLE=${value}\n`, 'f').problems, value).toEqual([]);
  });

  it('drops a byte order mark and \\r line ends only where kustomize does', () => {
    const { entries } = parseKustomizeEnv('\uFEFFA=1\r\nB=x\ry\r\n', 'f');
    expect(entries.map(({ name, value }) => [name, value])).toEqual([
      ['A', '1'],
      ['B', 'x\ry'],
    ]);
  });

  it('names the repeated key, both places, and what to do', () => {
    const folder = folderWith({
      'kustomization.yaml': `${GENERATOR}    literals:\n      - APP_ENV=production\n`,
      'config.env': 'APP_ENV=production\n',
    });
    expect(readKustomization(folder).problems).toEqual([
      {
        variable: 'APP_ENV',
        rule: 'kustomize-env',
        message: `is set in the literals of ${join(folder, 'kustomization.yaml')} and again in ${join(folder, 'config.env')}:1; kustomize refuses to build a ConfigMap that repeats a key`,
        fix: 'keep one of them',
      },
    ]);
  });

  it('reads a single env string and env, skips non-strings, and keeps literals without "=" or quotes as they are', () => {
    const folder = folderWith({
      'kustomization.yaml':
        'configMapGenerator:\n  - name: app\n    envs: config.env\n    env: more.env\n    literals:\n      - FEATURE_X\n      - TITLE=a "b"\n      - 7\n',
      'config.env': 'APP_ENV=staging\n',
      'more.env': 'PORT=8080\n',
    });
    const { layers, problems } = readKustomization(folder);
    expect(problems).toEqual([]);
    expect(layers.map((layer) => layer.values)).toEqual([
      { APP_ENV: 'staging' },
      { PORT: '8080' },
      { FEATURE_X: '', TITLE: 'a "b"' },
    ]);
  });

  it.each([
    [
      'no kustomization',
      {},
      (folder: string) => ({
        message: `${folder} holds no kustomization.yaml`,
        fix: 'pass the folder of the overlay, e.g. infra/environments/production',
      }),
    ],
    [
      'no configMapGenerator',
      { 'kustomization.yaml': 'resources: []\n' },
      (folder: string) => ({
        message: `${join(folder, 'kustomization.yaml')} has no configMapGenerator with envs or literals, so the pods would get no configuration`,
        fix: 'add a configMapGenerator whose envs lists the config.env file',
      }),
    ],
    [
      'a missing env file',
      { 'kustomization.yaml': GENERATOR },
      (folder: string) => ({
        message: `names ${join(folder, 'config.env')}, which cannot be read (ENOENT)`,
        fix: 'correct the envs entry of the configMapGenerator',
      }),
    ],
  ])('says what is wrong with a folder with %s', (_name, files, expected) => {
    const folder = folderWith(files);
    expect(readKustomization(folder).problems).toEqual([
      { variable: 'KUSTOMIZATION', rule: 'kustomize-env', ...expected(folder) },
    ]);
  });
});
