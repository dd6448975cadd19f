import { describe, expect, it } from "vitest";
import { listQuery, listResponse } from "./list";
import { ApiError } from "./errors";

const items = [
  { cluster: "cluster-2", namespace: "bookinfo", name: "reviews", extra: "app=reviews" },
  { cluster: "cluster-1", namespace: "bookinfo", name: "reviews", extra: "app=reviews" },
  { cluster: "cluster-1", namespace: "bookinfo", name: "details", extra: "app=details" },
  { cluster: "cluster-1", namespace: "istio-system", name: "istiod", extra: "app=istiod" },
  { cluster: "mgmt", namespace: "gloo-mesh", name: "mgmt-server", extra: "" },
];
const q = (raw: Record<string, string>) => listQuery.parse(raw);

describe("listResponse", () => {
  it("sorts by cluster, namespace and name", () => {
    const res = listResponse(items, q({}));
    expect(res.items.map((i) => `${i.cluster}/${i.namespace}/${i.name}`)).toEqual([
      "cluster-1/bookinfo/details",
      "cluster-1/bookinfo/reviews",
      "cluster-1/istio-system/istiod",
      "cluster-2/bookinfo/reviews",
      "mgmt/gloo-mesh/mgmt-server",
    ]);
    expect(res.total).toBe(5);
    expect(res.continue).toBeUndefined();
  });

  it("filters by cluster, namespace and free text (including the extra search text)", () => {
    expect(listResponse(items, q({ cluster: "cluster-1" })).items).toHaveLength(3);
    expect(listResponse(items, q({ cluster: "cluster-1", namespace: "bookinfo" })).items.map((i) => i.name)).toEqual(["details", "reviews"]);
    expect(listResponse(items, q({ q: "REVIEWS" })).items).toHaveLength(2);
    expect(listResponse(items, q({ q: "app=istiod" }), (i) => i.extra).items.map((i) => i.name)).toEqual(["istiod"]);
  });

  it("pages with limit and continue, visiting every item exactly once", () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = listResponse(items, q(token ? { limit: "2", continue: token } : { limit: "2" }));
      seen.push(...res.items.map((i) => `${i.cluster}/${i.name}`));
      token = res.continue;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });

  it("keeps a page boundary stable when an earlier item disappears", () => {
    const first = listResponse(items, q({ limit: "2" }));
    const shrunk = items.filter((i) => i.name !== "details");
    const second = listResponse(shrunk, q({ limit: "2", continue: first.continue! }));
    expect(second.items.map((i) => `${i.cluster}/${i.name}`)).toEqual(["cluster-1/istiod", "cluster-2/reviews"]);
  });

  it("rejects a forged continue token naming the field", () => {
    expect(() => listResponse(items, q({ continue: "not-a-token" }))).toThrow(ApiError);
    try {
      listResponse(items, q({ continue: "%%%" }));
    } catch (e) {
      expect((e as ApiError).fields?.[0]?.field).toBe("continue");
    }
  });

  it("rejects a limit out of range with a message that says what must hold", () => {
    const parsed = listQuery.safeParse({ limit: "0" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("must be at least 1");
  });
});
