import { join } from 'node:path';
import { REPOSITORY_ROOT } from './repository.js';

/**
 * Node's arguments for starting an app of this checkout as production does (its start script, the images' CMD):
 * the bundled tracing entry with `--import`, then the bundled main. The paths are absolute, and the checkout is
 * mounted at the same path in stack containers, so the same arguments serve a local process and a container.
 */
export function appCommand(app: 'web' | 'worker'): string[] {
  const bundle = join(REPOSITORY_ROOT, 'apps', app, 'dist', 'bundle');
  return ['--import', join(bundle, 'instrumentation.js'), join(bundle, 'main.js')];
}
