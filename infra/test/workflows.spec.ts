import { describe, expect, it } from 'vitest';
import {
  action,
  actionFiles,
  environmentOf,
  needsOf,
  stepRunning,
  stepsOf,
  stepUsing,
  usesOf,
  workflow,
  workflowFiles,
  type Job,
} from './support/workflows.js';

/**
 * The release path's contract, stated over every workflow and local action so a new file inherits it. A change
 * that weakens one of these (a tag instead of a SHA, a dropped guard, a write grant at the top) fails here before
 * review.
 */

const workflows = workflowFiles();
const actions = actionFiles();
const files = [...workflows, ...actions];

const FULL_SHA_PIN = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const MAIN_PUSH_GUARD = "github.event_name == 'push' && github.ref == 'refs/heads/main'";

describe.each(files.map((file) => [file.path, file] as const))('%s', (_path, file) => {
  it('pins every remote action and reusable workflow to a full commit SHA, with its version in a comment', () => {
    const remote = usesOf(file).filter((uses) => !uses.startsWith('./'));
    for (const uses of remote) {
      if (uses.startsWith('docker://')) {
        expect(uses, 'a container action runs an image by digest').toMatch(/@sha256:[0-9a-f]{64}$/);
        continue;
      }
      expect(uses, 'owner/repository@<40 hex digits>').toMatch(FULL_SHA_PIN);
      const lines = file.text.split('\n').filter((line) => line.includes(`uses: ${uses}`));
      expect(lines.length, `the line that uses ${uses}`).toBeGreaterThan(0);
      for (const line of lines) expect(line, 'a version comment').toMatch(/ # v\d+(\.\d+){0,2}$/);
    }
  });

  it('checks out without persisting the token in .git/config', () => {
    const checkouts = stepsOf(file).filter((step) => step.uses?.startsWith('actions/checkout@'));
    for (const checkout of checkouts) expect(checkout.with?.['persist-credentials']).toBe(false);
  });
});

describe.each(workflows.map((file) => [file.path, file] as const))('%s', (_path, file) => {
  const jobs = Object.entries(file.content.jobs);

  it('grants only contents: read at the top; any other grant belongs to a job', () => {
    expect(file.content.permissions).toEqual({ contents: 'read' });
    for (const [, job] of jobs) expect(['read-all', 'write-all']).not.toContain(job.permissions);
  });

  it('bounds every job that runs steps with timeout-minutes', () => {
    for (const [id, job] of jobs) {
      if (job.uses !== undefined) continue; // a called workflow's own jobs carry their timeouts
      expect(job['timeout-minutes'], `${id} timeout-minutes`).toBeGreaterThan(0);
      expect(job['timeout-minutes'], `${id} timeout-minutes`).toBeLessThanOrEqual(60);
    }
  });

  it('never runs on pull_request_target or workflow_run, which hand a fork’s code this repository’s rights', () => {
    expect(Object.keys(file.content.on)).not.toContain('pull_request_target');
    expect(Object.keys(file.content.on)).not.toContain('workflow_run');
  });
});

/** Jobs that hold an environment's secrets, by workflow. */
const releaseJobs = workflows.flatMap((file) =>
  Object.entries(file.content.jobs)
    .filter(([, job]) => environmentOf(job) !== undefined)
    .map(([id, job]) => ({ file: file.path, id, job, environment: environmentOf(job)! })),
);

describe('jobs that hold an environment’s secrets', () => {
  it('are exactly the staging and production releases', () => {
    expect(releaseJobs.map(({ file, id, environment }) => `${file}#${id}:${environment}`)).toEqual([
      '.github/workflows/deploy.yml#staging:staging',
      '.github/workflows/promote.yml#production:production',
    ]);
  });

  it.each(releaseJobs.map((release) => [release.environment, release] as const))(
    '%s: installs only what the check needs, checks the rendered configuration, then rolls out by digest',
    (environment, { job }) => {
      const setup = stepUsing(job, './.github/actions/setup');
      expect(setup?.step.with).toEqual({ filter: '@repo/config...', cache: 'false' });
      expect(stepRunning(job, 'pnpm install')).toBeUndefined();

      const check = stepRunning(
        job,
        `pnpm env:check --env ${environment} --kustomize infra/environments/${environment}`,
      );
      const rollOut = stepUsing(job, './.github/actions/roll-out');
      expect(check, 'the configuration check').toBeDefined();
      expect(rollOut, 'the roll-out').toBeDefined();
      expect(check!.index).toBeLessThan(rollOut!.index);
      expect(rollOut!.step.with?.manifests).toBe('${{ env.MANIFESTS }}');
      expect(job.env?.MANIFESTS).toBe(`infra/environments/${environment}`);
    },
  );

  it.each(releaseJobs.map((release) => [release.environment, release] as const))(
    '%s: refuses template placeholders first, before any secret is written or anything applied',
    (_environment, { job }) => {
      const check = stepRunning(job, '.github/scripts/check-placeholders.sh "$MANIFESTS"');
      expect(check, 'the placeholder check').toBeDefined();
      for (const later of [
        stepUsing(job, './.github/actions/setup'),
        stepUsing(job, './.github/actions/secret-files'),
        stepUsing(job, './.github/actions/roll-out'),
      ])
        expect(check!.index).toBeLessThan(later!.index);
    },
  );

  it('are the only jobs that may write deployment records', () => {
    const writers = workflows.flatMap((file) =>
      Object.entries(file.content.jobs)
        .filter(
          ([, job]) =>
            typeof job.permissions === 'object' && job.permissions.deployments === 'write',
        )
        .map(([id]) => `${file.path}#${id}`),
    );
    expect(writers).toEqual([
      '.github/workflows/deploy.yml#staging',
      '.github/workflows/promote.yml#production',
    ]);
  });
});

describe('CI', () => {
  const ci = workflow('ci.yml').content;

  it('runs on pull requests and pushes, and can be called by Deploy', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
  });

  it('runs the tests and refuses staging and production configurations that share a secret or resource', () => {
    const steps = Object.values(ci.jobs).flatMap((job) => job.steps ?? []);
    const runs = steps.map((step) => step.run);
    expect(runs).toContain('pnpm test');
    expect(runs).toContain(
      'pnpm env:diff infra/environments/staging/config.env infra/environments/production/config.env',
    );
  });
});

describe('Deploy (main → staging)', () => {
  const deploy = workflow('deploy.yml').content;
  const jobs = deploy.jobs;

  it('starts only for pushes to main, never for a pull request from any repository', () => {
    expect(deploy.on).toEqual({ push: { branches: ['main'] } });
  });

  it('guards every job: it is a push to main itself or needs one that is', () => {
    const guarded = (id: string): boolean => {
      const job: Job = jobs[id]!;
      if (job.if?.includes(MAIN_PUSH_GUARD)) return true;
      const needs = needsOf(job);
      return needs.length > 0 && needs.some(guarded);
    };
    for (const id of Object.keys(jobs)) expect(guarded(id), `${id} is guarded`).toBe(true);
  });

  it('builds only after CI passed on the very commit, in this run', () => {
    expect(jobs.ci?.uses).toBe('./.github/workflows/ci.yml');
    expect(needsOf(jobs.build!)).toContain('ci');
  });

  it('smoke-tests the pushed digests before staging gets them', () => {
    expect(jobs.build?.outputs).toEqual({
      web: '${{ steps.images.outputs.web }}',
      worker: '${{ steps.images.outputs.worker }}',
    });
    const smoke = stepRunning(jobs.smoke!, '.github/scripts/smoke-test-images.sh');
    expect(smoke?.step.env).toEqual({
      WEB_IMAGE: '${{ needs.build.outputs.web }}',
      WORKER_IMAGE: '${{ needs.build.outputs.worker }}',
    });
    expect(needsOf(jobs.staging!)).toEqual(expect.arrayContaining(['build', 'smoke']));
    expect(jobs.staging?.env).toMatchObject({
      WEB_IMAGE: '${{ needs.build.outputs.web }}',
      WORKER_IMAGE: '${{ needs.build.outputs.worker }}',
    });
  });

  it('records what staging ran, after the rollout: commit, both digests, time, never marked inactive', () => {
    const staging = jobs.staging!;
    const record = stepRunning(staging, 'repos/$GITHUB_REPOSITORY/deployments');
    expect(record).toBeDefined();
    expect(record!.index).toBeGreaterThan(stepUsing(staging, './.github/actions/roll-out')!.index);
    const script = record!.step.run!;
    for (const part of [
      'ref: $sha',
      'environment: "staging"',
      'task: "ladder:release"',
      'web: $web',
      'worker: $worker',
      'ran_at: (now | todate)',
      'state=success',
      '-F auto_inactive=false',
    ])
      expect(script).toContain(part);
  });
});

describe('Promote (release → production)', () => {
  const promote = workflow('promote.yml').content;
  const jobs = promote.jobs;

  it('starts from a published release or a manual run with a SHA (rollback)', () => {
    expect(promote.on).toEqual({
      release: { types: ['published'] },
      workflow_dispatch: {
        inputs: { sha: expect.objectContaining({ required: true, type: 'string' }) },
      },
    });
  });

  it('runs manual promotions only from main, and promotes only commits of main', () => {
    expect(jobs.resolve?.if).toBe(
      "github.event_name == 'release' || github.ref == 'refs/heads/main'",
    );
    const script = jobs.resolve!.steps!.map((step) => step.run ?? '').join('\n');
    expect(script).toContain('compare/$sha...main');
    expect(script).toContain('^[0-9a-f]{40}$');
  });

  it('deploys exactly the digests of a successful staging record for that commit', () => {
    const script = stepRunning(
      jobs.staged!,
      'deployments?environment=staging&task=ladder:release&sha=$SHA',
    )?.step.run;
    expect(script).toBeDefined();
    expect(script).toContain('--jq \'any(.[]; .state == "success")\'');
    expect(script).toContain('[ "$succeeded" = true ] || continue');
    expect(script).toContain('.github/workflows/deploy.yml push main $SHA');
    expect(script).toContain('.payload.web');
    expect(script).toContain('.payload.worker');
    expect(jobs.production?.env).toMatchObject({
      WEB_IMAGE: '${{ needs.staged.outputs.web }}',
      WORKER_IMAGE: '${{ needs.staged.outputs.worker }}',
    });
    // Never again by tag: a :<sha> tag can be moved after staging ran it.
    expect(workflow('promote.yml').text).not.toMatch(/imagetools inspect "?\$\{?image/);
  });

  it('shows the reviewer the commits and migrations before the approval', () => {
    const summary = stepRunning(jobs.review!, 'GITHUB_STEP_SUMMARY')?.step.run;
    expect(summary).toContain('git log');
    expect(summary).toContain('migrations=packages/db/drizzle');
    expect(environmentOf(jobs.review!)).toBeUndefined();
    expect(needsOf(jobs.production!)).toEqual(
      expect.arrayContaining(['resolve', 'staged', 'review']),
    );
  });
});

describe('the roll-out action both releases use', () => {
  const script = action('roll-out')
    .content.runs.steps.map((step) => step.run ?? '')
    .join('\n');

  it('refuses images that are not pinned by digest', () => {
    expect(script).toContain('@sha256:[0-9a-f]{64}$');
  });

  it('migrates before the rollout, then waits for it, checks readiness in the cluster and undoes a failure', () => {
    const order = [
      'kubectl apply -f "$RUNNER_TEMP/manifests.yaml" --selector app.kubernetes.io/component=migrate',
      "--selector 'app.kubernetes.io/component in (web,worker)'",
      'kubectl rollout status deployment/ladder-worker',
      'kubectl rollout status deployment/ladder-web',
      '&& check_readiness; then',
      'kubectl rollout undo deployment/ladder-web',
      'kubectl rollout undo deployment/ladder-worker',
    ].map((part) => {
      expect(script).toContain(part);
      return script.indexOf(part);
    });
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The readiness check runs inside a web pod, on its management port (never exposed by the Service).
    expect(script).toMatch(
      /check_readiness\(\) \{[^]*http:\/\/127\.0\.0\.1:9464\/health\/ready[^]*kubectl exec deployment\/ladder-web /,
    );
    expect(script.slice(script.indexOf('kubectl rollout undo'))).toMatch(/\n\s*exit 1\s*$/);
  });
});
