import type { Upstream } from "../model/gloo-edge-upstream";
import { decodeBase64, descriptorMethods } from "./proto-descriptors";

/**
 * The functions an Upstream exposes (reference §8.8 "Functions inventory"): REST = keys of
 * `serviceSpec.rest.transformations` plus the operations of its OpenAPI document when the caller passes one;
 * Lambda = `lambdaFunctions[].logicalName`; Azure = `functions[].functionName`; gRPC = methods in the
 * transcoder's descriptor set (or the deprecated `grpc.grpcServices[].functionNames`).
 */
export interface UpstreamFunction {
  name: string;
  type: "rest" | "lambda" | "azure" | "grpc";
  /** Where the name comes from: the Upstream spec, its OpenAPI document, or a gRPC descriptor set. */
  source: "spec" | "openapi" | "descriptor";
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Function names of an OpenAPI (swagger) document as Gloo's discovery names them: `operationId`, else the
 * lower-case method and the path with `/` turned into `.` (`get.api.pets`). Unknown shapes give no names.
 */
export function openApiFunctionNames(doc: unknown): string[] {
  const paths = (doc as { paths?: unknown } | null)?.paths;
  if (typeof paths !== "object" || paths === null) return [];
  const out: string[] = [];
  for (const [path, item] of Object.entries(paths as Record<string, unknown>)) {
    if (typeof item !== "object" || item === null) continue;
    for (const method of HTTP_METHODS) {
      const op = (item as Record<string, unknown>)[method];
      if (typeof op !== "object" || op === null) continue;
      const id = (op as { operationId?: unknown }).operationId;
      out.push(typeof id === "string" && id !== "" ? id : `${method}${path.replace(/\//g, ".")}`);
    }
  }
  return out;
}

function serviceSpecOf(up: Upstream) {
  return up.spec.kube?.serviceSpec ?? up.spec.static?.serviceSpec;
}

function grpcFunctions(up: Upstream): UpstreamFunction[] {
  const spec = serviceSpecOf(up);
  const out: UpstreamFunction[] = [];
  for (const svc of spec?.grpc?.grpcServices ?? []) {
    const prefix = [svc.packageName, svc.serviceName].filter((x) => x !== undefined && x !== "").join(".");
    for (const fn of svc.functionNames ?? []) out.push({ name: prefix ? `${prefix}/${fn}` : fn, type: "grpc", source: "spec" });
  }
  const transcoder = spec?.grpcJsonTranscoder;
  const bin = transcoder?.protoDescriptorBin ?? transcoder?.protoDescriptor;
  if (bin !== undefined) {
    const bytes = decodeBase64(bin);
    const wanted = transcoder?.services;
    for (const m of bytes ? descriptorMethods(bytes) : []) {
      if (wanted === undefined || wanted.length === 0 || wanted.includes(m.service)) out.push({ name: `${m.service}/${m.method}`, type: "grpc", source: "descriptor" });
    }
  }
  return out;
}

/** Every function of an Upstream, de-duplicated by name (spec first), in a stable order. */
export function upstreamFunctions(up: Upstream, openApiDoc?: unknown): UpstreamFunction[] {
  const out: UpstreamFunction[] = [];
  const rest = serviceSpecOf(up)?.rest;
  for (const name of Object.keys(rest?.transformations ?? {})) out.push({ name, type: "rest", source: "spec" });
  if (openApiDoc !== undefined) for (const name of openApiFunctionNames(openApiDoc)) out.push({ name, type: "rest", source: "openapi" });
  // logicalName is what routes name; lambdaFunctionName stands in when it is empty [UNKNOWN default].
  for (const fn of up.spec.aws?.lambdaFunctions ?? []) out.push({ name: fn.logicalName || fn.lambdaFunctionName, type: "lambda", source: "spec" });
  for (const fn of up.spec.azure?.functions ?? []) out.push({ name: fn.functionName, type: "azure", source: "spec" });
  out.push(...grpcFunctions(up));
  const seen = new Set<string>();
  return out.filter((f) => (seen.has(f.name) ? false : (seen.add(f.name), true)));
}
