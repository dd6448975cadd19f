import { discover } from "@/lib/discovery";
import { attachPolicies } from "@/lib/policies";
import type { Snapshot } from "@/lib/snapshot/snapshot";
import { translate, type TranslateContext } from "@/lib/translate";
import { resolveWorkspaces } from "@/lib/workspaces";
import { generateGlooSnapshot } from "./generate-gloo";
import { medianMs, report } from "./stats";

/**
 * Translation over fixed synthetic sizes (bench/generate-gloo.ts): 1,000 Services with 1,000 policies and
 * route tables (budget ≤ 30 ms median), and 10,000 + 10,000 (budget ≤ 1 s and ≤ 15× the small case).
 * Discovery, workspaces and attachment are computed once outside the timed part: translate is what is timed.
 */
export async function benchTranslate(): Promise<boolean> {
  const small = prepare(generateGlooSnapshot(1_000, 1_000));
  const large = prepare(generateGlooSnapshot(10_000, 10_000));
  const tSmall = await medianMs(() => translate(small.snapshot, small.ctx), 15, 3);
  const tLarge = await medianMs(() => translate(large.snapshot, large.ctx), 5, 1);
  const outputs = (p: typeof small) => translate(p.snapshot, p.ctx).outputs.length;
  console.log(`(translate outputs: ${outputs(small)} for 1,000 services, ${outputs(large)} for 10,000)`);
  const okSmall = report("translate: 1,000 services + 1,000 policies/tables", tSmall, "ms", { max: 30, label: "≤ 30 ms" });
  const okLarge = report("translate: 10,000 services + 10,000 policies/tables", tLarge, "ms", { max: 1000, label: "≤ 1 s" });
  const okRatio = report("translate: ratio 10x input", tLarge / tSmall, "x", { max: 15, label: "≤ 15x" });
  return okSmall && okLarge && okRatio;
}

function prepare(snapshot: Snapshot): { snapshot: Snapshot; ctx: TranslateContext } {
  const discovery = discover(snapshot);
  const workspaces = resolveWorkspaces(snapshot);
  const attachment = attachPolicies(workspaces, discovery.workloads);
  return { snapshot, ctx: { workspaces, attachment, discovery } };
}
