import { describe, expect, it } from "vitest";
import { checkRouteDestinations, glooApproval, glooStatusSchema, httpRequestMatcherSchema, type DestinationReference } from "./gloo-common";

/** The messages checkRouteDestinations reports for a destination list, keyed by path. */
function destinationIssues(destinations: DestinationReference[]): string[] {
  const issues: string[] = [];
  checkRouteDestinations(destinations, { addIssue: (i) => issues.push(`${i.path.join(".")}: ${i.message}`) }, ["destinations"]);
  return issues;
}

const reviews = (weight?: number): DestinationReference => ({ ref: { name: "reviews" }, port: { number: 9080 }, ...(weight === undefined ? {} : { weight }) });

describe("Gloo common types", () => {
  it("applies the forwardTo weight rule only to weighted lists of two or more destinations", () => {
    expect(destinationIssues([reviews(50)])).toEqual([]);
    expect(destinationIssues([reviews(), reviews()])).toEqual([]);
    expect(destinationIssues([reviews(50), reviews(25), reviews()])).toEqual([]);
    expect(destinationIssues([reviews(0), reviews(100)])).toEqual([]); // explicit 0 counts as weighted (drained canary)
    expect(destinationIssues([reviews(50), reviews(25), reviews(25)])).toEqual([]);
    expect(destinationIssues([reviews(50), reviews(50), reviews(25)])).toEqual(["destinations: must have weights that sum to 100 (they sum to 125)"]);
    expect(destinationIssues([reviews(50), reviews(50), reviews()])[0]).toContain("must leave at least 1 of 100");
  });

  it("flags an empty subset map", () => {
    expect(destinationIssues([{ ref: { name: "reviews" }, subset: {} }])).toEqual(["destinations.0.subset: must not be an empty map (omit it to use every endpoint)"]);
  });

  it("reads both status generations without rejecting unknown approval states", () => {
    const status = glooStatusSchema({});
    expect(status.safeParse({ common: { State: { approval: "SOMETHING_NEW", observedGeneration: "4" } } }).success).toBe(true);
    expect(glooApproval({ State: { approval: "ACCEPTED" } })).toBe("ACCEPTED");
    expect(glooApproval({ state: { approval: "WARNING" } })).toBe("WARNING");
    expect(glooApproval(undefined)).toBeUndefined();
    expect(status.safeParse({ global: { state: "ACCEPTED" }, workspaces: { bookinfo: { clusters: { cluster1: { generic: { state: "ACCEPTED" } } } } } }).success).toBe(true);
  });

  it("bounds matcher ports to 0–65535", () => {
    expect(httpRequestMatcherSchema.safeParse({ uri: { prefix: "/reviews" }, port: 0 }).success).toBe(true);
    expect(httpRequestMatcherSchema.safeParse({ port: 65536 }).success).toBe(false);
  });
});
