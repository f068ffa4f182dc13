import { Inject } from '@nestjs/common';

/** Injection token for the prom-client Registry of this process. */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** `constructor(@InjectMetricsRegistry() private readonly registry: Registry)` */
export const InjectMetricsRegistry = (): PropertyDecorator & ParameterDecorator =>
  Inject(METRICS_REGISTRY);
