import { describe, expect, it } from "vitest";
import { grpcMatch, httpMatch, matchFailure, matchSignature, prefixMatches, RegexCache, type RequestView } from "./matches";
import { modifyPath, redirectLocation, replacePrefix, backendViews } from "./outcome";
import type { BackendResolution } from "./backends";

const req = (path: string, extra: Partial<RequestView> = {}): RequestView => ({ host: "a.example.com", path, method: "GET", headers: new Map(), query: new Map(), ...extra });
const cache = new RegexCache();

describe("match semantics (reference §4.4)", () => {
  it("PathPrefix matches by segments and ignores the value's trailing /", () => {
    expect(prefixMatches("/abc", "/abc")).toBe(true);
    expect(prefixMatches("/abc", "/abc/")).toBe(true);
    expect(prefixMatches("/abc", "/abc/d")).toBe(true);
    expect(prefixMatches("/abc", "/abcd")).toBe(false);
    expect(prefixMatches("/abc/", "/abc")).toBe(true);
    expect(prefixMatches("/", "/anything")).toBe(true);
  });

  it("Exact is whole-path and case-sensitive; regex is whole-path", () => {
    expect(matchFailure(httpMatch({ path: { type: "Exact", value: "/abc" } }, cache), req("/abc/"))).toContain("not exactly");
    expect(matchFailure(httpMatch({ path: { type: "Exact", value: "/abc" } }, cache), req("/ABC"))).not.toBeNull();
    expect(matchFailure(httpMatch({ path: { type: "RegularExpression", value: "/v[0-9]+" } }, cache), req("/v12"))).toBeNull();
    expect(matchFailure(httpMatch({ path: { type: "RegularExpression", value: "/v[0-9]+" } }, cache), req("/v12/x"))).not.toBeNull();
    expect(httpMatch({ path: { type: "RegularExpression", value: "/(" } }, cache).invalid).toContain("must be valid");
  });

  it("header names are case-insensitive (first entry per name counts), values and query names case-sensitive", () => {
    const m = httpMatch({ headers: [{ name: "X-A", value: "1" }, { name: "x-a", value: "2" }], queryParams: [{ name: "animal", value: "dog" }] }, cache);
    expect(m.headers).toHaveLength(1);
    expect(matchFailure(m, req("/", { headers: new Map([["x-a", "1"]]), query: new Map([["animal", "dog"]]) }))).toBeNull();
    expect(matchFailure(m, req("/", { headers: new Map([["x-a", "1"]]), query: new Map([["ANIMAL", "dog"]]) }))).toContain("query parameter animal");
    expect(matchFailure(httpMatch({ method: "POST" }, cache), req("/"))).toContain("method GET");
  });

  it("GRPCRoute matches /service/method paths", () => {
    expect(matchFailure(grpcMatch({ method: { service: "a.B", method: "Get" } }, cache), req("/a.B/Get"))).toBeNull();
    expect(matchFailure(grpcMatch({ method: { service: "a.B" } }, cache), req("/a.B/List"))).toBeNull();
    expect(matchFailure(grpcMatch({ method: { type: "RegularExpression", service: "a\\..*" } }, cache), req("/a.C/X"))).toBeNull();
    expect(matchFailure(grpcMatch({}, cache), req("/not-grpc"))).toContain("not a gRPC method path");
  });

  it("treats PathPrefix /a and /a/ as the same match for shadowing", () => {
    expect(matchSignature(httpMatch({ path: { value: "/a/" } }, cache))).toBe(matchSignature(httpMatch({ path: { type: "PathPrefix", value: "/a" } }, cache)));
  });
});

describe("rule outcomes (reference §4.5)", () => {
  it("replaces prefixes segment-wise", () => {
    expect(replacePrefix("/foo/bar", "/foo", "/xyz")).toBe("/xyz/bar");
    expect(replacePrefix("/foo/bar", "/foo", "")).toBe("/bar");
    expect(replacePrefix("/foo", "/foo/", "/xyz")).toBe("/xyz");
    expect(modifyPath("/a/b", "/a", { type: "ReplaceFullPath", replaceFullPath: "/z" })).toBe("/z");
  });

  it("builds redirect locations with the port rules", () => {
    const base = { scheme: "http", host: "h.com", path: "/p", queryString: "", listenerPort: 80, matchedPrefix: null };
    expect(redirectLocation({}, base)).toBe("http://h.com/p");
    expect(redirectLocation({}, { ...base, listenerPort: 8080 })).toBe("http://h.com:8080/p");
    expect(redirectLocation({ scheme: "https" }, { ...base, listenerPort: 8080 })).toBe("https://h.com/p");
    expect(redirectLocation({ scheme: "https", port: 8443 }, base)).toBe("https://h.com:8443/p");
    expect(redirectLocation({ hostname: "x.com" }, { ...base, queryString: "a=1" })).toBe("http://x.com/p?a=1");
  });

  it("splits traffic by weight; invalid shares answer 500; all-zero weights answer the profile's status", () => {
    const b = (name: string, weight: number, reason: string | null = null): BackendResolution => ({ group: "", kind: "Service", namespace: "a", name, port: 80, weight, reason, message: "", code: null, clusters: [], detail: {}, delegation: false });
    expect(backendViews([b("v1", 90), b("v2", 10, "RefNotPermitted")], 500).map((v) => [v.share, v.status])).toEqual([[90, 200], [10, 500]]);
    expect(backendViews([b("v1", 1), b("v2", 0)], 500).map((v) => v.share)).toEqual([100, 0]);
    expect(backendViews([b("v1", 0)], 503).map((v) => v.status)).toEqual([503]);
  });
});
