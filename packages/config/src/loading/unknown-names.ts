import type { Problem, Warning } from '../problems.js';
import { FEATURE_PREFIX, isVariableName, VARIABLE_NAMES } from '../schema.js';
import type { Layer } from './layers.js';

/** Variables the loader itself reads from the process environment; they configure where values come from. */
export const LOADER_VARIABLES = ['ENV_FILE', 'ENV_DIR'] as const;

function isKnown(name: string): boolean {
  return (
    isVariableName(name) ||
    (name.endsWith('_FILE') && isVariableName(name.slice(0, -'_FILE'.length)))
  );
}

function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      current.push(
        Math.min(
          (previous[column] ?? 0) + 1,
          (current[column - 1] ?? 0) + 1,
          (previous[column - 1] ?? 0) + cost,
        ),
      );
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

function suggestionFor(name: string): string {
  const closest = VARIABLE_NAMES.map((candidate) => ({
    candidate,
    distance: editDistance(name, candidate),
  })).sort((left, right) => left.distance - right.distance)[0];
  return closest !== undefined && closest.distance <= 3
    ? `did you mean ${closest.candidate}?`
    : 'remove it, or declare it in packages/config';
}

/**
 * Undeclared FEATURE_* variables are problems (a misspelt flag would silently keep its default); other unknown
 * names in .env files are warnings, since files may carry settings for other tools.
 */
export function checkUnknownNames(layers: readonly Layer[]): {
  problems: Problem[];
  warnings: Warning[];
} {
  const problems: Problem[] = [];
  const warnings: Warning[] = [];
  const seen = new Set<string>();
  for (const layer of layers) {
    for (const name of Object.keys(layer.values)) {
      if (isKnown(name) || seen.has(name)) continue;
      if (name.startsWith(FEATURE_PREFIX)) {
        seen.add(name);
        problems.push({
          variable: name,
          rule: 'unknown-feature-flag',
          message: 'is not a declared feature flag',
          fix: `${suggestionFor(name)} (flags are declared in packages/config/src/variables/features.ts)`,
        });
      } else if (layer.origin.kind === 'file') {
        seen.add(name);
        const isLoaderVariable = (LOADER_VARIABLES as readonly string[]).includes(name);
        warnings.push({
          variable: name,
          rule: isLoaderVariable ? 'loader-variable-in-file' : 'unknown-variable',
          message: `in ${layer.origin.path} is not read by the application`,
          fix: isLoaderVariable
            ? `set ${name} in the process environment instead`
            : suggestionFor(name),
        });
      }
    }
  }
  return { problems, warnings };
}
