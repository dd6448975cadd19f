import type { WorkloadView } from "../discovery/types";
import type { KubeObject } from "../model/meta";
import { matchesLabels } from "../snapshot/labels";
import type { ObjectRef } from "../snapshot/ref";
import type { Snapshot } from "../snapshot/snapshot";
import { describeRef } from "../workspaces/findings";
import type { Diagnostic, ValidateContext } from "./types";

/** One Istio object a cluster would hold: translated or live. */
export interface IstioItem {
  cluster: string;
  object: KubeObject;
  ref: ObjectRef;
}

type Labels = Record<string, string>;

function itemKey(cluster: string, o: KubeObject): string {
  return `${cluster}|${o.apiVersion}|${o.kind}|${o.metadata.namespace ?? ""}|${o.metadata.name}`;
}
type Rec = Record<string, unknown>;

/**
 * Per-cluster lookups for the Istio-level checks: the host registry (Services and ServiceEntry hosts),
 * subsets per host, Gateways, endpoint labels per host, and workloads by namespace. Built once; every
 * lookup is a Map hit or proportional to its answer.
 */
export class IstioIndex {
  private readonly serviceHosts = new Map<string, Map<string, Labels>>();
  private readonly entryHosts = new Map<string, Map<string, IstioItem[]>>();
  private readonly subsets = new Map<string, Set<string>>();
  private readonly gateways = new Set<string>();
  private readonly workloads = new Map<string, WorkloadView[]>();
  private readonly parentsByKey = new Map<string, ObjectRef[]>();
  private readonly domains = new Map<string, string>();

  constructor(snapshot: Snapshot, private readonly ctx: ValidateContext, private readonly items: readonly IstioItem[]) {
    for (const dst of ctx.discovery.destinations) {
      const prefix = `${dst.name}.${dst.namespace}.svc.`;
      if (!this.domains.has(dst.cluster) && dst.localFqdn.startsWith(prefix)) this.domains.set(dst.cluster, dst.localFqdn.slice(prefix.length));
    }
    for (const c of snapshot.clusters) {
      const hosts = new Map<string, Labels>();
      for (const svc of c.byKind.get("Service") ?? []) {
        const selector = ((svc.spec ?? {}) as { selector?: Labels }).selector ?? {};
        hosts.set(`${svc.metadata.name}.${svc.metadata.namespace ?? ""}.svc.${this.domains.get(c.name) ?? "cluster.local"}`, selector);
      }
      this.serviceHosts.set(c.name, hosts);
    }
    for (const w of ctx.discovery.workloads) {
      const k = `${w.cluster}/${w.namespace}`;
      this.workloads.set(k, [...(this.workloads.get(k) ?? []), w]);
    }
    for (const o of ctx.translation.outputs) this.parentsByKey.set(itemKey(o.cluster, o.object), o.parents.slice(0, 1));
    for (const item of items) this.indexItem(item);
  }

  private indexItem(item: IstioItem): void {
    const spec = (item.object.spec ?? {}) as Rec;
    if (item.object.kind === "ServiceEntry") {
      const hosts = this.entryHosts.get(item.cluster) ?? new Map<string, IstioItem[]>();
      for (const h of (spec.hosts as string[] | undefined) ?? []) hosts.set(h, [...(hosts.get(h) ?? []), item]);
      this.entryHosts.set(item.cluster, hosts);
    } else if (item.object.kind === "DestinationRule") {
      const host = this.qualify(String(spec.host ?? ""), item.ref.namespace);
      const key = `${item.cluster}|${host}`;
      const set = this.subsets.get(key) ?? new Set<string>();
      for (const s of (spec.subsets as { name?: string }[] | undefined) ?? []) if (s.name) set.add(s.name);
      this.subsets.set(key, set);
    } else if (item.object.kind === "Gateway") {
      this.gateways.add(`${item.cluster}|${item.ref.namespace}/${item.ref.name}`);
    }
  }

  /** The Gloo parent a translated object names (empty for live objects). */
  parents(item: IstioItem): ObjectRef[] {
    return this.parentsByKey.get(itemKey(item.cluster, item.object)) ?? [];
  }

  /** A short host (`reviews`) as the FQDN Istio resolves it to from `namespace`. */
  qualify(host: string, namespace: string): string {
    return host.includes(".") || host === "" || host === "*" ? host : `${host}.${namespace}.svc.cluster.local`;
  }

  knownHost(cluster: string, host: string): boolean {
    if (this.serviceHosts.get(cluster)?.has(host)) return true;
    const entries = this.entryHosts.get(cluster);
    if (!entries) return false;
    if (entries.has(host)) return true;
    for (const h of entries.keys()) if (h.startsWith("*.") && host.endsWith(h.slice(1))) return true;
    return false;
  }

  hasSubset(cluster: string, host: string, subset: string): boolean {
    return this.subsets.get(`${cluster}|${host}`)?.has(subset) ?? false;
  }

  hasGateway(cluster: string, gateway: string, namespace: string): boolean {
    const key = gateway.includes("/") ? gateway : `${namespace}/${gateway}`;
    return this.gateways.has(`${cluster}|${key}`);
  }

  isRootNamespace(cluster: string, namespace: string): boolean {
    return this.ctx.discovery.meshes.some((m) => m.cluster === cluster && m.installation.namespace === namespace);
  }

  workloadMatches(cluster: string, namespace: string | undefined, labels: Labels): boolean {
    if (namespace !== undefined) return (this.workloads.get(`${cluster}/${namespace}`) ?? []).some((w) => matchesLabels(labels, w.podLabels));
    return this.ctx.discovery.workloads.some((w) => w.cluster === cluster && matchesLabels(labels, w.podLabels));
  }

  /** Label sets of a host's endpoints, or undefined when Meshpane cannot know them (DNS-resolved hosts). */
  endpointLabels(cluster: string, host: string): Labels[] | undefined {
    const out: Labels[] = [];
    const service = this.serviceHosts.get(cluster)?.get(host);
    const ns = host.split(".")[1] ?? "";
    if (service && Object.keys(service).length > 0) out.push(...(this.workloads.get(`${cluster}/${ns}`) ?? []).filter((w) => matchesLabels(service, w.podLabels)).map((w) => w.podLabels));
    let unknown = service !== undefined && Object.keys(service).length === 0;
    for (const se of this.entryHosts.get(cluster)?.get(host) ?? []) {
      const spec = (se.object.spec ?? {}) as { endpoints?: { labels?: Labels }[]; workloadSelector?: { labels?: Labels }; resolution?: string };
      for (const e of spec.endpoints ?? []) out.push(e.labels ?? {});
      const sel = spec.workloadSelector?.labels;
      if (sel) {
        out.push(...(this.workloads.get(`${cluster}/${se.ref.namespace}`) ?? []).filter((w) => matchesLabels(sel, w.podLabels)).map((w) => w.podLabels));
        out.push(...this.items.filter((i) => i.cluster === cluster && i.object.kind === "WorkloadEntry" && i.ref.namespace === se.ref.namespace).map((i) => ((i.object.spec ?? {}) as { labels?: Labels }).labels ?? {}).filter((l) => matchesLabels(sel, l)));
      }
      if (!sel && (spec.endpoints ?? []).length === 0) unknown = true;
    }
    return unknown && out.length === 0 ? undefined : out;
  }

  /** MP6005 (VirtualService host per gateway), MP6006 (ServiceEntry host and port), MP6007 (DestinationRule host and subset). */
  duplicateClaims(): Diagnostic[] {
    const claims = new Map<string, IstioItem[]>();
    const claim = (key: string, item: IstioItem) => claims.set(key, [...(claims.get(key) ?? []), item]);
    for (const item of this.items) {
      const spec = (item.object.spec ?? {}) as Rec;
      if (item.object.kind === "VirtualService") {
        for (const h of (spec.hosts as string[] | undefined) ?? []) for (const g of (spec.gateways as string[] | undefined) ?? ["mesh"]) if (h !== "*") claim(`MP6005|${item.cluster}|${g === "mesh" ? g : this.qualifyGateway(g, item.ref.namespace)}|${h}`, item);
      } else if (item.object.kind === "ServiceEntry") {
        for (const h of (spec.hosts as string[] | undefined) ?? []) for (const p of (spec.ports as { number?: number }[] | undefined) ?? []) claim(`MP6006|${item.cluster}|${h}:${p.number ?? 0}`, item);
      } else if (item.object.kind === "DestinationRule") {
        for (const s of (spec.subsets as { name?: string }[] | undefined) ?? []) claim(`MP6007|${item.cluster}|${this.qualify(String(spec.host ?? ""), item.ref.namespace)}#${s.name ?? ""}`, item);
      }
    }
    const out: Diagnostic[] = [];
    for (const [key, list] of claims) {
      if (list.length < 2) continue;
      const [code = "", , , what = ""] = key.split("|");
      for (let i = 1; i < list.length; i++) {
        const a = list[i];
        // Istio reads a client namespace's own DestinationRule first, so only rules in one namespace collide.
        const b = list.slice(0, i).find((x) => a && (code === "MP6007" ? x.ref.namespace === a.ref.namespace : this.visibleTogether(a, x)));
        if (!a || !b) continue;
        out.push({ code, severity: "warning", message: `${describeRef(a.ref)} should not claim ${what.replace("#", " subset ")} that ${describeRef(b.ref)} already claims for the same clients`, objects: [a.ref, b.ref, ...this.parents(a)], field: code === "MP6005" ? "spec.hosts" : code === "MP6006" ? "spec.ports" : "spec.subsets" });
      }
    }
    return out;
  }

  private qualifyGateway(g: string, namespace: string): string {
    return g.includes("/") ? g : `${namespace}/${g}`;
  }

  /** True when some namespace sees both objects (exportTo `.` = own namespace, absent or `*` = all). */
  private visibleTogether(a: IstioItem, b: IstioItem): boolean {
    const scope = (i: IstioItem): Set<string> | "all" => {
      const list = ((i.object.spec ?? {}) as { exportTo?: string[] }).exportTo;
      if (!list || list.length === 0 || list.includes("*")) return "all";
      return new Set(list.map((n) => (n === "." ? i.ref.namespace : n)));
    };
    const sa = scope(a);
    const sb = scope(b);
    if (sa === "all" || sb === "all") return true;
    for (const n of sa) if (sb.has(n)) return true;
    return false;
  }
}
