import { describe, expect, it } from "vitest";
import { clusterReady } from "./readiness";
import { routePattern } from "./route-timing";

describe("routePattern", () => {
  it("puts parameter names where their values are, so labels stay per route", () => {
    expect(routePattern("/api/v1/gateways/cluster-1/bookinfo/gw", { cluster: "cluster-1", namespace: "bookinfo", name: "gw" })).toBe("/api/v1/gateways/[cluster]/[namespace]/[name]");
    expect(routePattern("/api/v1/workspaces/a%20b", { name: "a b" })).toBe("/api/v1/workspaces/[name]");
    expect(routePattern("/api/v1/objects/c/x/y/z", { path: ["c", "x", "y", "z"] })).toBe("/api/v1/objects/[...path]");
    expect(routePattern("/metrics", {})).toBe("/metrics");
  });

  it("replaces the last occurrence when a value repeats a fixed segment", () => {
    expect(routePattern("/api/v1/workspaces/workspaces", { name: "workspaces" })).toBe("/api/v1/workspaces/[name]");
  });
});

describe("clusterReady", () => {
  const at = { since: 0, lastError: null };
  it("is true once synced or Stale, false while Connecting or Degraded before any sync", () => {
    expect(clusterReady({ ...at, state: "Connecting", lastSyncAt: null })).toBe(false);
    expect(clusterReady({ ...at, state: "Degraded", lastSyncAt: null })).toBe(false);
    expect(clusterReady({ ...at, state: "Degraded", lastSyncAt: 5 })).toBe(true);
    expect(clusterReady({ ...at, state: "Stale", lastSyncAt: null })).toBe(true);
    expect(clusterReady({ ...at, state: "Healthy", lastSyncAt: 1 })).toBe(true);
  });
});
