import { INVALID_SPANID, INVALID_TRACEID, trace } from '@opentelemetry/api';

/**
 * The ids of the span this code runs in, as log fields; empty when tracing is off. A request left out by
 * sampling still has ids (they propagate to the worker), so its log lines correlate even without spans.
 * Called for every log line: the SDK and the propagator only ever produce well-formed ids, so the one invalid
 * context to skip is the all-zero one (an untraced path such as /health), checked without re-validating the hex.
 */
export function currentTraceIds(): { trace_id?: string; span_id?: string } {
  const context = trace.getActiveSpan()?.spanContext();
  if (
    context === undefined ||
    context.traceId === INVALID_TRACEID ||
    context.spanId === INVALID_SPANID
  )
    return {};
  return { trace_id: context.traceId, span_id: context.spanId };
}

/** The trace id to show beside the request id in an error response, if this request is traced. */
export function currentTraceId(): string | undefined {
  return currentTraceIds().trace_id;
}
