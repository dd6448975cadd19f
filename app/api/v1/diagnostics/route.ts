import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { diagnosticItems, involves, matchesDiagnostic } from "@/lib/views/diagnostics";

const query = listQuery.extend({
  code: z.string().regex(/^MP\d{4}$/, "must be a catalogue code such as MP2001").optional(),
  severity: z.enum(["error", "warning", "info"], { message: "must be error, warning or info" }).optional(),
  workspace: z.string().optional(),
  kind: z.string().optional(),
  /** `true`: cluster, namespace, name and kind match any object the diagnostic involves, not only its first. */
  involved: z.enum(["true", "false"], { message: "must be true or false" }).optional(),
});

/**
 * Every validation diagnostic with its catalogue code, placed at its offending (first) object; filters:
 * cluster, namespace, name, kind (`Kind` or `Kind.group`), code, severity, workspace and free text. With
 * `involved=true` the object filters match any object involved (an object's own page lists them all).
 */
export const GET = route({ query }, ({ query, scope, store }) => {
  const d = derived(store);
  const f = readFilter(scope, d.workspaces);
  const visible = f.all ? d.diagnostics : d.diagnostics.filter((x) => x.objects[0] !== undefined && f.ref(x.objects[0]));
  const all = diagnosticItems(visible, d.workspaces);
  const text = (i: (typeof all)[number]) => `${i.code} ${i.severity} ${i.kind} ${i.field} ${i.message}`;
  if (query.involved !== "true") return listResponse(all.filter((i) => matchesDiagnostic(i, query)), query, text);
  const items = all.filter((i) => involves(i, query) && matchesDiagnostic(i, { ...query, kind: undefined }));
  return listResponse(items, { ...query, cluster: undefined, namespace: undefined, name: undefined }, text);
});
