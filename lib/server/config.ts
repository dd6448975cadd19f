import "server-only";
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { toFieldErrors } from "@/lib/model/errors";

const sourceSchema = z.union([
  z.strictObject({ directory: z.string().min(1, "must be a directory path") }),
  z.strictObject({ kubeconfig: z.strictObject({ path: z.string().optional(), context: z.string().min(1, "must name a kubeconfig context") }) }),
  z.strictObject({ inCluster: z.literal(true) }),
]);

const clusterSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS label (lowercase letters, digits and '-')"),
  management: z.boolean().optional(),
  source: sourceSchema,
});

const ROLES = ["platform-admin", "workspace-admin", "editor", "viewer"] as const;

const oidcSchema = z.strictObject({
  issuer: z.url("must be the issuer URL of the OpenID provider"),
  clientId: z.string().min(1, "must be the client id registered at the provider"),
  /** Name of the environment variable holding the client secret (the secret never goes in this file). */
  clientSecretEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must be an environment variable name").optional(),
  /** A file holding the client secret (e.g. a mounted Kubernetes Secret). */
  clientSecretFile: z.string().min(1, "must be a file path").optional(),
  redirectUri: z.url("must be this server's callback URL, ending in /api/v1/auth/oidc/callback"),
  groupsClaim: z.string().min(1, "must name the ID token claim listing groups").default("groups"),
  scopes: z.array(z.string().min(1)).optional(),
}).refine((o) => !(o.clientSecretEnv && o.clientSecretFile), { message: "must set at most one of clientSecretEnv and clientSecretFile", path: ["clientSecretEnv"] });

const roleMappingSchema = z.strictObject({
  group: z.string().min(1, "must name a group of the identity provider"),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` }),
  workspace: z.string().min(1, "must name a workspace").optional(),
}).refine((r) => (r.role === "platform-admin") === (r.workspace === undefined), { message: "must name a workspace for workspace roles and none for platform-admin", path: ["workspace"] });

const authSchema = z.strictObject({
  oidc: oidcSchema.optional(),
  roles: z.array(roleMappingSchema).default([]),
  /** The demo sign-in page with seeded users (no password): off unless set; the bundled demo has it on. */
  demo: z.boolean().optional(),
  /** Hours a session lasts. */
  sessionHours: z.number().positive("must be a positive number of hours").max(24 * 30, "must be at most 720").optional(),
});

const configSchema = z.strictObject({
  clusters: z.array(clusterSchema).min(1, "must list at least one cluster"),
  auth: authSchema.optional(),
  /** Seconds without a successful sync after which a cluster is Stale. */
  staleAfterSeconds: z.number().int().positive().optional(),
}).refine((c) => c.clusters.filter((x) => x.management).length <= 1, { message: "must mark at most one cluster as management", path: ["clusters"] })
  .refine((c) => new Set(c.clusters.map((x) => x.name)).size === c.clusters.length, { message: "must give every cluster a unique name", path: ["clusters"] });

export type Role = (typeof ROLES)[number];
export type OidcConfig = Omit<z.infer<typeof oidcSchema>, "clientSecretEnv" | "clientSecretFile"> & {
  /** Where the secret is read from at sign-in time; the secret itself is never kept in the configuration. */
  clientSecret: { env: string } | { file: string } | null;
};
export interface AuthConfig {
  oidc: OidcConfig | null;
  roles: z.infer<typeof roleMappingSchema>[];
  demo: boolean;
  sessionHours: number;
}
export type ClusterSourceConfig = z.infer<typeof sourceSchema>;
export type ClusterConfig = z.infer<typeof clusterSchema> & { management: boolean };
export interface MeshpaneConfig {
  clusters: ClusterConfig[];
  staleAfterSeconds: number;
  /** Sign-in settings; absent means none is enabled (see `authOf`). */
  auth?: AuthConfig;
  /** Where the configuration came from, for the UI ("bundled demo" or a file path). */
  origin: string;
}

/** The bundled demo (no configuration file): the demo sign-in only. */
const DEMO_AUTH: AuthConfig = { oidc: null, roles: [], demo: true, sessionHours: 12 };
/** A configuration file without an `auth` section: no way to sign in until one is configured (safe default). */
const NO_AUTH: AuthConfig = { oidc: null, roles: [], demo: false, sessionHours: 12 };

/** The sign-in settings of a configuration (none enabled when it has none). */
export function authOf(config: MeshpaneConfig): AuthConfig {
  return config.auth ?? NO_AUTH;
}

export const DEMO_DIR = path.join("examples", "bookinfo-multicluster");

/** The bundled demo: a management cluster and two workload clusters as directories of YAML. */
export function demoConfig(root: string): MeshpaneConfig {
  const dir = (name: string) => path.join(root, DEMO_DIR, name);
  return {
    origin: "bundled demo",
    staleAfterSeconds: 60,
    auth: DEMO_AUTH,
    clusters: [
      { name: "mgmt", management: true, source: { directory: dir("mgmt") } },
      { name: "cluster-1", management: false, source: { directory: dir("cluster-1") } },
      { name: "cluster-2", management: false, source: { directory: dir("cluster-2") } },
    ],
  };
}

/**
 * Reads `MESHPANE_CONFIG` or `meshpane.config.yaml` in the working directory; with neither, the
 * bundled demo. Relative directory and kubeconfig paths are taken from the config file's folder.
 * A bad file is an error naming the field, never a silent fallback.
 */
export function loadConfig(cwd: string = process.cwd(), env: Readonly<Record<string, string | undefined>> = process.env): MeshpaneConfig {
  const file = env.MESHPANE_CONFIG ? path.resolve(cwd, env.MESHPANE_CONFIG) : path.join(cwd, "meshpane.config.yaml");
  if (!fs.existsSync(file)) {
    if (env.MESHPANE_CONFIG) throw new Error(`MESHPANE_CONFIG: must name an existing file (${file} does not exist)`);
    return demoConfig(cwd);
  }
  return parseConfig(fs.readFileSync(file, "utf8"), file);
}

/** Parses configuration text; `file` anchors relative paths and names the file in errors. */
export function parseConfig(text: string, file: string): MeshpaneConfig {
  const parsed = configSchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    const details = toFieldErrors(parsed.error).map((e) => e.message).join("; ");
    throw new Error(`${file}: invalid configuration: ${details}`);
  }
  const base = path.dirname(file);
  const clusters = parsed.data.clusters.map((c): ClusterConfig => ({ ...c, management: c.management ?? false, source: resolvePaths(c.source, base) }));
  if (!clusters.some((c) => c.management) && clusters[0]) clusters[0].management = true;
  return { clusters, staleAfterSeconds: parsed.data.staleAfterSeconds ?? 60, auth: authConfig(parsed.data.auth, base), origin: file };
}

function authConfig(auth: z.infer<typeof authSchema> | undefined, base: string): AuthConfig {
  if (!auth) return NO_AUTH;
  let oidc: OidcConfig | null = null;
  if (auth.oidc) {
    const { clientSecretEnv, clientSecretFile, ...rest } = auth.oidc;
    oidc = { ...rest, clientSecret: clientSecretEnv ? { env: clientSecretEnv } : clientSecretFile ? { file: path.resolve(base, clientSecretFile) } : null };
  }
  return { oidc, roles: auth.roles, demo: auth.demo ?? false, sessionHours: auth.sessionHours ?? 12 };
}

function resolvePaths(source: ClusterSourceConfig, base: string): ClusterSourceConfig {
  if ("directory" in source) return { directory: path.resolve(base, source.directory) };
  if ("kubeconfig" in source && source.kubeconfig.path) return { kubeconfig: { ...source.kubeconfig, path: path.resolve(base, source.kubeconfig.path) } };
  return source;
}
