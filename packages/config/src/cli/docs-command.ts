import { relative } from 'node:path';
import { findDrift, writeGeneratedFiles } from '../docs/generated-files.js';
import { EXIT, type CommandOutput } from './output.js';

/**
 * `env:docs` rewrites docs/environment.md, the three .env.*.example files and turbo.json's env lists from the
 * schema; `env:docs --check` changes nothing and fails when any of them has drifted.
 */
export function docsCommand(root: string, check: boolean, output: CommandOutput): number {
  if (check) {
    const drift = findDrift(root);
    if (drift.length === 0) {
      output.out('docs/environment.md, the .env.*.example files and turbo.json match the schema');
      return EXIT.ok;
    }
    for (const line of drift) output.out(line);
    output.error('run `pnpm env:docs` and commit the result');
    return EXIT.problems;
  }
  const changed = writeGeneratedFiles(root);
  output.out(
    changed.length === 0
      ? 'already up to date'
      : `updated ${changed.map((path) => relative(root, path)).join(', ')}`,
  );
  return EXIT.ok;
}
