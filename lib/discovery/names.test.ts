import { describe, expect, it } from "vitest";
import { md5Hex } from "./md5";
import { compareKeys, discoveredObjectName, discoveredWorkloadName, sanitizeNameV2, skv2Key } from "./names";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("md5Hex", () => {
  // RFC 1321 appendix A.5 test suite.
  it.each([
    ["", "d41d8cd98f00b204e9800998ecf8427e"],
    ["a", "0cc175b9c0f1b6a831c399e269772661"],
    ["abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
    ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
    ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"],
    ["12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"],
  ])("md5(%j)", (input, want) => {
    expect(md5Hex(utf8(input))).toBe(want);
  });

  it("handles the 55/56/64-byte padding boundaries", () => {
    // Known digests of runs of "a" straddling the length-field boundary.
    expect(md5Hex(utf8("a".repeat(55)))).toBe("ef1772b6dff9a122358552954ad0df65");
    expect(md5Hex(utf8("a".repeat(56)))).toBe("3b0c8ac703f828b04c6c197006d17218");
    expect(md5Hex(utf8("a".repeat(64)))).toBe("014842d480b571495a4a0363793f7367");
  });
});

describe("sanitizeNameV2 (reference §5.1 vectors)", () => {
  it.each([
    ["a".repeat(300), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-4e5475d125a33c6190718e75adc1b70"],
    ["a".repeat(301), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-c73301b7b71679067b02cff4cdc5e70"],
    ["jfdklanfkljasfhjhldacaslkhdfkjshfkjsadhfkjasdhgjadhgkdahfjkdahjfdsagdfhjdsagfhasjdfsdfasfsafsdf", "jfdklanfkljasfhjhldacaslkhdfkjs-f1e0028d0fbfe9afbd1a8bb9b53848d"],
    ["productpage-v1-bookinfo-frontends-team-a-production-cluster-us-east-1", "productpage-v1-bookinfo-fronten-88d8c992a1e3b27c71f848398a11548"],
    [
      "VirtualGateway-istio-ingressgateway-bookinfo-cluster-1-istio-ingressgateway-istio-gateway-ns-cluster-1-gloo-mesh-cluster-1-HTTPS.443-anything",
      "virtualgateway-istio-ingressgat-37edb484d618bf241a082a81709decc",
    ],
    ["reviews.bookinfo.svc.cluster2.global", "reviews-bookinfo-svc-cluster2-global"],
    [`Abc.Def_ghi:jkl mno[p]q'r"s`, "abc-def-ghi-jkl-mnopqrs"],
    ["istiod-istio-system-cluster1", "istiod-istio-system-cluster1"],
  ])("%s", (input, want) => {
    expect(sanitizeNameV2(input)).toBe(want);
  });

  it("hashes the mixed-case string, so case changes the hash but not the visible prefix", () => {
    const upper = sanitizeNameV2(`A${"b".repeat(70)}`);
    const lower = sanitizeNameV2(`a${"b".repeat(70)}`);
    expect(upper.slice(0, 31)).toBe(lower.slice(0, 31));
    expect(upper).not.toBe(lower);
    expect(upper).toHaveLength(63);
  });

  it("keeps exactly 63 bytes unhashed and does not repair leading dashes or digits", () => {
    expect(sanitizeNameV2("x".repeat(63))).toBe("x".repeat(63));
    expect(sanitizeNameV2("x".repeat(64))).toHaveLength(63);
    expect(sanitizeNameV2("_1.A")).toBe("-1-a");
    expect(sanitizeNameV2("a*b/c\nd")).toBe("a-b-cd");
  });
});

describe("discovered names (reference §1.2)", () => {
  it("names Meshes and Destinations <name>-<namespace>-<cluster>", () => {
    expect(discoveredObjectName("istiod", "istio-system", "cluster-2")).toBe("istiod-istio-system-cluster-2");
    expect(discoveredObjectName("reviews", "bookinfo", "cluster-1")).toBe("reviews-bookinfo-cluster-1");
    expect(discoveredObjectName("istiod-1-12", "istio-system", "cluster1")).toBe("istiod-1-12-istio-system-cluster1");
  });

  it("appends the lowercased workload kind after sanitising, so it may pass 63 characters", () => {
    expect(discoveredWorkloadName("reviews-v1", "bookinfo", "cluster-1", "Deployment")).toBe("reviews-v1-bookinfo-cluster-1-deployment");
    expect(discoveredWorkloadName("ds", "ns", "c", "DaemonSet")).toBe("ds-ns-c-daemonset");
    const long = discoveredWorkloadName("a".repeat(60), "ns", "c", "StatefulSet");
    expect(long).toHaveLength(63 + "-statefulset".length);
  });

  it("orders skv2 keys as Go compares strings, which is not name order", () => {
    const keys = ["a", "a-b"].map((n) => skv2Key(n, "ns"));
    expect([...keys].sort(compareKeys)).toEqual([skv2Key("a-b", "ns"), skv2Key("a", "ns")]);
  });
});
