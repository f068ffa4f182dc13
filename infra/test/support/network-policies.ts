import type { KubernetesObject } from './kustomize.js';

/**
 * What the NetworkPolicies of a rendered overlay let through, worked out the way the API defines it: a pod selected
 * by no policy of a direction is open in that direction; once selected, only the union of the selecting policies'
 * rules applies. Within one `from`/`to` entry a namespaceSelector and a podSelector must both match (AND); separate
 * entries are alternatives (OR); a rule without `from`/`to` admits every peer, and one without `ports` every port.
 */

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface Peer {
  namespaceSelector?: LabelSelector;
  podSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface PolicyPort {
  protocol?: string;
  port?: string | number;
  endPort?: number;
}

interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: PolicyPort[];
}

interface PolicySpec {
  podSelector: LabelSelector;
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: Rule[];
  egress?: Rule[];
}

/** A pod as the policies see it: its labels, and its containers' named ports. */
export interface Pod {
  name: string;
  labels: Record<string, string>;
  ports: { name?: string; containerPort: number; protocol?: string }[];
}

/** One allowance: these peers (undefined: any peer) may reach these ports (undefined: every port). */
export interface Allowance {
  policy: string;
  peers: Peer[] | undefined;
  ports: number[] | undefined;
}

/** A Kubernetes label selector applied to a set of labels (an empty selector selects everything). */
export function selects(
  selector: LabelSelector | undefined,
  labels: Record<string, string>,
): boolean {
  const byLabel = Object.entries(selector?.matchLabels ?? {}).every(
    ([key, value]) => labels[key] === value,
  );
  const byExpression = (selector?.matchExpressions ?? []).every((expression) => {
    const value = labels[expression.key];
    if (expression.operator === 'In')
      return value !== undefined && !!expression.values?.includes(value);
    if (expression.operator === 'NotIn')
      return value === undefined || !expression.values?.includes(value);
    if (expression.operator === 'Exists') return value !== undefined;
    return value === undefined;
  });
  return byLabel && byExpression;
}

/** The pod a Deployment or Job creates. */
export function podOf(workload: KubernetesObject): Pod {
  const template = (
    workload.spec as {
      template: {
        metadata: { labels: Record<string, string> };
        spec: { containers: { ports?: Pod['ports'] }[] };
      };
    }
  ).template;
  return {
    name: `${workload.kind} ${workload.metadata.name}`,
    labels: template.metadata.labels,
    ports: template.spec.containers.flatMap((container) => container.ports ?? []),
  };
}

function policiesOf(objects: KubernetesObject[]): { name: string; spec: PolicySpec }[] {
  return objects
    .filter((object) => object.kind === 'NetworkPolicy')
    .map((object) => ({ name: object.metadata.name, spec: object.spec as unknown as PolicySpec }));
}

/** The number of a policy port on the pod: a named port resolves against the pod's own container ports. */
function portNumbers(pod: Pod, ports: PolicyPort[] | undefined): number[] | undefined {
  if (ports === undefined || ports.length === 0) return undefined;
  return ports.flatMap((port): number[] => {
    const first = port.port;
    if (typeof first === 'number') {
      const last = port.endPort ?? first;
      return Array.from({ length: last - first + 1 }, (_, index) => first + index);
    }
    if (first === undefined) return pod.ports.map((own) => own.containerPort);
    return pod.ports.filter((own) => own.name === first).map((own) => own.containerPort);
  });
}

function allowances(
  objects: KubernetesObject[],
  pod: Pod,
  direction: 'Ingress' | 'Egress',
): Allowance[] | 'unrestricted' {
  const selecting = policiesOf(objects).filter(
    ({ spec }) =>
      selects(spec.podSelector, pod.labels) &&
      (spec.policyTypes ?? ['Ingress']).includes(direction),
  );
  if (selecting.length === 0) return 'unrestricted';
  return selecting.flatMap(({ name, spec }) =>
    (direction === 'Ingress' ? (spec.ingress ?? []) : (spec.egress ?? [])).map((rule) => {
      const peers = direction === 'Ingress' ? rule.from : rule.to;
      return {
        policy: name,
        peers: peers === undefined || peers.length === 0 ? undefined : peers,
        ports: direction === 'Ingress' ? portNumbers(pod, rule.ports) : egressPorts(rule.ports),
      };
    }),
  );
}

function egressPorts(ports: PolicyPort[] | undefined): number[] | undefined {
  if (ports === undefined || ports.length === 0) return undefined;
  return ports.flatMap((port) => (typeof port.port === 'number' ? [port.port] : []));
}

/** Who may reach the pod, rule by rule; 'unrestricted' when no policy limits its inbound traffic. */
export function ingressAllowances(
  objects: KubernetesObject[],
  pod: Pod,
): Allowance[] | 'unrestricted' {
  return allowances(objects, pod, 'Ingress');
}

/** The peers that may reach one port of the pod. `undefined` in the list stands for "any peer". */
export function peersReaching(
  objects: KubernetesObject[],
  pod: Pod,
  port: number,
): (Peer | undefined)[] | 'unrestricted' {
  const rules = ingressAllowances(objects, pod);
  if (rules === 'unrestricted') return 'unrestricted';
  return rules
    .filter((rule) => rule.ports === undefined || rule.ports.includes(port))
    .flatMap((rule) => rule.peers ?? [undefined]);
}

/** The pod's ports that one peer (compared as written) may reach. */
export function portsReachedBy(
  objects: KubernetesObject[],
  pod: Pod,
  peer: Peer,
): number[] | 'every port' {
  const rules = ingressAllowances(objects, pod);
  if (rules === 'unrestricted') return 'every port';
  const reached = new Set<number>();
  for (const rule of rules) {
    if (rule.peers !== undefined && !rule.peers.some((candidate) => samePeer(candidate, peer)))
      continue;
    if (rule.ports === undefined) return 'every port';
    for (const port of rule.ports) reached.add(port);
  }
  return [...reached].sort((a, b) => a - b);
}

export function samePeer(a: Peer, b: Peer): boolean {
  return JSON.stringify(normalized(a)) === JSON.stringify(normalized(b));
}

function normalized(peer: Peer): Peer {
  const sorted = (selector: LabelSelector | undefined): LabelSelector | undefined =>
    selector === undefined
      ? undefined
      : {
          matchLabels: Object.fromEntries(
            Object.entries(selector.matchLabels ?? {}).sort(([a], [b]) => a.localeCompare(b)),
          ),
          matchExpressions: selector.matchExpressions ?? [],
        };
  return {
    namespaceSelector: sorted(peer.namespaceSelector),
    podSelector: sorted(peer.podSelector),
    ipBlock: peer.ipBlock,
  };
}

/** Whether the pod may open a connection to this address and TCP port. */
export function egressAllows(
  objects: KubernetesObject[],
  pod: Pod,
  address: string,
  port: number,
): boolean {
  const rules = allowances(objects, pod, 'Egress');
  if (rules === 'unrestricted') return true;
  return rules.some(
    (rule) =>
      (rule.ports === undefined || rule.ports.includes(port)) &&
      (rule.peers === undefined ||
        rule.peers.some(
          (peer) =>
            peer.ipBlock !== undefined &&
            inCidr(address, peer.ipBlock.cidr) &&
            !(peer.ipBlock.except ?? []).some((except) => inCidr(address, except)),
        )),
  );
}

/** An IPv4 or IPv6 address as a number, with its width in bits. */
function parseAddress(address: string): { value: bigint; bits: number } {
  if (address.includes(':')) {
    const [head = '', tail] = address.split('::');
    const groups = (text: string) => (text === '' ? [] : text.split(':'));
    const missing = 8 - groups(head).length - groups(tail ?? '').length;
    const all = [
      ...groups(head),
      ...(tail === undefined ? [] : Array<string>(missing).fill('0')),
      ...groups(tail ?? ''),
    ];
    return {
      value: all.reduce((total, group) => (total << 16n) + BigInt(parseInt(group, 16)), 0n),
      bits: 128,
    };
  }
  return {
    value: address.split('.').reduce((total, octet) => (total << 8n) + BigInt(Number(octet)), 0n),
    bits: 32,
  };
}

export function inCidr(address: string, cidr: string): boolean {
  const [network = '', length = ''] = cidr.split('/');
  const a = parseAddress(address);
  const n = parseAddress(network);
  if (a.bits !== n.bits) return false;
  const shift = BigInt(a.bits - Number(length));
  return a.value >> shift === n.value >> shift;
}
