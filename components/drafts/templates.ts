import { stringify } from "yaml";
import type { KindDef } from "@/lib/model/meta";
import { allKinds } from "@/lib/model/registry";
import { isEditableGroup } from "./draft-items";

/** The kinds a person edits from Meshpane: Gloo v2 and v1, Gateway API and Gloo Gateway configuration (not discovery outputs). */
export const editableKinds: readonly KindDef[] = allKinds.filter((k) => isEditableGroup(k.group));

/** Kind-specific starting specs: just enough for the object to be valid, to be filled in. */
const SPECS: Record<string, (name: string, namespace: string) => Record<string, unknown>> = {
  RouteTable: (name, ns) => ({ hosts: [`${name}.${ns}.svc.cluster.local`], http: [{ name, forwardTo: { destinations: [{ ref: { name, namespace: ns }, port: { number: 8080 } }] } }] }),
  VirtualDestination: (name) => ({ hosts: [`${name}.mesh.internal`], services: [{ labels: { app: name } }], ports: [{ number: 80, protocol: "HTTP" }] }),
  Workspace: () => ({ workloadClusters: [{ name: "*", namespaces: [{ name: "*" }] }] }),
  WorkspaceSettings: () => ({ importFrom: [], exportTo: [] }),
};

/** A minimal object of a kind, as YAML, for a new draft. */
export function templateYaml(def: KindDef, name: string, namespace: string): string {
  const policy = def.kind.endsWith("Policy") && def.group.includes("policy");
  const spec = SPECS[def.kind]?.(name, namespace) ?? (policy ? { applyToRoutes: [{ route: { labels: { "route.example.com/name": name } } }], config: {} } : {});
  const metadata = def.namespaced ? { name, namespace } : { name };
  return stringify({ apiVersion: `${def.group}/${def.versions[0]}`, kind: def.kind, metadata, spec }, { lineWidth: 0 });
}

