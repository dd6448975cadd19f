// Installs the generated test CRDs (test/kube/crds/<group>.yaml) into a real API server and waits until
// the server serves them. All CRDs at once: one POST each in parallel, one watch until every CRD is
// Established, then one aggregated-discovery request per poll until every resource is listed.
import fs from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { KubeConfig } from "@kubernetes/client-node";
import { parseAllDocuments } from "yaml";
import { KubeApiError, kubeFetch, kubeJson } from "@/lib/server/sources/kube/http";
import type { Crd } from "./crd-gen";

const CRD_DIR = fileURLToPath(new URL("./crds/", import.meta.url));
const CRD_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
const POLL_MS = 100;

/** What an install did, for logs and for the timing the tests report. */
export interface InstallResult {
  /** CRD names, sorted. */
  installed: string[];
  /** From the first POST until every CRD is Established and listed in discovery. */
  millis: number;
}

/** The checked-in CRDs of the given groups (all groups when omitted), read from test/kube/crds/. */
export async function readCrds(groups?: readonly string[]): Promise<Crd[]> {
  const files = (await fs.readdir(CRD_DIR)).filter((f) => f.endsWith(".yaml")).sort();
  const wanted = groups ?? files.map((f) => f.replace(/\.yaml$/, ""));
  const missing = wanted.filter((g) => !files.includes(`${g}.yaml`));
  if (missing.length > 0) throw new Error(`no generated CRDs for ${missing.join(", ")} in ${CRD_DIR}`);
  const texts = await Promise.all(wanted.map((g) => fs.readFile(`${CRD_DIR}${g}.yaml`, "utf8")));
  return texts.flatMap((t) => parseAllDocuments(t).map((d) => d.toJS() as Crd | null)).filter((c): c is Crd => c !== null);
}

/**
 * Creates the CRDs of `groups` (default: every generated group) and resolves once each is Established
 * and its resource appears in discovery, so a caller can create objects (and discover kinds) at once.
 * A CRD that already exists (409) is left as it is.
 */
export async function installCrds(kc: KubeConfig, groups?: readonly string[], timeoutMs = 60_000): Promise<InstallResult> {
  const crds = await readCrds(groups);
  const started = performance.now();
  await Promise.all(crds.map((crd) => create(kc, crd)));
  const deadline = started + timeoutMs;
  await waitEstablished(kc, crds, deadline);
  await waitDiscovered(kc, crds, deadline);
  return { installed: crds.map((c) => c.metadata.name).sort(), millis: Math.round(performance.now() - started) };
}

async function create(kc: KubeConfig, crd: Crd): Promise<void> {
  try {
    await kubeFetch(kc, { method: "POST", path: CRD_PATH, body: JSON.stringify(crd), contentType: "application/json" });
  } catch (err) {
    if (err instanceof KubeApiError && err.status === 409) return;
    if (err instanceof KubeApiError) {
      const causes = err.causes.map((c) => `\n  ${c.field}: ${c.message}`).join("");
      throw new Error(`CRD ${crd.metadata.name} refused (${err.status} ${err.reason}): ${err.message.slice(0, 500)}${causes}`);
    }
    throw err;
  }
}

interface CrdState {
  metadata: { name: string };
  status?: { conditions?: { type: string; status: string; message?: string }[] };
}

const established = (c: CrdState) => c.status?.conditions?.some((x) => x.type === "Established" && x.status === "True") ?? false;

/**
 * Lists the CRDs once, then watches them until every one is Established. Polling the list instead would
 * fetch every schema (megabytes) again and again from a server that is busy establishing them.
 */
async function waitEstablished(kc: KubeConfig, crds: Crd[], deadline: number): Promise<void> {
  const pending = new Set(crds.map((c) => c.metadata.name));
  const last = new Map<string, CrdState>();
  const see = (c: CrdState) => {
    last.set(c.metadata.name, c);
    if (established(c)) pending.delete(c.metadata.name);
  };
  const list = await kubeJson<{ metadata: { resourceVersion: string }; items: CrdState[] }>(kc, { path: CRD_PATH });
  list.items.forEach(see);
  let resourceVersion = list.metadata.resourceVersion;
  while (pending.size > 0) {
    const left = deadline - performance.now();
    if (left <= 0) {
      const why = [...pending].map((n) => `${n}: ${JSON.stringify(last.get(n)?.status?.conditions ?? [])}`);
      throw new Error(`CRDs not Established in time:\n${why.join("\n")}`);
    }
    // A watch may end early (server timeout); it resumes from the last version seen.
    const timeoutSeconds = Math.max(1, Math.ceil(left / 1000));
    const res = await kubeFetch(kc, { path: CRD_PATH, query: { watch: true, resourceVersion, allowWatchBookmarks: true, timeoutSeconds } });
    for await (const event of jsonLines(res)) {
      const object = event.object as CrdState & { metadata: { resourceVersion?: string } };
      if (event.type === "ERROR") throw new Error(`watching CRDs: ${JSON.stringify(object)}`);
      resourceVersion = object.metadata.resourceVersion ?? resourceVersion;
      if (event.type !== "BOOKMARK") see(object);
      if (pending.size === 0) break;
    }
  }
}

async function* jsonLines(res: Response): AsyncGenerator<{ type: string; object: unknown }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buf += decoder.decode(value, { stream: true });
      let nl;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line) yield JSON.parse(line) as { type: string; object: unknown };
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined); // leaving early closes the watch
  }
}

/** Aggregated discovery: every group, version and resource in one answer (GA since Kubernetes 1.30). */
const AGGREGATED_DISCOVERY = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
interface GroupDiscoveryList {
  items: { metadata: { name: string }; versions: { version: string; resources: { resource: string }[] }[] }[];
}

/**
 * Established precedes discovery (and the handler) by a moment; seeding discovers kinds first, so wait
 * until discovery lists every new resource in every version. One request per poll, whatever the count.
 */
async function waitDiscovered(kc: KubeConfig, crds: Crd[], deadline: number): Promise<void> {
  const wanted = crds.flatMap((c) => c.spec.versions.map((v) => `${c.spec.group}/${v.name}/${c.spec.names.plural}`));
  for (;;) {
    const list = await kubeJson<GroupDiscoveryList>(kc, { path: "/apis", headers: [["accept", AGGREGATED_DISCOVERY]] });
    const served = new Set(list.items.flatMap((g) => g.versions.flatMap((v) => v.resources.map((r) => `${g.metadata.name}/${v.version}/${r.resource}`))));
    const missing = wanted.filter((w) => !served.has(w));
    if (missing.length === 0) return;
    if (performance.now() > deadline) throw new Error(`discovery does not list ${missing.join(", ")} in time`);
    await sleep(POLL_MS);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
