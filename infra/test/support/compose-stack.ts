import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@repo/testing/ports';
import { REPOSITORY_ROOT } from './kustomize.js';

export const COMPOSE_FOLDER = join(REPOSITORY_ROOT, 'infra/compose');

export interface CommandResult {
  code: number;
  stdout: string;
  output: string;
}

/** Runs the docker CLI; resolves with its exit code and output whatever the outcome. */
export function docker(args: readonly string[]): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile('docker', args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout: stdout.trim(), output: `${stdout}${stderr}` });
    });
  });
}

export async function dockerOrFail(args: readonly string[]): Promise<string> {
  const result = await docker(args);
  if (result.code !== 0)
    throw new Error(
      `docker ${args.join(' ')} exited ${result.code}:\n${result.output.slice(-6_000)}`,
    );
  return result.stdout;
}

/** `.env` text; values here never contain newlines. */
const envText = (values: Record<string, string>): string =>
  Object.entries(values)
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');

export type Environment = 'staging' | 'production';

/**
 * One shipped stack (`compose.yaml` + `compose.<environment>.yaml`) under its own project, with its own secret
 * files and free loopback ports. Variables reach compose through an env file, never a command line. The project
 * name carries this process's id, so the test helpers' orphan sweep removes a stack a killed run left behind.
 */
export class ComposeStack {
  readonly project = `ladder-test-${process.pid}-${randomBytes(3).toString('hex')}`;
  readonly host: string;
  readonly postgresPassword = randomBytes(12).toString('hex');
  readonly secretKey = randomBytes(48).toString('base64');
  private readonly folder = mkdtempSync(join(tmpdir(), 'ladder-compose-'));
  webPort = 0;
  managementPort = 0;

  constructor(
    readonly environment: Environment,
    private readonly images: { web: string; worker: string },
  ) {
    this.host = `${environment}.example.com`;
  }

  get network(): string {
    return `${this.project}_default`;
  }

  get webUrl(): string {
    return `http://127.0.0.1:${this.webPort}`;
  }

  get managementUrl(): string {
    return `http://127.0.0.1:${this.managementPort}`;
  }

  containerName(service: string): string {
    return `${this.project}-${service}-1`;
  }

  /**
   * The IP address of one of this stack's services on its network. Not the container name: that carries the
   * project name, whose "test" the config's resource-environment rule would refuse before any stamp is read.
   */
  async address(service: string): Promise<string> {
    return dockerOrFail([
      'inspect',
      '--format',
      `{{(index .NetworkSettings.Networks "${this.network}").IPAddress}}`,
      this.containerName(service),
    ]);
  }

  async up(): Promise<void> {
    [this.webPort, this.managementPort] = [await freePort(), await freePort()];
    const secrets = join(this.folder, 'secrets');
    mkdirSync(secrets, { recursive: true });
    // Readable by the containers' users, as the file headers ask (umask 022).
    const write = (name: string, value: string) =>
      writeFileSync(join(secrets, name), value, { mode: 0o444 });
    write('postgres_password', this.postgresPassword);
    write('database_url', `postgres://ladder:${this.postgresPassword}@postgres:5432/ladder`);
    write('secret_key', this.secretKey);
    writeFileSync(
      join(this.folder, 'compose.env'),
      envText({
        PUBLIC_HOST: this.host,
        LADDER_SECRETS_DIR: secrets,
        LADDER_WEB_IMAGE: this.images.web,
        LADDER_WORKER_IMAGE: this.images.worker,
        LADDER_ENV_FILE: join(this.folder, 'none.env'),
        WEB_HOST_PORT: String(this.webPort),
        MANAGEMENT_HOST_PORT: String(this.managementPort),
      }),
    );
    await dockerOrFail([...this.compose(), 'up', '--no-build', '--wait', '--wait-timeout', '180']);
  }

  compose(): string[] {
    return [
      'compose',
      '--project-name',
      this.project,
      '--project-directory',
      COMPOSE_FOLDER,
      '--env-file',
      join(this.folder, 'compose.env'),
      '--file',
      join(COMPOSE_FOLDER, 'compose.yaml'),
      '--file',
      join(COMPOSE_FOLDER, `compose.${this.environment}.yaml`),
    ];
  }

  /** Containers, network, volumes and the secret files: always call it, even after a failed start. */
  async down(): Promise<void> {
    await docker([...this.compose(), 'down', '--volumes', '--timeout', '5']);
    rmSync(this.folder, { recursive: true, force: true });
  }

  /** Writes `values` to an env file for `docker run --env-file`, so no value appears on a command line. */
  envFile(name: string, values: Record<string, string>): string {
    const path = join(this.folder, `${name}.env`);
    writeFileSync(path, envText(values), { mode: 0o600 });
    return path;
  }
}
