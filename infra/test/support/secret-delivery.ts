import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { KubernetesObject } from './kustomize.js';
import { action } from './workflows.js';

/** The Secret the roll-out action generates from the secret files (`kustomize edit add secret <name>`). */
export const SECRET_NAME = 'ladder-secrets';

/** One file the secret-files action wrote. */
export interface SecretFile {
  content: string;
  mode: number;
}

export interface SecretFilesRun {
  status: number | null;
  output: string;
  /** File name → content and permission bits, as the roll-out action would find them. */
  files: Map<string, SecretFile>;
  /** Each `sudo …` command line, recorded instead of run. */
  sudo: string[];
}

/**
 * Runs the secret-files action's script as GitHub runs a `shell: bash` step (`bash --noprofile --norc -eo
 * pipefail`), with `env` in place of its step environment, in an empty workspace. `sudo` is a stand-in that only
 * records its arguments, so nothing outside the workspace changes.
 */
export function runSecretFiles(env: Record<string, string>): SecretFilesRun {
  const step = action('secret-files').content.runs.steps[0];
  if (step?.run === undefined) throw new Error('the secret-files action has no script');
  const workspace = mkdtempSync(join(tmpdir(), 'secret-files-'));
  const bin = join(workspace, 'bin');
  mkdirSync(bin);
  const sudoLog = join(workspace, 'sudo.log');
  writeFileSync(join(bin, 'sudo'), `#!/bin/sh\necho "$*" >> '${sudoLog}'\n`);
  chmodSync(join(bin, 'sudo'), 0o755);
  const script = join(workspace, 'step.sh');
  writeFileSync(script, step.run);

  try {
    return runIn(workspace, bin, script, sudoLog, env);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

function runIn(
  workspace: string,
  bin: string,
  script: string,
  sudoLog: string,
  env: Record<string, string>,
): SecretFilesRun {
  const manifests = 'infra/environments/staging';
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd: workspace,
    encoding: 'utf8',
    // The Node that runs the tests runs the action's script too (a runner has Node 24 from .nvmrc).
    env: {
      PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`,
      MANIFESTS: manifests,
      ...env,
    },
  });
  const folder = join(workspace, manifests, 'secrets');
  const names = result.status === 0 ? readdirSync(folder) : [];
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
    files: new Map(
      names.map((name) => [
        name,
        {
          content: readFileSync(join(folder, name), 'utf8'),
          mode: statSync(join(folder, name)).mode & 0o777,
        },
      ]),
    ),
    sudo: readFileSafely(sudoLog)
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => line.replaceAll(workspace, '<workspace>')),
  };
}

function readFileSafely(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** A key of the Secret that an object reads, and where. */
export interface SecretReference {
  key: string;
  where: string;
}

interface Volume {
  name: string;
  secret?: { secretName: string; items?: { key: string }[] };
}
interface Container {
  name: string;
  volumeMounts?: { name: string; mountPath: string }[];
}

/** Every `secretKeyRef` with its `name` and `key`, however deep in an object. */
function secretKeyRefs(value: unknown): { name: string; key: string }[] {
  if (Array.isArray(value)) return value.flatMap(secretKeyRefs);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([field, inner]) =>
    field === 'secretKeyRef' ? [inner as { name: string; key: string }] : secretKeyRefs(inner),
  );
}

function podSpecOf(
  object: KubernetesObject,
): { volumes?: Volume[]; containers: Container[] } | undefined {
  const spec = object.spec as
    { template?: { spec?: { volumes?: Volume[]; containers: Container[] } } } | undefined;
  return spec?.template?.spec;
}

/**
 * Where the Secret is mounted whole (every key a file), by workload: the apps find those files through the
 * `*_FILE` variables of their configuration.
 */
export function secretMounts(objects: KubernetesObject[]): { where: string; path: string }[] {
  return objects.flatMap((object) => {
    const spec = podSpecOf(object);
    const volumes = (spec?.volumes ?? []).filter(
      (volume) => volume.secret?.secretName === SECRET_NAME && volume.secret.items === undefined,
    );
    return (spec?.containers ?? []).flatMap((container) =>
      (container.volumeMounts ?? [])
        .filter((mount) => volumes.some((volume) => volume.name === mount.name))
        .map((mount) => ({
          where: `${object.kind} ${object.metadata.name} (${container.name})`,
          path: mount.mountPath,
        })),
    );
  });
}

/**
 * Every key of the Secret that a rendered overlay reads: `secretKeyRef`s, selected volume items, KEDA's
 * TriggerAuthentication keys, and the files under a whole-Secret mount that a `*_FILE` variable of the rendered
 * ConfigMaps names.
 */
export function referencedSecretKeys(objects: KubernetesObject[]): SecretReference[] {
  const references: SecretReference[] = [];
  for (const object of objects) {
    const where = `${object.kind} ${object.metadata.name}`;
    for (const ref of secretKeyRefs(object.spec))
      if (ref.name === SECRET_NAME) references.push({ key: ref.key, where });
    for (const volume of podSpecOf(object)?.volumes ?? [])
      if (volume.secret?.secretName === SECRET_NAME)
        for (const item of volume.secret.items ?? []) references.push({ key: item.key, where });
    if (object.kind === 'TriggerAuthentication')
      for (const target of (object.spec as { secretTargetRef?: { name: string; key: string }[] })
        .secretTargetRef ?? [])
        if (target.name === SECRET_NAME) references.push({ key: target.key, where });
  }
  const mountPaths = new Set(secretMounts(objects).map((mount) => mount.path));
  for (const configMap of objects.filter((object) => object.kind === 'ConfigMap'))
    for (const [name, value] of Object.entries((configMap.data ?? {}) as Record<string, string>))
      for (const path of mountPaths)
        if (name.endsWith('_FILE') && value.startsWith(`${path}/`))
          references.push({
            key: value.slice(path.length + 1),
            where: `${name} in ConfigMap ${configMap.metadata.name}`,
          });
  return references;
}

/**
 * Secrets config.env offers as commented-out `# NAME_FILE=<path>` lines (Stripe, SMTP): a team enables one by
 * uncommenting its line, so the action may write those files before any manifest reads them.
 */
export function optionalSecretFiles(configEnv: string, mountPath: string): string[] {
  return [...configEnv.matchAll(/^#\s*[A-Z][A-Z0-9_]*_FILE=(\S+)$/gm)]
    .map((match) => match[1] ?? '')
    .filter((path) => path.startsWith(`${mountPath}/`))
    .map((path) => path.slice(mountPath.length + 1));
}
