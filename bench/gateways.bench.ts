import { buildGatewayModel, routingTables, traceRequest, type GatewayAnalysisModel } from "@/lib/gateways";
import { generateGatewaySnapshot, ROUTES_PER_HOST } from "./generate-gateways";
import { medianMs, medians, report } from "./stats";

/**
 * Gateways over fixed synthetic sizes (bench/generate-gateways.ts), issue 11 §9: the routing table of 10,000
 * HTTPRoutes (`routingTables`, budget ≤ 200 ms median) and tracing one request over them (`traceRequest`,
 * budget ≤ 5 ms median), each also at 1,000 routes for the 10× ratio (≤ 15×: no scan of every route). The
 * model (attachment, statuses, tables) is built once outside the timed part and reported on its own.
 */
export async function benchGateways(): Promise<boolean> {
  const small = buildGatewayModel(generateGatewaySnapshot(1_000));
  const largeSnapshot = generateGatewaySnapshot(10_000);
  const tModel = await medianMs(() => buildGatewayModel(largeSnapshot), 3, 1);
  const large = buildGatewayModel(largeSnapshot);
  const tTableSmall = await medianMs(() => routingTables(small), 15, 3);
  const tableLarge = await medians(() => routingTables(large), 9, 2);
  const tTableLarge = tableLarge.wallMs;
  const tTraceSmall = await traceMs(small, 1_000);
  const tTraceLarge = await traceMs(large, 10_000);
  const rows = routingTables(large).gateways.reduce((n, g) => n + g.listeners.reduce((m, l) => m + l.vhosts.reduce((k, v) => k + v.rows.length, 0), 0), 0);
  console.log(`(routing table rows: ${rows} for 10,000 HTTPRoutes)`);
  report("gateways: model build, 10,000 HTTPRoutes (not budgeted)", tModel, "ms");
  const ok = [
    report("gateways: routing table, 1,000 HTTPRoutes", tTableSmall, "ms"),
    report("gateways: routing table, 10,000 HTTPRoutes", tTableLarge, "ms", { max: 200, label: "≤ 200 ms" }),
    report("gateways:   CPU time of those runs", tableLarge.cpuMs, "ms"),
    report("gateways: routing table, ratio 10x input", tTableLarge / tTableSmall, "x", { max: 15, label: "≤ 15x" }),
    report("gateways: trace one request, 1,000 HTTPRoutes", tTraceSmall, "ms"),
    report("gateways: trace one request, 10,000 HTTPRoutes", tTraceLarge, "ms", { max: 5, label: "≤ 5 ms" }),
    report("gateways: trace, ratio 10x input", tTraceLarge / tTraceSmall, "x", { max: 15, label: "≤ 15x" }),
  ];
  return ok.every(Boolean);
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
