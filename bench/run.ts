// `npm run bench`: fixed synthetic sizes, medians and ratios. Exits non-zero when a budget is missed.
import { benchDiscovery } from "./discovery.bench";
import { benchGateways } from "./gateways.bench";
import { benchGraph } from "./graph.bench";
import { benchKubeSync } from "./kube-sync.bench";
import { benchLiveUpdate } from "./live-update.bench";
import { benchTranslate } from "./translate.bench";
import { benchWorkspaces } from "./workspaces.bench";

const benches: Record<string, () => Promise<boolean>> = { discovery: benchDiscovery, "live-update": benchLiveUpdate, "kube-sync": benchKubeSync, graph: benchGraph, translate: benchTranslate, gateways: benchGateways, workspaces: benchWorkspaces };
const only = process.argv.slice(2);
let ok = true;
for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  ok = (await run()) && ok;
}
process.exit(ok ? 0 : 1);
