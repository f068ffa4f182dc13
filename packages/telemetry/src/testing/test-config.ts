import { loadConfig, type Config } from '@repo/config';

/** Secret values that the scans look for in every scrape and span export. */
export const SECRETS = {
  secretKey: 'Zk4Wq9Rt2Yp7Mn5Bv8Cx3Ls6Lk1Hg0FdSa',
  databasePassword: 'db-Pa55-w0rd-Q9x',
  redisPassword: 'rd-Pa55-w0rd-T7k',
};

/** A test-environment config whose secrets are the values above. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    env: {
      APP_ENV: 'test',
      DATABASE_URL: `postgres://ladder:${SECRETS.databasePassword}@localhost:5432/ladder_test`,
      REDIS_URL: `redis://:${SECRETS.redisPassword}@localhost:6379/0`,
      SECRET_KEY: SECRETS.secretKey,
      APP_VERSION: '1.4.2',
      GIT_SHA: '0123456789abcdef0123456789abcdef01234567',
      ...overrides,
    },
    envDir: '/nonexistent',
  });
}
