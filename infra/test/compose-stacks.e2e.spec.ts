import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComposeStack, docker, dockerOrFail, type Environment } from './support/compose-stack.js';
import { REPOSITORY_ROOT } from './support/kustomize.js';

const TAG = `e2e-compose-${process.pid}-${randomBytes(2).toString('hex')}`;
const images = { web: `ladder-web:${TAG}`, worker: `ladder-worker:${TAG}` };
const stacks: Record<Environment, ComposeStack> = {
  staging: new ComposeStack('staging', images),
  production: new ComposeStack('production', images),
};
const both = Object.values(stacks);

async function buildImage(app: 'web' | 'worker'): Promise<void> {
  await dockerOrFail([
    'build',
    '--quiet',
    // The local copy of the base image: the pinned digest cannot be pulled on machines without a registry.
    '--build-arg',
    'NODE_IMAGE=node:24-slim',
    '--file',
    join(REPOSITORY_ROOT, `apps/${app}/Dockerfile`),
    '--tag',
    images[app],
    REPOSITORY_ROOT,
  ]);
}

beforeAll(async () => {
  await Promise.all([buildImage('web'), buildImage('worker')]);
  await Promise.all(both.map((stack) => stack.up()));
});

afterAll(async () => {
  await Promise.all(both.map((stack) => stack.down()));
  // Only the tags: the layers stay in the build cache, so the next run builds warm.
  await docker(['image', 'rm', images.web, images.worker]);
});

/** Polls `probe` until it returns a value; fails after a minute, naming what it waited for. */
async function waitFor<Value>(
  probe: () => Promise<Value | undefined>,
  description: string,
): Promise<Value> {
  for (let attempt = 0; attempt < 240; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`gave up waiting for ${description}`);
}

async function getJson<Body = Record<string, unknown>>(
  url: string,
): Promise<{ status: number; body: Body }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Body };
}

/** A request with an explicit Host header (fetch cannot set Host, node:http can); resolves with status and body. */
function send(
  url: string,
  host: string,
  body?: unknown,
): Promise<{ status: number; body: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: payload === undefined ? 'GET' : 'POST',
        headers: {
          host,
          ...(payload !== undefined && {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          }),
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

interface PresentedReport {
  id: string;
  status: string;
  links: { download?: { csv: string } };
}

describe.each(['staging', 'production'] as const)('the %s stack', (environment) => {
  const stack = () => stacks[environment];

  it('reports ready on its management port, stamped with its own environment', async () => {
    const ready = await getJson<{ details: { environment: unknown } }>(
      `${stack().managementUrl}/health/ready`,
    );
    expect(ready.status).toBe(200);
    expect(ready.body.details.environment).toMatchObject({
      status: 'up',
      appEnv: environment,
      database: environment,
      redis: environment,
    });
    const workers = await getJson(`${stack().managementUrl}/workers`);
    expect(workers).toMatchObject({ status: 200, body: { status: 'ok', live: 1 } });
  });

  it('serves the API on its public port, and nothing of the ops surface there', async () => {
    const posted = await send(`${stack().webUrl}/api/reports`, stack().host, {
      title: `From ${environment}`,
      periodDays: 1,
    });
    expect(posted.status).toBe(202);
    // With the stack's own Host, so the answer is the route's absence, not the Host check.
    expect((await send(`${stack().webUrl}/health/ready`, stack().host)).status).toBe(404);
  });

  it('completes a report, writes its file on the media volume and downloads it through its signed link', async () => {
    const posted = await send(`${stack().webUrl}/api/reports`, stack().host, {
      title: `Files in ${environment}`,
      periodDays: 2,
    });
    expect(posted.status, posted.body).toBe(202);
    const { id } = JSON.parse(posted.body) as PresentedReport;
    const report = await waitFor(async () => {
      const current = await send(`${stack().webUrl}/api/reports/${id}`, stack().host);
      const body = JSON.parse(current.body) as PresentedReport;
      return body.status === 'completed' || body.status === 'failed' ? body : undefined;
    }, `report ${id} to finish`);
    expect(report.status, JSON.stringify(report)).toBe('completed');
    // The link names PUBLIC_URL (the TLS proxy's host); follow its path on the published port.
    const link = new URL(report.links.download?.csv ?? '');
    expect(link.origin).toBe(`https://${stack().host}`);
    const downloaded = await send(`${stack().webUrl}${link.pathname}${link.search}`, stack().host);
    expect(downloaded.status, downloaded.body).toBe(200);
    expect(downloaded.body).toContain(`${id},Files in ${environment},2,`);
  });

  it('publishes only web, and only on 127.0.0.1', async () => {
    const published = (
      await dockerOrFail([...stack().compose(), 'ps', '--format', '{{.Service}} {{.Ports}}'])
    )
      .split('\n')
      .filter((line) => line.includes('->'));
    expect(published.map((line) => line.split(' ')[0])).toEqual(['web']);
    for (const binding of published[0]?.match(/[\d.:[\]]+->/g) ?? [])
      expect(binding).toMatch(/^127\.0\.0\.1:/);
  });

  it('runs every service read-only, without capabilities, with a restart policy, rotated logs and limits', async () => {
    for (const service of ['postgres', 'redis', 'web', 'worker']) {
      const settings = JSON.parse(
        await dockerOrFail([
          'inspect',
          '--format',
          '{{json .HostConfig}}',
          stack().containerName(service),
        ]),
      ) as {
        ReadonlyRootfs: boolean;
        CapDrop: string[] | null;
        RestartPolicy: { Name: string };
        LogConfig: { Config: Record<string, string> };
        Memory: number;
      };
      expect(settings, service).toMatchObject({
        ReadonlyRootfs: true,
        CapDrop: ['ALL'],
        RestartPolicy: { Name: 'unless-stopped' },
        LogConfig: { Config: { 'max-size': '10m' } },
      });
      expect(settings.Memory, service).toBeGreaterThan(0);
    }
  });
});

describe('the stacks side by side', () => {
  it('keep separate projects, networks and volumes', async () => {
    expect(new Set(both.map((stack) => stack.network)).size).toBe(2);
    for (const stack of both) {
      const volumes = await dockerOrFail([
        'volume',
        'ls',
        '--quiet',
        '--filter',
        `label=com.docker.compose.project=${stack.project}`,
      ]);
      expect(volumes.split('\n').sort()).toEqual([
        `${stack.project}_media`,
        `${stack.project}_postgres-data`,
        `${stack.project}_redis-data`,
      ]);
    }
  });

  /**
   * A worker of one environment, misconfigured to use the other's database or Redis, on both networks (so both
   * addresses are reachable). It must refuse to start, naming the environment that stamped the resource.
   */
  async function intrude(
    from: ComposeStack,
    into: ComposeStack,
    resource: 'database' | 'redis',
  ): Promise<{ code: number; output: string }> {
    const database = resource === 'database' ? into : from;
    const redis = resource === 'redis' ? into : from;
    const name = `${from.project}-intruder-${resource}`;
    const envFile = from.envFile(`intruder-${resource}`, {
      APP_ENV: from.environment,
      PUBLIC_URL: `https://${from.host}`,
      ALLOWED_HOSTS: from.host,
      QUEUE_PREFIX: 'ladder',
      SECRET_KEY: from.secretKey,
      DATABASE_URL: `postgres://ladder:${database.postgresPassword}@${await database.address('postgres')}:5432/ladder`,
      REDIS_URL: `redis://${await redis.address('redis')}:6379/0`,
      STORAGE_BACKEND: 'local',
      ALLOW_LOCAL_STORAGE: 'true',
      MEDIA_ROOT: '/var/lib/ladder/media',
    });
    await dockerOrFail([
      'create',
      '--name',
      name,
      '--network',
      from.network,
      '--env-file',
      envFile,
      images.worker,
    ]);
    try {
      await dockerOrFail(['network', 'connect', into.network, name]);
      const run = await docker(['start', '--attach', name]);
      const code = Number(await dockerOrFail(['inspect', '--format', '{{.State.ExitCode}}', name]));
      return { code, output: run.output };
    } finally {
      await docker(['rm', '--force', name]);
    }
  }

  it.each([
    ['staging', 'production', 'database', 'the database'],
    ['production', 'staging', 'database', 'the database'],
    ['staging', 'production', 'redis', 'Redis (queue prefix ladder)'],
    ['production', 'staging', 'redis', 'Redis (queue prefix ladder)'],
  ] as const)('a %s worker refuses the %s %s', async (from, into, resource, named) => {
    const { code, output } = await intrude(stacks[from], stacks[into], resource);
    expect(code, output).not.toBe(0);
    expect(output).toContain(
      `${named} belongs to APP_ENV=${into}, but this process runs as APP_ENV=${from}`,
    );
    // The refused process changed nothing: the stack it reached is still ready and still its own.
    const ready = await getJson(`${stacks[into].managementUrl}/health/ready`);
    expect(ready).toMatchObject({
      status: 200,
      body: { details: { environment: { appEnv: into } } },
    });
  });
});
