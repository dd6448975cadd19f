import { discover } from "@/lib/discovery";
import { workspaceGraph } from "@/lib/graph";
import { attachPolicies } from "@/lib/policies";
import { buildSnapshot, buildSnapshotCluster, type Snapshot } from "@/lib/snapshot/snapshot";
import { resolveWorkspaces } from "@/lib/workspaces";
import { workspaceEnvironment } from "./generate-workspaces";
import { medianMs, medians, report } from "./stats";

/** RouteTables and as many RetryTimeoutPolicies per workspace, so attachment has routes to select. */
const CONFIG_PER_WORKSPACE = 5;

/**
 * Issue 5 on the server side: what `GET /api/v1/graph?view=workspaces` computes from a snapshot —
 * workspace resolution, policy attachment and the collapsed workspaces graph — on 200 workspaces (the
 * issue's size) and 2,000 (10×), each with 5 RouteTables and 5 policies (bench/generate-workspaces.ts).
 * The issue budgets the browser side (bench/graph.bench.ts); here the 10× input must cost ≤ 15× the time.
 */
export async function benchWorkspaces(): Promise<boolean> {
  const small = prepare(200);
  const large = prepare(2_000);
  const stages = (p: ReturnType<typeof prepare>) => {
    const workspaces = resolveWorkspaces(p.snapshot);
    const attachment = attachPolicies(workspaces, p.workloads);
    return workspaceGraph(workspaces, attachment);
  };
  const small1 = await medians(() => stages(small), 15, 3);
  const large1 = await medians(() => stages(large), 7, 2);
  const tSmall = small1.wallMs;
  const tLarge = large1.wallMs;
  const resolved = resolveWorkspaces(large.snapshot);
  const attached = attachPolicies(resolved, large.workloads);
  const tResolve = await medianMs(() => resolveWorkspaces(large.snapshot), 7, 1);
  const tAttach = await medianMs(() => attachPolicies(resolved, large.workloads), 7, 1);
  const tGraph = await medianMs(() => workspaceGraph(resolved, attached), 7, 1);
  const graph = workspaceGraph(resolved, attached);
  console.log(`(workspaces graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges for 2,000 workspaces)`);
  report("workspaces: resolve + attach + graph, 200 workspaces", tSmall, "ms");
  report("workspaces:   CPU time of those runs", small1.cpuMs, "ms");
  report("workspaces: resolve + attach + graph, 2,000 workspaces", tLarge, "ms");
  report("workspaces:   CPU time of those runs", large1.cpuMs, "ms");
  report("workspaces:   resolveWorkspaces, 2,000", tResolve, "ms");
  report("workspaces:   attachPolicies, 2,000", tAttach, "ms");
  report("workspaces:   workspaceGraph, 2,000", tGraph, "ms");
  return report("workspaces: ratio 10x input", tLarge / tSmall, "x", { max: 15, label: "≤ 15x" });
}

function prepare(count: number): { snapshot: Snapshot; workloads: ReturnType<typeof discover>["workloads"] } {
  const { mgmt, workload } = workspaceEnvironment(count, CONFIG_PER_WORKSPACE);
  const snapshot = buildSnapshot(1, [buildSnapshotCluster("mgmt", true, mgmt), buildSnapshotCluster("workload", false, workload)]);
  return { snapshot, workloads: discover(snapshot).workloads };
}
