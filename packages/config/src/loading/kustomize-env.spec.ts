import { describe, expect, it } from 'vitest';
import { folderWith } from '../testing/fixtures.js';
import { parseKustomizeEnv, readKustomization } from './kustomize-env.js';

const GENERATOR = 'configMapGenerator:\n  - name: ladder-config\n    envs:\n      - config.env\n';

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
