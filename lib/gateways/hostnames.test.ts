import { describe, expect, it } from "vitest";
import { bestEnvoyDomain, compareHostnameSpecificity, emptyHostnameIndex, hostnameMatches, intersectHostnames, matchingEntries, setHostnameEntry, splitHost, wildcardCandidates } from "./hostnames";

describe("hostnames (reference §2.2, §2.3, §8.3)", () => {
  it("splits Host headers: port dropped, lower-cased, IPv6 brackets", () => {
    expect(splitHost("Shop.Example.com:8080")).toEqual({ host: "shop.example.com", port: 8080 });
    expect(splitHost("[::1]:80")).toEqual({ host: "::1", port: 80 });
    expect(splitHost("a.example.com.")).toEqual({ host: "a.example.com", port: null });
  });

  it("matches *.s with one or more extra labels, never s itself", () => {
    expect(hostnameMatches("*.example.com", "a.example.com")).toBe(true);
    expect(hostnameMatches("*.example.com", "a.b.example.com")).toBe(true);
    expect(hostnameMatches("*.example.com", "example.com")).toBe(false);
    expect(hostnameMatches("*", "anything")).toBe(true);
  });

  it("intersects listener and route hostnames per the §2.2 table", () => {
    expect(intersectHostnames("*", "*")).toBe("*");
    expect(intersectHostnames("*", "a.com")).toBe("a.com");
    expect(intersectHostnames("a.com", "*")).toBe("a.com");
    expect(intersectHostnames("a.com", "a.com")).toBe("a.com");
    expect(intersectHostnames("a.com", "b.com")).toBeNull();
    expect(intersectHostnames("*.example.com", "x.example.com")).toBe("x.example.com");
    expect(intersectHostnames("x.example.com", "*.example.com")).toBe("x.example.com");
    expect(intersectHostnames("*.com", "*.example.com")).toBe("*.example.com");
    expect(intersectHostnames("*.example.com", "*.com")).toBe("*.example.com");
    expect(intersectHostnames("*.example.com", "*.com", true)).toBeNull(); // Gloo Gateway 1.x
    expect(intersectHostnames("*.a.com", "*.b.com")).toBeNull();
  });

  it("orders hostnames exact > more labels > fewer > *", () => {
    expect(["*", "*.com", "a.example.com", "*.example.com"].sort(compareHostnameSpecificity)).toEqual(["a.example.com", "*.example.com", "*.com", "*"]);
    expect(wildcardCandidates("a.b.example.com")).toEqual(["*.b.example.com", "*.example.com", "*.com"]);
  });

  it("looks up the most specific virtual host without scanning", () => {
    const index = emptyHostnameIndex<string>();
    for (const h of ["*", "*.example.com", "*.b.example.com", "a.b.example.com"]) setHostnameEntry(index, h, h);
    expect(matchingEntries(index, "a.b.example.com").map((e) => e.hostname)).toEqual(["a.b.example.com", "*.b.example.com", "*.example.com", "*"]);
    expect(matchingEntries(index, "example.com").map((e) => e.hostname)).toEqual(["*"]);
  });

  it("picks Envoy domains: exact, longest suffix wildcard, longest prefix wildcard, *", () => {
    const domains = ["*", "*.example.com", "*-api.example.com", "shop.*", "shop.example.com"];
    expect(bestEnvoyDomain(domains, "shop.example.com")).toBe("shop.example.com");
    expect(bestEnvoyDomain(domains, "v1-api.example.com")).toBe("*-api.example.com");
    expect(bestEnvoyDomain(domains, "shop.other.org")).toBe("shop.*");
    expect(bestEnvoyDomain(["*.example.com"], "example.com")).toBeNull();
    expect(bestEnvoyDomain(domains, "x.org")).toBe("*");
  });
});
