// Starts two real kube-apiservers seeded with the demo's workload clusters (core kinds, and the Gloo and
// Gateway API objects through the generated test CRDs), a fault proxy in front of each, and Meshpane's
// production build on them; plus a switchboard the tests use to stop or restore a cluster and to create
// objects in it. Run with `node --conditions=react-server --import tsx`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { startApiServer, type ApiServer } from "../test/kube/apiserver";
import { proxyKubeconfig, startFaultProxy, type Fault, type FaultProxy } from "../test/kube/fault-proxy";
import { createWithStatus, seedFromDirectory } from "../test/kube/seed";
import { crdGroups } from "../test/kube/crd-gen";
import { installCrds } from "../test/kube/install-crds";
import { meshpaneRules } from "../test/deploy/rbac";
import { discoverServedKinds } from "@/lib/server/sources/kube/served";
import { kubeFetch } from "@/lib/server/sources/kube/http";
import { groupKind, splitApiVersion } from "@/lib/model/registry";
import type { KubeObject } from "@/lib/model/meta";
import { KUBE_E2E_CONTROL, KUBE_E2E_PORT } from "./kube-env";

const root = path.resolve(".e2e-kube");
fs.rmSync(root, { recursive: true, force: true });
fs.mkdirSync(root, { recursive: true });

const clusters = ["cluster-1", "cluster-2"] as const;
/** Meshpane reads this cluster with its own account, bound to the install's ClusterRole without impersonation. */
const READ_ONLY = "cluster-2";

/** The `meshpane` user's token, after binding it every rule of deploy/clusterrole.yaml except impersonate. */
async function readOnlyToken(admin: KubeConfig, server: ApiServer): Promise<string> {
  const rbac = "rbac.authorization.k8s.io";
  const role = { apiVersion: `${rbac}/v1`, kind: "ClusterRole", metadata: { name: "meshpane-no-impersonation" }, rules: meshpaneRules().filter((r) => !r.verbs.includes("impersonate")) };
  const binding = { apiVersion: `${rbac}/v1`, kind: "ClusterRoleBinding", metadata: { name: "meshpane-no-impersonation" }, roleRef: { apiGroup: rbac, kind: "ClusterRole", name: role.metadata.name }, subjects: [{ apiGroup: rbac, kind: "User", name: "meshpane" }] };
  await kubeFetch(admin, { method: "POST", path: `/apis/${rbac}/v1/clusterroles`, body: JSON.stringify(role), contentType: "application/json" });
  await kubeFetch(admin, { method: "POST", path: `/apis/${rbac}/v1/clusterrolebindings`, body: JSON.stringify(binding), contentType: "application/json" });
  return server.tokens.meshpane;
}
const servers: ApiServer[] = [];
const proxies = new Map<string, FaultProxy>();
const admins = new Map<string, KubeConfig>();
for (const name of clusters) {
  const server = await startApiServer(name);
  servers.push(server);
  const admin = new KubeConfig();
  admin.loadFromFile(server.kubeconfigPath);
  admins.set(name, admin);
  // Gloo, Gateway API and kgateway CRDs, so the Gloo objects of the dump load too. Istio's stay out:
  // e2e/kube.spec.ts checks that a cluster without them shows networking.istio.io as absent.
  await installCrds(admin, crdGroups().filter((g) => !g.endsWith(".istio.io")));
  const seeded = await seedFromDirectory(admin, path.resolve("examples/bookinfo-multicluster", name));
  console.log(`serve-kube: ${name}: ${seeded.created} objects; not served here: ${seeded.skippedKinds.join(", ")}`);
  // Writes impersonate the signed-in user: the demo's platform admin is cluster-admin here, as a real
  // platform team would bind it (the other demo users get nothing, so the cluster refuses their writes).
  const binding = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "meshpane-demo-admin" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "admin@demo.meshpane.local" }] };
  await kubeFetch(admin, { method: "POST", path: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", body: JSON.stringify(binding), contentType: "application/json" });
  const proxy = await startFaultProxy(server.url, server.caFile);
  proxies.set(name, proxy);
  proxyKubeconfig(path.join(root, `${name}.kubeconfig`), name, proxy.url, name === READ_ONLY ? await readOnlyToken(admin, server) : server.tokens.admin);
}
const config = ["clusters:", ...clusters.flatMap((c, i) => [`  - name: ${c}`, `    management: ${i === 0}`, `    source: { kubeconfig: { path: ${c}.kubeconfig, context: ${c} } }`]), "staleAfterSeconds: 20", "auth: { demo: true }"].join("\n");
fs.writeFileSync(path.join(root, "meshpane.config.yaml"), `${config}\n`);

http
  .createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const { cluster, fault, object } = JSON.parse(body || "{}") as { cluster: string; fault?: Fault; object?: KubeObject };
      const proxy = proxies.get(cluster);
      const admin = admins.get(cluster);
      if (!proxy || !admin) return res.writeHead(404).end();
      if (fault) proxy.set(fault);
      if (object) {
        const kind = (await discoverServedKinds(admin)).kinds.find((k) => k.groupKind === groupKind(splitApiVersion(object.apiVersion).group, object.kind));
        if (!kind) return res.writeHead(400).end();
        await createWithStatus(admin, kind, object);
      }
      res.writeHead(204).end();
    });
  })
  .listen(KUBE_E2E_CONTROL, "127.0.0.1");

const env = { ...process.env, MESHPANE_CONFIG: path.join(root, "meshpane.config.yaml"), DATABASE_URL: `file:${path.join(root, "e2e.db")}`, NEXT_TELEMETRY_DISABLED: "1" };
// The kube tokens are canaries: e2e/auth.spec.ts checks that none reaches a response or this server's log.
fs.writeFileSync(path.join(root, "canaries.json"), JSON.stringify(servers.flatMap((s) => Object.values(s.tokens))));
const log = fs.createWriteStream(path.join(root, "server.log"));
const server = spawn("sh", ["-c", `npx prisma migrate deploy >/dev/null && exec npx next start -H 127.0.0.1 -p ${KUBE_E2E_PORT}`], { stdio: ["ignore", "pipe", "pipe"], env });
server.stdout.on("data", (b: Buffer) => (process.stdout.write(b), log.write(b)));
server.stderr.on("data", (b: Buffer) => (process.stderr.write(b), log.write(b)));
const shutdown = async () => {
  server.kill("SIGTERM");
  for (const p of proxies.values()) await p.close();
  await Promise.all(servers.map((s) => s.stop()));
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
