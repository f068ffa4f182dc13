import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Problem } from '../problems.js';
import { cleanValue, firstLayerSetting, whereSet, type Layer, type ValueOrigin } from './layers.js';

export interface ResolvedValue {
  value: string;
  origin: ValueOrigin;
  /** Set when the value was read from a file named by NAME_FILE. */
  secretFile?: string;
}

/**
 * The raw value of each variable after precedence: the first layer that sets NAME or NAME_FILE wins.
 * NAME_FILE=/path reads the value from a file (Docker and Kubernetes secrets); setting both NAME and
 * NAME_FILE anywhere is a problem, because which one wins would be a guess.
 */
export function resolveValues(
  layers: readonly Layer[],
  names: readonly string[],
  cwd: string,
): { values: Map<string, ResolvedValue>; problems: Problem[] } {
  const values = new Map<string, ResolvedValue>();
  const problems: Problem[] = [];
  for (const name of names) {
    const direct = firstLayerSetting(layers, name);
    const fromFile = firstLayerSetting(layers, `${name}_FILE`);
    if (direct && fromFile) {
      problems.push({
        variable: name,
        rule: 'value-or-file',
        message: `is set (${whereSet(direct.layer.origin)}) and so is ${name}_FILE (${whereSet(fromFile.layer.origin)})`,
        fix: `keep one: ${name}_FILE for a mounted secret, ${name} otherwise`,
      });
      continue;
    }
    if (direct) {
      values.set(name, { value: direct.value, origin: direct.layer.origin });
      continue;
    }
    if (fromFile) {
      const path = resolve(cwd, fromFile.value);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        problems.push({
          variable: `${name}_FILE`,
          rule: 'secret-file',
          message: `names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
          fix: `mount the secret at that path or correct ${name}_FILE`,
        });
        continue;
      }
      const value = cleanValue(text);
      if (value === undefined) {
        problems.push({
          variable: `${name}_FILE`,
          rule: 'secret-file',
          message: `names ${path}, which is empty`,
          fix: `write the value of ${name} into that file, or unset ${name}_FILE`,
        });
        continue;
      }
      values.set(name, { value, origin: fromFile.layer.origin, secretFile: path });
    }
  }
  return { values, problems };
}
