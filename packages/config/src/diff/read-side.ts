import { basename, join, resolve } from 'node:path';
import type { AppEnvironment } from '../environments.js';
import { chooseEnvironment } from '../loading/choose-environment.js';
import { readEnvFile } from '../loading/env-files.js';
import { readKustomization } from '../loading/kustomize-env.js';
import type { Layer } from '../loading/layers.js';
import { applyDefaults } from '../loading/parse-values.js';
import { resolveValues, type ResolvedValue } from '../loading/resolve-values.js';
import type { Problem } from '../problems.js';
import { VARIABLE_NAMES, type VariableName } from '../schema.js';

/** One side of a comparison: an env file or a kustomize overlay, and optionally where its secrets were written. */
export interface DiffSource {
  kind: 'file' | 'kustomize';
  path: string;
  /**
   * A folder holding the secrets as the deploy job writes them: each NAME_FILE is read from this folder under the
   * file name its path ends in, as a Kubernetes Secret volume lays them out. @default the paths as written
   */
  secrets?: string;
}

/** What one environment sets, and what it runs with once defaults apply. */
export interface DiffSide {
  source: DiffSource;
  environment: AppEnvironment | undefined;
  /** Values the file (and its secret files) set. */
  set: ReadonlyMap<VariableName, string>;
  /** Those plus this environment's defaults. */
  effective: ReadonlyMap<VariableName, string>;
  /** Anything that stopped a side from being read: a missing file, no APP_ENV, a missing secret in `secrets`. */
  problems: Problem[];
  /**
   * Secret files that could not be read when no `secrets` folder was given, as when CI compares the committed
   * configurations without any secret: those secrets are left out of the comparison, and said so.
   */
  skipped: Problem[];
}

function sourceLayers(source: DiffSource, cwd: string, problems: Problem[]): Layer[] {
  const path = resolve(cwd, source.path);
  if (source.kind === 'kustomize') {
    const overlay = readKustomization(path);
    problems.push(...overlay.problems);
    return overlay.layers;
  }
  const values = readEnvFile(path);
  if (values === undefined) {
    problems.push({
      variable: 'ENV_FILE',
      rule: 'env-file',
      message: `names ${path}, which does not exist`,
      fix: 'correct the path',
    });
    return [];
  }
  return [{ origin: { kind: 'file', path }, values }];
}

/** Points every NAME_FILE at the file of the same name inside `folder`. */
function withSecretsFrom(layers: Layer[], folder: string): Layer[] {
  return layers.map((layer) => ({
    origin: layer.origin,
    values: Object.fromEntries(
      Object.entries(layer.values).map(([name, value]) => [
        name,
        name.endsWith('_FILE') && value !== undefined
          ? join(folder, basename(value.trim()))
          : value,
      ]),
    ),
  }));
}

/** Reads one side as a pod would: the file or overlay, `*_FILE` secrets followed, the environment's defaults. */
export function readSide(source: DiffSource, cwd: string): DiffSide {
  const problems: Problem[] = [];
  let layers = sourceLayers(source, cwd, problems);
  if (source.secrets !== undefined) layers = withSecretsFrom(layers, resolve(cwd, source.secrets));
  const environment = layers.length === 0 ? undefined : chooseEnvironment(layers, problems);
  const resolved = resolveValues(layers, VARIABLE_NAMES, cwd);
  const skippable = (problem: Problem) =>
    source.secrets === undefined && problem.rule === 'secret-file';
  problems.push(...resolved.problems.filter((problem) => !skippable(problem)));
  const skipped = resolved.problems.filter(skippable);
  const raw = resolved.values as Map<VariableName, ResolvedValue>;
  const set = new Map([...raw].map(([name, { value }]) => [name, value]));
  const withDefaults = new Map(raw);
  if (environment !== undefined) {
    const reported = new Set(
      resolved.problems.map((problem) => problem.variable.replace(/_FILE$/, '')),
    );
    // A missing required variable is env:check's business; a comparison only needs what is there.
    applyDefaults(withDefaults, environment, reported, []);
  }
  const effective = new Map([...withDefaults].map(([name, { value }]) => [name, value]));
  return { source, environment, set, effective, problems, skipped };
}
