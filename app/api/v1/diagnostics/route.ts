import { z } from "zod";
import { route } from "@/lib/server/api/handler";
import { listQuery, listResponse } from "@/lib/server/api/list";
import { readFilter } from "@/lib/server/auth/visibility";
import { derived } from "@/lib/server/store/derived";
import { diagnosticItems, matchesDiagnostic } from "@/lib/views/diagnostics";

const query = listQuery.extend({
  code: z.string().regex(/^MP\d{4}$/, "must be a catalogue code such as MP2001").optional(),
  severity: z.enum(["error", "warning", "info"], { message: "must be error, warning or info" }).optional(),
  workspace: z.string().optional(),
  kind: z.string().optional(),
});

/**
 * Every validation diagnostic with its catalogue code, placed at its offending (first) object; filters:
 * cluster, namespace, name, kind (`Kind` or `Kind.group`), code, severity, workspace and free text.
 */
export const GET = route({ query }, ({ query, scope, store }) => {
  const d = derived(store);
  const f = readFilter(scope, d.workspaces);
  const visible = f.all ? d.diagnostics : d.diagnostics.filter((x) => x.objects[0] !== undefined && f.ref(x.objects[0]));
  const items = diagnosticItems(visible, d.workspaces).filter((i) => matchesDiagnostic(i, query));
  return listResponse(items, query, (i) => `${i.code} ${i.severity} ${i.kind} ${i.field} ${i.message}`);
});
