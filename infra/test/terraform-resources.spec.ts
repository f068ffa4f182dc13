import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import {
  block,
  blocks,
  isBody,
  loadTerraform,
  stringsIn,
  terraformRoot,
  type TerraformModule,
} from './terraform-files.js';
import {
  carriesEnvironment,
  namingAttributes,
  namingValue,
  unnamedTypes,
} from './terraform-names.js';

const terraform = await loadTerraform();
const resources = [...terraform.values()].flatMap((module) =>
  [...module.resources].map(([address, body]) => ({
    module,
    address,
    body,
    type: address.split('.')[0] ?? '',
    label: `${module.path}: ${address}`,
  })),
);

function moduleAt(path: string): TerraformModule {
  const module = terraform.get(path);
  if (module === undefined) throw new Error(`infra/terraform/${path} holds no .tf file`);
  return module;
}

/** Every file OpenTofu reads here, including the committed inputs (terraform.tfvars). */
const sourceFiles = readdirSync(terraformRoot, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(tf|tfvars)$/.test(file) && !file.includes('.terraform/'))
  .map((file) => ({ file, text: readFileSync(join(terraformRoot, file), 'utf8') }));

/** [attribute name, value] of every attribute in a parsed file, nested blocks included. */
function attributes(value: unknown): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap(attributes);
  if (!isBody(value)) return [];
  return Object.entries(value).flatMap(([name, inner]) => [
    [name, inner] as [string, unknown],
    ...attributes(inner),
  ]);
}

describe('resource names', () => {
  it('knows where every resource type keeps its name', () => {
    const unknown = resources.filter(
      ({ type }) => namingAttributes[type] === undefined && !unnamedTypes.has(type),
    );
    expect(unknown.map(({ label }) => label)).toEqual([]);
  });

  // [label, resource] pairs: a `$label` title would be cut at 40 characters.
  it.each(
    resources
      .filter(({ type }) => namingAttributes[type] !== undefined)
      .map((resource) => [resource.label, resource] as const),
  )('%s carries the environment in its name', (_label, { module, type, body }) => {
    expect(carriesEnvironment(terraform, module, namingValue(type, body))).toBe(true);
  });
});

describe('the bucket (modules/bucket)', () => {
  const bucket = moduleAt('modules/bucket');

  it('is the only bucket, one per environment', () => {
    expect(
      resources.filter(({ type }) => type === 'aws_s3_bucket').map(({ label }) => label),
    ).toEqual(['modules/bucket: aws_s3_bucket.this']);
    expect(bucket.resources.get('aws_s3_bucket.this')?.force_destroy).not.toBe(true);
  });

  it('is versioned', () => {
    const versioning = bucket.resources.get('aws_s3_bucket_versioning.this');
    expect(versioning?.bucket).toBe('${aws_s3_bucket.this.id}');
    expect(block(versioning, 'versioning_configuration')?.status).toBe('Enabled');
  });

  it('is encrypted at rest', () => {
    const encryption = bucket.resources.get(
      'aws_s3_bucket_server_side_encryption_configuration.this',
    );
    expect(encryption?.bucket).toBe('${aws_s3_bucket.this.id}');
    const rule = block(block(encryption, 'rule'), 'apply_server_side_encryption_by_default');
    expect(rule?.sse_algorithm).toMatch(/^(aws:kms|aws:kms:dsse|AES256)$/);
  });

  it('blocks every form of public access and refuses plain HTTP', () => {
    const publicAccess = bucket.resources.get('aws_s3_bucket_public_access_block.this');
    expect(publicAccess).toMatchObject({
      bucket: '${aws_s3_bucket.this.id}',
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const [statement] = blocks(bucket.data.get('aws_iam_policy_document.tls_only'), 'statement');
    expect(statement).toMatchObject({ effect: 'Deny' });
    expect(blocks(statement, 'condition')).toContainEqual(
      expect.objectContaining({ variable: 'aws:SecureTransport', values: ['false'] }),
    );
  });
});

describe('Redis (modules/redis)', () => {
  it('uses a parameter group with maxmemory-policy noeviction, as readiness requires', () => {
    const redis = moduleAt('modules/redis');
    const parameters = blocks(
      redis.resources.get('aws_elasticache_parameter_group.this'),
      'parameter',
    );
    expect(parameters).toContainEqual({ name: 'maxmemory-policy', value: 'noeviction' });
    expect(redis.resources.get('aws_elasticache_replication_group.this')).toMatchObject({
      parameter_group_name: '${aws_elasticache_parameter_group.this.name}',
      transit_encryption_enabled: true,
      at_rest_encryption_enabled: true,
    });
  });
});

describe('workload identity (modules/workload-identity)', () => {
  const identity = moduleAt('modules/workload-identity');
  const composition = moduleAt('modules/environment');

  it('gives web and worker each a role of its own, bound to its service account by name', () => {
    expect(composition.locals.service_accounts).toEqual({
      web: '${var.project}-web',
      worker: '${var.project}-worker',
    });
    expect(composition.calls.get('workload_identity')?.service_accounts).toBe(
      '${local.service_accounts}',
    );
    for (const address of [
      'aws_iam_role.workload',
      'aws_iam_role_policy.bucket',
      'aws_eks_pod_identity_association.workload',
    ])
      expect(identity.resources.get(address)?.for_each, address).toBe('${var.service_accounts}');
    expect(identity.resources.get('aws_eks_pod_identity_association.workload')).toMatchObject({
      service_account: '${each.value}',
      role_arn: '${aws_iam_role.workload[each.key].arn}',
    });
  });

  it("lets each role be assumed only by its own service account's pods", () => {
    const [statement] = blocks(identity.data.get('aws_iam_policy_document.trust'), 'statement');
    expect(blocks(statement, 'principals')).toEqual([
      { type: 'Service', identifiers: ['pods.eks.amazonaws.com'] },
    ]);
    expect(blocks(statement, 'condition')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          variable: 'aws:RequestTag/kubernetes-namespace',
          values: ['${var.namespace}'],
        }),
        expect.objectContaining({
          variable: 'aws:RequestTag/kubernetes-service-account',
          values: ['${each.value}'],
        }),
      ]),
    );
  });

  it("limits each role to the environment's bucket", () => {
    expect(composition.calls.get('workload_identity')?.bucket_arn).toBe('${module.bucket.arn}');
    expect(moduleAt('modules/bucket').outputs.get('arn')?.value).toBe('${aws_s3_bucket.this.arn}');
    expect(identity.resources.get('aws_iam_role_policy.bucket')?.policy).toBe(
      '${data.aws_iam_policy_document.bucket.json}',
    );
    const statements = blocks(identity.data.get('aws_iam_policy_document.bucket'), 'statement');
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.effect ?? 'Allow').toBe('Allow');
      for (const resource of stringsIn(statement.resources))
        expect(['${var.bucket_arn}', '${var.bucket_arn}/*']).toContain(resource);
      for (const action of stringsIn(statement.actions)) expect(action).toMatch(/^s3:[A-Za-z]+$/);
    }
    const attachments = resources.filter(
      ({ type }) => type.startsWith('aws_iam_') && type.includes('attachment'),
    );
    expect(attachments.map(({ label }) => label)).toEqual([]);
  });
});

describe('secrets', () => {
  it('stores the secret key, DATABASE_URL and REDIS_URL in the secret store under <project>/<environment>/', () => {
    const secrets = moduleAt('modules/secrets');
    expect(secrets.resources.get('aws_secretsmanager_secret.this')?.name).toBe(
      '${var.prefix}/${each.key}',
    );
    const call = moduleAt('modules/environment').calls.get('secrets');
    expect(call?.prefix).toBe('${var.project}/${var.environment}');
    expect(call?.values).toEqual({
      'secret-key': '${random_password.secret_key.result}',
      'database-url': '${module.database.url}',
      'redis-url': '${module.redis.url}',
    });
  });

  it.each(sourceFiles)('$file holds no literal secret', async ({ file, text }) => {
    expect(text).not.toMatch(
      /AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|:\/\/[^:/\s$]+:[^@\s$]+@/,
    );
    const literals = attributes(await parse(file, text)).filter(
      ([name, value]) =>
        /password|secret|token|private_key|access_key/i.test(name) &&
        typeof value === 'string' &&
        !value.includes('${'),
    );
    expect(literals).toEqual([]);
  });

  it.each([...terraform.values()])(
    '$path marks every output that carries a secret sensitive',
    (module) => {
      const secretSources = /random_password\.|module\.(database|redis)\.url|var\.values/;
      for (const [name, output] of module.outputs)
        if (stringsIn(output.value).some((text) => secretSources.test(text)))
          expect(output.sensitive, `output ${name}`).toBe(true);
    },
  );

  it('lets no secret out of a root: the deploy reads them from the secret store', () => {
    for (const module of terraform.values())
      if (module.path.startsWith('environments/') || module.path === 'modules/environment')
        for (const [name, output] of module.outputs)
          expect(output.sensitive, `${module.path}: output ${name}`).toBeUndefined();
  });
});
