/** What `GET /api/v1/clusters` answers per cluster. Shared by the server and the browser. */

export type HealthStateView = "Connecting" | "Healthy" | "Degraded" | "Stale";

export interface SourceProblemView {
  file?: string;
  line?: number;
  object?: string;
  message: string;
}

export interface ClusterView {
  cluster: string;
  namespace: "";
  name: string;
  management: boolean;
  source: { kind: "directory" | "kubeconfig" | "inCluster"; description: string };
  health: { state: HealthStateView; since: number; lastSyncAt: number | null; lastError: string | null };
  /** Why Meshpane does not write to this cluster (e.g. it may not impersonate users), or null when it does. */
  readOnly: string | null;
  /** Source problems (for platform admins; file paths and objects of every team). */
  problems: SourceProblemView[];
  /** How many problems the caller is not shown (a team member sees only the count). */
  hiddenProblems: number;
  /** API groups Meshpane models that this cluster does not serve (their CRDs are not installed). */
  absentGroups: string[];
  counts: { objects: number; namespaces: number; pods: number; services: number; meshes: number; workloads: number; destinations: number };
}
