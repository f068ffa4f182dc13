// The staging compose stack's Postgres and Redis (infra/compose: compose.yaml + compose.staging.yaml, hardened and
// resource-limited as staging runs them), started once per `pnpm bench` and shared by every comparison. The apps
// run on this machine in staging mode, so each subject can be started, timed and profiled as a plain process.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processEnvWith } from '@repo/config/host';
import { createDatabase, ReportsRepository } from '@repo/db';
import { COMPOSE_FOLDER, isolatedEnvironment, REPOSITORY_ROOT, testSecretKey } from '@repo/testing';

/** The public host the staging rules require; requests to the web app's public port send it. */
export const HOST = 'staging.example.com';

const FILES = ['compose.yaml', 'compose.staging.yaml'].flatMap((file) => [
  '-f',
  join(COMPOSE_FOLDER, file),
]);

function compose(project, secrets, args) {
  return execFileSync('docker', ['compose', ...FILES, '-p', project, ...args], {
    env: processEnvWith({ PUBLIC_HOST: HOST, LADDER_SECRETS_DIR: secrets }),
    encoding: 'utf8',
  }).trim();
}

/** Staging refuses loopback hosts: the apps reach the services by their container addresses. */
function bridgeIp(project, secrets, service) {
  const id = compose(project, secrets, ['ps', '-q', service]);
  return execFileSync(
    'docker',
    ['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', id],
    { encoding: 'utf8' },
  ).trim();
}

/**
 * Starts the stack, migrates its database as the release step does, and returns what the subjects need:
 * `variables` (a staging environment for the apps), `stagingEnvironment(extra)`, `databaseUrl`, `redisUrl`,
 * `reports` (the repository, to seed and count reports) and `down()`.
 */
export async function startStagingStack() {
  const project = `bench-${process.pid}-${randomBytes(3).toString('hex')}`;
  const secrets = mkdtempSync(join(tmpdir(), 'bench-secrets-'));
  const password = randomBytes(12).toString('hex');
  writeFileSync(join(secrets, 'postgres_password'), password);
  // Unused by the services started here; compose wants every declared secret file to exist.
  writeFileSync(join(secrets, 'database_url'), '');
  writeFileSync(join(secrets, 'secret_key'), '');
  const down = () => {
    spawnSync(
      'docker',
      ['compose', ...FILES, '-p', project, 'down', '--volumes', '--timeout', '0'],
      {
        env: processEnvWith({ PUBLIC_HOST: HOST, LADDER_SECRETS_DIR: secrets }),
      },
    );
    rmSync(secrets, { recursive: true, force: true });
  };
  try {
    compose(project, secrets, ['up', '--detach', '--wait', 'postgres', 'redis']);
    const databaseUrl = `postgres://ladder:${password}@${bridgeIp(project, secrets, 'postgres')}:5432/ladder`;
    const redisUrl = `redis://${bridgeIp(project, secrets, 'redis')}:6379/0`;
    const variables = {
      APP_ENV: 'staging',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: 'bench',
      SECRET_KEY: testSecretKey(),
      PUBLIC_URL: `https://${HOST}`,
      ALLOWED_HOSTS: HOST,
      CORS_ALLOWED_ORIGINS: `https://${HOST}`,
      TRUST_PROXY: '1',
      // Boot rounds stop the apps many times: no load balancer needs the drain here.
      SHUTDOWN_DRAIN_SECONDS: '0',
    };
    const migrated = spawnSync(
      process.execPath,
      [join(REPOSITORY_ROOT, 'packages/db/bin/ladder-db.js'), 'migrate'],
      { env: isolatedEnvironment(variables), encoding: 'utf8' },
    );
    if (migrated.status !== 0)
      throw new Error(`migrate failed:\n${migrated.stdout}${migrated.stderr}`);
    const database = createDatabase(databaseUrl, { applicationName: 'bench', max: 2 });
    return {
      variables,
      databaseUrl,
      redisUrl,
      database,
      reports: new ReportsRepository(database.db),
      /** An isolated staging environment for one subject, with `extra` on top. */
      environment: (extra = {}) => isolatedEnvironment({ ...variables, ...extra }),
      down: async () => {
        await database.close();
        down();
      },
    };
  } catch (error) {
    down();
    throw error;
  }
}

/** Runs one comparison on a stack of its own (`node web-health.mjs`) and prints its line. */
export async function runAlone(compare) {
  const stack = await startStagingStack();
  try {
    process.stdout.write(`${await compare(stack)}\n`);
  } finally {
    await stack.down();
  }
}
