import type { INestApplicationContext } from '@nestjs/common';
import { formatFingerprint, loadConfig } from '@repo/config';
import { describe, expect, it } from 'vitest';
import { logStartup } from './startup-log.js';

const config = loadConfig({
  env: {
    APP_ENV: 'test',
    DATABASE_URL: 'postgres://app:db-Pa55-w0rd-Q9x@localhost:5432/app_test',
    REDIS_URL: 'redis://localhost:6379',
    SECRET_KEY: 'Zk4Wq9Rt2Yp7Mn5Bv8Cx3Ls6Lk1Hg0FdSa',
  },
  envDir: '/nonexistent',
});

/** An application context whose nestjs-pino Logger records what it is asked to log. */
function recordingApp() {
  const calls: unknown[][] = [];
  const logger = { log: (...args: unknown[]) => calls.push(args) };
  const app = { get: () => logger } as unknown as INestApplicationContext;
  return { app, calls };
}

describe('logStartup', () => {
  it('logs one line with the masked configuration and the fingerprint exactly once', () => {
    const { app, calls } = recordingApp();
    logStartup(app, config, 'web listening');
    expect(calls).toHaveLength(1);
    const [fields, message, context] = calls[0] ?? [];
    expect(message).toBe('web listening');
    expect(context).toBe('Startup');
    const line = JSON.stringify(fields);
    expect(line).toContain('"SECRET_KEY":"****"');
    const fingerprint = formatFingerprint(config.fingerprint);
    expect(line.split(fingerprint)).toHaveLength(2);
  });
});
