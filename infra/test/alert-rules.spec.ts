import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';

const infra = join(import.meta.dirname, '..');
const ENVIRONMENTS = ['staging', 'production'] as const;
type Environment = (typeof ENVIRONMENTS)[number];

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
interface RuleGroup {
  name: string;
  rules: AlertRule[];
}
interface PromtoolTests {
  tests: {
    name: string;
    alert_rule_test: { alertname: string; exp_alerts: unknown[] }[];
  }[];
}

const promtool = 'promtool';
const found = spawnSync(promtool, ['--version']);
if (found.error !== undefined) {
  throw new Error(
    "promtool was not found: install Debian's prometheus package (apt-get install prometheus), as .ci/run does",
  );
}

const scratch = mkdtempSync(join(tmpdir(), 'ladder-alert-rules-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function ruleGroups(environment: Environment): RuleGroup[] {
  const file = join(infra, 'environments', environment, 'monitoring', 'alert-rules.yaml');
  const rule = parse(readFileSync(file, 'utf8')) as { kind: string; spec: { groups: RuleGroup[] } };
  expect(rule.kind).toBe('PrometheusRule');
  return rule.spec.groups;
}

const alertsOf = (environment: Environment): AlertRule[] =>
  ruleGroups(environment).flatMap((group) => group.rules);

/** The rule groups as a plain Prometheus rule file, beside the promtool unit tests that load it. */
function promtoolFolder(environment: Environment): string {
  const folder = join(scratch, environment);
  execFileSync('mkdir', ['-p', folder]);
  writeFileSync(join(folder, 'alert-rules.yaml'), stringify({ groups: ruleGroups(environment) }));
  copyFileSync(
    join(infra, 'test', 'alert-rules', `${environment}.test.yaml`),
    join(folder, 'tests.yaml'),
  );
  return folder;
}

function runPromtool(folder: string, ...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(promtool, args, { cwd: folder, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

// promtool and kubectl each start a process; on a busy 2-core machine that can take many seconds.
const PROCESS_TIMEOUT = 120_000;

const readme = readFileSync(join(infra, 'README.md'), 'utf8');

describe.each(ENVIRONMENTS)('alert rules for %s', (environment) => {
  const alerts = alertsOf(environment);
  const folder = promtoolFolder(environment);

  it(
    'pass promtool check rules',
    () => {
      const { status, output } = runPromtool(folder, 'check', 'rules', 'alert-rules.yaml');
      expect(output).toContain('SUCCESS');
      expect(status).toBe(0);
    },
    PROCESS_TIMEOUT,
  );

  it(
    'pass their promtool unit tests',
    () => {
      const { status, output } = runPromtool(folder, 'test', 'rules', 'tests.yaml');
      expect(output).not.toContain('FAILED');
      expect(status).toBe(0);
    },
    PROCESS_TIMEOUT,
  );

  it('have a unit test in which each alert fires and one in which it stays quiet', () => {
    const tests = (parse(readFileSync(join(folder, 'tests.yaml'), 'utf8')) as PromtoolTests).tests;
    const checks = tests.flatMap((test) => test.alert_rule_test);
    for (const { alert } of alerts) {
      const mine = checks.filter((check) => check.alertname === alert);
      expect(
        mine.some((check) => check.exp_alerts.length > 0),
        `${alert} fires`,
      ).toBe(true);
      expect(
        mine.some((check) => check.exp_alerts.length === 0),
        `${alert} stays quiet`,
      ).toBe(true);
    }
  });

  it('each carry a summary, a description and a runbook section in infra/README.md', () => {
    for (const { alert, annotations, labels } of alerts) {
      expect(annotations.summary, alert).toBeTruthy();
      expect(annotations.description, alert).toBeTruthy();
      expect(annotations.runbook_url).toBe(`infra/README.md#${alert.toLowerCase()}`);
      expect(readme).toMatch(new RegExp(`^#### ${alert}$`, 'm'));
      expect(labels.environment).toBe(environment);
    }
  });

  it(`only ever look at ladder-${environment}'s series`, () => {
    for (const { alert, expr } of alerts) {
      const namespaces = [...expr.matchAll(/namespace="([^"]+)"/g)].map((match) => match[1]);
      const selectors = [...expr.matchAll(/\b[a-z_]+\{/g)];
      expect(namespaces.length, alert).toBe(selectors.length);
      expect(new Set(namespaces), alert).toEqual(new Set([`ladder-${environment}`]));
    }
  });

  it(
    'are rendered into the overlay with both pod monitors',
    () => {
      const rendered = execFileSync(
        'kubectl',
        ['kustomize', join(infra, 'environments', environment)],
        {
          encoding: 'utf8',
        },
      );
      const objects = parseAllDocuments(rendered).map(
        (document) =>
          document.toJS() as { kind: string; metadata: { name: string; namespace?: string } },
      );
      const monitoring = objects
        .filter((object) => ['PodMonitor', 'PrometheusRule'].includes(object.kind))
        .map((object) => `${object.kind}/${object.metadata.name}@${object.metadata.namespace}`);
      expect(monitoring.sort()).toEqual([
        `PodMonitor/ladder-web@ladder-${environment}`,
        `PodMonitor/ladder-worker@ladder-${environment}`,
        `PrometheusRule/ladder-alerts@ladder-${environment}`,
      ]);
    },
    PROCESS_TIMEOUT,
  );
});

describe('alert rules across environments', () => {
  it('hold the same alerts in staging and production', () => {
    const names = (environment: Environment) => alertsOf(environment).map((rule) => rule.alert);
    expect(names('staging')).toEqual(names('production'));
    expect(names('production')).toEqual(
      expect.arrayContaining([
        'LadderWebDown',
        'LadderWebNotReady',
        'LadderHighErrorRatio',
        'LadderHighLatencyP99',
        'LadderQueueBacklogGrowing',
        'LadderJobFailureRatio',
        'LadderJobsStalled',
        'LadderNoLiveWorker',
        'LadderConfigFingerprintSplit',
        'LadderPostgresUnreachable',
        'LadderRedisUnreachable',
        'LadderMigrationsPending',
      ]),
    );
  });

  it('never page from staging, and page from production', () => {
    const severities = (environment: Environment) =>
      new Set(alertsOf(environment).map((rule) => rule.labels.severity));
    expect(severities('staging')).toEqual(new Set(['ticket']));
    expect(severities('production')).toContain('page');
  });

  it('give staging longer windows or higher thresholds than production, never shorter', () => {
    const staging = alertsOf('staging');
    for (const rule of alertsOf('production')) {
      const twin = staging.find((candidate) => candidate.alert === rule.alert);
      const minutes = (value: string | undefined) => Number(value?.replace(/m$/, '') ?? 0);
      expect(minutes(twin?.for), rule.alert).toBeGreaterThanOrEqual(minutes(rule.for));
    }
  });
});
