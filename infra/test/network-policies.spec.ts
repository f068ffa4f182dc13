import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS_FOLDER, render, type KubernetesObject } from './support/kustomize.js';
import {
  ingressAllowances,
  peersReaching,
  podOf,
  portsReachedBy,
  selects,
  type LabelSelector,
  type Peer,
} from './support/network-policies.js';

/**
 * Who reaches which port of web and worker once the rendered overlay's NetworkPolicies apply: the public port
 * takes the ingress controller alone, the management port (health, readiness, /workers, the status page, /metrics)
 * the cluster's Prometheus alone, and the Ingress routes to the public port only.
 */

const ENVIRONMENTS = ['staging', 'production'] as const;

/** The Prometheus Operator's Prometheus pods in the monitoring namespace: one peer, both selectors at once. */
const PROMETHEUS: Peer = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
  podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
};

describe.each(ENVIRONMENTS)('the %s network policies', (environment) => {
  const objects = render(join(ENVIRONMENTS_FOLDER, environment));
  const named = (kind: string, name: string): KubernetesObject => {
    const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
    if (found === undefined) throw new Error(`no ${kind} ${name}`);
    return found;
  };
  const deployments = objects.filter((object) => object.kind === 'Deployment');
  const web = podOf(named('Deployment', 'ladder-web'));
  const portNumber = (pod: typeof web, name: string): number => {
    const port = pod.ports.find((candidate) => candidate.name === name);
    if (port === undefined) throw new Error(`${pod.name} has no port named ${name}`);
    return port.containerPort;
  };
  /** The ingress controller, as the web policy names it. */
  const ingressController = (
    named('NetworkPolicy', 'ladder-web').spec as { ingress: { from: Peer[] }[] }
  ).ingress[0]?.from[0];

  it('finds the management ports of both apps: 9464 on web, 9465 on the worker', () => {
    expect(deployments.map((deployment) => portNumber(podOf(deployment), 'management'))).toEqual([
      9464, 9465,
    ]);
  });

  it.each(['ladder-web', 'ladder-worker'])(
    '%s: every allowance names its peers and its ports',
    (name) => {
      const allowances = ingressAllowances(objects, podOf(named('Deployment', name)));
      expect(allowances).not.toBe('unrestricted');
      for (const allowance of allowances === 'unrestricted' ? [] : allowances) {
        expect(
          allowance.peers,
          `${allowance.policy}: a rule without from admits anyone`,
        ).toBeDefined();
        expect(
          allowance.ports,
          `${allowance.policy}: a rule without ports opens every port`,
        ).toBeDefined();
      }
    },
  );

  it.each(['ladder-web', 'ladder-worker'])(
    '%s: only Prometheus in the monitoring namespace reaches the management port',
    (name) => {
      const pod = podOf(named('Deployment', name));
      expect(peersReaching(objects, pod, portNumber(pod, 'management'))).toEqual([PROMETHEUS]);
    },
  );

  it.each(['ladder-web', 'ladder-worker'])(
    '%s: Prometheus reaches the management port and nothing else',
    (name) => {
      const pod = podOf(named('Deployment', name));
      expect(portsReachedBy(objects, pod, PROMETHEUS)).toEqual([portNumber(pod, 'management')]);
    },
  );

  it('lets only the ingress controller reach web’s public port, and it reaches nothing else', () => {
    expect(ingressController).toBeDefined();
    expect(peersReaching(objects, web, portNumber(web, 'http'))).toEqual([ingressController]);
    expect(portsReachedBy(objects, web, ingressController!)).toEqual([portNumber(web, 'http')]);
    const worker = podOf(named('Deployment', 'ladder-worker'));
    expect(portsReachedBy(objects, worker, ingressController!)).toEqual([]);
  });

  it('opens no port of either app that it does not name', () => {
    for (const deployment of deployments) {
      const pod = podOf(deployment);
      const open = pod.ports.filter(
        (port) => peersReaching(objects, pod, port.containerPort) !== 'unrestricted',
      );
      expect(open.map((port) => port.name).sort(), pod.name).toEqual(
        pod.ports.map((port) => port.name).sort(),
      );
      for (const port of pod.ports)
        expect(peersReaching(objects, pod, port.containerPort), `${pod.name} ${port.name}`).toEqual(
          port.name === 'management' ? [PROMETHEUS] : [ingressController],
        );
    }
  });

  it('scrapes, through the PodMonitors, exactly the port the scrape policy opens', () => {
    for (const monitor of objects.filter((object) => object.kind === 'PodMonitor')) {
      const spec = monitor.spec as {
        selector: LabelSelector;
        podMetricsEndpoints: { port: string }[];
      };
      const pods = deployments.map(podOf).filter((pod) => selects(spec.selector, pod.labels));
      expect(pods, monitor.metadata.name).toHaveLength(1);
      for (const endpoint of spec.podMetricsEndpoints)
        expect(peersReaching(objects, pods[0]!, portNumber(pods[0]!, endpoint.port))).toEqual([
          PROMETHEUS,
        ]);
    }
  });

  it('routes the Ingress to web’s public port, never to its management port', () => {
    const service = named('Service', 'ladder-web').spec as {
      selector: Record<string, string>;
      ports: { name: string; port: number; targetPort: string | number }[];
    };
    expect(selects({ matchLabels: service.selector }, web.labels)).toBe(true);
    const rules = (
      named('Ingress', 'ladder-web').spec as {
        rules: {
          http: {
            paths: {
              backend: { service: { name: string; port: { name?: string; number?: number } } };
            }[];
          };
        }[];
      }
    ).rules;
    const backends = rules.flatMap((rule) => rule.http.paths.map((path) => path.backend.service));
    expect(backends.length).toBeGreaterThan(0);
    for (const backend of backends) {
      expect(backend.name).toBe('ladder-web');
      const servicePort = service.ports.find(
        (port) => port.name === backend.port.name || port.port === backend.port.number,
      );
      const target = servicePort?.targetPort;
      const containerPort =
        typeof target === 'number' ? target : portNumber(web, target ?? '(none)');
      expect(containerPort).toBe(portNumber(web, 'http'));
      expect(containerPort).not.toBe(portNumber(web, 'management'));
    }
  });
});
