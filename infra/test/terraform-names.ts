import { basename } from 'node:path';
import {
  block,
  referencedNames,
  stringsIn,
  type Body,
  type TerraformModule,
} from './terraform-files.js';

/** Where each resource type keeps its name (`metadata.name` is the name inside the metadata block). */
export const namingAttributes: Readonly<Record<string, string>> = {
  aws_db_instance: 'identifier',
  aws_db_parameter_group: 'name',
  aws_db_subnet_group: 'name',
  aws_eks_pod_identity_association: 'namespace',
  aws_elasticache_parameter_group: 'name',
  aws_elasticache_replication_group: 'replication_group_id',
  aws_elasticache_subnet_group: 'name',
  aws_iam_role: 'name',
  aws_iam_role_policy: 'name',
  aws_s3_bucket: 'bucket',
  aws_secretsmanager_secret: 'name',
  aws_security_group: 'name',
  kubernetes_namespace_v1: 'metadata.name',
};

/** Types without a name of their own: each configures a named resource above, or is a generated value. */
export const unnamedTypes: ReadonlySet<string> = new Set([
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_policy',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_versioning',
  'aws_secretsmanager_secret_version',
  'aws_vpc_security_group_ingress_rule',
  // The public host is the team's choice (production is usually app.example.com), given per root.
  'aws_route53_record',
  'random_password',
]);

export function namingValue(type: string, body: Body): unknown {
  const attribute = namingAttributes[type];
  if (attribute === undefined) return undefined;
  const [first, second] = attribute.split('.');
  return second === undefined ? body[first ?? ''] : block(body, first ?? '')?.[second];
}

/**
 * Whether a value is derived from the environment's name: it references a local, a variable or a resource whose
 * value is, up to the literal environment name in a root (`locals { environment = "staging" }`). A variable
 * counts only when every module call passes it such a value.
 */
export function carriesEnvironment(
  all: ReadonlyMap<string, TerraformModule>,
  module: TerraformModule,
  value: unknown,
  seen: ReadonlySet<string> = new Set(),
): boolean {
  const followed = (key: string): boolean => seen.has(key);
  const next = (key: string): Set<string> => new Set([...seen, key]);

  if (module.path.startsWith('environments/')) {
    const environment = basename(module.path);
    if (stringsIn(value).some((text) => text.replace(/\$\{[^}]*\}/g, '').includes(environment)))
      return true;
  }
  for (const name of referencedNames(value, 'local')) {
    const key = `${module.path}:local.${name}`;
    if (!followed(key) && carriesEnvironment(all, module, module.locals[name], next(key)))
      return true;
  }
  for (const name of referencedNames(value, 'var')) {
    const key = `${module.path}:var.${name}`;
    const callers = [...all.values()].flatMap((caller) =>
      [...caller.calls.values()]
        .filter((call) => call.target === module.path)
        .map((call) => ({ caller, argument: call[name] })),
    );
    if (
      !followed(key) &&
      callers.length > 0 &&
      callers.every(({ caller, argument }) => carriesEnvironment(all, caller, argument, next(key)))
    )
      return true;
  }
  for (const [address, body] of module.resources) {
    const key = `${module.path}:${address}`;
    const type = address.split('.')[0] ?? '';
    if (
      !followed(key) &&
      stringsIn(value).some((text) => text.includes(`${address}.`)) &&
      carriesEnvironment(all, module, namingValue(type, body), next(key))
    )
      return true;
  }
  return false;
}
