import { describe, expect, it } from "vitest";
import { sanitizeNameV2, subsetName, virtualIp } from "./names";

/** Reference §5.1 sanitiser vectors (k8s-utils util_test.go and gloo-api-details §4.1) and the §5.2 VIP vector. */
describe("SanitizeNameV2 (reference §5.1)", () => {
  const vectors: [string, string][] = [
    ["a".repeat(300), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-4e5475d125a33c6190718e75adc1b70"],
    ["a".repeat(301), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-c73301b7b71679067b02cff4cdc5e70"],
    ["jfdklanfkljasfhjhldacaslkhdfkjshfkjsadhfkjasdhgjadhgkdahfjkdahjfdsagdfhjdsagfhasjdfsdfasfsafsdf", "jfdklanfkljasfhjhldacaslkhdfkjs-f1e0028d0fbfe9afbd1a8bb9b53848d"],
    ["productpage-v1-bookinfo-frontends-team-a-production-cluster-us-east-1", "productpage-v1-bookinfo-fronten-88d8c992a1e3b27c71f848398a11548"],
    ["VirtualGateway-istio-ingressgateway-bookinfo-cluster-1-istio-ingressgateway-istio-gateway-ns-cluster-1-gloo-mesh-cluster-1-HTTPS.443-anything", "virtualgateway-istio-ingressgat-37edb484d618bf241a082a81709decc"],
    ["reviews.bookinfo.svc.cluster2.global", "reviews-bookinfo-svc-cluster2-global"],
    ["Abc.Def_ghi:jkl mno[p]q'r\"s", "abc-def-ghi-jkl-mnopqrs"],
    ["istiod-istio-system-cluster1", "istiod-istio-system-cluster1"],
  ];
  for (const [input, output] of vectors) {
    it(`${input.slice(0, 40)}${input.length > 40 ? "…" : ""}`, () => expect(sanitizeNameV2(input)).toBe(output));
  }
  it("keeps names of exactly 63 characters and hashes 64", () => {
    expect(sanitizeNameV2("b".repeat(63))).toBe("b".repeat(63));
    expect(sanitizeNameV2("b".repeat(64))).toHaveLength(63);
  });
});

describe("subset names and virtual IPs", () => {
  it("joins sorted key-value pairs", () => {
    expect(subsetName({ version: "v1" })).toBe("version-v1");
    expect(subsetName({ version: "v2", app: "reviews" })).toBe("app-reviews-version-v2");
  });
  it("reproduces the v1 federation VIP vector (reference §5.2)", () => {
    expect(virtualIp("some-svc", "some-ns", "cluster", "kube-service")).toBe("243.21.204.125");
  });
  it("always lands in 240.0.0.0/4", () => {
    for (const n of ["a", "b", "reviews", "x".repeat(100)]) expect(Number(virtualIp(n, "ns", "c", "s").split(".")[0])).toBeGreaterThanOrEqual(240);
  });
});
