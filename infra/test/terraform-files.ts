import { parse } from '@cdktf/hcl2json';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** One block body as @cdktf/hcl2json returns it: attributes, and nested blocks as arrays of bodies. */
export type Body = Record<string, unknown>;

/** Every `.tf` file of one folder (a root or a module), merged the way OpenTofu reads them. */
export interface TerraformModule {
  /** Folder relative to infra/terraform, e.g. `modules/bucket`. */
  readonly path: string;
  /** `.tf` file name → raw text. */
  readonly files: ReadonlyMap<string, string>;
  /** `type.name` → body. */
  readonly resources: ReadonlyMap<string, Body>;
  /** `type.name` → body. */
  readonly data: ReadonlyMap<string, Body>;
  /** Call name → body, `source` resolved to a folder relative to infra/terraform. */
  readonly calls: ReadonlyMap<string, Body & { readonly target: string }>;
  readonly variables: ReadonlyMap<string, Body>;
  readonly outputs: ReadonlyMap<string, Body>;
  readonly locals: Body;
  /** Provider name → its configuration blocks. */
  readonly providers: ReadonlyMap<string, Body[]>;
  /** The `terraform {}` blocks. */
  readonly settings: Body[];
}

export const terraformRoot = join(import.meta.dirname, '..', 'terraform');

export function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The single body of a nested block (`lifecycle`, `metadata`…), as hcl2json wraps each in an array. */
export function block(body: Body | undefined, name: string): Body | undefined {
  const value = body?.[name];
  const first: unknown = Array.isArray(value) ? value[0] : undefined;
  return isBody(first) ? first : undefined;
}

/** All bodies of a repeated nested block (`statement`, `parameter`…). */
export function blocks(body: Body | undefined, name: string): Body[] {
  const value = body?.[name];
  return Array.isArray(value) ? value.filter(isBody) : [];
}

/** Every string inside a value, however deeply nested. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (isBody(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Names referenced as `<kind>.<name>` (kind `var`, `local`, `module`…) anywhere in a value. */
export function referencedNames(value: unknown, kind: string): string[] {
  const pattern = new RegExp(`\\b${kind}\\.([A-Za-z_][\\w-]*)`, 'g');
  return stringsIn(value).flatMap((text) =>
    [...text.matchAll(pattern)].map((match) => match[1] ?? ''),
  );
}

function entries(section: unknown): [string, Body][] {
  if (!isBody(section)) return [];
  return Object.entries(section).flatMap(([name, bodies]) =>
    Array.isArray(bodies) && isBody(bodies[0]) ? [[name, bodies[0]] as [string, Body]] : [],
  );
}

function typedEntries(section: unknown): [string, Body][] {
  if (!isBody(section)) return [];
  return Object.entries(section).flatMap(([type, named]) =>
    entries(named).map(([name, body]) => [`${type}.${name}`, body] as [string, Body]),
  );
}

async function loadModule(folder: string): Promise<TerraformModule> {
  const path = relative(terraformRoot, folder);
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.tf'))
    .sort();
  const files = new Map(names.map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
  const resources = new Map<string, Body>();
  const data = new Map<string, Body>();
  const calls = new Map<string, Body & { target: string }>();
  const variables = new Map<string, Body>();
  const outputs = new Map<string, Body>();
  const providers = new Map<string, Body[]>();
  const settings: Body[] = [];
  const locals: Body = {};

  for (const [name, text] of files) {
    const parsed = await parse(join(path, name), text);
    for (const [key, body] of typedEntries(parsed.resource)) resources.set(key, body);
    for (const [key, body] of typedEntries(parsed.data)) data.set(key, body);
    for (const [key, body] of entries(parsed.variable)) variables.set(key, body);
    for (const [key, body] of entries(parsed.output)) outputs.set(key, body);
    for (const [key, body] of entries(parsed.module)) {
      const source = typeof body.source === 'string' ? body.source : '';
      calls.set(key, { ...body, target: relative(terraformRoot, resolve(folder, source)) });
    }
    if (isBody(parsed.provider))
      for (const [key, bodies] of Object.entries(parsed.provider))
        providers.set(key, [
          ...(providers.get(key) ?? []),
          ...(Array.isArray(bodies) ? bodies.filter(isBody) : []),
        ]);
    settings.push(...blocks(parsed, 'terraform'));
    for (const body of blocks(parsed, 'locals')) Object.assign(locals, body);
  }
  return { path, files, resources, data, calls, variables, outputs, locals, providers, settings };
}

function foldersWithTerraform(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tf'))
    .map((entry) => entry.parentPath)
    .filter((parent, index, all) => all.indexOf(parent) === index && !parent.includes('.terraform'))
    .sort();
}

/** Every root and module under infra/terraform, by folder (`environments/staging`, `modules/bucket`…). */
export async function loadTerraform(): Promise<Map<string, TerraformModule>> {
  const modules = await Promise.all(foldersWithTerraform(terraformRoot).map(loadModule));
  return new Map(modules.map((module) => [module.path, module]));
}

/** Names of the environment roots (`staging`, `production`). */
export function environmentNames(): string[] {
  return readdirSync(join(terraformRoot, 'environments'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The folder of a root, relative to infra/terraform. */
export function rootPath(environment: string): string {
  return join('environments', environment);
}
