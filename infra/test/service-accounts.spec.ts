import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS_FOLDER, render, type KubernetesObject } from './support/kustomize.js';
import { egressAllows, podOf } from './support/network-policies.js';
import { isBody, loadTerraform, rootPath, type TerraformModule } from './terraform-files.js';

/**
 * Each workload's service account has two halves: the account, which the cluster templates create, and its cloud
 * role, which infra/terraform binds to the account by namespace and name (EKS Pod Identity). Nothing checks the
 * names against each other at deploy time: a mismatch leaves the pods without credentials, and they find out on
 * their first S3 call. These tests read both sides (the HCL through @cdktf/hcl2json, the overlays rendered).
 */

const ENVIRONMENTS = ['staging', 'production'] as const;
/** The EKS Pod Identity agent's address on every node (IPv4 and IPv6), where the SDK asks for credentials. */
const POD_IDENTITY_AGENT = ['169.254.170.23', 'fd00:ec2::23'];

const terraform = await loadTerraform();

function moduleAt(path: string): TerraformModule {
  const module = terraform.get(path);
  if (module === undefined) throw new Error(`infra/terraform/${path} holds no .tf file`);
  return module;
}

/**
 * Evaluates the string interpolations these modules use for names: `${var.x}` from the given variables and
 * `${local.x}` from the module's locals, recursively. Anything else stays as written, so a test fails on it.
 */
function evaluate(
  text: unknown,
  module: TerraformModule,
  variables: Record<string, string>,
): string {
  if (typeof text !== 'string') throw new Error(`${module.path}: not a string: ${String(text)}`);
  const whole = /^\$\{(var|local)\.([\w-]+)\}$/.exec(text);
  const lookup = (kind: string, name: string): string =>
    kind === 'var'
      ? (variables[name] ?? `\${var.${name}}`)
      : evaluate(module.locals[name], module, variables);
  if (whole) return lookup(whole[1] ?? '', whole[2] ?? '');
  return text.replaceAll(/\$\{(var|local)\.([\w-]+)\}/g, (_match, kind: string, name: string) =>
    lookup(kind, name),
  );
}

/** What one environment's root binds: the namespace and, by workload, the service account name. */
function terraformBindings(environment: string): {
  namespace: string;
  accounts: Record<string, string>;
} {
  const root = moduleAt(rootPath(environment));
  const call = root.calls.get('environment');
  if (call === undefined) throw new Error(`${root.path} does not call modules/environment`);
  const rootVariables = Object.fromEntries(
    [...root.variables].flatMap(([name, body]) =>
      typeof body.default === 'string' ? [[name, body.default]] : [],
    ),
  );
  const composition = moduleAt(call.target);
  const compositionVariables = Object.fromEntries(
    ['project', 'environment'].map((name) => [name, evaluate(call[name], root, rootVariables)]),
  );
  const identity = composition.calls.get('workload_identity');
  const accountsLocal = /^\$\{local\.(\w+)\}$/.exec(String(identity?.service_accounts))?.[1];
  const accounts = composition.locals[accountsLocal ?? ''];
  if (!isBody(accounts)) throw new Error('modules/environment names no service accounts');
  return {
    namespace: evaluate(identity?.namespace, composition, compositionVariables),
    accounts: Object.fromEntries(
      Object.entries(accounts).map(([workload, name]) => [
        workload,
        evaluate(name, composition, compositionVariables),
      ]),
    ),
  };
}

describe('Terraform', () => {
  it('binds roles to accounts it does not create: the cluster templates own the accounts', () => {
    for (const module of terraform.values())
      for (const address of module.resources.keys())
        expect(address, module.path).not.toMatch(/^kubernetes_service_account(_v1)?\./);
    const association = moduleAt('modules/workload-identity').resources.get(
      'aws_eks_pod_identity_association.workload',
    );
    expect(association).toMatchObject({
      for_each: '${var.service_accounts}',
      service_account: '${each.value}',
    });
  });

  it('keeps accounts an earlier apply created, instead of deleting them from under the pods', () => {
    const text = [...moduleAt('modules/workload-identity').files.values()].join('\n');
    expect(text).toMatch(
      /removed \{\s*from = kubernetes_service_account_v1\.workload\s*lifecycle \{\s*destroy = false\s*\}\s*\}/,
    );
  });
});

describe.each(ENVIRONMENTS)('the %s service accounts', (environment) => {
  const objects = render(join(ENVIRONMENTS_FOLDER, environment));
  const { namespace, accounts } = terraformBindings(environment);
  const ofKind = (kind: string): KubernetesObject[] =>
    objects.filter((object) => object.kind === kind);
  const accountOf = (workload: KubernetesObject): string | undefined =>
    (workload.spec as { template: { spec: { serviceAccountName?: string } } }).template.spec
      .serviceAccountName;

  it('are associated in the namespace the overlay deploys to', () => {
    expect(namespace).toBe(`ladder-${environment}`);
    for (const account of ofKind('ServiceAccount'))
      expect(account.metadata.namespace, account.metadata.name).toBe(namespace);
  });

  it('exist in the overlay under the names Terraform associates with a role', () => {
    const declared = ofKind('ServiceAccount').map((account) => account.metadata.name);
    expect(Object.values(accounts).length).toBeGreaterThan(0);
    for (const [workload, name] of Object.entries(accounts))
      expect(declared, `${workload}: ${name}`).toContain(name);
  });

  it('are the accounts of exactly the Deployments, and never of the migration Job', () => {
    const deploymentAccounts = ofKind('Deployment').map(accountOf).sort();
    expect(deploymentAccounts).toEqual(Object.values(accounts).sort());
    for (const job of ofKind('Job')) expect(Object.values(accounts)).not.toContain(accountOf(job));
  });

  it('carry no IRSA annotation: Pod Identity is the one binding', () => {
    for (const account of ofKind('ServiceAccount'))
      expect(Object.keys(account.metadata.annotations ?? {}), account.metadata.name).not.toContain(
        'eks.amazonaws.com/role-arn',
      );
  });

  it('let every pod with a role reach the Pod Identity agent, and no other pod', () => {
    const bound = new Set(Object.values(accounts));
    for (const workload of [...ofKind('Deployment'), ...ofKind('Job')]) {
      const pod = podOf(workload);
      for (const address of POD_IDENTITY_AGENT)
        expect(egressAllows(objects, pod, address, 80), `${pod.name} → ${address}:80`).toBe(
          bound.has(accountOf(workload) ?? ''),
        );
    }
  });
});
