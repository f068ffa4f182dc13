import { z } from 'zod';
import type { KubernetesObject } from './kustomize.js';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: unknown) => Validatable;

/**
 * KEDA's custom resources have no model in kubernetes-models: check the shape the KEDA operator reads. Trigger
 * metadata values must be strings (KEDA refuses numbers), which is the usual mistake.
 */
const kedaSchemas: Record<string, z.ZodType> = {
  ScaledObject: z.object({
    apiVersion: z.literal('keda.sh/v1alpha1'),
    metadata: z.object({ name: z.string().min(1) }),
    spec: z.strictObject({
      scaleTargetRef: z.object({ name: z.string().min(1) }),
      minReplicaCount: z.int().min(0),
      maxReplicaCount: z.int().min(1),
      pollingInterval: z.int().min(1).optional(),
      cooldownPeriod: z.int().min(0).optional(),
      triggers: z
        .array(
          z.strictObject({
            type: z.string().min(1),
            metadata: z.record(z.string(), z.string()),
            authenticationRef: z.object({ name: z.string().min(1) }).optional(),
          }),
        )
        .min(1),
    }),
  }),
  TriggerAuthentication: z.object({
    apiVersion: z.literal('keda.sh/v1alpha1'),
    metadata: z.object({ name: z.string().min(1) }),
    spec: z.strictObject({
      secretTargetRef: z
        .array(
          z.strictObject({
            parameter: z.string().min(1),
            name: z.string().min(1),
            key: z.string().min(1),
          }),
        )
        .min(1),
    }),
  }),
};

/**
 * The Prometheus Operator's custom resources have no model in kubernetes-models either: check the fields the
 * operator reads from the monitors and rules here (an unknown field is a typo the operator would ignore).
 */
const prometheusOperatorSchemas: Record<string, z.ZodType> = {
  PodMonitor: z.object({
    apiVersion: z.literal('monitoring.coreos.com/v1'),
    metadata: z.object({ name: z.string().min(1) }),
    spec: z.strictObject({
      jobLabel: z.string().min(1).optional(),
      selector: z.strictObject({ matchLabels: z.record(z.string(), z.string()) }),
      podMetricsEndpoints: z
        .array(
          z.strictObject({
            port: z.string().min(1),
            path: z.string().startsWith('/'),
            interval: z.string().regex(/^\d+[smh]$/),
          }),
        )
        .min(1),
    }),
  }),
  PrometheusRule: z.object({
    apiVersion: z.literal('monitoring.coreos.com/v1'),
    metadata: z.object({ name: z.string().min(1) }),
    spec: z.strictObject({
      groups: z
        .array(
          z.strictObject({
            name: z.string().min(1),
            rules: z
              .array(
                z.strictObject({
                  alert: z.string().min(1),
                  expr: z.string().min(1),
                  for: z.string().optional(),
                  labels: z.record(z.string(), z.string()),
                  annotations: z.record(z.string(), z.string()),
                }),
              )
              .min(1),
          }),
        )
        .min(1),
    }),
  }),
};

/** Throws with the schema's complaint when `object` is not a valid instance of its kind. */
export async function validateObject(object: KubernetesObject): Promise<void> {
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion];
  if (group === 'keda.sh') {
    const schema = kedaSchemas[object.kind];
    if (schema === undefined) throw new Error(`no schema for KEDA kind ${object.kind}`);
    schema.parse(object);
    return;
  }
  if (group === 'monitoring.coreos.com') {
    const schema = prometheusOperatorSchemas[object.kind];
    if (schema === undefined)
      throw new Error(`no schema for Prometheus Operator kind ${object.kind}`);
    schema.parse(object);
    return;
  }
  const models = (await import(
    `kubernetes-models/${group ? `${group}/` : ''}${version ?? ''}`
  )) as Record<string, ModelClass | undefined>;
  const Model = models[object.kind];
  if (Model === undefined) throw new Error(`no model for ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}
