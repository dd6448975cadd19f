import { discover } from "@/lib/discovery";
import { buildSnapshot, buildSnapshotCluster } from "@/lib/snapshot/snapshot";
import { generateCluster } from "./generate";
import { medianMs, report } from "./stats";

/** Discovery over fixed synthetic sizes; the 10× input should cost about 10× (indexes, no quadratic scans). */
export async function benchDiscovery(): Promise<boolean> {
  const snap = (services: number) => buildSnapshot(1, [buildSnapshotCluster("c1", false, generateCluster("c1", services, 10))]);
  const small = snap(100);
  const large = snap(1000);
  const tSmall = await medianMs(() => discover(small));
  const tLarge = await medianMs(() => discover(large), 5, 1);
  report("discovery: 1,000 pods (100 services)", tSmall, "ms");
  report("discovery: 10,000 pods (1,000 services)", tLarge, "ms");
  return report("discovery: ratio 10x input", tLarge / tSmall, "x", { max: 15, label: "≤ 15x" });
}
