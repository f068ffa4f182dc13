import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validateObject } from './support/kubernetes-schemas.js';
import { selects, type LabelSelector } from './support/network-policies.js';
import {
  ENVIRONMENTS_FOLDER,
  render,
  REPOSITORY_ROOT,
  type KubernetesObject,
} from './support/kustomize.js';

interface Container {
  name: string;
  ports?: { name?: string; containerPort: number }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
}
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface PodSpec {
  serviceAccountName?: string;
  securityContext?: { runAsUser?: number; runAsGroup?: number; runAsNonRoot?: boolean };
  topologySpreadConstraints?: {
    topologyKey: string;
    labelSelector?: { matchLabels?: Record<string, string> };
  }[];
  containers: Container[];
  volumes?: { name: string; emptyDir?: { sizeLimit?: string } }[];
}

const ENVIRONMENTS = ['staging', 'production'] as const;
/** The steps of the release workflows apply objects by this label, in this order; anything else is never applied. */
const RELEASE_COMPONENTS = ['configuration', 'migrate', 'web', 'worker'];

const podSpec = (object: KubernetesObject): PodSpec =>
  (object.spec as { template: { spec: PodSpec } }).template.spec;
const podLabels = (object: KubernetesObject): Record<string, string> =>
  (object.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata
    .labels;

function configOf(environment: string): Record<string, string | undefined> {
  return parseEnv(readFileSync(join(ENVIRONMENTS_FOLDER, environment, 'config.env'), 'utf8'));
}

describe.each(ENVIRONMENTS)('the %s overlay', (environment) => {
  const objects = render(join(ENVIRONMENTS_FOLDER, environment));
  const ofKind = (kind: string) => objects.filter((object) => object.kind === kind);
  const named = (kind: string, name: string) => {
    const found = ofKind(kind).find((object) => object.metadata.name === name);
    if (found === undefined) throw new Error(`no ${kind} ${name}`);
    return found;
  };
  const deployments = ofKind('Deployment');
  const workloads = [...deployments, ...ofKind('Job')];
  const config = configOf(environment);

  it('renders the workloads, their accounts, budgets, autoscalers and policies', () => {
    expect(deployments.map((object) => object.metadata.name).sort()).toEqual([
      'ladder-web',
      'ladder-worker',
    ]);
    for (const kind of [
      'Job',
      'Service',
      'Ingress',
      'ServiceAccount',
      'PodDisruptionBudget',
      'HorizontalPodAutoscaler',
      'ScaledObject',
      'TriggerAuthentication',
      'NetworkPolicy',
      'ConfigMap',
    ])
      expect(ofKind(kind), kind).not.toHaveLength(0);
  });

  it.each(objects.map((object) => [`${object.kind} ${object.metadata.name}`, object] as const))(
    '%s validates against its schema',
    async (_name, object) => {
      await expect(validateObject(object)).resolves.toBeUndefined();
    },
  );

  it(`puts every object in the ladder-${environment} namespace`, () => {
    for (const object of objects)
      expect(object.metadata.namespace, object.metadata.name).toBe(`ladder-${environment}`);
  });

  it('labels every object with a component a release step applies', () => {
    for (const object of objects)
      expect(RELEASE_COMPONENTS, `${object.kind} ${object.metadata.name}`).toContain(
        object.metadata.labels?.['app.kubernetes.io/component'],
      );
  });

  describe.each(deployments.map((deployment) => [deployment.metadata.name, deployment] as const))(
    'Deployment %s',
    (name, deployment) => {
      const spec = podSpec(deployment);
      const labels = podLabels(deployment);

      it('has a disruption budget that lets unhealthy pods be evicted', () => {
        const budgets = ofKind('PodDisruptionBudget').filter((budget) =>
          selects((budget.spec as { selector: LabelSelector }).selector, labels),
        );
        expect(budgets).toHaveLength(1);
        expect(budgets[0]?.spec).toMatchObject({ unhealthyPodEvictionPolicy: 'AlwaysAllow' });
      });

      it('spreads its pods over nodes and zones', () => {
        const spread = spec.topologySpreadConstraints ?? [];
        for (const key of ['kubernetes.io/hostname', 'topology.kubernetes.io/zone']) {
          const constraint = spread.find((entry) => entry.topologyKey === key);
          expect(constraint, key).toBeDefined();
          expect(selects(constraint?.labelSelector, labels), key).toBe(true);
        }
      });

      it('runs under its own service account, which the overlay declares', () => {
        expect(spec.serviceAccountName).toBe(name);
        expect(named('ServiceAccount', name)).toBeDefined();
      });

      it('is selected by a NetworkPolicy of its own, behind a default deny', () => {
        const policies = ofKind('NetworkPolicy');
        const own = policies.filter((policy) => {
          const selector = (policy.spec as { podSelector: LabelSelector }).podSelector;
          const selectsAll =
            Object.keys(selector.matchLabels ?? {}).length === 0 &&
            (selector.matchExpressions ?? []).length === 0;
          return !selectsAll && selects(selector, labels);
        });
        expect(own.length).toBeGreaterThan(0);
        expect(named('NetworkPolicy', 'default-deny').spec).toEqual({
          podSelector: {},
          policyTypes: ['Ingress', 'Egress'],
        });
      });

      it('probes the management port, whose number config.env declares', () => {
        const container = spec.containers[0];
        const management = container?.ports?.find((port) => port.name === 'management');
        const variable = name === 'ladder-web' ? 'MANAGEMENT_PORT' : 'WORKER_MANAGEMENT_PORT';
        expect(String(management?.containerPort)).toBe(config[variable]);
        for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const)
          expect(container?.[probe]?.httpGet?.port, probe).toBe('management');
        expect(container?.readinessProbe?.httpGet?.path).toBe('/health/ready');
      });
    },
  );

  it('never routes the Ingress, or any Service, to a management port', () => {
    const service = named('Service', 'ladder-web');
    const servicePorts = (
      service.spec as { ports: { name: string; targetPort: string | number }[] }
    ).ports;
    const web = podSpec(named('Deployment', 'ladder-web')).containers[0];
    const managementPort = web?.ports?.find((port) => port.name === 'management');
    for (const port of servicePorts)
      expect([managementPort?.name, managementPort?.containerPort]).not.toContain(port.targetPort);
    for (const other of ofKind('Service'))
      expect(JSON.stringify(other.spec)).not.toMatch(/management|9464|9465/);

    const rules = (
      named('Ingress', 'ladder-web').spec as {
        rules: {
          http: { paths: { backend: { service: { name: string; port: { name?: string } } } }[] };
        }[];
      }
    ).rules;
    const backends = rules.flatMap((rule) => rule.http.paths.map((path) => path.backend.service));
    expect(backends.length).toBeGreaterThan(0);
    for (const backend of backends) {
      expect(backend.name).toBe('ladder-web');
      const target = servicePorts.find((port) => port.name === backend.port.name)?.targetPort;
      expect(target).toBe('http');
    }
  });

  it('serves the host of PUBLIC_URL on the Ingress, which config.env alone declares', () => {
    const spec = named('Ingress', 'ladder-web').spec as {
      tls: { hosts: string[] }[];
      rules: { host: string }[];
    };
    const hosts = [
      ...spec.tls.flatMap((entry) => entry.hosts),
      ...spec.rules.map((rule) => rule.host),
    ];
    expect(hosts).toHaveLength(2);
    // URL lower-cases the host, as browsers and the Host header do.
    for (const host of hosts)
      expect(host.toLowerCase()).toBe(new URL(config.PUBLIC_URL ?? '').host);
  });

  it('bounds every scratch volume and every container’s ephemeral storage', () => {
    for (const workload of workloads) {
      const spec = podSpec(workload);
      for (const volume of spec.volumes ?? [])
        if (volume.emptyDir !== undefined)
          expect(
            volume.emptyDir.sizeLimit,
            `${workload.metadata.name} ${volume.name}`,
          ).toBeDefined();
      for (const container of spec.containers) {
        expect(container.resources?.requests?.['ephemeral-storage'], container.name).toBeDefined();
        expect(container.resources?.limits?.['ephemeral-storage'], container.name).toBeDefined();
      }
    }
  });

  it('runs every pod as the images’ numeric user, 1000:1000', () => {
    for (const workload of workloads)
      expect(podSpec(workload).securityContext, workload.metadata.name).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 1000,
        runAsGroup: 1000,
      });
    for (const app of ['web', 'worker'])
      expect(readFileSync(join(REPOSITORY_ROOT, `apps/${app}/Dockerfile`), 'utf8')).toMatch(
        /^USER 1000:1000$/m,
      );
  });

  it('scales web on CPU and the worker on the BullMQ wait list of this environment’s queue prefix', () => {
    const web = named('HorizontalPodAutoscaler', 'ladder-web').spec as {
      scaleTargetRef: { kind: string; name: string };
      minReplicas: number;
      maxReplicas: number;
    };
    expect(web.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'ladder-web' });
    const worker = named('ScaledObject', 'ladder-worker').spec as {
      scaleTargetRef: { name: string };
      minReplicaCount: number;
      maxReplicaCount: number;
      triggers: {
        type: string;
        metadata: Record<string, string>;
        authenticationRef: { name: string };
      }[];
    };
    expect(worker.scaleTargetRef.name).toBe('ladder-worker');
    expect(worker.triggers[0]).toMatchObject({
      type: 'redis',
      metadata: { listName: `${config.QUEUE_PREFIX}:reports:wait` },
    });
    expect(
      named('TriggerAuthentication', worker.triggers[0]?.authenticationRef.name ?? ''),
    ).toBeDefined();
    // A drain or one crash never leaves production without a pod of either kind.
    const floor = environment === 'production' ? 2 : 1;
    expect(web.minReplicas).toBeGreaterThanOrEqual(floor);
    expect(worker.minReplicaCount).toBeGreaterThanOrEqual(floor);
    expect(web.maxReplicas).toBeGreaterThan(web.minReplicas);
    expect(worker.maxReplicaCount).toBeGreaterThan(worker.minReplicaCount);
    // The autoscalers own the replica count: a fixed one would be reset on every apply.
    for (const deployment of deployments) expect(deployment.spec).not.toHaveProperty('replicas');
  });
});
