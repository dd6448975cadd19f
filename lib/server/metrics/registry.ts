import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Meshpane's Prometheus metrics, one set per process. Held on globalThis because Next.js may load this
 * module more than once (instrumentation and each route bundle), and all must count into one registry.
 */
export interface Metrics {
  registry: Registry;
  requestSeconds: Histogram<"method" | "route" | "status">;
  requestsInFlight: Gauge;
  translationSeconds: Histogram;
  auditWrites: Counter<"action">;
}

const holder = globalThis as typeof globalThis & { __meshpaneMetrics?: Metrics };

/** The process-wide metrics (created on first use, with Node's default process metrics). */
export function metrics(): Metrics {
  holder.__meshpaneMetrics ??= createMetrics();
  return holder.__meshpaneMetrics;
}

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requestSeconds: new Histogram({
      name: "meshpane_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method, route pattern and status (streams: until the response starts).",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    requestsInFlight: new Gauge({ name: "meshpane_http_requests_in_flight", help: "Requests being answered right now.", registers: [registry] }),
    translationSeconds: new Histogram({
      name: "meshpane_translation_duration_seconds",
      help: "Time to translate one snapshot's Gloo configuration into Istio objects.",
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    auditWrites: new Counter({ name: "meshpane_audit_writes_total", help: "Entries written to the audit log, by action.", labelNames: ["action"], registers: [registry] }),
  };
}

/** Count one audit-log write (call it after the entry is stored). */
export const auditWrites = {
  inc(action = "apply"): void {
    metrics().auditWrites.inc({ action });
  },
};

/** Runs `translate` and records how long it took. */
export function timeTranslation<T>(translate: () => T): T {
  const end = metrics().translationSeconds.startTimer();
  try {
    return translate();
  } finally {
    end();
  }
}
