import { describe, expect, it } from "vitest";
import type { DestinationView, WorkloadView } from "../discovery";
import { withVersions } from "./destinations";

describe("withVersions", () => {
  it("lists the distinct version labels of backing workloads, sorted", () => {
    const w = (name: string, version?: string) => ({ cluster: "c1", namespace: "ns", name, kind: "Deployment", podLabels: version ? { app: "reviews", version } : { app: "reviews" } }) as unknown as WorkloadView;
    const d = { cluster: "c1", namespace: "ns", name: "reviews", workloads: [{ cluster: "c1", namespace: "ns", name: "r2", kind: "Deployment" }, { cluster: "c1", namespace: "ns", name: "r1", kind: "Deployment" }, { cluster: "c1", namespace: "ns", name: "r0", kind: "Deployment" }] } as unknown as DestinationView;
    expect(withVersions([d], [w("r1", "v1"), w("r2", "v2"), w("r0")])[0]?.versions).toEqual(["v1", "v2"]);
  });
});
