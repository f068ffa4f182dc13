import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Problem } from '../problems.js';
import type { Layer } from './layers.js';

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Problems about the kustomization itself, not about one variable. */
const KUSTOMIZATION = 'KUSTOMIZATION';

interface Entry {
  name: string;
  value: string;
  where: string;
}

function literalProblems({ name, value, where }: Entry): Problem[] {
  const problems: Problem[] = [];
  if (/^(["']).*\1$/s.test(value.trim())) {
    problems.push({
      variable: name,
      rule: 'kustomize-literal',
      message: `is quoted ${where}; kustomize keeps quotes, so the pods would receive them as part of the value`,
      fix: `write ${name}=value without quotes`,
    });
  }
  if (/\s#/.test(value)) {
    problems.push({
      variable: name,
      rule: 'kustomize-literal',
      message: `has " #" ${where}; kustomize has no inline comments, so the pods would receive the comment as part of the value`,
      fix: 'move the comment to a line of its own',
    });
  }
  return problems;
}

/**
 * An env file read the way kustomize's configMapGenerator reads it (sigs.k8s.io/kustomize/api/kv): a BOM and
 * `\r` line ends dropped, leading white space trimmed, `#` lines and blank lines skipped, then NAME=value split
 * at the first `=` with the value kept literally — no quote stripping, no inline comments, trailing spaces kept.
 */
export function parseKustomizeEnv(
  text: string,
  file: string,
): { entries: Entry[]; problems: Problem[] } {
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((rawLine, index) => {
      const line = rawLine.replace(/\r$/, '').trimStart();
      if (line === '' || line.startsWith('#')) return;
      const where = `in ${file}:${index + 1}`;
      const equals = line.indexOf('=');
      const name = equals === -1 ? line : line.slice(0, equals);
      const variable = VARIABLE_NAME.test(name.trim()) ? name.trim() : KUSTOMIZATION;
      if (equals === -1) {
        problems.push({
          variable,
          rule: 'kustomize-env',
          message: `has no "=" ${where}; kustomize would give it an empty value or copy it from whoever renders the manifests`,
          fix: 'write NAME=value, or remove the line',
        });
      } else if (!VARIABLE_NAME.test(name)) {
        problems.push({
          variable,
          rule: 'kustomize-env',
          message: `is not a plain variable name ${where} ("${name}"); kustomize keeps it as written, spaces included`,
          fix: 'write NAME=value with no space around "="',
        });
      } else {
        const entry = { name, value: line.slice(equals + 1), where };
        entries.push(entry);
        problems.push(...literalProblems(entry));
      }
    });
  return { entries, problems };
}

function findKustomization(folder: string): string | undefined {
  return KUSTOMIZATION_NAMES.map((name) => join(folder, name)).find((path) => existsSync(path));
}

interface Generator {
  envs?: unknown;
  env?: unknown;
  literals?: unknown;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

/**
 * What a kustomization's configMapGenerators give the pods: every `envs` file read with kustomize's rules, and
 * every `literals` entry. One layer per file, in order; a name that two sources set is a problem, as it is for
 * kustomize. Secrets are not here: they arrive as files named by NAME_FILE, read as usual.
 */
export function readKustomization(folder: string): {
  layers: Layer[];
  problems: Problem[];
} {
  const kustomization = findKustomization(folder);
  if (kustomization === undefined) {
    return {
      layers: [],
      problems: [
        {
          variable: KUSTOMIZATION,
          rule: 'kustomize-env',
          message: `${folder} holds no kustomization.yaml`,
          fix: 'pass the folder of the overlay, e.g. infra/environments/production',
        },
      ],
    };
  }
  const document = parseYaml(readFileSync(kustomization, 'utf8')) as {
    configMapGenerator?: Generator[];
  } | null;
  const generators = document?.configMapGenerator ?? [];
  const layers: Layer[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  const add = (path: string, entries: Entry[]): void => {
    const values: Record<string, string> = {};
    for (const entry of entries) {
      const earlier = seen.get(entry.name);
      if (earlier !== undefined) {
        problems.push({
          variable: entry.name,
          rule: 'kustomize-env',
          message: `is set ${entry.where} and again ${earlier}; kustomize refuses to build a ConfigMap that repeats a key`,
          fix: 'keep one of them',
        });
        continue;
      }
      seen.set(entry.name, entry.where);
      values[entry.name] = entry.value;
    }
    layers.push({ origin: { kind: 'file', path }, values });
  };
  for (const generator of generators) {
    for (const envFile of [...strings(generator.envs), ...strings(generator.env)]) {
      const path = resolve(folder, envFile);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        problems.push({
          variable: KUSTOMIZATION,
          rule: 'kustomize-env',
          message: `names ${path}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
          fix: 'correct the envs entry of the configMapGenerator',
        });
        continue;
      }
      const parsed = parseKustomizeEnv(text, path);
      problems.push(...parsed.problems);
      add(path, parsed.entries);
    }
    // Unlike env files, literals lose one pair of surrounding quotes (kustomize's parseLiteralSource).
    const literals = strings(generator.literals).map((literal) => {
      const equals = literal.indexOf('=');
      return {
        name: equals === -1 ? literal : literal.slice(0, equals),
        value: equals === -1 ? '' : literal.slice(equals + 1).replace(/^(["'])(.*)\1$/s, '$2'),
        where: `in the literals of ${kustomization}`,
      };
    });
    if (literals.length > 0) add(kustomization, literals);
  }
  if (layers.length === 0 && problems.length === 0) {
    problems.push({
      variable: KUSTOMIZATION,
      rule: 'kustomize-env',
      message: `${kustomization} has no configMapGenerator with envs or literals, so the pods would get no configuration`,
      fix: 'add a configMapGenerator whose envs lists the config.env file',
    });
  }
  return { layers, problems };
}
