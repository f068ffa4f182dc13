import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  block,
  blocks,
  environmentNames,
  isBody,
  loadTerraform,
  rootPath,
  stringsIn,
  terraformRoot,
  type Body,
  type TerraformModule,
} from './terraform-files.js';

const terraform = await loadTerraform();
const environments = environmentNames();
const roots = environments.map((environment) => ({
  environment,
  root: moduleAt(rootPath(environment)),
}));
const sharedModules = [...terraform.values()].filter((module) =>
  module.path.startsWith('modules/'),
);
const composition = moduleAt('modules/environment');

function moduleAt(path: string): TerraformModule {
  const module = terraform.get(path);
  if (module === undefined) throw new Error(`infra/terraform/${path} holds no .tf file`);
  return module;
}

/** Every module a root uses, itself included, following module calls. */
function reachableFrom(start: TerraformModule): TerraformModule[] {
  const found = new Map<string, TerraformModule>([[start.path, start]]);
  for (const module of found.values())
    for (const call of module.calls.values()) found.set(call.target, moduleAt(call.target));
  return [...found.values()];
}

/** Provider names a module's resources and data sources use (`aws_s3_bucket` → `aws`). */
function providersUsedBy(module: TerraformModule): Set<string> {
  const addresses = [...module.resources.keys(), ...module.data.keys()];
  return new Set(addresses.map((address) => address.split('_')[0] ?? ''));
}

function requiredProviders(module: TerraformModule): Body {
  const declared: Body = {};
  for (const settings of module.settings)
    for (const providers of blocks(settings, 'required_providers'))
      Object.assign(declared, providers);
  return declared;
}

function sizing(): Record<string, Body> {
  const map = composition.locals.sizing;
  if (!isBody(map)) throw new Error('modules/environment declares no local sizing map');
  return Object.fromEntries(
    Object.entries(map).map(([name, size]) => [name, isBody(size) ? size : {}]),
  );
}

describe('OpenTofu roots, one per environment (infra/terraform/environments)', () => {
  it('has a root for staging and one for production', () => {
    expect(environments).toEqual(['production', 'staging']);
  });

  it('keeps each environment in its own state: an S3 backend key named for it, encrypted and locked', () => {
    const keys = roots.map(({ environment, root }) => {
      const backends = root.settings[0]?.backend;
      const backend = block(isBody(backends) ? backends : undefined, 's3');
      expect(backend, `${root.path} declares an s3 backend`).toBeDefined();
      expect(backend?.key).toMatch(new RegExp(`/${environment}/`));
      expect(backend?.encrypt).toBe(true);
      expect(backend?.use_lockfile).toBe(true);
      return backend?.key;
    });
    expect(new Set(keys).size).toBe(roots.length);
  });

  it.each(roots)(
    '$environment calls the shared modules/environment for its own environment',
    ({ environment, root }) => {
      expect([...root.resources.keys()]).toEqual([]);
      expect([...root.calls.keys()]).toEqual(['environment']);
      const call = root.calls.get('environment');
      expect(call?.target).toBe('modules/environment');
      expect(call?.environment).toBe('${local.environment}');
      expect(root.locals.environment).toBe(environment);
    },
  );

  it('lets the roots differ only in the environment name', () => {
    const [first, ...others] = roots;
    const normalized = ({
      environment,
      root,
    }: {
      environment: string;
      root: TerraformModule;
    }): Map<string, string> =>
      new Map(
        [...root.files].map(([name, text]) => [
          name,
          text.replaceAll(environment, '<environment>'),
        ]),
      );
    for (const other of others) expect(normalized(other)).toEqual(first && normalized(first));
  });

  it('composes every shared module, and each one lives in modules/', () => {
    const used = new Set(reachableFrom(moduleAt(rootPath('staging'))).map((module) => module.path));
    expect(sharedModules.map((module) => module.path).filter((path) => !used.has(path))).toEqual(
      [],
    );
    expect([...composition.calls.values()].map((call) => call.target).sort()).toEqual([
      'modules/bucket',
      'modules/database',
      'modules/dns',
      'modules/redis',
      'modules/secrets',
      'modules/workload-identity',
    ]);
  });

  it.each(roots)('$environment pins OpenTofu and every provider its modules use', ({ root }) => {
    expect(root.settings[0]?.required_version).toMatch(/^>= ?1\.\d+/);
    const pinned = requiredProviders(root);
    const used = new Set(reachableFrom(root).flatMap((module) => [...providersUsedBy(module)]));
    for (const provider of used) {
      const requirement = pinned[provider];
      expect(isBody(requirement) && requirement, `${provider} in required_providers`).toMatchObject(
        {
          source: `hashicorp/${provider}`,
          version: expect.stringMatching(/^~> \d+\.\d+$/),
        },
      );
    }
  });

  it.each(sharedModules)('$path declares the providers it uses and configures none', (module) => {
    const declared = requiredProviders(module);
    for (const provider of providersUsedBy(module))
      expect(Object.keys(declared)).toContain(provider);
    expect([...module.providers.keys()]).toEqual([]);
  });

  it.each(roots)('$environment tags every AWS resource with its environment', ({ root }) => {
    const tags = block(root.providers.get('aws')?.[0], 'default_tags')?.tags;
    expect(tags).toMatchObject({ Environment: '${local.environment}', Project: '${var.project}' });
  });

  it.each([...terraform.values()])('$path describes every variable and output', (module) => {
    for (const [name, variable] of module.variables) {
      expect(variable.description, `variable ${name}`).toEqual(expect.any(String));
      expect(variable.type, `variable ${name}`).toBeDefined();
    }
    for (const [name, output] of module.outputs)
      expect(output.description, `output ${name}`).toEqual(expect.any(String));
  });

  it('documents in infra/README.md where every root output goes', () => {
    const readme = readFileSync(join(terraformRoot, '..', 'README.md'), 'utf8');
    for (const { root } of roots)
      for (const name of root.outputs.keys())
        expect(readme.includes(`\`${name}\``), name).toBe(true);
  });
});

describe('the sizing map (modules/environment/sizing.tf)', () => {
  it('covers every environment with the same settings', () => {
    const map = sizing();
    expect(Object.keys(map).sort()).toEqual(environments);
    const settings = Object.values(map).map((size) => Object.keys(size).sort());
    for (const other of settings) expect(other).toEqual(settings[0]);
  });

  it('accepts exactly the environments it sizes', () => {
    const validation = block(composition.variables.get('environment'), 'validation');
    const accepted = /contains\(\[([^\]]*)\], var\.environment\)/.exec(
      stringsIn(validation?.condition).join(),
    );
    expect(accepted?.[1]?.match(/[\w-]+/g)?.sort()).toEqual(environments);
    expect(composition.locals.size).toBe('${local.sizing[var.environment]}');
  });

  it('protects production: multi-AZ database and Redis, deletion protection, a final snapshot', () => {
    expect(sizing().production).toMatchObject({
      multi_az: true,
      deletion_protection: true,
      final_snapshot: true,
      redis_replicas: expect.any(Number),
    });
    expect(sizing().production?.redis_replicas).toBeGreaterThanOrEqual(1);
  });

  it('hands those protections to the database and Redis', () => {
    const database = composition.calls.get('database');
    const redis = composition.calls.get('redis');
    for (const call of [database, redis]) {
      expect(call?.multi_az).toBe('${local.size.multi_az}');
      expect(call?.final_snapshot).toBe('${local.size.final_snapshot}');
    }
    expect(database?.deletion_protection).toBe('${local.size.deletion_protection}');
    expect(redis?.replicas).toBe('${local.size.redis_replicas}');

    const instance = moduleAt('modules/database').resources.get('aws_db_instance.this');
    expect(instance).toMatchObject({
      multi_az: '${var.multi_az}',
      deletion_protection: '${var.deletion_protection}',
      skip_final_snapshot: '${!var.final_snapshot}',
    });
    const group = moduleAt('modules/redis').resources.get('aws_elasticache_replication_group.this');
    expect(group).toMatchObject({
      num_cache_clusters: '${1 + var.replicas}',
      automatic_failover_enabled: '${var.replicas > 0}',
      multi_az_enabled: '${var.replicas > 0 && var.multi_az}',
      final_snapshot_identifier: expect.stringContaining('var.final_snapshot ?'),
    });
  });
});
