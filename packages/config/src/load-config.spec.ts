import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect as inspectObject } from 'node:util';
import { describe, expect, it } from 'vitest';
import { inspectConfig, loadConfig } from './load-config.js';
import { ConfigError } from './problems.js';
import {
  developmentVariables,
  folderWith,
  inspect,
  problemKeys,
  productionVariables,
  stagingVariables,
  STRONG_SECRET_KEY,
  temporaryFolder,
  testVariables,
} from './testing/fixtures.js';

describe('choosing the environment', () => {
  it('requires APP_ENV and lists the four environments', () => {
    const inspection = inspect({ ...developmentVariables(), APP_ENV: undefined });
    expect(problemKeys(inspection)).toEqual(['APP_ENV [required]']);
    expect(inspection.problems[0]?.message).toContain('development, staging, production, test');
  });

  it.each(['prod', 'live', 'dev', 'stage', 'Production', 'PRODUCTION'])(
    'refuses APP_ENV=%s, listing the four',
    (spelling) => {
      const inspection = inspect({ ...productionVariables(), APP_ENV: spelling });
      expect(problemKeys(inspection)).toContain('APP_ENV [allowed-values]');
      expect(
        inspection.problems.find((problem) => problem.variable === 'APP_ENV')?.message,
      ).toContain('one of development, staging, production, test');
      expect(inspection.config).toBeUndefined();
    },
  );

  it('treats an empty APP_ENV as unset', () => {
    expect(problemKeys(inspect({ ...developmentVariables(), APP_ENV: '' }))).toEqual([
      'APP_ENV [required]',
    ]);
  });

  it('still reports format problems of other variables when APP_ENV is wrong', () => {
    const inspection = inspect({ ...productionVariables(), APP_ENV: 'prod', PORT: 'http' });
    expect(problemKeys(inspection)).toEqual(['APP_ENV [allowed-values]', 'PORT [integer]']);
  });

  it('refuses a file whose APP_ENV differs from the forced environment', () => {
    const folder = folderWith({ 'staging.env': 'APP_ENV=staging\n' });
    const inspection = inspectConfig({
      env: productionVariables(),
      appEnv: 'production',
      envFile: join(folder, 'staging.env'),
      cwd: folder,
    });
    expect(problemKeys(inspection)).toContain('APP_ENV [environment-mismatch]');
  });

  it('refuses a process APP_ENV that differs from --env', () => {
    const inspection = inspect(
      { ...productionVariables(), APP_ENV: 'staging' },
      { appEnv: 'production' },
    );
    expect(inspection.problems[0]?.message).toBe(
      'is staging in the process environment, but this process runs as production',
    );
  });
});

describe('NODE_ENV', () => {
  it('is derived from APP_ENV', () => {
    expect(inspect(stagingVariables()).config?.nodeEnv).toBe('production');
    expect(inspect(developmentVariables()).config?.nodeEnv).toBe('development');
    expect(inspect(testVariables()).config?.nodeEnv).toBe('test');
  });

  it('refuses an explicit NODE_ENV that contradicts APP_ENV', () => {
    const inspection = inspect({ ...productionVariables(), NODE_ENV: 'development' });
    expect(problemKeys(inspection)).toEqual(['NODE_ENV [node-env-matches]']);
  });

  it('accepts an explicit NODE_ENV that agrees', () => {
    expect(inspect({ ...stagingVariables(), NODE_ENV: 'production' }).problems).toEqual([]);
  });
});

describe('precedence', () => {
  const files = {
    '.env.development':
      'PORT=4001\nLOG_LEVEL=info\nWORKER_CONCURRENCY=7\nDATABASE_URL=postgres://file@localhost/ladder_dev\n',
    '.env.development.local': 'PORT=4002\nLOG_LEVEL=warn\n',
  };
  /** Three layers for the same variables: the process environment, a .local file and the base file. */
  const inspectLayered = () =>
    inspect(
      {
        APP_ENV: 'development',
        PORT: '4003',
        REDIS_URL: 'redis://localhost:6379',
        SECRET_KEY: 'x',
      },
      { envDir: folderWith(files) },
    );

  it('reads process env over .env.<APP_ENV>.local over .env.<APP_ENV> over defaults', () => {
    const inspection = inspectLayered();
    const config = inspection.config;
    expect(config?.http.port).toBe(4003);
    expect(config?.logLevel).toBe('warn');
    expect(config?.queue.workerConcurrency).toBe(7);
    expect(config?.queue.prefix).toBe('ladder-development');
    expect(config?.database.url).toBe('postgres://file@localhost/ladder_dev');
  });

  it('says where each value came from', () => {
    const inspection = inspectLayered();
    const origin = (name: string): string | undefined =>
      inspection.variables.find((variable) => variable.name === name)?.origin;
    expect(origin('PORT')).toBe('process env');
    expect(origin('LOG_LEVEL')).toBe('file .env.development.local');
    expect(origin('WORKER_CONCURRENCY')).toBe('file .env.development');
    expect(origin('QUEUE_PREFIX')).toBe('default');
    expect(origin('NODE_ENV')).toBe('derived from APP_ENV');
    expect(origin('STRIPE_SECRET_KEY')).toBe('unset');
  });

  it('treats empty strings as unset in the process environment and in files', () => {
    const folder = folderWith({ '.env.development': 'PORT=\nLOG_LEVEL=error\n' });
    const config = inspect(
      { ...developmentVariables(), PORT: '', LOG_LEVEL: '  ' },
      { envDir: folder },
    ).config;
    expect(config?.http.port).toBe(3000);
    expect(config?.logLevel).toBe('error');
  });

  it('reads no file in staging or production unless ENV_FILE names one', () => {
    const folder = folderWith({ '.env.production': 'LOG_LEVEL=warn\n' });
    const inspection = inspect(productionVariables(), { envDir: folder });
    expect(inspection.config?.logLevel).toBe('info');
    expect(inspection.files).toEqual([]);
    expect(inspection.warnings.map((warning) => warning.rule)).toEqual(['deployed-files-not-read']);
  });

  it('reads the file named by ENV_FILE in production, below the process environment', () => {
    const folder = folderWith({ 'prod.env': 'LOG_LEVEL=warn\nPORT=9000\n' });
    const inspection = inspect(
      { ...productionVariables(), LOG_LEVEL: undefined, ENV_FILE: 'prod.env', PORT: '9001' },
      { envDir: folder },
    );
    expect(inspection.config?.logLevel).toBe('warn');
    expect(inspection.config?.http.port).toBe(9001);
    expect(inspection.files).toEqual([join(folder, 'prod.env')]);
  });

  it('reports an ENV_FILE that does not exist', () => {
    expect(problemKeys(inspect({ ...productionVariables(), ENV_FILE: 'missing.env' }))).toEqual([
      'ENV_FILE [env-file]',
    ]);
  });

  it('warns about a plain .env file, which is never read', () => {
    const folder = folderWith({ '.env': 'PORT=1\n' });
    const inspection = inspect(developmentVariables(), { envDir: folder });
    expect(inspection.config?.http.port).toBe(3000);
    expect(inspection.warnings.map((warning) => warning.rule)).toEqual(['plain-env-file']);
  });

  it('warns about unknown names in files and suggests the closest variable', () => {
    const folder = folderWith({ '.env.development': 'DATABSE_URL=postgres://x@localhost/x\n' });
    const inspection = inspect(developmentVariables(), { envDir: folder });
    expect(inspection.warnings[0]).toMatchObject({
      variable: 'DATABSE_URL',
      rule: 'unknown-variable',
      fix: 'did you mean DATABASE_URL?',
    });
  });
});

describe('NAME_FILE secrets', () => {
  it('reads a value from the file NAME_FILE names, trimming the trailing newline', () => {
    const folder = folderWith({ secret_key: `${STRONG_SECRET_KEY}\n` });
    const config = inspect({
      ...productionVariables(),
      SECRET_KEY: undefined,
      SECRET_KEY_FILE: join(folder, 'secret_key'),
    }).config;
    expect(config?.security.secretKey).toBe(STRONG_SECRET_KEY);
  });

  it('says the value came through NAME_FILE', () => {
    const folder = folderWith({ database_url: productionVariables().DATABASE_URL ?? '' });
    const inspection = inspect({
      ...productionVariables(),
      DATABASE_URL: undefined,
      DATABASE_URL_FILE: join(folder, 'database_url'),
    });
    expect(inspection.variables.find((variable) => variable.name === 'DATABASE_URL')?.origin).toBe(
      'process env via DATABASE_URL_FILE',
    );
  });

  it('refuses NAME and NAME_FILE set together', () => {
    const folder = folderWith({ secret_key: STRONG_SECRET_KEY });
    const inspection = inspect({
      ...productionVariables(),
      SECRET_KEY_FILE: join(folder, 'secret_key'),
    });
    expect(problemKeys(inspection)).toEqual(['SECRET_KEY [value-or-file]']);
  });

  it('refuses NAME in a file and NAME_FILE in the process environment too', () => {
    const folder = folderWith({ '.env.development': 'SECRET_KEY=from-file\n', key: 'from-secret' });
    const inspection = inspect(
      { ...developmentVariables(), SECRET_KEY: undefined, SECRET_KEY_FILE: join(folder, 'key') },
      { envDir: folder },
    );
    expect(problemKeys(inspection)).toEqual(['SECRET_KEY [value-or-file]']);
  });

  it('reports a NAME_FILE that cannot be read, and one that is empty', () => {
    const folder = folderWith({ empty: '\n' });
    const inspection = inspect({
      ...productionVariables(),
      SECRET_KEY: undefined,
      SECRET_KEY_FILE: join(folder, 'missing'),
      DATABASE_URL: undefined,
      DATABASE_URL_FILE: join(folder, 'empty'),
    });
    expect(problemKeys(inspection)).toEqual([
      'SECRET_KEY_FILE [secret-file]',
      'DATABASE_URL_FILE [secret-file]',
    ]);
  });
});

describe('reporting', () => {
  it('reports every problem at once, in schema order', () => {
    const inspection = inspect({
      ...productionVariables(),
      DEBUG: 'true',
      PORT: 'eighty',
      SECRET_KEY: 'short',
      REDIS_URL: undefined,
      FEATURE_NEW_CHECKOT: 'true',
    });
    expect(problemKeys(inspection)).toEqual([
      'DEBUG [debug-off]',
      'PORT [integer]',
      'SECRET_KEY [secret-key-length]',
      'SECRET_KEY [secret-key-variety]',
      'REDIS_URL [required]',
      'FEATURE_NEW_CHECKOT [unknown-feature-flag]',
    ]);
  });

  it('suggests the declared flag for a misspelt FEATURE_ variable', () => {
    const inspection = inspect({ ...developmentVariables(), FEATURE_NEW_CHEKOUT: 'true' });
    expect(inspection.problems[0]?.fix).toContain('did you mean FEATURE_NEW_CHECKOUT?');
  });

  it('throws a ConfigError that lists every problem, one line each starting with the variable', () => {
    const folder = temporaryFolder();
    const error = (() => {
      try {
        loadConfig({
          env: { ...productionVariables(), DEBUG: 'yes', LOG_LEVEL: 'debug' },
          envDir: folder,
          cwd: folder,
        });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as ConfigError).message.split('\n');
    expect(lines[0]).toBe('Invalid configuration for APP_ENV=production (2 problems):');
    expect(lines.slice(1).map((line) => line.trim().split(' ')[0])).toEqual(['DEBUG', 'LOG_LEVEL']);
    expect(lines[1]).toMatch(/^ {2}DEBUG \[debug-off\] .+\. Fix: .+/);
  });
});

describe('the config object', () => {
  it('is grouped by concern and typed', () => {
    const config = inspect(productionVariables()).config;
    expect(config).toMatchObject({
      appEnv: 'production',
      nodeEnv: 'production',
      debug: false,
      logLevel: 'info',
      http: {
        port: 8080,
        allowedHosts: ['app.example.com'],
        trustProxy: 1,
        sessionCookieSecure: true,
      },
      queue: { prefix: 'ladder-production', workerConcurrency: 10 },
      storage: {
        backend: 's3',
        mediaRoot: '/var/lib/ladder/media',
        s3: { bucket: 'ladder-media', region: 'eu-west-1' },
      },
      features: { newCheckout: false },
      release: { version: 'dev', gitSha: 'unknown' },
    });
  });

  it('applies per-environment feature flag defaults that the environment can override', () => {
    expect(inspect(developmentVariables()).config?.features.newCheckout).toBe(true);
    expect(inspect(stagingVariables()).config?.features.newCheckout).toBe(true);
    expect(
      inspect({ ...productionVariables(), FEATURE_NEW_CHECKOUT: undefined }).config?.features
        .newCheckout,
    ).toBe(false);
    expect(
      inspect({ ...productionVariables(), FEATURE_NEW_CHECKOUT: 'yes' }).config?.features
        .newCheckout,
    ).toBe(true);
  });

  it('is deeply frozen', () => {
    const config = inspect(productionVariables()).config;
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config?.http.allowedHosts)).toBe(true);
    expect(() => {
      (config?.http as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('keeps secrets readable but out of JSON, spreads and inspection', () => {
    const config = inspect(productionVariables()).config;
    expect(config?.security.secretKey).toBe(STRONG_SECRET_KEY);
    const shown = [
      JSON.stringify(config),
      inspectObject(config, { depth: 10 }),
      JSON.stringify({ ...config?.database }),
    ];
    for (const text of shown) {
      expect(text).not.toContain(STRONG_SECRET_KEY);
      expect(text).not.toContain('pg-Pa55-w0rd-Q9');
    }
  });

  it('resolves a relative MEDIA_ROOT against the env folder', () => {
    const folder = temporaryFolder();
    const config = inspect(developmentVariables(), { envDir: folder }).config;
    expect(config?.storage.mediaRoot).toBe(join(folder, '.data/media'));
  });
});

describe('fingerprint', () => {
  // Fails the test when the variables do not load, so a "changed" fingerprint cannot be an absent one.
  const fingerprint = (variables: Record<string, string | undefined>) => {
    const inspection = inspect(variables);
    expect(problemKeys(inspection)).toEqual([]);
    if (!inspection.config) throw new Error('the config did not load');
    return inspection.config.fingerprint;
  };

  it('is the same for the same values, whatever their source', () => {
    const folder = folderWith({ '.env.staging': 'PORT=8080\n' });
    const fromFile = fingerprint({
      ...stagingVariables(),
      PORT: undefined,
      ENV_FILE: join(folder, '.env.staging'),
    });
    expect(fromFile).toEqual(fingerprint(stagingVariables()));
  });

  it('changes its config part when a non-secret value changes', () => {
    const base = fingerprint(productionVariables());
    const changed = fingerprint({ ...productionVariables(), QUEUE_PREFIX: 'ladder-eu' });
    expect(changed.config).not.toBe(base.config);
    expect(changed.secrets).toBe(base.secrets);
  });

  it('changes its secrets part, and only that, when a password changes', () => {
    const base = fingerprint(productionVariables());
    const changed = fingerprint({
      ...productionVariables(),
      DATABASE_URL: 'postgres://ladder:other-Pa55-w0rd@db.internal.example.com:5432/ladder',
    });
    expect(changed.config).toBe(base.config);
    expect(changed.secrets).not.toBe(base.secrets);
  });

  it('changes when SECRET_KEY changes', () => {
    const changed = fingerprint({ ...productionVariables(), SECRET_KEY: `${STRONG_SECRET_KEY}X` });
    expect(changed.secrets).not.toBe(fingerprint(productionVariables()).secrets);
  });

  it('ignores settings only one app reads and per-process knobs', () => {
    const base = fingerprint(productionVariables());
    expect(
      fingerprint({ ...productionVariables(), PORT: '9000', WORKER_CONCURRENCY: '50' }),
    ).toEqual(base);
    expect(
      fingerprint({ ...productionVariables(), LOG_LEVEL: 'warn', SHUTDOWN_TIMEOUT_SECONDS: '10' }),
    ).toEqual(base);
  });

  it('changes when a feature flag differs', () => {
    expect(fingerprint({ ...productionVariables(), FEATURE_NEW_CHECKOUT: 'true' }).config).not.toBe(
      fingerprint(productionVariables()).config,
    );
  });

  it('ignores the release version, so a rolling deploy is not a mismatch', () => {
    expect(
      fingerprint({ ...productionVariables(), APP_VERSION: '2.0.0', GIT_SHA: 'abcdef1' }),
    ).toEqual(fingerprint(productionVariables()));
  });
});

describe('loadConfig on the real process environment', () => {
  it('sets NODE_ENV when it reads process.env and NODE_ENV is unset', () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, '.env.development'), '');
    const saved = { ...process.env };
    try {
      for (const key of Object.keys(process.env)) delete process.env[key];
      Object.assign(process.env, developmentVariables(), { ENV_DIR: folder });
      loadConfig({ cwd: folder });
      expect(process.env.NODE_ENV).toBe('development');
    } finally {
      for (const key of Object.keys(process.env)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});

describe('an explicit source replaces the default files', () => {
  it('reads ENV_FILE alone: the default files next to it are not read', () => {
    const folder = folderWith({
      '.env.test': 'LOG_LEVEL=debug\n',
      'chosen.env': 'LOG_LEVEL=error\n',
    });
    const inspection = inspect(testVariables(), {
      envDir: folder,
      envFile: 'chosen.env',
      cwd: folder,
    });
    expect(inspection.files).toEqual([join(folder, 'chosen.env')]);
    expect(inspection.config?.logLevel).toBe('error');
  });

  it('names an ENV_FILE that does not exist, and how to fix it', () => {
    const folder = temporaryFolder();
    // A database password that cannot occur in the path, which problems print with secrets masked.
    const variables = {
      ...testVariables(),
      DATABASE_URL: 'postgres://app:Q9x7-pw@localhost/app_test',
    };
    const inspection = inspect(variables, { envDir: folder, envFile: 'missing.env', cwd: folder });
    expect(inspection.problems).toEqual([
      {
        variable: 'ENV_FILE',
        rule: 'env-file',
        message: `names ${join(folder, 'missing.env')}, which does not exist`,
        fix: 'correct the path, or unset ENV_FILE to use the process environment alone',
      },
    ]);
  });

  it('marks only a defaulted NODE_ENV as derived; other defaults say "default"', () => {
    const derived = inspect(testVariables());
    const origin = (name: string) =>
      derived.variables.find((variable) => variable.name === name)?.origin;
    expect(origin('NODE_ENV')).toBe('derived from APP_ENV');
    expect(origin('PUBLIC_URL')).toBe('default');
    const explicit = inspect({ ...testVariables(), NODE_ENV: 'test' });
    expect(explicit.variables.find((variable) => variable.name === 'NODE_ENV')?.origin).toBe(
      'process env',
    );
  });
});

describe('loadConfig with given values', () => {
  it('names the environment it could not load as "(unset)" when APP_ENV is missing', () => {
    const error = (() => {
      try {
        loadConfig({ env: { ...testVariables(), APP_ENV: undefined }, envDir: temporaryFolder() });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).environment).toBe('(unset)');
  });

  it('never touches process.env.NODE_ENV when the values are given', () => {
    const saved = process.env.NODE_ENV;
    try {
      delete process.env.NODE_ENV;
      loadConfig({ env: productionVariables(), envDir: temporaryFolder() });
      expect(process.env.NODE_ENV).toBeUndefined();
    } finally {
      process.env.NODE_ENV = saved;
    }
  });
});
