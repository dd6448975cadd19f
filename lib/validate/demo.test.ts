import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGatewayModel, gatewayFindings } from "../gateways";
import { parseConfig } from "../server/config";
import { loadOpenApiDocs } from "../server/gateways/openapi-docs";
import { readDirectory } from "../server/sources/directory";
import { buildSnapshot, buildSnapshotCluster } from "../snapshot/snapshot";
import { DEFAULT_BUILDERS, evaluate, type Evaluation } from "./preview";

/** The demo's deliberate mistakes (examples/bookinfo-multicluster/README.md) with code, objects and field. */
const DEMO = path.resolve(import.meta.dirname, "../../examples/bookinfo-multicluster");
let e: Evaluation;

beforeAll(async () => {
  const clusters = [];
  for (const name of ["mgmt", "cluster-1", "cluster-2"]) clusters.push(buildSnapshotCluster(name, name === "mgmt", (await readDirectory(path.join(DEMO, name))).objects));
  // As the server evaluates it: the gateway analysis reads the OpenAPI documents kept beside each cluster's files.
  const config = parseConfig(`clusters:\n${["mgmt", "cluster-1", "cluster-2"].map((n) => `  - name: ${n}\n    source: { directory: ${JSON.stringify(path.join(DEMO, n))} }\n`).join("")}`, path.join(DEMO, "meshpane.config.yaml"));
  e = evaluate(buildSnapshot(1, clusters), { ...DEFAULT_BUILDERS, gatewayFindings: (s) => gatewayFindings(buildGatewayModel(s, { openApiDocs: loadOpenApiDocs(s, config) })) });
});

const find = (code: string) => e.diagnostics.filter((d) => d.code === code);
const names = (code: string) => find(code).map((d) => ({ severity: d.severity, objects: d.objects.map((o) => `${o.kind} ${o.namespace}/${o.name} @${o.cluster}`), field: d.field }));

describe("demo diagnostics", () => {
  it("mistake 1: a policy selector that matches nothing", () => {
    expect(names("MP3001")).toEqual([{ severity: "warning", objects: ["RetryTimeoutPolicy bookinfo-frontends-config/checkout-timeout @mgmt"], field: "spec.applyToRoutes[0].route.labels" }]);
  });
  it("mistake 2: a route to a destination its workspace cannot see", () => {
    expect(names("MP2001")).toEqual([{ severity: "error", objects: ["RouteTable web-team-config/bookinfo-api @mgmt", "Service bookinfo-backends/details @cluster-1"], field: "spec.http[1].forwardTo.destinations[0].ref" }]);
  });
  it("mistake 3: a Service port that breaks Istio's naming convention", () => {
    expect(names("MP6009")).toEqual([{ severity: "warning", objects: ["Service bookinfo-backends/ratings @cluster-2"], field: "spec.ports[0].name" }]);
    expect(find("MP6009")[0]?.message).toMatch(/must be named <protocol>\[-suffix\]/);
  });
  it("mistakes 4–6: the gateways' cross-namespace ref without a grant, hostnames no listener takes, a function the Upstream lacks", () => {
    expect(names("MP9042")).toEqual([{ severity: "error", objects: ["HTTPRoute gloo-edge/ratings @cluster-1"], field: "spec.rules[0].backendRefs[0]" }]);
    expect(names("MP9045").map((d) => [d.severity, d.objects[0], d.field])).toEqual([["error", "HTTPRoute gloo-edge/legacy-api @cluster-1", "spec.parentRefs[0]"]]);
    expect(names("MP9026").map((d) => [d.severity, d.objects[0], d.field])).toEqual([["error", "VirtualService gloo-edge/functions @cluster-1", "spec.virtualHost.routes[2].routeAction.single.destinationSpec"]]);
  });
  it("reports nothing else above info except the live drift in cluster-1 and the legacy v1 VirtualMesh's missing east-west gateways", () => {
    const loud = e.diagnostics.filter((d) => d.severity !== "info" && !["MP3001", "MP2001", "MP6009", "MP9042", "MP9045", "MP9026"].includes(d.code));
    expect(loud.map((d) => `${d.code} ${d.objects[0]?.name}`).sort()).toEqual([
      "MP4006 bookinfo-virtual-mesh",
      "MP4006 bookinfo-virtual-mesh",
      "MP8001 reviews-mesh-internal-com-virtual-destination-bookinfo-backends",
      "MP8003 routetable-ratings-legacy-bookinfo-backends-config-mgmt-bookinf",
    ]);
  });
});
