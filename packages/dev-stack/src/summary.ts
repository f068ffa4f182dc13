import { maskUrl } from '@repo/config';

export interface SummaryFacts {
  appUrl: string;
  /** The web app's management server: status page, readiness, /workers. */
  managementUrl: string;
  /** The worker's management server, which serves the worker's own metrics. */
  workerManagementUrl: string;
  databaseUrl: string;
  redisUrl: string;
  /** The mail catcher's inbox and SMTP address; absent when it did not start. */
  mailInboxUrl?: string;
  mailSmtpUrl?: string;
  /** Where the apps keep files: a folder under MEDIA_ROOT, or a bucket. */
  files: string;
  logLevel: string;
  services: string;
  notes: string[];
}

/** The one block `pnpm dev` prints once both apps are ready; passwords masked. */
export function formatSummary(facts: SummaryFacts): string {
  const rule = '─'.repeat(72);
  const rows = [
    ['App', facts.appUrl],
    [
      'Status page',
      `${facts.managementUrl}/  (readiness: ${facts.managementUrl}/health/ready, workers: ${facts.managementUrl}/workers)`,
    ],
    [
      'Metrics',
      `${facts.managementUrl}/metrics (web), ${facts.workerManagementUrl}/metrics (worker)`,
    ],
    ['Postgres', maskUrl(facts.databaseUrl)],
    ['Redis', maskUrl(facts.redisUrl)],
    [
      'Mail',
      facts.mailInboxUrl === undefined
        ? 'not sent (no mail catcher this run)'
        : `${facts.mailInboxUrl}  (every mail the apps send lands here; SMTP ${facts.mailSmtpUrl ?? ''})`,
    ],
    ['Files', facts.files],
    ['Log level', facts.logLevel],
    ['Services', facts.services],
    ['Settings', '.env.development and .env.development.local; saving either restarts both apps'],
    ['Stop', 'Ctrl-C (pnpm dev:down removes the containers, pnpm dev:reset also the data)'],
  ];
  return [
    rule,
    ' Ladder is running (APP_ENV=development)',
    ...rows.map(([label = '', value = '']) => `   ${`${label}:`.padEnd(13)} ${value}`),
    ...facts.notes.map((note) => `   ${note}`),
    rule,
  ].join('\n');
}
