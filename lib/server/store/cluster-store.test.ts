import { describe, expect, it } from "vitest";
import { ClusterStore } from "./cluster-store";

const pod = (name: string, uid?: string) => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "bookinfo", ...(uid ? { uid } : {}) } });

describe("ClusterStore", () => {
  it("keys objects by uid so an update replaces, never duplicates", () => {
    let changes = 0;
    const s = new ClusterStore("c1", false, 60_000, () => 0, () => changes++);
    s.upsert(pod("a", "u1"));
    s.upsert({ ...pod("a", "u1"), metadata: { ...pod("a", "u1").metadata, labels: { v: "2" } } });
    s.upsert(pod("b"));
    expect(s.size).toBe(2);
    s.remove(pod("b"));
    expect(s.size).toBe(1);
    expect(changes).toBe(4);
  });

  it("goes Degraded then Stale after staleAfter with no sync, keeping the last sync time", () => {
    let now = 1_000;
    const s = new ClusterStore("c1", false, 10_000, () => now, () => {});
    s.markSynced();
    s.setHealth("Healthy");
    now = 2_000;
    expect(s.currentHealth()).toMatchObject({ state: "Healthy", lastSyncAt: 2_000 });
    now = 3_000;
    s.setHealth("Degraded", "watch failed: connection refused");
    expect(s.currentHealth()).toMatchObject({ state: "Degraded", lastSyncAt: 3_000, lastError: "watch failed: connection refused" });
    now = 12_999;
    expect(s.currentHealth().state).toBe("Degraded");
    now = 13_001;
    expect(s.currentHealth()).toMatchObject({ state: "Stale", lastSyncAt: 3_000, since: 13_000 });
    s.markSynced();
    s.setHealth("Healthy");
    expect(s.currentHealth()).toMatchObject({ state: "Healthy", lastError: null, lastSyncAt: 13_001 });
  });
});
