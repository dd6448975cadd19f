import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { stringify } from "yaml";
import type { ApplyResult, AuditEntryView, DraftItem, DraftPreview, DraftView } from "@/lib/views/drafts";
import { E2E_DEMO } from "./env";

const TABLE = {
  apiVersion: "networking.gloo.solo.io/v2", kind: "RouteTable", metadata: { name: "e2e-ratings", namespace: "bookinfo-backends-config" },
  spec: { hosts: ["ratings.e2e.internal"], workloadSelectors: [], http: [{ name: "ratings", forwardTo: { destinations: [{ ref: { name: "ratings", namespace: "bookinfo-backends", cluster: "cluster-1" }, port: { number: 9080 } }] } }] },
};
const FILE = path.join(E2E_DEMO, "mgmt", "meshpane", "bookinfo-backends-config", "routetable-e2e-ratings.yaml");
const REF = { cluster: "mgmt", group: "networking.gloo.solo.io", kind: "RouteTable", namespace: "bookinfo-backends-config", name: "e2e-ratings" };

async function draftOf(request: APIRequestContext, items: DraftItem[]): Promise<DraftView> {
  const res = await request.post("/api/v1/drafts", { data: { items } });
  expect(res.status()).toBe(200);
  return (await res.json()) as DraftView;
}
async function previewAndApply(request: APIRequestContext, draft: DraftView): Promise<{ preview: DraftPreview; result: ApplyResult }> {
  const preview = (await (await request.post(`/api/v1/drafts/${draft.id}/preview`, { data: { contentHash: draft.contentHash } })).json()) as DraftPreview;
  const res = await request.post(`/api/v1/drafts/${draft.id}/apply`, { data: { contentHash: draft.contentHash } });
  expect(res.status()).toBe(200);
  return { preview, result: (await res.json()) as ApplyResult };
}
/** How many e2e-ratings tables the server's snapshot holds (the watch brings the file change in). */
const listed = async (request: APIRequestContext) => ((await (await request.get("/api/v1/objects", { params: { kind: "RouteTable.networking.gloo.solo.io", name: "e2e-ratings" } })).json()) as { items: unknown[] }).items.length;

test("a draft is created, previewed, applied to the directory, comes back through the watch, and is audited", async ({ request }) => {
  const draft = await draftOf(request, [{ op: "create", cluster: "mgmt", yaml: stringify(TABLE) }]);
  const { preview, result } = await previewAndApply(request, draft);
  expect(preview.ok).toBe(true);
  expect(preview.items[0]!.dryRun.ok).toBe(true);
  expect(preview.translation?.outputsAdded.some((o) => o.ref.kind === "VirtualService")).toBe(true);
  expect(result.ok).toBe(true);
  expect(result.items[0]!.status).toBe(201);
  expect(fs.readFileSync(FILE, "utf8")).toContain("ratings.e2e.internal");
  await expect.poll(() => listed(request)).toBe(1);

  const yaml = stringify(TABLE);
  const removal = await draftOf(request, [{ op: "delete", cluster: "mgmt", yaml, base: { ref: REF, resourceVersion: null, yaml } }]);
  expect((await previewAndApply(request, removal)).result.ok).toBe(true);
  expect(fs.existsSync(FILE)).toBe(false);
  await expect.poll(() => listed(request)).toBe(0);

  const audit = (await (await request.get("/api/v1/audit", { params: { draft: draft.id } })).json()) as { items: AuditEntryView[] };
  expect(audit.items.map((a) => `${a.action}:${a.result}:${a.status}`).sort()).toEqual(["apply:success:201", "dry-run:success:200"]);
});

test("invalid input gets field errors and apply stays refused; drafts survive and list; cross-origin writes fail", async ({ request }) => {
  const bad = structuredClone(TABLE) as typeof TABLE & { spec: { http: { forwardTo: { destinations: { weight?: unknown }[] } }[] } };
  bad.spec.http[0]!.forwardTo.destinations[0]!.weight = "abc";
  const draft = await draftOf(request, [{ op: "create", cluster: "mgmt", yaml: stringify(bad) }]);
  const preview = (await (await request.post(`/api/v1/drafts/${draft.id}/preview`, { data: { contentHash: draft.contentHash } })).json()) as DraftPreview;
  expect(preview.ok).toBe(false);
  expect(preview.items[0]!.fieldErrors.map((e) => e.field)).toContain("spec.http[0].forwardTo.destinations[0].weight");
  const apply = await request.post(`/api/v1/drafts/${draft.id}/apply`, { data: { contentHash: draft.contentHash } });
  expect(apply.status()).toBe(409);
  expect(((await apply.json()) as { code: string }).code).toBe("PreviewRequired");
  const open = (await (await request.get("/api/v1/drafts")).json()) as { items: { id: string }[] };
  expect(open.items.map((d) => d.id)).toContain(draft.id);
  const stale = await request.put(`/api/v1/drafts/${draft.id}`, { data: { revision: draft.revision - 1, items: draft.items } });
  expect(stale.status()).toBe(409);
  const cross = await request.post("/api/v1/drafts", { data: { items: draft.items }, headers: { origin: "https://evil.example" } });
  expect(cross.status()).toBe(403);
  expect((await request.delete(`/api/v1/drafts/${draft.id}`)).status()).toBe(200);
});

test("a request is traced as if a draft were applied: a ReferenceGrant in the draft fixes the 500 on /ratings", async ({ request }) => {
  const grant = { apiVersion: "gateway.networking.k8s.io/v1beta1", kind: "ReferenceGrant", metadata: { name: "from-gloo-edge", namespace: "bookinfo-backends" }, spec: { from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "gloo-edge" }], to: [{ group: "", kind: "Service" }] } };
  const draft = await draftOf(request, [{ op: "create", cluster: "cluster-1", yaml: stringify(grant) }]);
  const trace = async (extra: Record<string, string>) => (await (await request.post("/api/v1/trace", { data: { cluster: "cluster-1", host: "api.example.com", path: "/ratings", ...extra } })).json()) as { status: number };
  expect((await trace({})).status).toBe(500);
  expect((await trace({ draft: draft.id })).status).toBe(200);
  // Its preview says the gateway diagnostic goes away (MP9042: a backendRef no ReferenceGrant allows).
  const preview = (await (await request.post(`/api/v1/drafts/${draft.id}/preview`, { data: { contentHash: draft.contentHash } })).json()) as DraftPreview;
  expect(preview.translation?.diagnosticsRemoved.map((d) => `${d.code} ${d.objects[0]?.kind} ${d.objects[0]?.name}`)).toEqual(["MP9042 HTTPRoute ratings"]);
  expect(preview.translation?.diagnosticsAdded).toEqual([]);
  expect((await request.post("/api/v1/trace", { data: { host: "api.example.com", path: "/", draft: "00000000-0000-0000-0000-000000000000" } })).status()).toBe(404);
  expect((await request.delete(`/api/v1/drafts/${draft.id}`)).status()).toBe(200);
});

test("the trace page traces with a draft chosen in the form, and says so", async ({ page, request }) => {
  const grant = { apiVersion: "gateway.networking.k8s.io/v1beta1", kind: "ReferenceGrant", metadata: { name: "from-gloo-edge", namespace: "bookinfo-backends" }, spec: { from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: "gloo-edge" }], to: [{ group: "", kind: "Service" }] } };
  const draft = await draftOf(request, [{ op: "create", cluster: "cluster-1", yaml: stringify(grant) }]);
  await page.goto(`/drafts/${draft.id}`);
  await page.getByRole("link", { name: "Trace with this draft" }).click();
  await expect(page).toHaveURL(new RegExp(`draft=${draft.id}`));
  const form = page.getByRole("form", { name: "Trace a request" });
  await form.getByLabel("Cluster").selectOption("cluster-1");
  await form.getByLabel("Host").fill("api.example.com");
  await form.getByLabel("Path").fill("/ratings");
  await form.getByRole("button", { name: "Trace" }).click();
  await expect(page.getByTestId("trace-draft")).toContainText("create ReferenceGrant");
  await expect(page.getByTestId("trace-status")).toContainText("200");
  await page.screenshot({ path: ".test-results/trace-with-draft.png", fullPage: true });
  await page.getByRole("form", { name: "Trace a request" }).getByLabel("With draft").selectOption("");
  await page.getByRole("form", { name: "Trace a request" }).getByRole("button", { name: "Trace" }).click();
  await expect(page.getByTestId("trace-draft")).toHaveCount(0);
  await expect(page.getByTestId("trace-status")).toContainText("500");
  expect((await request.delete(`/api/v1/drafts/${draft.id}`)).status()).toBe(200);
});
