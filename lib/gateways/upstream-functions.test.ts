import { describe, expect, it } from "vitest";
import type { Upstream } from "../model/gloo-edge-upstream";
import { decodeBase64, descriptorMethods } from "./proto-descriptors";
import { openApiFunctionNames, upstreamFunctions } from "./upstream-functions";

// FileDescriptorSet { file: { name: bookstore.proto, package: main, service: Bookstore { ListShelves, GetShelf } } }
const DESCRIPTOR = "Cj8KD2Jvb2tzdG9yZS5wcm90bxIEbWFpbjImCglCb29rc3RvcmUSDQoLTGlzdFNoZWx2ZXMSCgoIR2V0U2hlbGY=";

describe("function inventory (reference §8.8)", () => {
  it("names OpenAPI operations as Gloo discovery does: operationId, else method and path with / as .", () => {
    expect(openApiFunctionNames({ paths: { "/api/pets": { get: {}, post: { operationId: "addPet" } } } })).toEqual(["get.api.pets", "addPet"]);
    expect(openApiFunctionNames("not a document")).toEqual([]);
  });

  it("lists gRPC methods from a descriptor set and ignores garbage", () => {
    const bytes = decodeBase64(DESCRIPTOR);
    expect(bytes && descriptorMethods(bytes)).toEqual([{ service: "main.Bookstore", method: "ListShelves" }, { service: "main.Bookstore", method: "GetShelf" }]);
    expect(decodeBase64("not*base64")).toBeNull();
    expect(descriptorMethods(Uint8Array.from([0x0a, 0xff, 0xff]))).toEqual([]);
  });

  it("collects REST, Lambda, Azure and gRPC functions, spec first, de-duplicated", () => {
    const up = { apiVersion: "gloo.solo.io/v1", kind: "Upstream", metadata: { name: "u" }, spec: { aws: { region: "r", lambdaFunctions: [{ logicalName: "hello", lambdaFunctionName: "hello-fn" }, { lambdaFunctionName: "bare" }] } } } as unknown as Upstream;
    expect(upstreamFunctions(up).map((f) => `${f.type}:${f.name}`)).toEqual(["lambda:hello", "lambda:bare"]);
    const rest = { apiVersion: "gloo.solo.io/v1", kind: "Upstream", metadata: { name: "p" }, spec: { kube: { serviceName: "p", serviceNamespace: "d", servicePort: 80, serviceSpec: { rest: { transformations: { findPetById: {} } } } } } } as unknown as Upstream;
    expect(upstreamFunctions(rest, { paths: { "/pets/{id}": { get: { operationId: "findPetById" } }, "/pets": { post: {} } } }).map((f) => `${f.name}/${f.source}`)).toEqual(["findPetById/spec", "post.pets/openapi"]);
  });
});
