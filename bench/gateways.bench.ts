import { buildGatewayModel, routingTables, traceRequest, type GatewayAnalysisModel } from "@/lib/gateways";
import { listGateways } from "@/lib/views/gateways";
import { generateGatewaySnapshot, GRPC_EVERY, ROUTES_PER_HOST } from "./generate-gateways";
import { medianFreshMs, medianMs, medians, report, type Medians } from "./stats";

/**
 * Gateways over fixed synthetic sizes (bench/generate-gateways.ts), issue 11 §9: the routing table of 10,000
 * HTTPRoutes (`routingTables`, budget ≤ 200 ms median) and tracing one request over them (`traceRequest`,
 * budget ≤ 5 ms median), each also at 1,000 routes for the 10× ratio (≤ 15×: no scan of every route); and the
 * gateways list over 10,000 routes (`listGateways`, budget ≤ 50 ms: it reads statuses, never routing tables).
 *
 * The model (attachment, statuses, and the tables: rows sorted, each row's match text and its rule's route,
 * filters and backends) is built once outside the timed part and reported on its own, at both sizes; the
 * first table of a fresh model is timed too, so nothing is left to a memo that a warm run would skip.
 * Routing-table figures are per call, each sample a batch of calls, so the collection of what the calls
 * allocate lands in the samples. The ratio compares like with like: one 1,000-route model stays in the CPU
 * caches when it is read over and over, the 10,000-route model cannot, so the 1,000-route figure of the ratio
 * reads ten distinct 1,000-route models in turn (as much memory as the large one); the cache-hot figure is
 * printed beside it.
 *
 * The model build is also reported over a mix where one route in four is a GRPCRoute on the listener of the
 * HTTPRoutes (their hostname conflict, reference §1.4, must not cost GRPC × HTTP comparisons); it is timed
 * last, in its own function, so its snapshots are not live while the other figures are taken.
 */
export async function benchGateways(): Promise<boolean> {
  const smallSnapshot = generateGatewaySnapshot(1_000);
  const largeSnapshot = generateGatewaySnapshot(10_000);
  const tModelSmall = await medianMs(() => buildGatewayModel(smallSnapshot), 7, 2);
  const tModel = await medianMs(() => buildGatewayModel(largeSnapshot), 3, 1);
  const small = buildGatewayModel(smallSnapshot);
  const smalls = Array.from({ length: 10 }, () => buildGatewayModel(generateGatewaySnapshot(1_000)));
  const large = buildGatewayModel(largeSnapshot);
  const hot = perCall(await medians(() => { for (let i = 0; i < 100; i++) routingTables(small); }, 15, 2), 100);
  const cold = perCall(await medians(() => { for (let i = 0; i < 10; i++) for (const m of smalls) routingTables(m); }, 15, 2), 100);
  const tableLarge = perCall(await medians(() => { for (let i = 0; i < 10; i++) routingTables(large); }, 15, 2), 10);
  const firstLarge = await medianFreshMs(() => buildGatewayModel(largeSnapshot), routingTables, 3);
  const list = await medians(() => listGateways(large), 21, 3);
  const tTraceSmall = await traceMs(small, 1_000);
  const tTraceLarge = await traceMs(large, 10_000);
  const mixed = await mixedModelMs();
  const rows = routingTables(large).gateways.reduce((n, g) => n + g.listeners.reduce((m, l) => m + l.vhosts.reduce((k, v) => k + v.rows.length, 0), 0), 0);
  console.log(`(routing table rows: ${rows} for 10,000 HTTPRoutes)`);
  report("gateways: model build, 1,000 HTTPRoutes (not budgeted)", tModelSmall, "ms");
  report("gateways: model build, 10,000 HTTPRoutes (not budgeted)", tModel, "ms");
  report("gateways: model build, 1,000 routes, 1 in 4 a GRPCRoute on the same listener (not budgeted)", mixed.small, "ms");
  report("gateways: model build, 10,000 routes, 1 in 4 a GRPCRoute on the same listener (not budgeted)", mixed.large, "ms");
  const ok = [
    report("gateways: routing table, 1,000 HTTPRoutes, 10 models in turn", cold.wallMs, "ms"),
    report("gateways:   CPU time / of which GC", cold.cpuMs, `ms / ${cold.gcMs.toFixed(2)} ms`),
    report("gateways: routing table, 1,000 HTTPRoutes, one model (cache-hot)", hot.wallMs, "ms"),
    report("gateways: routing table, 10,000 HTTPRoutes", tableLarge.wallMs, "ms", { max: 200, label: "≤ 200 ms" }),
    report("gateways:   CPU time / of which GC", tableLarge.cpuMs, `ms / ${tableLarge.gcMs.toFixed(2)} ms`),
    report("gateways: first routing table of a fresh model, 10,000 HTTPRoutes", firstLarge, "ms", { max: 200, label: "≤ 200 ms" }),
    report("gateways: routing table, ratio 10x input", tableLarge.wallMs / cold.wallMs, "x", { max: 15, label: "≤ 15x" }),
    report("gateways:   ratio to the cache-hot 1,000 (not budgeted)", tableLarge.wallMs / hot.wallMs, "x"),
    report("gateways: list, 10,000 HTTPRoutes", list.wallMs, "ms", { max: 50, label: "≤ 50 ms" }),
    report("gateways:   CPU time / of which GC", list.cpuMs, `ms / ${list.gcMs.toFixed(2)} ms`),
    report("gateways: trace one request, 1,000 HTTPRoutes", tTraceSmall, "ms"),
    report("gateways: trace one request, 10,000 HTTPRoutes", tTraceLarge, "ms", { max: 5, label: "≤ 5 ms" }),
    report("gateways: trace, ratio 10x input", tTraceLarge / tTraceSmall, "x", { max: 15, label: "≤ 15x" }),
  ];
  return ok.every(Boolean);
}

/** Model build medians over the GRPCRoute/HTTPRoute mix, at 1,000 and 10,000 routes. */
async function mixedModelMs(): Promise<{ small: number; large: number }> {
  const small = generateGatewaySnapshot(1_000, { grpcEvery: GRPC_EVERY });
  const tSmall = await medianMs(() => buildGatewayModel(small), 7, 2);
  const large = generateGatewaySnapshot(10_000, { grpcEvery: GRPC_EVERY });
  return { small: tSmall, large: await medianMs(() => buildGatewayModel(large), 3, 1) };
}

/** Medians of a batch of `calls` calls, per call. */
function perCall(m: Medians, calls: number): Medians {
  return { wallMs: m.wallMs / calls, cpuMs: m.cpuMs / calls, gcMs: m.gcMs / calls };
}

/** Median time of one trace: batches of 100 requests spread over every hostname, half of them canaries. */
async function traceMs(model: GatewayAnalysisModel, routes: number): Promise<number> {
  const hosts = routes / ROUTES_PER_HOST;
  const batch = () => {
    for (let k = 0; k < 100; k++) {
      const i = (k * 7919) % routes;
      traceRequest({ cluster: "cluster-1", host: `host-${Math.floor(i / ROUTES_PER_HOST) % hosts}.example.com`, path: `/r${i % ROUTES_PER_HOST}/items`, headers: k % 2 === 0 ? { "x-canary": "1" } : {} }, { model });
    }
  };
  return (await medianMs(batch, 9, 2)) / 100;
}
