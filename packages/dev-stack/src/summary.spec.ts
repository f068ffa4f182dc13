import { describe, expect, it } from 'vitest';
import { formatSummary } from './summary.js';

describe('formatSummary', () => {
  const summary = formatSummary({
    appUrl: 'http://localhost:3000',
    managementUrl: 'http://localhost:9464',
    workerManagementUrl: 'http://localhost:9465',
    databaseUrl: 'postgres://ladder:s3cret-pass@localhost:49153/ladder_dev',
    redisUrl: 'redis://:r3dis-pass@localhost:49154/0',
    mailInboxUrl: 'http://localhost:1080',
    mailSmtpUrl: 'smtp://127.0.0.1:1025',
    files: '/home/dev/app/.data/media/development',
    logLevel: 'debug',
    services: 'Docker compose project ladder-dev-1234abcd (stopped on exit, data kept)',
    notes: ['Port 3000 was busy, so the web app listens on 3001 instead.'],
  });

  it('names the app, the status page, both connection strings, the log level and how to stop', () => {
    expect(summary).toContain('App:          http://localhost:3000');
    expect(summary).toContain('Status page:  http://localhost:9464/');
    expect(summary).toContain(
      'Metrics:      http://localhost:9464/metrics (web), http://localhost:9465/metrics (worker)',
    );
    expect(summary).toContain('Postgres:     postgres://ladder:****@localhost:49153/ladder_dev');
    expect(summary).toContain('Redis:        redis://:****@localhost:49154/0');
    expect(summary).toContain(
      'Mail:         http://localhost:1080  (every mail the apps send lands here; SMTP smtp://127.0.0.1:1025)',
    );
    expect(summary).toContain('Files:        /home/dev/app/.data/media/development');
    expect(summary).toContain('Log level:    debug');
    expect(summary).toContain('Stop:         Ctrl-C');
    expect(summary).toContain('saving either restarts both apps');
    expect(summary).toContain('Port 3000 was busy');
  });

  it('never shows a password', () => {
    expect(summary).not.toContain('s3cret-pass');
    expect(summary).not.toContain('r3dis-pass');
  });

  it('says mail is not sent when the catcher did not start', () => {
    const without = formatSummary({
      appUrl: 'http://localhost:3000',
      managementUrl: 'http://localhost:9464',
      workerManagementUrl: 'http://localhost:9465',
      databaseUrl: 'postgres://localhost:5432/dev',
      redisUrl: 'redis://localhost:6379/0',
      files: '.data/media/development',
      logLevel: 'info',
      services: 'embedded',
      notes: [],
    });
    expect(without).toContain('Mail:         not sent (no mail catcher this run)');
  });
});
