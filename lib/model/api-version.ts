// Names of kinds and API versions, free of the schemas: client code that only keys refs imports this, not
// the registry (which loads every zod schema).

/** `Kind.group` as kubectl writes it (`Deployment.apps`, `RouteTable.networking.gloo.solo.io`); core kinds are bare. */
export function groupKind(group: string, kind: string): string {
  return group === "" ? kind : `${kind}.${group}`;
}

/** Splits an apiVersion into group and version (`v1` → core group). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf("/");
  return slash < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
