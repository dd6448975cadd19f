// Helpers for the deploy tests: the manifests in deploy/, server-side apply, a ServiceAccount token.
import fs from "node:fs";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { parseAllDocuments } from "yaml";
import { kubeFetch, kubeJson } from "@/lib/server/sources/kube/http";

export const deployDir = path.resolve(import.meta.dirname, "..", "..", "deploy");

export interface Manifest {
  file: string;
  obj: { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; [key: string]: unknown };
}

/** Every object in deploy/*.yaml (the kustomization excepted), with its file. */
export function deployManifests(): Manifest[] {
  return fs.readdirSync(deployDir).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml").sort().flatMap((file) =>
    parseAllDocuments(fs.readFileSync(path.join(deployDir, file), "utf8")).map((d) => d.toJS()).filter(Boolean).map((obj) => ({ file, obj })),
  );
}

/** The object's URL path, from the server's discovery of its group-version. */
export async function objectUrl(kc: KubeConfig, obj: Manifest["obj"]): Promise<string> {
  const gv = obj.apiVersion;
  const base = gv.includes("/") ? `/apis/${gv}` : `/api/${gv}`;
  const list = await kubeJson<{ resources: { name: string; kind: string; namespaced: boolean }[] }>(kc, { path: base });
  const r = list.resources.find((x) => x.kind === obj.kind && !x.name.includes("/"));
  if (!r) throw new Error(`${obj.kind} is not served in ${gv}`);
  const ns = r.namespaced ? `/namespaces/${obj.metadata.namespace ?? "default"}` : "";
  return `${base}${ns}/${r.name}/${encodeURIComponent(obj.metadata.name)}`;
}

/** Server-side apply (field manager `meshpane`), optionally as a dry run; throws KubeApiError on refusal. */
export async function serverSideApply(kc: KubeConfig, obj: Manifest["obj"], opts: { dryRun?: boolean; url?: string } = {}): Promise<unknown> {
  const res = await kubeFetch(kc, {
    method: "PATCH",
    path: opts.url ?? (await objectUrl(kc, obj)),
    query: { fieldManager: "meshpane", ...(opts.dryRun ? { dryRun: "All" } : {}) },
    body: JSON.stringify(obj),
    contentType: "application/apply-patch+yaml",
  });
  return res.json();
}

/** A token for a ServiceAccount (TokenRequest API), as the pod would have mounted. */
export async function serviceAccountToken(kc: KubeConfig, namespace: string, name: string): Promise<string> {
  const res = await kubeFetch(kc, {
    method: "POST",
    path: `/api/v1/namespaces/${namespace}/serviceaccounts/${name}/token`,
    body: JSON.stringify({ apiVersion: "authentication.k8s.io/v1", kind: "TokenRequest", spec: { expirationSeconds: 3600 } }),
    contentType: "application/json",
  });
  return ((await res.json()) as { status: { token: string } }).status.token;
}

/** Writes a kubeconfig with one context `name` for `server`, authenticated by `token`. */
export function writeTokenKubeconfig(file: string, name: string, server: string, caFile: string, token: string): KubeConfig {
  const config = { apiVersion: "v1", kind: "Config", "current-context": name, clusters: [{ name, cluster: { server, "certificate-authority": caFile } }], users: [{ name, user: { token } }], contexts: [{ name, context: { cluster: name, user: name } }] };
  fs.writeFileSync(file, JSON.stringify(config));
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  return kc;
}
