// The checked-in CRDs (test/kube/crds/) must be what the generator makes from today's zod schemas, and the
// schema conversion must keep to the structural rules. The API server's own verdict is in crds-real.test.ts.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { caseInsensitiveEnum, intLikeSchema } from "@/lib/model/fields";
import { crdKinds, crdOf, crdsByGroup, GENERATE_COMMAND, renderCrdFiles } from "./crd-gen";
import { structuralSchemaOf, type StructuralSchema } from "./structural-schema";

const dir = fileURLToPath(new URL("./crds/", import.meta.url));

describe("checked-in CRDs", () => {
  it("equal the generator's output for the current zod schemas", () => {
    const expected = renderCrdFiles();
    const present = fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
    const hint = `test/kube/crds/ is out of date with lib/model: run \`${GENERATE_COMMAND}\` and check in the result`;
    expect(present, hint).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) expect(fs.readFileSync(`${dir}${name}`, "utf8") === content, `${name}: ${hint}`).toBe(true);
  });

  it("cover every modelled kind outside kube-apiserver's own groups, one CRD each", () => {
    const names = [...crdsByGroup().values()].flat().map((c) => c.metadata.name);
    expect(names).toHaveLength(crdKinds().length);
    expect(names).toContain("routetables.networking.gloo.solo.io");
    expect(names).not.toContain("deployments.apps");
  });

  it("are structural: typed nodes, no typed anyOf/oneOf, no $ref or default, properties xor additionalProperties", () => {
    for (const crd of [...crdsByGroup().values()].flat()) {
      for (const v of crd.spec.versions) expect(structuralProblems(v.schema.openAPIV3Schema, ""), `${crd.metadata.name} ${v.name}`).toEqual([]);
    }
  });

  it("store the version the real CRDs store, serve every listed version, and carry Gateway API's approval annotation", () => {
    const crd = (name: string) => [...crdsByGroup().values()].flat().find((c) => c.metadata.name === name)!;
    const storage = (name: string) => crd(name).spec.versions.filter((v) => v.storage).map((v) => v.name);
    expect(storage("virtualservices.networking.istio.io")).toEqual(["v1alpha3"]);
    expect(storage("authorizationpolicies.security.istio.io")).toEqual(["v1beta1"]);
    expect(storage("referencegrants.gateway.networking.k8s.io")).toEqual(["v1beta1"]);
    expect(storage("httproutes.gateway.networking.k8s.io")).toEqual(["v1"]);
    expect(storage("routetables.networking.gloo.solo.io")).toEqual(["v2"]);
    expect(crd("virtualservices.networking.istio.io").spec.versions.map((v) => v.name)).toEqual(["v1", "v1beta1", "v1alpha3"]);
    expect(crd("httproutes.gateway.networking.k8s.io").metadata.annotations?.["api-approved.kubernetes.io"]).toMatch(/^https:/);
    expect(crd("routetables.networking.gloo.solo.io").metadata.annotations).toBeUndefined();
    const root = crd("routetables.networking.gloo.solo.io").spec.versions[0]!.schema.openAPIV3Schema;
    expect(root.properties?.metadata).toEqual({ type: "object" });
    expect(crd("routetables.networking.gloo.solo.io").spec).toMatchObject({ scope: "Namespaced", names: { kind: "RouteTable", listKind: "RouteTableList", plural: "routetables", singular: "routetable" } });
  });
});

describe("structuralSchemaOf", () => {
  const of = (shape: z.ZodRawShape) => structuralSchemaOf(z.looseObject(shape)).properties!;

  it("keeps unknown fields of loose objects and maps records to typed additionalProperties", () => {
    const s = structuralSchemaOf(z.looseObject({ labels: z.record(z.string(), z.string()), any: z.record(z.string(), z.unknown()) }));
    expect(s["x-kubernetes-preserve-unknown-fields"]).toBe(true);
    expect(s.properties?.labels).toEqual({ type: "object", additionalProperties: { type: "string" } });
    expect(s.properties?.any).toEqual({ type: "object", "x-kubernetes-preserve-unknown-fields": true });
  });

  it("keeps case-sensitive enums and literal unions; case-insensitive enums become plain strings", () => {
    const p = of({ a: z.enum(["KUBE", "VM"]), b: z.union([z.literal("x"), z.literal("y")]), c: caseInsensitiveEnum(["HTTP", "TCP"]) });
    expect(p.a).toEqual({ type: "string", enum: ["KUBE", "VM"] });
    expect(p.b).toEqual({ type: "string", enum: ["x", "y"] });
    expect(p.c).toEqual({ type: "string" });
  });

  it("maps int|string (and proto enums written as name or number) to x-kubernetes-int-or-string", () => {
    const p = of({ a: intLikeSchema, b: z.union([z.enum(["SYNC", "ASYNC"]), z.number().int()]) });
    expect(p.a).toEqual({ "x-kubernetes-int-or-string": true });
    expect(p.b).toEqual({ "x-kubernetes-int-or-string": true });
  });

  it("collapses object unions to the fields every branch shares; unrelated types become any value", () => {
    const p = of({
      u: z.union([z.looseObject({ kind: z.literal("a"), port: z.number().int() }), z.looseObject({ kind: z.literal("b"), host: z.string() })]),
      v: z.union([z.string(), z.array(z.string())]),
    });
    expect(p.u).toEqual({ type: "object", properties: { kind: { type: "string", enum: ["a", "b"] }, port: { "x-kubernetes-preserve-unknown-fields": true }, host: { "x-kubernetes-preserve-unknown-fields": true } }, required: ["kind"], "x-kubernetes-preserve-unknown-fields": true });
    expect(p.v).toEqual({ "x-kubernetes-preserve-unknown-fields": true });
  });

  it("keeps bounds and required only where zod is certain; drops zod's safe-integer bounds, formats and flagged regexes", () => {
    const s = structuralSchemaOf(z.looseObject({ port: z.number().int().min(1).max(65535), n: z.number().int(), u: z.unknown(), d: z.string().default("x"), e: z.email(), r: z.string().regex(/^a$/i), p: z.string().regex(/^[a-z]+$/) }));
    expect(s.required).toEqual(["port", "n", "e", "r", "p"]);
    expect(s.properties?.port).toEqual({ type: "integer", minimum: 1, maximum: 65535 });
    expect(s.properties?.n).toEqual({ type: "integer" });
    expect(s.properties?.e).toEqual({ type: "string" });
    expect(s.properties?.r).toEqual({ type: "string" });
    expect(s.properties?.p).toEqual({ type: "string", pattern: "^[a-z]+$" });
    expect(JSON.stringify(s)).not.toMatch(/"default"|"\$ref"|"format"/);
  });

  it("writes nullable fields with nullable, and a recursive schema down to one level of any value", () => {
    type Node = { name?: string; children?: Node[] };
    const node: z.ZodType<Node> = z.looseObject({ name: z.string().optional(), children: z.lazy(() => z.array(node)).optional() });
    const s = structuralSchemaOf(z.looseObject({ flag: z.boolean().nullable(), obj: z.union([z.looseObject({}), z.null()]), tree: node }));
    expect(s.properties?.flag).toEqual({ type: "boolean", nullable: true });
    expect(s.properties?.obj).toEqual({ type: "object", nullable: true, "x-kubernetes-preserve-unknown-fields": true });
    expect(s.properties?.tree?.properties?.children).toEqual({ type: "array", items: { "x-kubernetes-preserve-unknown-fields": true } });
    expect(structuralProblems(s, "")).toEqual([]);
  });

  it("produces a valid CRD for every kind in isolation", () => {
    for (const def of crdKinds()) expect(crdOf(def).spec.versions.every((v) => v.schema.openAPIV3Schema.type === "object")).toBe(true);
  });
});

const VALUE_ONLY = new Set(["pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "enum", "minItems", "maxItems"]);

/** The structural rules this generator can break, checked locally (the API server checks them all). */
function structuralProblems(s: StructuralSchema, at: string): string[] {
  const problems: string[] = [];
  const raw = s as Record<string, unknown>;
  for (const bad of ["$ref", "$schema", "default", "anyOf", "oneOf", "const", "format", "uniqueItems"]) if (bad in raw) problems.push(`${at}: has ${bad}`);
  if (s.type === undefined && !s["x-kubernetes-int-or-string"] && !s["x-kubernetes-preserve-unknown-fields"]) problems.push(`${at}: has no type`);
  if (s.properties && s.additionalProperties) problems.push(`${at}: has properties and additionalProperties`);
  if (s.type === "array" && !s.items) problems.push(`${at}: array without items`);
  for (const a of s.allOf ?? []) if (Object.keys(a).some((k) => !VALUE_ONLY.has(k))) problems.push(`${at}: allOf with more than value validations`);
  for (const [k, v] of Object.entries(s.properties ?? {})) problems.push(...structuralProblems(v, `${at}.${k}`));
  if (s.items) problems.push(...structuralProblems(s.items, `${at}[]`));
  if (s.additionalProperties) problems.push(...structuralProblems(s.additionalProperties, `${at}{}`));
  return problems;
}
