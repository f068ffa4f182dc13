import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
  [field: string]: unknown;
}

export const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..', '..');
export const ENVIRONMENTS_FOLDER = join(REPOSITORY_ROOT, 'infra/environments');

/**
 * `kubectl kustomize <folder>`, parsed: every object the overlay would apply. kubectl carries kustomize and is
 * preinstalled on the project's machines; renders need no cluster.
 */
export function render(folder: string): KubernetesObject[] {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', folder], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        'kubectl is not on PATH: install it (it carries kustomize) to render overlays',
        { cause: error },
      );
    throw error;
  }
  return parseAllDocuments(output).map((document) => document.toJS() as KubernetesObject);
}
