import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { METRIC_PREFIX } from './metrics-registry.js';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The label for requests that matched no route: a raw path could carry ids, tokens or anything a client sends. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Seconds; dense around the 10–500 ms a page or API call should take, sparse up to the 10 s that is an outage. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The part of a request that may become a label: method, route template (never the path) and status class. */
export interface RequestLabels {
  method: string;
  route: string;
  status_class: string;
}

/** Request count, latency and in-flight requests of the web app. */
export class HttpMetrics {
  private readonly requests: Counter<keyof RequestLabels>;
  private readonly duration: Histogram<keyof RequestLabels>;
  private readonly inFlight: Gauge;

  constructor(registry: Registry) {
    const labelNames = ['method', 'route', 'status_class'] as const;
    this.requests = new Counter({
      name: `${METRIC_PREFIX}http_requests_total`,
      help: 'HTTP requests answered, by method, route template and status class.',
      labelNames,
      registers: [registry],
    });
    this.duration = new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'Time from receiving a request to finishing its response, by method, route template and status class.',
      labelNames,
      buckets: HTTP_DURATION_BUCKETS,
      registers: [registry],
    });
    this.inFlight = new Gauge({
      name: `${METRIC_PREFIX}http_requests_in_flight`,
      help: 'Requests received and not yet answered.',
      registers: [registry],
    });
  }

  /** Starts timing one request; the returned function records it once the response is done. */
  start(): (labels: RequestLabels) => void {
    this.inFlight.inc();
    const stopTimer = this.duration.startTimer();
    let recorded = false;
    return (labels) => {
      if (recorded) return;
      recorded = true;
      this.inFlight.dec();
      stopTimer(labels);
      this.requests.inc(labels);
    };
  }
}

/** `2xx`, `4xx`…; `aborted` when the connection closed before the response was complete (client gone or cut). */
export function statusClass(response: ServerResponse): string {
  if (!response.writableFinished) return 'aborted';
  return `${Math.floor(response.statusCode / 100)}xx`;
}

/** Unknown methods are folded into one label value, so a client cannot create series at will. */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? '').toUpperCase();
  return KNOWN_METHODS.has(upper) ? upper : 'OTHER';
}

type RoutedRequest = IncomingMessage & { baseUrl?: string; route?: { path?: unknown } };

/**
 * The route template Express matched (`/api/reports/:id`), with the router's mount path in front; requests
 * that matched no route (404s, probes for random paths) share one value.
 */
export function routeTemplate(request: IncomingMessage): string {
  const routed = request as RoutedRequest;
  const path = routed.route?.path;
  if (typeof path !== 'string') return UNMATCHED_ROUTE;
  return `${routed.baseUrl ?? ''}${path}` || '/';
}

/**
 * Remembers the template at the moment the router assigns `request.route`: by the time a response finishes,
 * Express has restored `baseUrl` (an error thrown inside a mounted router reaches the handler at the top), so
 * reading it then would lose the mount path.
 */
function rememberRouteTemplate(request: IncomingMessage): () => string {
  let template = UNMATCHED_ROUTE;
  let route: unknown;
  Object.defineProperty(request, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: unknown) {
      route = value;
      template = routeTemplate(request);
    },
  });
  return () => template;
}

/**
 * Express-style middleware that records every request. Labels are read when the response finishes (or the
 * connection closes first); mount it before the routers.
 */
export function httpMetricsMiddleware(
  metrics: HttpMetrics,
): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  return (request, response, next) => {
    const record = metrics.start();
    const template = rememberRouteTemplate(request);
    const done = (): void => {
      record({
        method: methodLabel(request.method),
        route: template(),
        status_class: statusClass(response),
      });
    };
    response.once('finish', done);
    response.once('close', done);
    next();
  };
}
