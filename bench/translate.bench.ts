import { discover } from "@/lib/discovery";
import { buildGatewayModel, gatewayFindings } from "@/lib/gateways";
import { attachPolicies } from "@/lib/policies";
import type { Snapshot } from "@/lib/snapshot/snapshot";
import { translate, type TranslateContext } from "@/lib/translate";
import { validate } from "@/lib/validate";
import { resolveWorkspaces } from "@/lib/workspaces";
import { generateGlooSnapshot } from "./generate-gloo";
import { medians, report } from "./stats";

/**
 * Translation over fixed synthetic sizes (bench/generate-gloo.ts): 1,000 Services with 1,000 policies and
 * route tables (budget ≤ 30 ms median), and 10,000 + 10,000 (budget ≤ 1 s and ≤ 15× the small case).
 * Discovery, workspaces and attachment are computed once outside the timed part: translate is what is
 * budgeted (issue 6 §5). The budget is the steady state of a running server, which translates again on
 * every snapshot change: the timed runs follow a warm-up long enough for V8 to finish optimising (about a
 * second of runs), each run's result kept until the next ends, as the server keeps it, and the process
 * runs with the server's V8 flags (scripts/bench.mjs). The first runs of a fresh process, while the JIT is
 * still compiling, are reported beside it without a budget, as are the CPU time and GC pauses of the timed
 * runs (the machine may be shared) and the whole derived pipeline of a snapshot version (workspaces,
 * attachment, translation, validation).
 */
/** Warm-up runs: about a second of each size, after which V8's optimising tiers have settled. */
const WARM_UP_SMALL = 30;
/**
 * Timed runs at 1k: about a second, so the median spans several young-generation collections and the odd
 * old-generation marking cycle rather than falling on either side of one.
 */
const TIMED_SMALL = 41;
/** Timed runs at 10k: about two seconds, as the 10× ratio divides by this median. */
const TIMED_LARGE = 9;
const WARM_UP_LARGE = 3;

export async function benchTranslate(): Promise<boolean> {
  // One size at a time, as the server holds one snapshot: the other size's heap would only add GC work.
  const small = prepare(generateGlooSnapshot(1_000, 1_000));
  const cold = await medians(() => translateKept(small), 5, 0);
  const tSmall = await medians(() => translateKept(small), TIMED_SMALL, WARM_UP_SMALL);
  const pipeline = await medians(() => fullPipeline(small), 7, 1);
  const outputsSmall = translate(small.snapshot, small.ctx).outputs.length;
  const large = prepare(generateGlooSnapshot(10_000, 10_000));
  const tLarge = await medians(() => translateKept(large), TIMED_LARGE, WARM_UP_LARGE);
  console.log(`(translate outputs: ${outputsSmall} for 1,000 services, ${translate(large.snapshot, large.ctx).outputs.length} for 10,000)`);
  const okSmall = report("translate: 1,000 services + 1,000 policies/tables", tSmall.wallMs, "ms", { max: 30, label: "≤ 30 ms" });
  report("translate:   CPU time of those runs", tSmall.cpuMs, "ms");
  report("translate:   GC pauses per run (mean)", tSmall.gcMs, "ms");
  report("translate:   first 5 runs of the process (JIT compiling)", cold.wallMs, "ms");
  const okLarge = report("translate: 10,000 services + 10,000 policies/tables", tLarge.wallMs, "ms", { max: 1000, label: "≤ 1 s" });
  report("translate:   CPU time of those runs", tLarge.cpuMs, "ms");
  report("translate:   GC pauses per run (mean)", tLarge.gcMs, "ms");
  const okRatio = report("translate: ratio 10x input", tLarge.wallMs / tSmall.wallMs, "x", { max: 15, label: "≤ 15x" });
  report("translate: 1,000 — workspaces+attach+translate+validate", pipeline.wallMs, "ms");
  return okSmall && okLarge && okRatio;
}

/**
 * The server keeps a snapshot's translation until the next version's replaces it (lib/server/store/derived.ts),
 * so each run's result is kept until the next run ends: the collector sees what it sees in the server.
 */
let kept: unknown;
function translateKept(p: { snapshot: Snapshot; ctx: TranslateContext }): unknown {
  kept = translate(p.snapshot, p.ctx);
  return kept;
}

function prepare(snapshot: Snapshot): { snapshot: Snapshot; ctx: TranslateContext } {
  const discovery = discover(snapshot);
  const workspaces = resolveWorkspaces(snapshot);
  const attachment = attachPolicies(workspaces, discovery.workloads);
  return { snapshot, ctx: { workspaces, attachment, discovery } };
}

/** Everything a new snapshot version derives after discovery, as lib/server/store/derived.ts does. */
function fullPipeline(p: { snapshot: Snapshot; ctx: TranslateContext }): unknown {
  const workspaces = resolveWorkspaces(p.snapshot);
  const attachment = attachPolicies(workspaces, p.ctx.discovery.workloads);
  const ctx = { workspaces, attachment, discovery: p.ctx.discovery };
  const translation = translate(p.snapshot, ctx);
  return validate(p.snapshot, { ...ctx, translation, gatewayFindings: gatewayFindings(buildGatewayModel(p.snapshot)) });
}
