import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ExportedSpan {
  name: string;
  traceId: string;
  kind: number;
  parentSpanId?: string;
  scope: string;
}

/** A stand-in OpenTelemetry collector for TRACES_OTLP_ENDPOINT: keeps every OTLP/HTTP JSON body it is sent. */
export async function startCollector(
  /** Where it listens; staging and production refuse a loopback endpoint, so their tests give another address. */
  host = '127.0.0.1',
): Promise<{ url: string; bodies: string[]; server: Server }> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces') bodies.push(body);
      response.setHeader('content-type', 'application/json');
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { url: `http://${host}:${(server.address() as AddressInfo).port}`, bodies, server };
}

export function spansOf(bodies: string[]): {
  spans: ExportedSpan[];
  resources: Record<string, unknown>[];
} {
  const spans: ExportedSpan[] = [];
  const resources: Record<string, unknown>[] = [];
  for (const body of bodies) {
    const parsed = JSON.parse(body) as {
      resourceSpans: {
        resource: { attributes: { key: string; value: { stringValue?: string } }[] };
        scopeSpans: { scope: { name: string }; spans: Omit<ExportedSpan, 'scope'>[] }[];
      }[];
    };
    for (const resourceSpan of parsed.resourceSpans) {
      resources.push(
        Object.fromEntries(
          resourceSpan.resource.attributes.map(({ key, value }) => [key, value.stringValue]),
        ),
      );
      for (const { scope, spans: scoped } of resourceSpan.scopeSpans) {
        spans.push(...scoped.map((span) => ({ ...span, scope: scope.name })));
      }
    }
  }
  return { spans, resources };
}
